package org.srmap.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;
import org.srmap.server.FixtureServerTest;
import org.srmap.server.ServerApplication;

/**
 * A database that goes away, a pool that is exhausted and a query that runs too long each end in a
 * quick 503 or 504 problem, never a hang, and the server recovers on its own. (Which of 503 and 504
 * a request waiting for a connection gets is QueriesTest's.) The statement timeout
 * is one second and the pool two connections, so that the tests can exhaust both.
 */
@SpringBootTest(
        classes = ServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"srmap.statement-timeout=1s", "srmap.db-pool-size=2", "server.shutdown=immediate"})
class DatabaseFaultsTest extends FixtureServerTest {
    /** What the tests allow beyond the statement timeout: scheduling on a busy 2-core machine. */
    private static final long SLACK_MS = 1_500;

    /** Clients that wait for their answers at once (the common pool has one thread on two cores). */
    private static final ExecutorService CLIENTS = Executors.newFixedThreadPool(48);

    private final WebClient client;
    private final CancellingDataSource dataSource;

    DatabaseFaultsTest(@LocalServerPort int port, @Autowired CancellingDataSource dataSource) {
        this.client = WebClient.create("http://localhost:" + port);
        this.dataSource = dataSource;
    }

    @BeforeEach
    void loadTheVocabulary() {
        assertThat(get("/api/stats?group=status").status()).isEqualTo(200);
    }

    @Test
    void anOutageIsAnswered503AtOnceAndTheServerRecoversWithoutARestart() throws Exception {
        allowConnections(false);
        try {
            List<Future<Answer>> during = new ArrayList<>();
            for (int i = 0; i < 24; i++) { // more than the pool and its threads: none may queue behind a try
                during.add(CLIENTS.submit(() -> get("/api/stats?group=district&from=2024-01-01")));
                during.add(CLIENTS.submit(() -> get("/open311/v2/requests.json?page_size=5")));
            }
            for (Future<Answer> f : during) {
                Answer a = f.get(30, TimeUnit.SECONDS);
                assertThat(a.status()).as("status during the outage").isEqualTo(503);
                assertThat(a.retryAfter()).as("Retry-After").isEqualTo("5");
                assertThat(a.problem()).as("a problem+json answer").isTrue();
                assertThat(a.millis())
                        .as("milliseconds to answer during the outage")
                        .isLessThan(SLACK_MS);
            }
            assertThat(get("/actuator/health").status())
                    .as("health during the outage")
                    .isEqualTo(503);
        } finally {
            allowConnections(true);
        }
        long back = System.nanoTime();
        Answer after = get("/open311/v2/requests.json?page_size=5");
        while (after.status() != 200 && System.nanoTime() - back < TimeUnit.SECONDS.toNanos(10)) {
            Thread.sleep(50);
            after = get("/open311/v2/requests.json?page_size=5");
        }
        long recovered = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back);
        assertThat(after.status()).as("status once the database is back").isEqualTo(200);
        assertThat(recovered).as("milliseconds to recover").isLessThan(5_000);
        assertThat(get("/actuator/health").status())
                .as("health once the database is back")
                .isEqualTo(200);
    }

    @Test
    void aQueryThatLosesItsConnectionTellsThePoolTheDatabaseIsDown() throws Exception {
        Future<Answer> waiting;
        try (Connection locker = database().open()) {
            lock(locker, "rollup_district_monthly");
            waiting = CLIENTS.submit(() -> get("/api/stats?group=district&status=closed&from=2024-02-01"));
            awaitWaitingQueries(1);
            assertThat(dataSource.down()).as("down before the outage").isFalse();
            allowConnections(false); // its backend (and the locker's) terminated: 57P01
            try {
                Answer a = waiting.get(30, TimeUnit.SECONDS);
                assertThat(a.status()).as("the query whose connection was lost").isEqualTo(503);
                assertThat(dataSource.down())
                        .as("down at once, before any request waited for a connection")
                        .isTrue();
            } finally {
                allowConnections(true);
            }
        }
        long back = System.nanoTime();
        while (get("/api/stats?group=status").status() != 200
                && System.nanoTime() - back < TimeUnit.SECONDS.toNanos(10)) {
            Thread.sleep(50);
        }
        assertThat(dataSource.down()).as("down once the database is back").isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "/api/stats?group=district&status=closed, rollup_district_monthly",
        "/tiles/requests/15/9648/12318.mvt?status=open, service_request",
        "/open311/v2/requests.json?status=open, service_request",
    })
    void aQueryOverTheStatementTimeoutIsCancelledAndAnswered504(String uri, String table) throws Exception {
        try (Connection locker = database().open()) {
            lock(locker, table);
            Answer a = get(uri);
            assertThat(a.status()).isEqualTo(504);
            assertThat(a.problem()).isTrue();
            assertThat(a.millis()).isLessThan(1_000 + SLACK_MS);
            awaitWaitingQueries(0); // cancelled, not left to run
            locker.rollback();
        }
    }

    @Test
    void anExhaustedPoolAnswersEveryRequestWithinTheTimeoutAndLeavesNoQueryRunning() throws Exception {
        List<Future<Answer>> answers = new ArrayList<>();
        try (Connection locker = database().open()) {
            lock(locker, "rollup_district_monthly");
            for (int i = 1; i <= 8; i++) { // two take the connections and wait on the lock, six wait for them
                String uri = "/api/stats?group=district&status=closed&from=2024-01-0" + i;
                answers.add(CLIENTS.submit(() -> get(uri)));
            }
            for (Future<Answer> f : answers) {
                Answer a = f.get(30, TimeUnit.SECONDS);
                assertThat(a.status()).isIn(503, 504);
                assertThat(a.problem()).isTrue();
                assertThat(a.millis()).isLessThan(1_000 + SLACK_MS);
                if (a.status() == 503) {
                    assertThat(a.retryAfter()).isEqualTo("5");
                }
            }
            awaitWaitingQueries(0);
            locker.rollback();
        }
        assertThat(get("/api/stats?group=district&status=closed").status()).isEqualTo(200);
    }

    private Answer get(String uri) {
        long t0 = System.nanoTime();
        ResponseEntity<String> r = client.get()
                .uri(uri)
                .exchangeToMono(res -> res.toEntity(String.class))
                .block(Duration.ofSeconds(30));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        MediaType type = r.getHeaders().getContentType();
        return new Answer(
                r.getStatusCode().value(),
                r.getHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                type != null && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type),
                millis);
    }

    private record Answer(int status, String retryAfter, boolean problem, long millis) {}
}
