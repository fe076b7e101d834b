package org.srmap.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.srmap.server.FixtureServerTest;
import org.srmap.server.ServerApplication;

/** Every answer carries the security headers; only /embed may be framed by other sites. */
@SpringBootTest(
        classes = ServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.shutdown=immediate", "srmap.basemap-url=https://{s}.tiles.example.org/{z}/{x}/{y}.png"})
class SecurityHeadersTest extends FixtureServerTest {
    private final WebTestClient client;

    SecurityHeadersTest(@Autowired WebTestClient client) {
        this.client = client;
    }

    @ParameterizedTest
    @CsvSource({
        "/, false",
        "/embed, true",
        "/district/101, false",
        "/api/meta, false",
        "/api/stats?colour=red, false",
        "/tiles/districts/10/301/384.mvt, false",
        "/tiles/districts/10/301/384.mvt, false", // the second answered from the cache, in front of Spring
        "/no/such/page, false",
    })
    void everyAnswerCarriesTheSecurityHeaders(String path, boolean framable) {
        HttpHeaders h =
                client.get().uri(path).exchange().returnResult(byte[].class).getResponseHeaders();

        assertThat(h.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(h.getFirst("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(h.get("Content-Security-Policy")).hasSize(1);
        String csp = h.getFirst("Content-Security-Policy");
        assertThat(csp)
                .contains("default-src 'self'", "script-src 'self'", "object-src 'none'")
                .contains("img-src 'self' data: blob: https://*.tiles.example.org");
        if (framable) {
            assertThat(csp).contains("frame-ancestors *");
            assertThat(h.getFirst("X-Frame-Options")).isNull();
        } else {
            assertThat(csp).contains("frame-ancestors 'none'");
            assertThat(h.getFirst("X-Frame-Options")).isEqualTo("DENY");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png, ' https://tile.openstreetmap.org'",
        "https://{s}.basemaps.example.com:8443/{z}/{x}/{y}@2x.png, ' https://*.basemaps.example.com:8443'",
        "'', ''",
        "tiles/{z}/{x}/{y}.png, ''",
    })
    void theBasemapsHostMayServeImages(String template, String source) {
        assertThat(SecurityHeaders.basemapSource(template)).isEqualTo(source);
    }
}
