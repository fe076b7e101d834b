package org.srmap.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;
import org.srmap.server.FixtureServerTest;
import org.srmap.server.ServerApplication;
import reactor.core.Disposable;

/**
 * A client that disconnects cancels its query in PostgreSQL. The queries are held up by a lock the
 * test takes on the table they read; the statement timeout is long, so only a cancel ends them.
 */
@SpringBootTest(
        classes = ServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"srmap.statement-timeout=120s", "server.shutdown=immediate"})
class QueryCancellationTest extends FixtureServerTest {
    private final WebClient client;

    QueryCancellationTest(@LocalServerPort int port) {
        this.client = WebClient.create("http://localhost:" + port);
    }

    @BeforeEach
    void loadTheVocabulary() {
        // the first request reads the filters' vocabulary, which the locks below would hold up too
        client.get()
                .uri("/api/stats?group=status")
                .retrieve()
                .toBodilessEntity()
                .block(Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @CsvSource({
        "/tiles/districts/9/150/192.mvt?status=open, rollup_district_monthly_total",
        "/tiles/hexbins/10/301/385.mvt?status=closed, rollup_h3_monthly",
        "/tiles/requests/15/9648/12318.mvt?status=open, service_request",
        "/api/stats?group=district&status=closed, rollup_district_monthly",
        "/api/requests?lat=40.72&lon=-74.0&radius=500, service_request",
        "/open311/v2/requests.json?status=open, service_request",
    })
    void cancelsTheQueryOfAClientThatGoesAway(String uri, String table) throws Exception {
        try (Connection locker = database().open()) {
            lock(locker, table);
            Disposable request =
                    client.get().uri(uri).retrieve().toBodilessEntity().subscribe(r -> {}, e -> {});
            awaitWaitingQueries(1);
            request.dispose(); // the client goes away
            awaitWaitingQueries(0);
            locker.rollback();
        }
    }

    @Test
    void aTileQueryRunsOnWhileAnotherClientStillWaitsForIt() throws Exception {
        String uri = "/tiles/districts/9/150/192.mvt?status=closed";
        CompletableFuture<ResponseEntity<byte[]>> staying;
        try (Connection locker = database().open()) {
            lock(locker, "rollup_district_monthly_total");
            staying = client.get().uri(uri).retrieve().toEntity(byte[].class).toFuture();
            Disposable leaving =
                    client.get().uri(uri).retrieve().toBodilessEntity().subscribe(r -> {}, e -> {});
            awaitWaitingQueries(1);
            leaving.dispose();
            Thread.sleep(1_000); // what a wrong cancel would have taken
            assertThat(waitingQueries()).as("the shared query still runs").isEqualTo(1);
            locker.rollback();
        }
        ResponseEntity<byte[]> answer = staying.get(30, TimeUnit.SECONDS);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).isNotEmpty();
    }
}
