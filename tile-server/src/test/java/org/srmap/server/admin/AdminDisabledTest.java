package org.srmap.server.admin;

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

/** Without a configured token there are no admin actions, whatever a client sends. */
@SpringBootTest(
        classes = ServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.shutdown=immediate", "srmap.admin.ingest-command=sh,-c,exit 0"})
class AdminDisabledTest extends FixtureServerTest {
    private final WebTestClient client;

    AdminDisabledTest(@Autowired WebTestClient client) {
        this.client = client;
    }

    @ParameterizedTest
    @CsvSource({"POST, /admin/cache/purge", "POST, /admin/reload", "POST, /admin/ingest", "GET, /admin/ingest"})
    void everyActionIsDisabledWithoutAConfiguredToken(String method, String path) {
        client.method(HttpMethod.valueOf(method))
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer ")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(d ->
                        org.assertj.core.api.Assertions.assertThat((String) d).contains("srmap.admin.token"));
    }
}
