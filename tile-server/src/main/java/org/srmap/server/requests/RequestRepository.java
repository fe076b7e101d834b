package org.srmap.server.requests;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.srmap.server.filter.Filter;
import org.srmap.server.filter.FilterSql;
import org.srmap.server.privacy.PrivacySettings;
import org.srmap.server.privacy.PrivacySql;

/** Runs the requests API's queries. Blocking: call it on the JDBC scheduler. */
@Component
public final class RequestRepository {
    /** Metres per degree of latitude, rounded down so that the search box never falls short. */
    private static final double METRES_PER_DEGREE = 110_000;

    /** One page of a nearby search and how many requests it found in all. */
    public record Page(long total, List<RequestView> requests) {
        public Page {
            requests = List.copyOf(requests);
        }
    }

    private final JdbcTemplate jdbc;
    private final PrivacySettings privacy;

    public RequestRepository(JdbcTemplate jdbc, PrivacySettings privacy) {
        this.jdbc = jdbc;
        this.privacy = privacy;
    }

    public Optional<RequestView> byKey(long key) {
        List<RequestView> found = jdbc.query(
                RequestSql.BY_KEY,
                ps -> {
                    int i = shown(ps, 1);
                    ps.setLong(i, key);
                },
                (rs, i) -> view(rs));
        return found.stream().findFirst();
    }

    public Page nearby(NearbyQuery q, Filter f) {
        double dlat = q.radius() / METRES_PER_DEGREE;
        double dlon = dlat / Math.max(0.01, Math.cos(Math.toRadians(Math.min(89, Math.abs(q.lat()) + dlat))));
        return jdbc.query(
                RequestSql.NEARBY,
                ps -> {
                    int i = 1;
                    ps.setDouble(i++, q.lon());
                    ps.setDouble(i++, q.lat());
                    ps.setDouble(i++, dlat);
                    ps.setDouble(i++, dlon);
                    ps.setDouble(i++, q.radius());
                    ps.setDouble(i++, PrivacySql.marginLat(privacy));
                    ps.setDouble(i++, PrivacySql.marginLon(privacy));
                    i = PrivacySql.bindTypes(ps, i, privacy);
                    i = FilterSql.bindRequests(ps, i, f);
                    i = shown(ps, i);
                    ps.setInt(i++, q.pageSize());
                    ps.setLong(i, q.offset());
                },
                rs -> {
                    long total = 0;
                    List<RequestView> views = new ArrayList<>();
                    while (rs.next()) {
                        total = rs.getLong("total");
                        rs.getLong("unique_key");
                        if (!rs.wasNull()) {
                            views.add(view(rs));
                        }
                    }
                    return new Page(total, views);
                });
    }

    /** Binds the generalised types of {@code RequestSql.SHOWN} at {@code index}; returns the next index. */
    private int shown(PreparedStatement ps, int index) throws SQLException {
        int i = index;
        for (int k = 0; k < 3; k++) {
            i = PrivacySql.bindTypes(ps, i, privacy);
        }
        return i;
    }

    private static RequestView view(ResultSet rs) throws SQLException {
        double metres = rs.getDouble("metres");
        Double distance = rs.wasNull() ? null : metres;
        double lat = rs.getDouble("lat");
        boolean placed = !rs.wasNull();
        int district = rs.getInt("district");
        Integer boroCd = rs.wasNull() ? null : district;
        return new RequestView(
                rs.getLong("unique_key"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("closed_at")),
                instant(rs.getTimestamp("updated_at")),
                rs.getString("status"),
                rs.getString("agency"),
                rs.getString("category"),
                rs.getString("complaint_type"),
                rs.getString("descriptor"),
                rs.getString("location_type"),
                rs.getString("incident_address"),
                rs.getString("zip"),
                rs.getString("borough"),
                boroCd,
                rs.getString("reported_board"),
                rs.getString("channel"),
                rs.getString("resolution"),
                placed ? lat : null,
                placed ? rs.getDouble("lon") : null,
                rs.getBoolean("generalised"),
                distance);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
