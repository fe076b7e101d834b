package org.srmap.server;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.srmap.sql.DatabaseUnavailableException;

/**
 * Says in two lines, without a stack trace, why the server could not start when the database is
 * unreachable, lacks PostGIS or its schema cannot be brought up to date.
 */
public final class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnavailableException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnavailableException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Run ./srmap db to provision the local database, or point SRMAP_DB_URL (or --srmap.db-url) at a"
                        + " PostgreSQL with PostGIS whose srmap schema is not newer than this server.",
                cause);
    }
}
