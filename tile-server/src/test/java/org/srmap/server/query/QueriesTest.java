package org.srmap.server.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.mock.env.MockEnvironment;
import org.srmap.server.ServerSettings;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** Work that waits past the deadline for a thread of the JDBC scheduler is refused and never runs. */
class QueriesTest {
    private final Scheduler oneThread = Schedulers.newBoundedElastic(1, 100, "queries-test");

    @AfterEach
    void dispose() {
        oneThread.dispose();
    }

    @Test
    void workQueuedPastTheDeadlineIsRefusedAsBusyAndNeverRuns() throws Exception {
        Queries queries = new Queries(oneThread, settings("300ms"));
        CountDownLatch release = new CountDownLatch(1);
        oneThread.schedule(
                () -> { // holds the thread, as a query that takes long would
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        AtomicBoolean ran = new AtomicBoolean();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> queries.run(() -> ran.getAndSet(true)).block(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(
                        OverdueException.class,
                        e -> assertThat(e.started()).as("a query had started").isFalse());
        assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(3));
        release.countDown();
        Thread.sleep(200); // what the refused work would need to run once the thread is free
        assertThat(ran).as("the refused work ran").isFalse();
    }

    @Test
    void workWithinTheDeadlineAnswers() {
        Queries queries = new Queries(oneThread, settings("5s"));
        assertThat(queries.run(() -> 42).block(Duration.ofSeconds(10))).isEqualTo(42);
    }

    private static ServerSettings settings(String statementTimeout) {
        MockEnvironment env = new MockEnvironment().withProperty("srmap.statement-timeout", statementTimeout);
        return new Binder(ConfigurationPropertySources.get(env)).bindOrCreate("srmap", ServerSettings.class);
    }
}
