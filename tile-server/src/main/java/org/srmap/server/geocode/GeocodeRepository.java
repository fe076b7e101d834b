package org.srmap.server.geocode;

import java.sql.Array;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.srmap.geocoder.h3.H3Cells;
import org.srmap.server.privacy.AddressDisclosure;

/** Runs the geocoding queries. Blocking: call it on the JDBC scheduler. */
@Component
public final class GeocodeRepository {
    private final JdbcTemplate jdbc;
    private final AddressDisclosure disclosure;

    public GeocodeRepository(JdbcTemplate jdbc, AddressDisclosure disclosure) {
        this.jdbc = jdbc;
        this.disclosure = disclosure;
    }

    /**
     * The point of the first key (ZIP key, then borough key) the gazetteer knows and may answer
     * (not one that only requests of sensitive types named: {@link AddressDisclosure}).
     */
    public Optional<AddressMatch> address(String zipKey, String boroughKey) {
        List<String> keys = boroughKey == null || boroughKey.equals(zipKey)
                ? List.of(zipKey)
                : zipKey == null ? List.of(boroughKey) : List.of(zipKey, boroughKey);
        Map<String, double[]> found = new HashMap<>();
        jdbc.query(
                GeocodeSql.POINTS,
                ps -> {
                    Array array = ps.getConnection().createArrayOf("text", keys.toArray());
                    ps.setArray(1, array);
                },
                rs -> {
                    found.put(rs.getString(1), new double[] {rs.getDouble(3), rs.getDouble(2)});
                });
        for (String key : keys) {
            double[] point = found.get(key);
            if (point != null && disclosure.answerable(key, point[1], point[0])) {
                // a key ends in its ZIP code, or in the borough's name when the address had none
                String by = Character.isDigit(key.charAt(key.length() - 1)) ? "zip" : "borough";
                return Optional.of(new AddressMatch(key, by, point[0], point[1]));
            }
        }
        return Optional.empty();
    }

    public Place reverse(double lat, double lon) {
        long r10 = H3Cells.cell(lat, lon, H3Cells.POINT_RES);
        String r8 = Long.toHexString(H3Cells.parent(r10, H3Cells.ROLLUP_RES));
        return jdbc.query(
                GeocodeSql.REVERSE,
                ps -> {
                    ps.setDouble(1, lon);
                    ps.setDouble(2, lat);
                },
                rs -> {
                    rs.next();
                    int district = rs.getInt("district");
                    Integer cd = rs.wasNull() ? null : district;
                    int code = rs.getInt("boro_code");
                    Integer boroCode = rs.wasNull() ? null : code;
                    return new Place(
                            lat,
                            lon,
                            cd,
                            boroCode,
                            rs.getString("borough_name"),
                            rs.getString("nta_code"),
                            rs.getString("nta_name"),
                            r8,
                            Long.toHexString(r10));
                });
    }
}
