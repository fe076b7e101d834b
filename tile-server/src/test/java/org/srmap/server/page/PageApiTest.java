package org.srmap.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.HtmlUtils;
import org.srmap.server.FixtureServerTest;
import org.srmap.server.ServerApplication;
import reactor.netty.http.client.HttpClient;

/** The web map's pages and the oEmbed documents of their views. */
@SpringBootTest(
        classes = ServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.shutdown=immediate")
class PageApiTest extends FixtureServerTest {
    private static final Pattern OEMBED_LINK =
            Pattern.compile("<link rel=\"alternate\" type=\"application/json\\+oembed\" href=\"([^\"]+)\"");

    private final WebTestClient client;
    private final String base;

    PageApiTest(@LocalServerPort int port) {
        this.base = "http://localhost:" + port;
        // a client that leaves bodies as sent: Spring's own decompresses gzip and drops the header
        this.client = WebTestClient.bindToServer(
                        new ReactorClientHttpConnector(HttpClient.create().compress(false)))
                .baseUrl(base)
                .build();
    }

    @ParameterizedTest
    @CsvSource({"/, /js/app.js", "/embed, class=\"embed\""})
    void servesThePagesWithTheirOEmbedLink(String path, String marker) {
        String html = html(path + "?status=open&z=12&lat=40.71&lon=-74.01");

        assertThat(html).contains("<div id=\"map\"", marker);
        Matcher link = OEMBED_LINK.matcher(html);
        assertThat(link.find()).isTrue();
        assertThat(HtmlUtils.htmlUnescape(link.group(1)))
                .isEqualTo(base + "/oembed?format=json&url="
                        + URLEncoder.encode(
                                base + path + "?status=open&z=12&lat=40.71&lon=-74.01", StandardCharsets.UTF_8));
    }

    @Test
    void theScriptsAndLibrariesAreServed() {
        for (String path : new String[] {
            "/js/app.js", "/css/app.css", "/webjars/leaflet/dist/leaflet.js", "/webjars/uplot/dist/uPlot.iife.min.js"
        }) {
            client.get().uri(path).exchange().expectStatus().isOk();
        }
    }

    @ParameterizedTest
    @CsvSource({"/js/app.js, gzip", "/css/app.css, gzip", "/openapi.json, gzip", "/api/meta, ''"})
    void textGoesGzippedToBrowsersThatTakeIt(String path, String encoding) {
        // /api/meta is under a kilobyte: not worth compressing
        client.get()
                .uri(path)
                .header("Accept-Encoding", "gzip")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Content-Encoding", encoding.isEmpty() ? new String[0] : new String[] {encoding});
    }

    @Test
    void aViewOfTheMapEmbedsAsAFrameOfTheSameView() throws Exception {
        String view = base + "/?type=HEAT%2FHOT+WATER&status=open&z=12&lat=40.71000&lon=-74.01000";
        byte[] body = client.get()
                .uri(URI.create(
                        base + "/oembed?url=" + URLEncoder.encode(view, StandardCharsets.UTF_8) + "&maxwidth=500"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        JsonNode o = new ObjectMapper().readTree(body);

        assertThat(o.get("version").asText()).isEqualTo("1.0");
        assertThat(o.get("type").asText()).isEqualTo("rich");
        assertThat(o.get("provider_url").asText()).isEqualTo(base + "/");
        assertThat(o.get("width").asInt()).isEqualTo(500);
        assertThat(o.get("height").asInt()).isEqualTo(OEmbedHandler.DEFAULT_HEIGHT);
        assertThat(o.get("html").asText())
                .startsWith("<iframe src=\"" + base + "/embed?type=HEAT%2FHOT+WATER&amp;status=open&amp;z=12")
                .contains("width=\"500\"", "title=\"NYC 311 service requests map\"");
    }

    @ParameterizedTest
    @CsvSource({
        "'url=https%3A%2F%2Fexample.org%2F%3Fz%3D3', 404",
        "'url=LOCAL%2Fapi%2Fstats', 404",
        "'url=LOCAL%2F&format=xml', 501",
        "'url=LOCAL%2F&format=yaml', 400",
        "'format=json', 400",
        "'url=LOCAL%2F&maxwidth=50', 400",
        "'url=LOCAL%2F&maxheight=tall', 400",
        "'url=LOCAL%2F&callback=x', 400",
    })
    void answersWhatTheSpecificationSaysToWhatItCannotEmbed(String query, int status) {
        client.get()
                .uri(URI.create(
                        base + "/oembed?" + query.replace("LOCAL", URLEncoder.encode(base, StandardCharsets.UTF_8))))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.valueOf(status));
    }

    private String html(String path) {
        return client.get()
                .uri(URI.create(base + path))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
