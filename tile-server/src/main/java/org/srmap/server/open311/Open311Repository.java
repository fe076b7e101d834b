package org.srmap.server.open311;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.srmap.server.privacy.PrivacySettings;
import org.srmap.server.privacy.PrivacySql;

/** Reads GeoReport's services and requests. Blocking: call it on the JDBC scheduler. */
@Component
public final class Open311Repository {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** The services: complaint types by their service code (a stable slug of the type), and their category. */
    record Service(String code, String name, String group) {}

    private final JdbcTemplate jdbc;
    private final PrivacySettings privacy;

    public Open311Repository(JdbcTemplate jdbc, PrivacySettings privacy) {
        this.jdbc = jdbc;
        this.privacy = privacy;
    }

    /** Every service by code, in code order. */
    Map<String, Service> services() {
        Map<String, Service> byCode = new TreeMap<>();
        jdbc.query(Open311Sql.SERVICES, rs -> {
            String type = rs.getString(1);
            String base = ServiceCodes.slug(type);
            String code = base;
            for (int n = 2; byCode.containsKey(code); n++) {
                code = base + "-" + n;
            }
            byCode.put(code, new Service(code, type, rs.getString(2)));
        });
        return byCode;
    }

    /** One page of requests as GeoReport fields, in order. */
    List<Map<String, Object>> requests(RequestSearch q, Map<String, String> codeOfType) {
        return jdbc.query(Open311Sql.REQUESTS, ps -> bind(ps, q), (rs, n) -> request(rs, codeOfType));
    }

    private void bind(PreparedStatement ps, RequestSearch q) throws SQLException {
        int i = PrivacySql.bindTypes(ps, 1, privacy);
        i = PrivacySql.bindTypes(ps, i, privacy);
        i = twice(ps, i, ps.getConnection().createArrayOf("int8", q.keys().toArray()), Types.ARRAY);
        i = twice(ps, i, ps.getConnection().createArrayOf("text", q.types().toArray()), Types.ARRAY);
        i = twice(ps, i, q.start() == null ? null : Timestamp.from(q.start()), Types.TIMESTAMP_WITH_TIMEZONE);
        i = twice(ps, i, q.end() == null ? null : Timestamp.from(q.end()), Types.TIMESTAMP_WITH_TIMEZONE);
        i = twice(ps, i, q.status(), Types.VARCHAR);
        i = twice(
                ps,
                i,
                q.updatedAfter() == null ? null : Timestamp.from(q.updatedAfter()),
                Types.TIMESTAMP_WITH_TIMEZONE);
        RequestSearch.Box b = q.box();
        Object[] box = b == null
                ? new Object[] {null, null, null, null, null, null, null, null, null, null, null}
                : new Object[] {
                    b.west(),
                    b.west(),
                    b.south(),
                    b.east(),
                    b.north(),
                    PrivacySql.marginLon(privacy),
                    PrivacySql.marginLat(privacy),
                    b.west(),
                    b.south(),
                    b.east(),
                    b.north()
                };
        for (Object v : box) {
            ps.setObject(i++, v, Types.DOUBLE);
        }
        RequestSearch.Circle c = q.circle();
        Object[] circle = c == null
                ? new Object[] {null, null, null, null}
                : new Object[] {c.radius(), c.lon(), c.lat(), c.radius()};
        for (Object v : circle) {
            ps.setObject(i++, v, Types.DOUBLE);
        }
        ps.setInt(i++, q.pageSize());
        ps.setLong(i, (long) (q.page() - 1) * q.pageSize());
    }

    private static int twice(PreparedStatement ps, int index, Object value, int type) throws SQLException {
        for (int k = 0; k < 2; k++) {
            if (value == null) {
                ps.setNull(index + k, type);
            } else if (value instanceof Timestamp t) {
                ps.setTimestamp(index + k, t);
            } else {
                ps.setObject(index + k, value, type);
            }
        }
        return index + 2;
    }

    private static Map<String, Object> request(ResultSet rs, Map<String, String> codeOfType) throws SQLException {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service_request_id", Long.toString(rs.getLong("unique_key")));
        r.put("status", rs.getBoolean("is_closed") ? "closed" : "open");
        r.put("status_notes", rs.getString("resolution"));
        String type = rs.getString("complaint_type");
        r.put("service_name", type);
        r.put("service_code", codeOfType.get(type));
        r.put("description", rs.getString("descriptor"));
        r.put("agency_responsible", rs.getString("agency"));
        r.put("service_notice", null);
        r.put("requested_datetime", datetime(rs.getTimestamp("created_at")));
        r.put("updated_datetime", datetime(rs.getTimestamp("updated_at")));
        r.put("expected_datetime", datetime(rs.getTimestamp("due_at")));
        r.put("address", rs.getString("incident_address"));
        r.put("address_id", null);
        r.put("zipcode", rs.getString("zip"));
        double lat = rs.getDouble("lat");
        boolean placed = !rs.wasNull();
        r.put("lat", placed ? lat : null);
        r.put("long", placed ? rs.getDouble("lon") : null);
        r.put("media_url", null);
        return r;
    }

    /** ISO 8601 with New York's offset, as GeoReport asks (a zone must be given). */
    private static String datetime(Timestamp t) {
        return t == null
                ? null
                : t.toInstant().atZone(NEW_YORK).toOffsetDateTime().toString();
    }

    /** The service code of each type. */
    static Map<String, String> codes(Map<String, Service> services) {
        Map<String, String> byType = new LinkedHashMap<>();
        services.values().forEach(s -> byType.put(s.name(), s.code()));
        return byType;
    }

    /** The types of service codes, in the order given. */
    static List<String> types(Map<String, Service> services, List<String> codes) {
        List<String> types = new ArrayList<>();
        for (String c : codes) {
            Service s = services.get(c);
            if (s != null) {
                types.add(s.name());
            }
        }
        return types;
    }
}
