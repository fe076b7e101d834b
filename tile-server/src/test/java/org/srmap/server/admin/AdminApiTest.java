package org.srmap.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.srmap.server.FixtureServerTest;
import org.srmap.server.ServerApplication;

/**
 * The operators' actions answer only to the configured bearer token. The data version is polled
 * once an hour here, so that only a reload notices a new one; the ingest command is a shell line
 * that takes a second.
 */
@SpringBootTest(
        classes = ServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.shutdown=immediate",
            "srmap.data-version-poll=1h",
            "srmap.admin.token=" + AdminApiTest.TOKEN,
            "srmap.admin.ingest-command=sh,-c,sleep 1; echo loaded 3 rows",
        })
class AdminApiTest extends FixtureServerTest {
    static final String TOKEN = "test-token-0123456789abcdef";
    private static final String TILE = "/tiles/districts/10/301/384.mvt";

    private final WebTestClient client;

    AdminApiTest(@Autowired WebTestClient client) {
        this.client = client;
    }

    @ParameterizedTest
    @CsvSource({
        "POST, /admin/cache/purge, , false",
        "POST, /admin/reload, Bearer wrong-token-0123456789, true",
        "POST, /admin/ingest, Basic dXNlcjpwYXNz, false",
        "GET, /admin/ingest, Bearer " + TOKEN + "x, true",
        "GET, /admin/ingest, bearer, false",
    })
    void refusesEveryActionWithoutTheToken(String method, String path, String authorization, boolean wrongToken) {
        String challenge = "Bearer realm=\"srmap admin\"" + (wrongToken ? ", error=\"invalid_token\"" : "");
        WebTestClient.RequestBodySpec spec =
                client.method(HttpMethod.valueOf(method)).uri(path);
        if (authorization != null) {
            spec.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        spec.exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void purgeEmptiesTheTileCache() throws IOException {
        client.get().uri(TILE).exchange().expectStatus().isOk();
        assertThat(post("/admin/cache/purge").get("purged_tiles").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(post("/admin/cache/purge").get("purged_tiles").asLong()).isZero();
    }

    @Test
    void reloadReadsANewDataVersionAtOnce() throws Exception {
        String before = etag();
        try (Connection c = database().open();
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO ingest_run (kind, source, status, data_version)"
                    + " VALUES ('file', 'admin test', 'succeeded', nextval('data_version_seq'))");
        }
        assertThat(etag())
                .as("before the reload: the version polled an hour ago")
                .isEqualTo(before);
        JsonNode reloaded = post("/admin/reload");
        assertThat(reloaded.get("data_version").asLong()).isPositive();
        assertThat(etag()).as("after the reload").isNotEqualTo(before);
    }

    @Test
    void triggersTheIngestOnceAtATimeAndReportsIt() throws Exception {
        client.post()
                .uri("/admin/ingest")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("running");
        client.post()
                .uri("/admin/ingest")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        JsonNode status = get("/admin/ingest");
        while (status.get("state").asText().equals("running") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = get("/admin/ingest");
        }
        assertThat(status.get("state").asText()).isEqualTo("succeeded");
        assertThat(status.get("exit_code").asInt()).isZero();
        assertThat(status.get("output_tail").toString()).contains("loaded 3 rows");
    }

    private String etag() {
        return client.get()
                .uri(TILE)
                .exchange()
                .returnResult(byte[].class)
                .getResponseHeaders()
                .getETag();
    }

    private JsonNode post(String path) throws IOException {
        return read(client.post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN));
    }

    private JsonNode get(String path) throws IOException {
        return read(client.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN));
    }

    private static JsonNode read(WebTestClient.RequestHeadersSpec<?> spec) throws IOException {
        byte[] body = spec.exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        return new ObjectMapper().readTree(body);
    }
}
