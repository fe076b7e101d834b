package org.srmap.ingest.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How one source is loaded, decided before its first row from its size and the table's.
 *
 * <ul>
 *   <li><b>direct</b>: rows whose key is new go by COPY straight into service_request; only the
 *       rest (keys already loaded, repeated keys, rows waiting for the gazetteer) are staged and
 *       merged. Worth it when the source is large: it costs reading every key of the table first.
 *   <li><b>bulk</b>: additionally the secondary indexes of service_request are dropped before the
 *       COPY and built once at the end, for loads at least half the table's size.
 * </ul>
 *
 * @param direct load new keys straight into service_request
 * @param bulk drop and rebuild the secondary indexes around the load
 * @param estimatedRows the source's estimated rows (0 when its size is unknown)
 * @param tableRows the planner's estimate of service_request's rows
 */
public record LoadPlan(boolean direct, boolean bulk, long estimatedRows, long tableRows) {
    public LoadPlan {
        if (bulk && !direct) {
            throw new IllegalArgumentException("a bulk load must be direct");
        }
        if (estimatedRows < 0 || tableRows < 0) {
            throw new IllegalArgumentException(
                    "row estimates must be >= 0, were " + estimatedRows + " and " + tableRows);
        }
    }

    /**
     * When to take each path.
     *
     * @param directMinRows least estimated source rows for the direct path; 0 takes it for every
     *     sized source, whatever the table's size
     * @param bulkMinRows least estimated source rows for bulk mode; 0 takes it for every direct load
     */
    public record Policy(long directMinRows, long bulkMinRows) {
        /** Direct from 50,000 rows (about 25 MB of export), bulk from 100,000. */
        public static final Policy DEFAULT = new Policy(50_000, 100_000);

        /** Every row staged and merged: the path of small and unsized sources. */
        public static final Policy STAGED = new Policy(Long.MAX_VALUE, Long.MAX_VALUE);

        public Policy {
            if (directMinRows < 0 || bulkMinRows < 0) {
                throw new IllegalArgumentException(
                        "thresholds must be >= 0, were " + directMinRows + " and " + bulkMinRows);
            }
        }
    }

    /** Bytes per row of an Open Data export, for estimating a file's rows from its size. */
    static final long BYTES_PER_ROW = 500;

    /**
     * Chooses the plan for a source of {@code sourceBytes} (negative when unknown). Reading the
     * table's keys costs about a twentieth of loading as many rows, so the direct path also needs a
     * source at least a twentieth of the table.
     */
    public static LoadPlan choose(Connection c, long sourceBytes, Policy policy) throws SQLException {
        long tableRows;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(StageSql.ESTIMATED_ROWS)) {
            rs.next();
            tableRows = rs.getLong(1);
        }
        return decide(sourceBytes, tableRows, policy);
    }

    /** The plan for a source of {@code sourceBytes} (negative when unknown) and a table of {@code tableRows}. */
    static LoadPlan decide(long sourceBytes, long tableRows, Policy policy) {
        long rows = sourceBytes < 0 ? 0 : sourceBytes / BYTES_PER_ROW;
        boolean sized = sourceBytes >= 0;
        boolean direct =
                sized && (policy.directMinRows() == 0 || rows >= policy.directMinRows() && rows * 20 >= tableRows);
        boolean bulk = direct && (policy.bulkMinRows() == 0 || rows >= policy.bulkMinRows() && rows * 2 >= tableRows);
        return new LoadPlan(direct, bulk, rows, tableRows);
    }
}
