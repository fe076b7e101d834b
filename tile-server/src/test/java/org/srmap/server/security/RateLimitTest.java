package org.srmap.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.srmap.server.FixtureServerTest;
import org.srmap.server.ServerApplication;

/**
 * Each expensive group of routes allows each client its requests a minute, then answers 429. The
 * client is the address the (trusted) proxy names in X-Forwarded-For, so that each case is a client
 * of its own.
 */
@AutoConfigureObservability
@SpringBootTest(
        classes = ServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.shutdown=immediate",
            "server.forward-headers-strategy=native",
            "srmap.rate-limit.siting=2",
            "srmap.rate-limit.stats=5",
            "srmap.rate-limit.exports=4",
        })
class RateLimitTest extends FixtureServerTest {
    private final WebTestClient client;

    RateLimitTest(@Autowired WebTestClient client) {
        this.client = client;
    }

    @ParameterizedTest
    @CsvSource({
        "/api/siting?k=1&radius=800, 2, 203.0.113.1, /api/stats?group=status",
        "/api/stats?group=status, 5, 203.0.113.2, /open311/v2/services.json",
        "/open311/v2/requests.json?page_size=2, 4, 203.0.113.3, /api/stats?group=status",
        "/open311/v2/services.json, 4, 203.0.113.4, /api/requests?lat=40.72&lon=-74.0&radius=500",
    })
    void aClientOverItsMinuteIsAnswered429(String uri, int limit, String client, String otherGroup) {
        for (int i = 0; i < limit; i++) {
            assertThat(get(uri, client).getStatus().value())
                    .as("request %d of %d", i + 1, limit)
                    .isNotEqualTo(429);
        }
        EntityExchangeResult<byte[]> refused = get(uri, client);
        assertThat(refused.getStatus().value()).isEqualTo(429);
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        long retryAfter = Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(get(uri, "198.51.100.9").getStatus().value())
                .as("another client")
                .isNotEqualTo(429);
        assertThat(get(otherGroup, client).getStatus().value())
                .as("another group")
                .isNotEqualTo(429);
        String metrics = prometheus(this.client);
        assertThat(metrics).containsPattern("srmap_rate_limited_total\\{group=\"\\w+\",?\\} [1-9]");
    }

    private EntityExchangeResult<byte[]> get(String uri, String client) {
        return this.client
                .get()
                .uri(uri)
                .header("X-Forwarded-For", client)
                .exchange()
                .expectBody(byte[].class)
                .returnResult();
    }
}
