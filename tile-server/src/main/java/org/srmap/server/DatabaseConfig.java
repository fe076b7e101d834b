package org.srmap.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.srmap.server.query.CancellingDataSource;
import org.srmap.sql.Database;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * JDBC confined to a bounded scheduler: a pool of {@code db-pool-size} connections and as many
 * threads that may block on them, so a burst of tile requests queues instead of starving the event
 * loop. Every connection gets the statement timeout, custom plans (the filters' optional
 * predicates fold away only when the planner sees the values) and no JIT compilation.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseConfig.class);

    /** Requests waiting for a connection beyond this many are refused by the scheduler. */
    private static final int QUEUED_TASKS = 10_000;

    /**
     * Longest wait for a pooled connection before a request is answered 503. The JDBC threads are as
     * many as the connections, so a thread waits only while connections are being opened: for a
     * database that does not answer, not a busy pool.
     */
    private static final long CONNECT_TIMEOUT_MS = 750;

    @Bean
    Database database(ServerSettings settings) {
        Database db = settings.dbUrl().isBlank() ? Database.fromEnvironment() : Database.at(settings.dbUrl());
        db.migrate();
        LOG.info("srmap settings: {}; database {}", settings.describe(), db.describe());
        return db;
    }

    /** The pool, its connections cancellable by {@link org.srmap.server.query.Queries}. */
    @Bean(destroyMethod = "close")
    CancellingDataSource dataSource(Database db, ServerSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.url());
        config.setPoolName("srmap");
        config.setMaximumPoolSize(settings.dbPoolSize());
        config.setReadOnly(true);
        config.setConnectionTimeout(CONNECT_TIMEOUT_MS); // a request fails fast rather than hang
        // JIT compilation cost the hexbin queries 40-50 ms, more than their own work: their spatial
        // filters inflate the estimates past jit_above_cost for a few thousand rows.
        config.setConnectionInitSql("SET statement_timeout = "
                + settings.statementTimeout().toMillis() + "; SET plan_cache_mode = force_custom_plan; SET jit = off");
        return new CancellingDataSource(new HikariDataSource(config));
    }

    @Bean(destroyMethod = "dispose")
    Scheduler jdbcScheduler(ServerSettings settings) {
        return Schedulers.newBoundedElastic(settings.dbPoolSize(), QUEUED_TASKS, "srmap-jdbc");
    }
}
