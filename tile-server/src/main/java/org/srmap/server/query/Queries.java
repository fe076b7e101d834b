package org.srmap.server.query;

import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
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

    public Queries(@Qualifier("jdbcScheduler") Scheduler jdbc) {
        this.jdbc = jdbc;
    }

    /** The result of {@code work}, run when subscribed. */
    public <T> Mono<T> run(Callable<T> work) {
        return Mono.defer(() -> {
            QueryScope scope = new QueryScope();
            return Mono.fromCallable(() -> scope.call(work))
                    .subscribeOn(jdbc)
                    .doOnCancel(scope::cancel)
                    .onErrorResume(e -> scope.cancelled(), e -> Mono.empty()); // no one is listening
        });
    }

    /** The scheduler the work runs on, for callers that run it themselves within a {@link QueryScope}. */
    public Scheduler scheduler() {
        return jdbc;
    }
}
