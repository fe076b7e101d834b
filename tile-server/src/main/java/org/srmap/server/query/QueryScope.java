package org.srmap.server.query;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One piece of work's connections, so that it can be cancelled from another thread: while {@link
 * #call} runs, every connection the work takes from a {@link CancellingDataSource} is registered
 * here until the work closes it; {@link #cancel} asks PostgreSQL to cancel whatever those
 * connections are running and makes the work's later connections fail. A connection is never
 * cancelled after it went back to the pool, where another request may hold it.
 */
public final class QueryScope {
    private static final Logger LOG = LoggerFactory.getLogger(QueryScope.class);
    private static final ThreadLocal<QueryScope> CURRENT = new ThreadLocal<>();

    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private boolean cancelled;
    private boolean connected;
    /** The pool that lent the work its connections, told when one of them is lost. */
    private volatile CancellingDataSource source;

    /**
     * Runs {@code work} on this thread within this scope. When it fails because its connection was
     * lost (PostgreSQL shutting down or gone), the pool learns at once that the database is down,
     * rather than from the next borrower's wait for a connection.
     */
    public <T> T call(Callable<T> work) throws Exception {
        QueryScope outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.call();
        } catch (Exception e) {
            CancellingDataSource lender = source;
            SQLException lost = lostConnection(e);
            if (lender != null
                    && lost != null
                    && !cancelled()
                    && !Thread.currentThread().isInterrupted()) {
                lender.lost(lost);
            }
            throw e;
        } finally {
            CURRENT.set(outer);
        }
    }

    /**
     * The SQL error in {@code e}'s causes that says the connection itself is gone: class 08
     * (connection exception) or 57P01-57P03 (PostgreSQL shutting down, crashed, not accepting
     * connections yet); null for any other failure (a bad statement, a cancel, a timeout).
     */
    static SQLException lostConnection(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return sql;
                }
            }
        }
        return null;
    }

    /** Cancels the running statements of this scope's work, and refuses it further connections. */
    public void cancel() {
        List<Connection> running;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            running = new ArrayList<>(open);
        }
        for (Connection c : running) {
            synchronized (c) { // not while the work closes it
                if (!open.contains(c)) {
                    continue;
                }
                try {
                    c.unwrap(PGConnection.class).cancelQuery();
                } catch (SQLException e) {
                    LOG.warn("could not cancel a query whose client went away: {}", e.getMessage());
                }
            }
        }
    }

    /** What to tell a client whose answer is later than {@code deadline}, counted from its request. */
    public synchronized OverdueException overdue(Duration deadline) {
        return new OverdueException(deadline, connected);
    }

    /** Whether {@link #cancel} was called. */
    public synchronized boolean cancelled() {
        return cancelled;
    }

    /** The connection {@code source} lent, registered with the current thread's scope if there is one. */
    static Connection track(Connection connection, CancellingDataSource source) throws SQLException {
        QueryScope scope = CURRENT.get();
        return scope == null ? connection : scope.register(connection, source);
    }

    private Connection register(Connection connection, CancellingDataSource lender) throws SQLException {
        source = lender;
        synchronized (this) {
            if (cancelled) {
                connection.close();
                throw new SQLException("the request was cancelled", "57014");
            }
            open.add(connection);
            connected = true;
        }
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, new Tracked(connection));
    }

    /** Forwards every call; {@code close} first leaves the scope. */
    private final class Tracked implements InvocationHandler {
        private final Connection target;

        Tracked(Connection target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                synchronized (target) {
                    open.remove(target);
                }
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
