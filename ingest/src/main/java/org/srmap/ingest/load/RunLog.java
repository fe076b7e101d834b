package org.srmap.ingest.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/** The {@code ingest_run} bookkeeping: a run is recorded 'running' first, then finished or failed. */
public final class RunLog {
    private static final String START =
            "INSERT INTO ingest_run (kind, source, status) VALUES (?, ?, 'running') RETURNING run_id";

    private static final String SUCCEED =
            """
            UPDATE ingest_run SET finished_at = now(), source_sha256 = ?, source_bytes = ?,
                   rows_read = ?, rows_loaded = ?, rows_inserted = ?, rows_updated = ?, rows_unchanged = ?,
                   rows_rejected = ?, rows_with_location = ?, rows_placed = ?, rows_unplaced = ?,
                   district_compared = ?, district_agreed = ?, counters = ?::jsonb, timings = ?::jsonb,
                   status = CASE WHEN ? THEN 'finishing' ELSE 'succeeded' END, message = ?,
                   high_water_mark = ?
             WHERE run_id = ?""";

    private static final String FAIL =
            """
            UPDATE ingest_run SET status = 'failed', finished_at = now(), rows_read = ?, message = ?
             WHERE run_id = ?""";

    private RunLog() {}

    /** Records a new running run (auto-commit connection) and returns its id. */
    public static long start(Connection c, String kind, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(START)) {
            ps.setString(1, kind);
            ps.setString(2, source);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Marks the run succeeded, in the ingest's own transaction so it commits with the data; a run that
     * changed data is 'finishing' until the {@link Finisher} has refreshed the rollups and given it a
     * data version.
     */
    public static void succeed(Connection c, long runId, RunFigures f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SUCCEED)) {
            int i = 1;
            ps.setString(i++, f.sha256());
            ps.setLong(i++, f.bytes());
            ps.setLong(i++, f.rowsRead());
            ps.setLong(i++, f.rowsLoaded());
            ps.setLong(i++, f.merge().inserted());
            ps.setLong(i++, f.merge().updated());
            ps.setLong(i++, f.merge().unchanged());
            ps.setLong(i++, f.rowsRejected());
            ps.setLong(i++, f.merge().withLocation());
            ps.setLong(i++, f.merge().placedWithLocation());
            ps.setLong(i++, f.merge().unplaced());
            ps.setLong(i++, f.merge().districtCompared());
            ps.setLong(i++, f.merge().districtAgreed());
            ps.setString(i++, f.countersJson());
            ps.setString(i++, f.timingsJson());
            ps.setBoolean(i++, f.merge().changedData());
            if (f.message() == null) {
                ps.setNull(i++, Types.VARCHAR);
            } else {
                ps.setString(i++, f.message());
            }
            if (f.highWaterMark() == null) {
                ps.setNull(i++, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                ps.setObject(i++, OffsetDateTime.ofInstant(f.highWaterMark(), ZoneOffset.UTC));
            }
            ps.setLong(i, runId);
            ps.executeUpdate();
        }
    }

    /** Marks the run failed with a message a person can act on (auto-commit connection). */
    public static void fail(Connection c, long runId, long rowsRead, String message) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FAIL)) {
            ps.setLong(1, rowsRead);
            ps.setString(2, message);
            ps.setLong(3, runId);
            ps.executeUpdate();
        }
    }

    /** Seconds per step as a JSON object, in the map's order, to three decimals. */
    public static String timingsJson(Map<String, Double> timings) {
        StringBuilder sb = new StringBuilder("{");
        timings.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append('"').append(k).append("\": ").append(String.format(Locale.ROOT, "%.3f", v));
        });
        return sb.append('}').toString();
    }

    /** The figures a finished run records; {@code highWaterMark} (API loads) may be null. */
    public record RunFigures(
            String sha256,
            long bytes,
            long rowsRead,
            long rowsLoaded,
            long rowsRejected,
            MergeResult merge,
            String countersJson,
            String timingsJson,
            String message,
            Instant highWaterMark) {
        public RunFigures {
            if (rowsRead != rowsLoaded + rowsRejected) {
                throw new IllegalArgumentException("rows read must equal loaded + rejected, was " + rowsRead + " vs "
                        + rowsLoaded + " + " + rowsRejected);
            }
        }
    }
}
