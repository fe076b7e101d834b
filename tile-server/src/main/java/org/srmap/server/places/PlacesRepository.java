package org.srmap.server.places;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the places. Blocking: call it on the JDBC scheduler. */
@Component
public final class PlacesRepository {
    private final JdbcTemplate jdbc;

    public PlacesRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The boroughs as GeoJSON text. */
    public String boroughs() {
        return jdbc.queryForObject(PlacesSql.BOROUGHS, String.class);
    }

    public List<District> districts() {
        return jdbc.query(PlacesSql.DISTRICTS, (rs, i) -> {
            int boroCd = rs.getInt("boro_cd");
            String borough = rs.getString("borough");
            boolean joint = rs.getBoolean("joint_interest");
            int population = rs.getInt("population");
            Integer counted = rs.wasNull() || population == 0 ? null : population;
            String name = borough == null ? "District " + boroCd : District.nameOf(boroCd, borough, joint);
            return new District(boroCd, borough, name, joint, counted);
        });
    }
}
