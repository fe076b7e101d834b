package org.srmap.server.query;

import java.time.Duration;

/**
 * An answer that did not come within the statement timeout, counted from the request: either it
 * waited that long for a connection (every one busy: {@link #started()} false), or its query was
 * running and has been cancelled.
 */
public final class OverdueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean started;

    OverdueException(Duration deadline, boolean started) {
        super(
                started
                        ? "the query took longer than the server allows (" + deadline.toMillis()
                                + " ms, srmap.statement-timeout) and was cancelled"
                        : "the server is busy: no database connection was free within " + deadline.toMillis()
                                + " ms (srmap.statement-timeout); try again shortly",
                null,
                false,
                false);
        this.started = started;
    }

    /** Whether the query had a connection (it ran too long) rather than waited for one. */
    public boolean started() {
        return started;
    }
}
