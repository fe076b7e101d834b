package org.srmap.server.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.srmap.server.FixtureServerTest;
import org.srmap.server.ServerApplication;
import reactor.netty.http.client.HttpClient;

/** HTTP and server caching of tiles, against a database the tests can take away and change. */
@AutoConfigureObservability // Spring Boot's tests switch metrics export off unless asked
@SpringBootTest(
        classes = ServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"srmap.data-version-poll=100ms", "srmap.fresh-max-age=60s", "server.shutdown=immediate"})
class TileCachingTest extends FixtureServerTest {
    private static final String DISTRICTS = "/tiles/districts/9/150/192.mvt";

    private final WebTestClient client;

    /** A client that leaves bodies as sent: Spring's own decompresses gzip and drops the header. */
    TileCachingTest(@LocalServerPort int port) {
        this.client = WebTestClient.bindToServer(
                        new ReactorClientHttpConnector(HttpClient.create().compress(false)))
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Test
    void aTileOnceDrawnIsServedAndRevalidatedWithoutTheDatabase() throws Exception {
        EntityExchangeResult<byte[]> first = get(DISTRICTS + "?status=open", false);
        String etag = first.getResponseHeaders().getETag();
        assertThat(etag).isNotBlank();

        withoutTheDatabase(() -> {
            EntityExchangeResult<byte[]> again = get(DISTRICTS + "?status=open", false);
            assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody());
            assertThat(again.getResponseHeaders().getETag()).isEqualTo(etag);
            client.get()
                    .uri(DISTRICTS + "?status=open")
                    .header(HttpHeaders.IF_NONE_MATCH, etag)
                    .exchange()
                    .expectStatus()
                    .isNotModified()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, etag)
                    .expectBody()
                    .isEmpty();
            // a tile never drawn needs the database, and says so with a 503 problem, not a hang
            client.get()
                    .uri(DISTRICTS + "?status=closed")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        });
    }

    @Test
    void aNewDataVersionGivesNewTilesWithoutARestart() throws Exception {
        EntityExchangeResult<byte[]> before = get(DISTRICTS + "?district=101", false);
        long count = count(before.getResponseBody(), 101);
        try (Connection c = database().open();
                Statement st = c.createStatement()) {
            st.execute(
                    """
                    INSERT INTO service_request (unique_key, created_at, created_day, version_at, complaint_type_raw,
                        complaint_type, status, reported_boro_cd, boro_cd, row_hash, ingest_run_id)
                    SELECT 90000 + i, '2024-01-02 12:00-05', '2024-01-02', '2024-01-02 12:00-05', 'HEAT/HOT WATER',
                           'HEAT/HOT WATER', 'Open', 101, 101, md5(i::text)::uuid, 0
                      FROM generate_series(1, 7) i""");
            st.execute("SELECT srmap_refresh_rollups(ARRAY['2024-01-02']::date[])");
            st.execute("INSERT INTO ingest_run (kind, source, status, data_version)"
                    + " VALUES ('file', 'test', 'succeeded', nextval('data_version_seq'))");
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        EntityExchangeResult<byte[]> after = get(DISTRICTS + "?district=101", false);
        while (after.getResponseHeaders()
                        .getETag()
                        .equals(before.getResponseHeaders().getETag())
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
            after = get(DISTRICTS + "?district=101", false);
        }
        assertThat(after.getResponseHeaders().getETag())
                .isNotEqualTo(before.getResponseHeaders().getETag());
        assertThat(count(after.getResponseBody(), 101)).isEqualTo(count + 7);
    }

    @Test
    void compressesForClientsThatAcceptGzipOnly() throws IOException {
        EntityExchangeResult<byte[]> gzip = get(DISTRICTS, true);
        EntityExchangeResult<byte[]> plain = get(DISTRICTS, false);

        assertThat(gzip.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING))
                .isEqualTo("gzip");
        assertThat(plain.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING))
                .isNull();
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(gzip.getResponseBody())).readAllBytes();
        assertThat(unzipped).isEqualTo(plain.getResponseBody());
        assertThat(gzip.getResponseBody().length).isLessThan(plain.getResponseBody().length);
    }

    @Test
    void pastRangesAreImmutableAndOnesReachingTodayAreNot() {
        assertThat(get(DISTRICTS + "?to=2024-01-31", false).getResponseHeaders().getCacheControl())
                .isEqualTo(TileHeaders.IMMUTABLE);
        assertThat(get(DISTRICTS + "?from=2024-01-01", false)
                        .getResponseHeaders()
                        .getCacheControl())
                .isEqualTo("public, max-age=60");
    }

    @Test
    void anyOriginMayReadTiles() {
        client.get()
                .uri(DISTRICTS)
                .header(HttpHeaders.ORIGIN, "https://news.example.org")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    }

    @Test
    void healthAndCacheMetricsAreExposed() {
        get(DISTRICTS + "?agency=HPD", false);
        get(DISTRICTS + "?agency=HPD", false);
        client.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        String metrics = prometheus(client);
        assertThat(metrics).containsPattern("cache_gets_total\\{cache=\"tiles\",.*result=\"hit\".*\\} [1-9]");
    }

    private EntityExchangeResult<byte[]> get(String uri, boolean gzip) {
        return client.get()
                .uri(uri)
                .header(HttpHeaders.ACCEPT_ENCODING, gzip ? "gzip" : "identity")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult();
    }

    private static long count(byte[] tile, int boroCd) throws IOException {
        JtsMvt mvt =
                MvtReader.loadMvt(new ByteArrayInputStream(tile), new GeometryFactory(), new TagKeyValueMapConverter());
        for (Geometry g : mvt.getLayer("districts").getGeometries()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) g.getUserData();
            if (((Number) props.get("boro_cd")).intValue() == boroCd) {
                return ((Number) props.get("count")).longValue();
            }
        }
        throw new AssertionError("no district " + boroCd);
    }

    private interface Action {
        void run() throws Exception;
    }

    /** Runs the action while the test database refuses connections and has none open. */
    private static void withoutTheDatabase(Action action) throws Exception {
        allowConnections(false);
        try {
            action.run();
        } finally {
            allowConnections(true);
        }
    }
}
