package org.srmap.ingest.load;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.srmap.ingest.locate.Locator;
import org.srmap.ingest.locate.Placement;

/**
 * Merges the staged rows into {@code service_request} inside the caller's transaction: finds the
 * rows that change anything, teaches and consults the gazetteer, upserts by unique key, saves the
 * rejects and notes the touched days for the {@link Finisher}, which refreshes their rollups (and
 * builds the indexes a bulk load dropped) after the commit. Records seconds per step.
 */
public final class Merger {
    private final Connection connection;
    private final Locator locator;
    private final Map<String, Double> timings = new LinkedHashMap<>();

    public Merger(Connection connection, Locator locator) {
        this.connection = connection;
        this.locator = locator;
    }

    /**
     * Runs the merge for ingest run {@code runId} reading {@code source}, given the plan the rows
     * were loaded by and what the rows loaded straight into service_request added.
     */
    public MergeResult merge(long runId, String source, LoadPlan plan, DirectTally direct)
            throws SQLException, IOException {
        try (Statement st = connection.createStatement()) {
            timed("analyze", () -> {
                st.execute(StageSql.ANALYZE_STAGE);
                return 0L;
            });
            long distinct = direct.rows() + timed("count keys", () -> single(StageSql.COUNT_DISTINCT_KEYS, runId));
            timed("find changes", () -> {
                st.execute(StageSql.CREATE_CHANGED);
                update(StageSql.FIND_CHANGED, runId);
                st.execute(StageSql.INDEX_CHANGED);
                st.execute(StageSql.ANALYZE_CHANGED);
                return 0L;
            });
            long[] changed = longs(st, StageSql.COUNT_CHANGED, 2);
            timed("gazetteer", () -> {
                st.execute(StageSql.LEARN_GAZETTEER);
                st.execute(StageSql.LEARN_GAZETTEER_DIRECT);
                st.executeUpdate(StageSql.PLACE_BY_GAZETTEER);
                st.executeUpdate(StageSql.PLACE_BY_GAZETTEER_BOROUGH);
                fixGazetteerPlaced(st);
                return 0L;
            });
            long[] placement = longs(st, StageSql.PLACEMENT_COUNTS, 9);
            long[] directPlacement = direct.placement();
            for (int i = 0; i < placement.length; i++) {
                placement[i] += directPlacement[i];
            }
            boolean bulk = plan.bulk() || isBulk(changed[0] + changed[1], plan.tableRows());
            long days = timed("upsert", () -> {
                st.execute(StageSql.CREATE_DAYS);
                try (PreparedStatement ps = connection.prepareStatement(StageSql.ADD_DIRECT_DAYS)) {
                    ps.setArray(1, connection.createArrayOf("date", direct.days()));
                    ps.executeUpdate();
                }
                st.execute(StageSql.ADD_COMPLAINT_TYPES);
                try (PreparedStatement ps = connection.prepareStatement(StageSql.ADD_DIRECT_COMPLAINT_TYPES)) {
                    ps.setArray(1, connection.createArrayOf("text", direct.types()));
                    ps.executeUpdate();
                }
                if (bulk && !plan.bulk()) {
                    st.execute(StageSql.DROP_INDEXES);
                }
                try (PreparedStatement ps = connection.prepareStatement(StageSql.UPSERT)) {
                    ps.setLong(1, runId);
                    ps.executeUpdate();
                }
                return single(st, StageSql.COUNT_DAYS);
            });
            timed("rejects", () -> {
                try (PreparedStatement ps = connection.prepareStatement(StageSql.SAVE_REJECTS)) {
                    ps.setLong(1, runId);
                    ps.setString(2, source);
                    return (long) ps.executeUpdate();
                }
            });
            timed("pending rollups", () -> (long) st.executeUpdate(StageSql.ADD_PENDING_ROLLUPS));
            long inserted = direct.rows() + changed[0];
            long updated = changed[1];
            return new MergeResult(
                    distinct,
                    inserted,
                    updated,
                    distinct - inserted - updated,
                    placement[0],
                    placement[1],
                    placement[2],
                    placement[3],
                    placement[4],
                    placement[5],
                    placement[6],
                    placement[7],
                    placement[8],
                    days);
        }
    }

    /**
     * Bulk mode, for loads that write at least {@link #BULK_MIN_ROWS} rows and at least half as many
     * as the table holds: the secondary indexes are dropped before the upsert and built again by the
     * {@link Finisher} after the commit. Readers of service_request wait for the transaction; small
     * daily loads never take this path.
     */
    static boolean isBulk(long changedRows, long tableRows) {
        return changedRows >= BULK_MIN_ROWS && changedRows * 2 >= tableRows;
    }

    static final long BULK_MIN_ROWS = 100_000;

    /** Seconds per merge step, in order. */
    public Map<String, Double> timings() {
        return timings;
    }

    /**
     * Districts and cells for rows the gazetteer placed, computed here with the same index. The
     * rows are read first (a few percent of a file, kept in primitive arrays) because one
     * connection cannot stream a cursor and a COPY at once.
     */
    private void fixGazetteerPlaced(Statement st) throws SQLException, IOException {
        st.execute(StageSql.CREATE_FIX);
        PointList points = new PointList();
        try (Statement select = connection.createStatement()) {
            select.setFetchSize(10_000);
            try (ResultSet rs = select.executeQuery(StageSql.SELECT_GAZETTEER_PLACED)) {
                while (rs.next()) {
                    points.add(rs.getLong(1), rs.getDouble(2), rs.getDouble(3));
                }
            }
        }
        if (points.size() == 0) {
            return;
        }
        try (CopySwitch copy = new CopySwitch(connection)) {
            Writer out = copy.text(StageSql.COPY_FIX);
            CopyRow row = new CopyRow();
            for (int i = 0; i < points.size(); i++) {
                Placement p = locator.at(points.lon(i), points.lat(i), Placement.Source.GAZETTEER);
                row.number(points.id(i))
                        .numberOrNull(p.boroCd())
                        .numberOrNull(p.boroCode())
                        .numberOrNull(p.h3r8())
                        .numberOrNull(p.h3r10())
                        .writeTo(out);
            }
        }
        st.executeUpdate(StageSql.APPLY_FIX);
    }

    private interface Step {
        long run() throws SQLException, IOException;
    }

    private long timed(String name, Step step) throws SQLException, IOException {
        long start = System.nanoTime();
        long result = step.run();
        timings.merge(name, (System.nanoTime() - start) / 1e9, Double::sum);
        return result;
    }

    private long single(String sql, long parameter) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void update(String sql, long parameter) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, parameter);
            ps.executeUpdate();
        }
    }

    private static long single(Statement st, String sql) throws SQLException {
        return longs(st, sql, 1)[0];
    }

    private static long[] longs(Statement st, String sql, int n) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                values[i] = rs.getLong(i + 1);
            }
            return values;
        }
    }
}
