package org.srmap.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.srmap.server.ServerApplication;

/**
 * The web map end to end: headless Chromium against the real server on a database loaded with the
 * real 311 samples. Screenshots of each test are kept in target/screenshots.
 */
@SpringBootTest(
        classes = ServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"srmap.basemap-url=", "server.shutdown=immediate"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WebMapTest {
    /** Everything drawn and every panel filled. */
    private static final String SETTLED = "return document.documentElement.dataset.tiles === 'loaded'"
            + " && document.documentElement.dataset.panels === 'loaded'";

    /** Tile canvases with at least one painted pixel. */
    private static final String PAINTED_TILES =
            """
            let n = 0;
            for (const c of document.querySelectorAll('canvas.srmap-tile')) {
              const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
              for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) { n++; break; } }
            }
            return n;""";

    private static RealSamples samples;
    private static Browser browser;

    private final String base;
    private String testName;

    WebMapTest(@LocalServerPort int port) {
        this.base = "http://localhost:" + port;
    }

    @BeforeAll
    static void start() throws Exception {
        samples = RealSamples.load();
        browser = Browser.start();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("srmap.db-url", () -> samples.url());
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (samples != null) {
            samples.close();
        }
    }

    @BeforeEach
    void name(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
        var unused = browser.consoleErrors(); // what an earlier test left
    }

    @AfterEach
    void screenshot() throws Exception {
        browser.screenshot(testName);
    }

    @Test
    void theDefaultViewLoadsWithoutConsoleErrorsAndDrawsItsTiles() throws Exception {
        open("/");

        assertThat(browser.fetched("/tiles/districts/"))
                .as("district tiles requested")
                .isNotEmpty();
        assertThat(((Number) browser.js(PAINTED_TILES)).intValue())
                .as("tiles with pixels")
                .isPositive();
        assertThat(browser.consoleErrors()).isEmpty();
        String search = browser.driver().getCurrentUrl();
        JsonNode meta = api("/api/meta");
        assertThat(search)
                .as("the default range: the last 30 days of the data")
                .contains("to=" + meta.get("newest_day").asText());
        long count = api("/api/stats?" + filtersOf(search)).get("count").asLong();
        assertThat(count).isPositive();
        assertThat(chartTotal()).as("the chart counts what the filter matches").isEqualTo(count);
    }

    @Test
    void aFilterChangesTheTileUrlsTheChartAndTheUrl() throws Exception {
        open("/?dates=all&z=11&lat=40.70000&lon=-73.95000");
        long before = chartTotal();
        browser.forgetFetched();

        new Select(browser.driver().findElement(By.id("f-status"))).selectByValue("open");
        settle();

        String url = browser.driver().getCurrentUrl();
        assertThat(url).contains("status=open");
        List<String> tiles = browser.fetched("/tiles/");
        assertThat(tiles).isNotEmpty().allMatch(u -> u.contains("status=open"));
        long open = api("/api/stats?status=open").get("count").asLong();
        assertThat(chartTotal()).isEqualTo(open).isNotEqualTo(before);
        assertThat(browser.consoleErrors()).isEmpty();

        browser.driver().navigate().back();
        settle();
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("status=open");
        assertThat(new Select(browser.driver().findElement(By.id("f-status")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEmpty();
        assertThat(chartTotal()).isEqualTo(before);
    }

    @Test
    void aReloadedUrlRestoresTheSameView() throws Exception {
        open("/?district=301&district=307&status=closed&layer=hexbins&period=week&from=2011-01-01&to=2025-12-31"
                + "&z=13&lat=40.65000&lon=-73.99000");
        String first = browser.driver().getCurrentUrl();
        long total = chartTotal();

        browser.driver().navigate().refresh();
        settle();

        assertThat(browser.driver().getCurrentUrl()).isEqualTo(first);
        assertThat(first).contains("z=13", "lat=40.65000", "lon=-73.99000", "layer=hexbins", "period=week");
        Select districts = new Select(browser.driver().findElement(By.id("f-district")));
        assertThat(districts.getAllSelectedOptions().stream().map(o -> o.getAttribute("value")))
                .containsExactly("301", "307");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("input[name=layer][value=hexbins]"))
                        .isSelected())
                .isTrue();
        assertThat(browser.fetched("/tiles/districts,hexbins/13/")).isNotEmpty();
        assertThat(chartTotal()).isEqualTo(total);
        assertThat(total)
                .isEqualTo(api("/api/stats?district=301&district=307&status=closed&from=2011-01-01&to=2025-12-31")
                        .get("count")
                        .asLong());
    }

    private void open(String path) {
        browser.driver().get(base + path);
        browser.js("performance.setResourceTimingBufferSize(10000)");
        settle();
    }

    private void settle() {
        browser.await("the map and the panels to settle", 30, SETTLED);
    }

    private long chartTotal() {
        return Long.parseLong(browser.driver().findElement(By.id("chart")).getAttribute("data-total"));
    }

    /** The filter parameters of a page URL, as the API takes them. */
    private static String filtersOf(String pageUrl) {
        String query = URI.create(pageUrl).getRawQuery();
        StringBuilder out = new StringBuilder();
        for (String part : query.split("&")) {
            String name = part.split("=", 2)[0];
            if (List.of("category", "type", "from", "to", "status", "district", "agency")
                    .contains(name)) {
                out.append(out.isEmpty() ? "" : "&").append(part);
            }
        }
        return out.toString();
    }

    private JsonNode api(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return new ObjectMapper().readTree(r.body());
    }
}
