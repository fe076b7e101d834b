package org.srmap.server.query;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The pool, with each connection it lends registered in the borrowing thread's {@link QueryScope},
 * so that the scope can cancel it.
 */
public final class CancellingDataSource extends DelegatingDataSource implements AutoCloseable {
    private final HikariDataSource pool;

    public CancellingDataSource(HikariDataSource pool) {
        super(pool);
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return QueryScope.track(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return QueryScope.track(pool.getConnection(username, password));
    }

    @Override
    public void close() {
        pool.close();
    }
}
