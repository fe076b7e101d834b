package org.srmap.ingest.run;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.srmap.sql.Database;

/** Small read-only queries the ingest tests assert on. */
final class DbQueries {
    private DbQueries() {}

    /**
     * A digest of every service request (all columns but ingest_run_id, which differs between
     * otherwise equal loads), the rollups and the gazetteer: its keys, counts and points to
     * 1e-7 degrees (1 cm), since the direct path sums an address's points per spelling first and
     * floating-point sums in another order differ in their last bits.
     */
    static final String CHECKSUM =
            """
            SELECT md5(coalesce((SELECT string_agg(t::text, '|' ORDER BY unique_key)
                                   FROM (SELECT s.unique_key, s.created_at, s.created_day, s.closed_at, s.due_at,
                                                s.updated_at, s.version_at, s.agency, s.complaint_type_raw,
                                                s.complaint_type, s.descriptor, s.status, s.incident_address, s.zip,
                                                s.bbl, s.resolution, s.reported_board, s.reported_boro_cd, s.boro_cd,
                                                s.boro_code, s.location_source, ST_AsText(s.geom), s.h3_r8, s.h3_r10,
                                                s.row_hash
                                           FROM service_request s) t), '')
                       || coalesce((SELECT string_agg(r::text, '|' ORDER BY day, complaint_type, agency, boro_cd)
                                      FROM rollup_district_daily r), '')
                       || coalesce((SELECT string_agg(m::text, '|' ORDER BY month, complaint_type, agency, boro_cd)
                                      FROM rollup_district_monthly m), '')
                       || coalesce((SELECT string_agg(h::text, '|' ORDER BY day, complaint_type, agency, boro_cd, h3_r8)
                                      FROM rollup_h3_daily h), '')
                       || coalesce((SELECT string_agg(concat_ws(',', g.address_key, g.n,
                                                              round((g.sum_lon / g.n)::numeric, 7),
                                                              round((g.sum_lat / g.n)::numeric, 7)),
                                                    '|' ORDER BY g.address_key)
                                      FROM gazetteer g), ''))""";

    static String checksum(Database db) throws SQLException {
        return text(db, CHECKSUM);
    }

    /** A single number; a NULL (e.g. the sum over no rows) fails the test with the query named. */
    static long count(Database db, String sql) throws SQLException {
        String value = text(db, sql);
        if (value == null) {
            throw new AssertionError("NULL from: " + sql);
        }
        return Long.parseLong(value);
    }

    static String text(Database db, String sql) throws SQLException {
        try (Connection c = db.open();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
