package org.srmap.server.query;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The pool, with each connection it lends registered in the borrowing thread's {@link QueryScope},
 * so that the scope can cancel it. While the database cannot be reached, one borrower every {@link
 * #RETRY_NANOS} tries it (waiting at most the pool's connection timeout) and every other one fails at
 * once: a request during an outage is answered 503 at once instead of queueing behind the tries.
 * The database is taken as down when a borrower cannot get a connection while none is lent (with
 * connections lent, the pool is busy, not the database down), or when a query loses its connection
 * ({@link #lost}: PostgreSQL stopping terminates every session at once).
 */
public final class CancellingDataSource extends DelegatingDataSource implements AutoCloseable {
    /** While the database is down, how long after a failed try the next one may be made. */
    static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private static final Logger LOG = LoggerFactory.getLogger(CancellingDataSource.class);
    private static final long UP = Long.MIN_VALUE;

    private final HikariDataSource pool;
    /** {@link #UP}, or the {@link System#nanoTime()} before which nobody may try the database. */
    private final AtomicLong retryAt = new AtomicLong(UP);

    public CancellingDataSource(HikariDataSource pool) {
        super(pool);
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return QueryScope.track(borrow(), this);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("the pool lends its own user's connections only");
    }

    /** Whether the last try to reach the database failed. */
    public boolean down() {
        return retryAt.get() != UP;
    }

    /**
     * A lent connection was lost (see {@link QueryScope#lostConnection}): the database is taken as
     * down from now, so requests are answered 503 at once instead of each waiting the pool's
     * connection timeout; the next borrower after {@link #RETRY_NANOS} tries it again.
     */
    void lost(SQLException e) {
        if (retryAt.compareAndSet(UP, System.nanoTime() + RETRY_NANOS)) {
            LOG.warn(
                    "a query lost its connection ({}); requests are answered 503 until the database answers: {}",
                    e.getSQLState(),
                    e.getMessage());
        }
    }

    private Connection borrow() throws SQLException {
        long at = retryAt.get();
        if (at != UP && (System.nanoTime() - at < 0 || !retryAt.compareAndSet(at, System.nanoTime() + RETRY_NANOS))) {
            throw new SQLTransientConnectionException(
                    "the database cannot be reached (another request is trying it again)", "08001");
        }
        try {
            Connection c = pool.getConnection();
            if (retryAt.getAndSet(UP) != UP) {
                LOG.info("the database answers again");
            }
            return c;
        } catch (SQLException e) {
            if (interrupted(e)) { // a request cancelled while it waited: nothing is known of the database
                throw e;
            }
            if (busy()) { // other requests hold connections the database answered: up, only busy
                throw e;
            }
            if (retryAt.getAndSet(System.nanoTime() + RETRY_NANOS) == UP) {
                LOG.warn("the database cannot be reached; requests are answered 503 until it is: {}", e.getMessage());
            }
            throw e;
        }
    }

    /**
     * Whether some connection is lent now. A borrower that timed out then waited behind busy
     * connections; were the database gone, their queries would fail and {@link #lost} say so.
     */
    private boolean busy() {
        HikariPoolMXBean mx = pool.getHikariPoolMXBean();
        return mx != null && mx.getActiveConnections() > 0;
    }

    private static boolean interrupted(Throwable e) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        pool.close();
    }
}
