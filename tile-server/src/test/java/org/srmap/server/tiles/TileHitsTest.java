package org.srmap.server.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.srmap.server.FixtureServerTest;
import org.srmap.server.ServerApplication;

/**
 * A tile answered once is answered again in front of Spring ({@link TileHitHandler}) exactly as
 * Spring answered it, in the order HTTP/1.1 requires, and only while it is the same tile.
 */
@SpringBootTest(
        classes = ServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"srmap.statement-timeout=120s", "srmap.requests-cap=50", "server.shutdown=immediate"})
class TileHitsTest extends FixtureServerTest {
    private final int port;
    private final MeterRegistry meters;

    TileHitsTest(@LocalServerPort int port, @Autowired MeterRegistry meters) {
        this.port = port;
        this.meters = meters;
    }

    @BeforeEach
    void loadTheVocabulary() throws IOException {
        // the first tile reads the filters' vocabulary, which a lock below would hold up too
        try (RawHttp http = new RawHttp(port)) {
            http.send(RawHttp.get("/tiles/districts/9/150/192.mvt?status=open&from=2024-01-01"));
            assertThat(http.read().status()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/tiles/districts/9/150/192.mvt?agency=NYPD                  | gzip          | 200",
                "/tiles/districts/9/150/192.mvt?agency=NYPD&to=2024-01-31    | identity      | 200",
                "/tiles/hexbins,districts/10/301/385.mvt?type=HEAT%2FHOT+WATER | gzip, deflate | 200",
                "/tiles/requests/14/4824/6159.mvt                            | gzip          | 200",
                "/tiles/districts/9/0/0.mvt                                  | gzip          | 204",
            })
    void aRepeatedTileIsAnsweredInFrontOfSpringAsSpringAnsweredIt(String target, String encoding, int status)
            throws IOException {
        String request = RawHttp.get(target, "Accept-Encoding: " + encoding);
        double before = direct(status);
        RawHttp.Response bySpring = exchange(request);
        assertThat(bySpring.status()).isEqualTo(status);
        assertThat(direct(status)).as("the first is Spring's").isEqualTo(before);
        RawHttp.Response inFront = exchange(request);

        assertThat(inFront.status()).isEqualTo(status);
        assertThat(direct(status)).as("the second is answered in front").isEqualTo(before + 1);
        assertThat(inFront.headers()).isEqualTo(bySpring.headers());
        assertThat(inFront.body()).isEqualTo(bySpring.body());
        assertThat(inFront.headers().get("vary"))
                .as("CORS answers differ by origin")
                .contains("Origin");
    }

    @Test
    void aClientHoldingTheTileGetsA304InFrontOfSpring() throws IOException {
        String target = "/tiles/districts/9/150/192.mvt?status=closed";
        String etag = exchange(RawHttp.get(target, "Accept-Encoding: gzip")).header("ETag");
        double before = direct(304);
        RawHttp.Response inFront = exchange(RawHttp.get(target, "If-None-Match: " + etag));
        // Spring answers one that asks across origins: the same 304 but for the CORS headers
        RawHttp.Response bySpring =
                exchange(RawHttp.get(target, "If-None-Match: " + etag, "Origin: https://news.example.org"));

        assertThat(direct(304)).isEqualTo(before + 1);
        assertThat(inFront.status()).isEqualTo(304);
        assertThat(inFront.body()).isEmpty();
        assertThat(inFront.headers()).isEqualTo(withoutCors(bySpring.headers()));
        assertThat(bySpring.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void aClientThatClosesGetsItsTileAndThenTheEnd() throws IOException {
        String target = "/tiles/districts/9/150/192.mvt?agency=HPD";
        RawHttp.Response bySpring;
        try (RawHttp http = new RawHttp(port)) {
            http.send(RawHttp.get(target, "Connection: close"));
            bySpring = http.read();
            assertThat(http.closedByServer()).isTrue();
        }
        double before = direct(200);
        try (RawHttp http = new RawHttp(port)) {
            http.send(RawHttp.get(target, "Connection: close"));
            RawHttp.Response inFront = http.read();
            assertThat(direct(200)).isEqualTo(before + 1);
            assertThat(inFront.headers()).isEqualTo(bySpring.headers());
            assertThat(inFront.body()).isEqualTo(bySpring.body());
            assertThat(http.closedByServer()).isTrue();
        }
    }

    /**
     * A cached tile pipelined behind one that waits for the database is answered after it: HTTP/1.1
     * answers in the order asked.
     */
    @Test
    void pipelinedRequestsAreAnsweredInTheirOrder() throws Exception {
        String cached = "/tiles/districts/9/150/192.mvt?status=open&from=2024-01-01";
        String waiting = "/tiles/hexbins/10/301/385.mvt?status=open&from=2023-12-25";
        try (RawHttp http = new RawHttp(port);
                Connection locker = database().open()) {
            http.send(RawHttp.get(cached));
            String cachedTag = http.read().header("ETag");
            lock(locker, "h3_cell");
            http.send(RawHttp.get(waiting), RawHttp.get(cached));
            awaitWaitingQueries(1);
            Thread.sleep(500); // what an answer out of order would take to come
            locker.rollback();

            RawHttp.Response first = http.read();
            RawHttp.Response second = http.read();
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.header("ETag"))
                    .as("the first answer is the first request's")
                    .isNotEqualTo(cachedTag);
            assertThat(second.header("ETag")).isEqualTo(cachedTag);
        }
    }

    /**
     * One request on a connection of its own: a connection's next request may reach the server
     * before Reactor Netty has written the end of the previous answer, and then goes to Spring.
     */
    private RawHttp.Response exchange(String request) throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            http.send(request);
            return http.read();
        }
    }

    private double direct(int status) {
        return meters.get(TileHits.METER)
                .tag("status", Integer.toString(status))
                .counter()
                .count();
    }

    private static Map<String, List<String>> withoutCors(Map<String, List<String>> headers) {
        Map<String, List<String>> rest = new TreeMap<>(headers);
        rest.keySet().removeIf(name -> name.startsWith("access-control-"));
        return rest;
    }
}
