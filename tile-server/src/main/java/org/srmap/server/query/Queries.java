package org.srmap.server.query;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.srmap.server.ServerSettings;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Blocking database work as a {@link Mono}: run on the bounded JDBC scheduler, and cancelled in
 * PostgreSQL when the subscriber cancels (a client that disconnects, a timeout upstream) instead of
 * running on to the statement timeout.
 */
@Component
public final class Queries {
    private final Scheduler jdbc;
    private final Duration deadline;

    public Queries(@Qualifier("jdbcScheduler") Scheduler jdbc, ServerSettings settings) {
        this.jdbc = jdbc;
        this.deadline = settings.statementTimeout();
    }

    /**
     * The result of {@code work}, run when subscribed; an {@link OverdueException} if it has not come
     * within the statement timeout, counting the wait for a connection (the work is then cancelled).
     */
    public <T> Mono<T> run(Callable<T> work) {
        return Mono.defer(() -> {
            QueryScope scope = new QueryScope();
            return Mono.fromCallable(() -> scope.call(work))
                    .subscribeOn(jdbc)
                    .doOnCancel(scope::cancel)
                    .onErrorResume(e -> scope.cancelled(), e -> Mono.empty()) // no one is listening
                    .timeout(deadline, Mono.error(() -> scope.overdue(deadline)));
        });
    }

    /** Longest a client waits for its query, from its request: the statement timeout. */
    public Duration deadline() {
        return deadline;
    }

    /** The scheduler the work runs on, for callers that run it themselves within a {@link QueryScope}. */
    public Scheduler scheduler() {
        return jdbc;
    }
}
