package org.srmap.ingest.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.srmap.sql.Database;

/**
 * One ingest at a time: a PostgreSQL session advisory lock held for the whole command. The lock
 * dies with its connection, so a killed ingest never leaves it behind; runs still marked
 * 'running' after it is taken were interrupted and are marked 'aborted'.
 */
public final class IngestLock implements AutoCloseable {
    /** "SRMAP311" as a number: the advisory-lock key of the ingest. */
    static final long KEY = 0x5352_4d41_5033_3131L;

    private static final String TRY_LOCK = "SELECT pg_try_advisory_lock(?)";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(?)";
    private static final String HOLDER =
            """
            SELECT r.run_id, r.source, to_char(r.started_at, 'YYYY-MM-DD HH24:MI:SS TZ'), l.pid
              FROM pg_locks l
              LEFT JOIN LATERAL (SELECT run_id, source, started_at FROM ingest_run
                                  WHERE status = 'running' ORDER BY run_id DESC LIMIT 1) r ON true
             WHERE l.locktype = 'advisory' AND l.granted
               AND ((l.classid::bigint << 32) | l.objid::bigint) = ?""";
    private static final String ABORT_STALE =
            """
            UPDATE ingest_run SET status = 'aborted', finished_at = now(),
                   message = 'interrupted: the process ended before its transaction committed; nothing of it was kept'
             WHERE status = 'running'""";

    private final Connection connection;

    private IngestLock(Connection connection) {
        this.connection = connection;
    }

    /**
     * Takes the lock, waiting up to {@code wait} (zero: not at all). Throws {@link IngestBusyException}
     * naming the running ingest when it stays taken.
     */
    public static IngestLock acquire(Database db, Duration wait) throws SQLException {
        Connection c = db.open();
        try {
            long deadline = System.nanoTime() + wait.toNanos();
            while (!tryLock(c)) {
                if (System.nanoTime() >= deadline) {
                    throw new IngestBusyException(describeHolder(c));
                }
                sleepOneSecond();
            }
            try (Statement st = c.createStatement()) {
                st.executeUpdate(ABORT_STALE);
            }
            return new IngestLock(c);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** The connection holding the lock, in auto-commit mode, for run bookkeeping. */
    public Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(UNLOCK)) {
            ps.setLong(1, KEY);
            ps.execute();
        } finally {
            connection.close();
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(TRY_LOCK)) {
            ps.setLong(1, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static String describeHolder(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HOLDER)) {
            ps.setLong(1, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getString(2) != null) {
                    return "another ingest is running (run " + rs.getLong(1) + " reading " + rs.getString(2)
                            + ", started " + rs.getString(3) + ", server pid " + rs.getInt(4)
                            + "); wait for it to finish, or rerun with --wait SECONDS";
                }
            }
        }
        return "another ingest holds the ingest lock; wait for it to finish, or rerun with --wait SECONDS";
    }

    private static void sleepOneSecond() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestBusyException("interrupted while waiting for the ingest lock");
        }
    }
}
