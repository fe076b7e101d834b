package org.srmap.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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
        assertThat(chartDistricts()).as("the whole city is in view").isEmpty();
        assertThat(chartTotal()).as("the chart counts what the filter matches").isEqualTo(count);
    }

    @Test
    void aFilterChangesTheTileUrlsTheChartAndTheUrl() throws Exception {
        open("/?dates=all&z=12&lat=40.70000&lon=-73.95000");
        long before = chartTotal();
        browser.forgetFetched();

        new Select(browser.driver().findElement(By.id("f-status"))).selectByValue("open");
        settle();

        String url = browser.driver().getCurrentUrl();
        assertThat(url).contains("status=open");
        List<String> tiles = browser.fetched("/tiles/");
        assertThat(tiles).isNotEmpty().allMatch(u -> u.contains("status=open"));
        List<String> inView = chartDistricts();
        assertThat(inView).as("a part of the city is in view").isNotEmpty().hasSizeLessThan(50);
        long open = api("/api/stats?status=open" + districtParams(inView))
                .get("count")
                .asLong();
        assertThat(chartTotal())
                .as("the chart counts the districts in view")
                .isEqualTo(open)
                .isNotEqualTo(before);
        assertThat(browser.consoleErrors()).isEmpty();

        browser.driver().findElement(By.id("in-view")).click();
        settle();
        assertThat(chartDistricts()).isEmpty();
        assertThat(chartTotal())
                .as("the whole city when asked")
                .isEqualTo(api("/api/stats?status=open").get("count").asLong());
        browser.driver().findElement(By.id("in-view")).click();
        settle();

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

    @Test
    void theEmbedWorksInAFrameOfAnotherSiteAndTellsItsHeight() throws Exception {
        String embed = base + "/embed?dates=all&status=closed&z=11&lat=40.70000&lon=-73.95000";
        HttpServer newsroom = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] html =
                ("""
                <!doctype html><html><head><title>A newsroom</title></head><body>
                <h1>Heat complaints this winter</h1>
                <iframe id="f" src="%s" width="640" height="200" style="border:0"></iframe>
                <script>
                  window.heights = [];
                  window.addEventListener('message', function (e) {
                    if (e.data && e.data.type === 'srmap:height') {
                      window.heights.push({ origin: e.origin, height: e.data.height });
                      document.getElementById('f').style.height = e.data.height + 'px';
                    }
                  });
                </script></body></html>""")
                        .formatted(embed)
                        .getBytes(StandardCharsets.UTF_8);
        newsroom.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        newsroom.start();
        try {
            String host = "http://127.0.0.1:" + newsroom.getAddress().getPort() + "/";
            browser.driver().get(host);
            browser.await("a height from the embed", 30, "return window.heights.length > 0");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> heights = (List<Map<String, Object>>) browser.js("return window.heights");
            assertThat(heights.get(0).get("origin"))
                    .as("another origin than the page's")
                    .isEqualTo(base);
            assertThat(((Number) heights.get(heights.size() - 1).get("height")).intValue())
                    .isBetween(240, 700);

            browser.driver().switchTo().frame("f");
            settle();
            assertThat(((Number) browser.js(PAINTED_TILES)).intValue()).isPositive();
            assertThat(browser.driver().findElement(By.id("title")).getText())
                    .isEqualTo("All requests, closed, all dates");
            assertThat(browser.driver().findElement(By.id("full-map")).getAttribute("href"))
                    .startsWith(base + "/?status=closed&dates=all");
            browser.driver().switchTo().defaultContent();
            assertThat(browser.consoleErrors()).isEmpty();
        } finally {
            newsroom.stop(0);
        }
    }

    @Test
    void theExportsHoldTheCurrentView() throws Exception {
        open("/?district=301&district=307&layer=districts&dates=all&z=12&lat=40.70000&lon=-73.95000");

        browser.driver().findElement(By.id("export-csv")).click();
        List<String> lines = Files.readAllLines(browser.downloaded(".csv"));
        assertThat(lines.get(0)).isEqualTo("boro_cd,district,requests,per_1000_residents,without_location");
        JsonNode stats = api("/api/stats?group=district&district=301&district=307");
        Map<Integer, Long> expected = new HashMap<>();
        stats.get("rows")
                .forEach(r ->
                        expected.put(r.get("district").asInt(), r.get("count").asLong()));
        assertThat(lines).hasSizeGreaterThan(3);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            int district = Integer.parseInt(f[0]);
            assertThat(Long.parseLong(f[2])).as("district %d", district).isEqualTo(expected.getOrDefault(district, 0L));
        }
        assertThat(lines).anyMatch(l -> l.startsWith("301,Brooklyn 1,")).anyMatch(l -> l.startsWith("307,Brooklyn 7,"));

        browser.driver().findElement(By.id("export-png")).click();
        Path file = browser.downloaded(".png");
        Files.copy(file, Browser.artifact(testName + "-export.png"), StandardCopyOption.REPLACE_EXISTING);
        BufferedImage png = ImageIO.read(file.toFile());
        long mapWidth = (Long) browser.js("return document.getElementById('map').clientWidth");
        assertThat(png.getWidth()).isEqualTo(mapWidth + 250);
        assertThat(count(png, 0, (int) mapWidth, onLand(SHADES)))
                .as("shaded districts on the map")
                .isGreaterThan(1000);
        assertThat(count(png, (int) mapWidth, png.getWidth(), SHADES))
                .as("the legend's swatches")
                .isGreaterThan(100);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aDistrictPageComparesItsDistrictWithItsBoroughAndTheCity() throws Exception {
        open("/?dates=all&z=11&lat=40.70000&lon=-73.95000");
        browser.driver().findElement(By.linkText("Brooklyn 7")).click();
        browser.await("the district page", 30, "return document.documentElement.dataset.panels === 'loaded'");

        assertThat(browser.driver().getCurrentUrl()).isEqualTo(base + "/district/307?dates=all");
        assertThat(browser.driver().findElement(By.id("district-name")).getText())
                .isEqualTo("Brooklyn Community District 7");
        List<String> requests = cells("#compare tbody tr:first-child td");
        JsonNode district = api("/api/stats?district=307");
        JsonNode borough = api("/api/stats?group=borough");
        long brooklyn = 0;
        for (JsonNode r : borough.get("rows")) {
            if (r.get("borough").asInt() == 3) {
                brooklyn = r.get("count").asLong();
            }
        }
        assertThat(requests)
                .containsExactly(
                        format(district.get("count").asLong()),
                        format(brooklyn),
                        format(api("/api/stats").get("count").asLong()));
        JsonNode types = api("/api/stats?district=307&group=type");
        long top = 0;
        for (JsonNode r : types.get("rows")) {
            top = Math.max(top, r.get("count").asLong());
        }
        assertThat(cells("#types tbody tr:first-child td").get(0)).isEqualTo(format(top));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void residentsSeeTheRequestsNearAnAddressAndNearThem() throws Exception {
        open("/?dates=all");
        browser.driver().findElement(By.id("s-address")).sendKeys("135 Eastern Parkway");
        new Select(browser.driver().findElement(By.id("s-borough"))).selectByVisibleText("Brooklyn");
        browser.driver()
                .findElement(By.cssSelector("#search button[type=submit]"))
                .click();
        browser.await(
                "the list of requests nearby", 30, "return document.querySelectorAll('#near-list li').length > 0");

        String url = browser.driver().getCurrentUrl();
        assertThat(url).contains("near=");
        String near = URI.create(url).getQuery().replaceFirst(".*near=([^&]*).*", "$1");
        String[] latLon = near.split(",", 2);
        JsonNode api = api("/api/requests?lat=" + latLon[0] + "&lon=" + latLon[1] + "&radius=400&page_size=100");
        assertThat(browser.driver().findElements(By.cssSelector("#near-list li")))
                .hasSize(api.get("requests").size());
        assertThat(browser.driver().findElement(By.id("near-heading")).getText())
                .isEqualTo("Requests within 400 m of 135 Eastern Parkway, Brooklyn");
        browser.driver()
                .findElement(By.cssSelector("#near-list li:first-child button"))
                .click();
        // the map pans to show the popup: read it once it lies inside the map, as a person would
        browser.await(
                "the request's popup, panned into view",
                10,
                "const p = document.querySelector('.leaflet-popup-content');"
                        + " const m = document.getElementById('map').getBoundingClientRect();"
                        + " if (p === null) return false; const r = p.getBoundingClientRect();"
                        + " return r.top >= m.top && r.bottom <= m.bottom && r.left >= m.left && r.right <= m.right;");
        assertThat(browser.driver()
                        .findElement(By.cssSelector(".leaflet-popup-content"))
                        .getText())
                .contains(api.get("requests").get(0).get("complaint_type").asText());

        // near me: the browser says where the person is
        browser.driver()
                .executeCdpCommand(
                        "Browser.grantPermissions", Map.of("origin", base, "permissions", List.of("geolocation")));
        browser.driver()
                .executeCdpCommand(
                        "Emulation.setGeolocationOverride",
                        Map.of("latitude", 40.6501, "longitude", -74.0053, "accuracy", 10));
        browser.driver().findElement(By.id("s-locate")).click();
        browser.await(
                "the list near the person",
                30,
                "return document.getElementById('near-heading').textContent.endsWith('of you')"
                        + " && location.search.includes('near=40.65010%2C-74.00530')");
        browser.await("its requests", 30, "return document.querySelectorAll('#near-list li').length > 0");
        JsonNode mine = api("/api/requests?lat=40.6501&lon=-74.0053&radius=400&page_size=100");
        assertThat(browser.driver().findElements(By.cssSelector("#near-list li")))
                .hasSize(mine.get("requests").size());
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /**
     * A planner chooses three warming centers for all the heat complaints: the list holds the
     * API's sites in its order with their gains, the summary its coverage, and the map draws each
     * site with its radius and the uncovered cells.
     */
    @Test
    void plannersChooseWarmingCentersForTheHeatComplaints() throws Exception {
        open("/?dates=all");
        WebElement k = browser.driver().findElement(By.id("siting-k"));
        k.clear();
        k.sendKeys("3");
        WebElement radius = browser.driver().findElement(By.id("siting-radius"));
        radius.clear();
        radius.sendKeys("1000");
        browser.driver()
                .findElement(By.cssSelector("#siting-form button[type=submit]"))
                .click();
        browser.await("the siting answer", 60, "return document.documentElement.dataset.siting === 'loaded'");

        JsonNode answer = api("/api/siting?model=mclp&k=3&radius=1000&weight=complaints&sites=cooling_center");
        assertThat(answer.get("status").asText()).isEqualTo("OPTIMAL");
        List<String> expected = new ArrayList<>();
        answer.get("sites")
                .forEach(site -> expected.add(site.get("name").asText() + ": +"
                        + String.format(
                                Locale.US, "%,d", Math.round(site.get("gain").asDouble()))));
        assertThat(cells("#siting-list li")).containsExactlyElementsOf(expected);
        assertThat(browser.driver().findElement(By.id("siting-summary")).getText())
                .startsWith("3 sites cover "
                        + String.format(
                                Locale.US,
                                "%,d",
                                Math.round(answer.get("demand")
                                        .get("covered_weight")
                                        .asDouble())))
                .contains("no choice of as many sites covers more");
        long uncovered = 0;
        for (JsonNode a : answer.get("assignments")) {
            if (!a.get("covered").asBoolean()) {
                uncovered++;
            }
        }
        assertThat(((Number) browser.js("return document.querySelectorAll('.leaflet-overlay-pane path').length"))
                        .longValue())
                .as("a circle and a marker per site, a dot per uncovered cell")
                .isEqualTo(2 * 3 + uncovered);
        List<String> boroughs = new ArrayList<>();
        answer.get("by_borough").forEach(b -> boroughs.add(b.get("borough").asText()));
        assertThat(cells("#siting-boroughs tbody th")).containsExactlyElementsOf(boroughs);
        assertThat(browser.driver().findElement(By.id("siting-curve")).getText())
                .startsWith("Covered with 1 to 3 sites");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /**
     * axe-core finds no accessibility violation on the map page (with a place listed), a district
     * page and the embed: names of controls, contrast, landmarks, headings, tables, keyboard access.
     */
    @Test
    void thePagesPassAnAccessibilityCheck() throws Exception {
        Path axe = Path.of(System.getProperty("srmap.axe.js", "../web/node_modules/axe-core/axe.min.js"));
        assertThat(axe).as("axe-core, from module web's npm ci").isRegularFile();
        String script = Files.readString(axe);
        for (String path :
                List.of("/?dates=all&near=40.65010,-74.00530", "/district/307?dates=all", "/embed?dates=all")) {
            browser.driver().get(base + path);
            browser.await(path, 30, "return document.documentElement.dataset.panels === 'loaded'");
            browser.js(script);
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) browser.driver()
                    .executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + " axe.run(document, { resultTypes: ['violations'] }).then(r => done(r));");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> violations = (List<Map<String, Object>>) result.get("violations");
            Files.writeString(
                    Browser.artifact(testName + path.replaceAll("[^a-z0-9]+", "-") + "axe.json"),
                    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(violations));
            assertThat(violations.stream().map(v -> v.get("impact") + " " + v.get("id") + ": " + v.get("help")))
                    .as(path)
                    .isEmpty();
        }
    }

    private List<String> cells(String css) {
        return browser.driver().findElements(By.cssSelector(css)).stream()
                .map(e -> e.getText())
                .toList();
    }

    private static String format(long n) {
        return String.format(Locale.US, "%,d", n);
    }

    /** The district and hexbin colours (js/style.js SEQUENTIAL) but the lightest, as RGB. */
    private static final int[] SHADES = {0xc7e9b4, 0x7fcdbb, 0x41b6c4, 0x2c7fb8, 0x253494};

    /** The colours as the map paints them: at 80% over the land (js/paint.js, the page's land colour). */
    private static int[] onLand(int[] colours) {
        int land = 0xf3efe7;
        int[] out = new int[colours.length];
        for (int i = 0; i < colours.length; i++) {
            int rgb = 0;
            for (int shift = 0; shift <= 16; shift += 8) {
                int c = (int) Math.round(0.8 * ((colours[i] >> shift) & 0xff) + 0.2 * ((land >> shift) & 0xff));
                rgb |= c << shift;
            }
            out[i] = rgb;
        }
        return out;
    }

    /** Pixels of columns [from, to) whose colour is one of {@code colours} (give or take rounding). */
    private static long count(BufferedImage image, int from, int to, int[] colours) {
        long n = 0;
        for (int x = from; x < to; x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                for (int c : colours) {
                    if (close(rgb, c)) {
                        n++;
                        break;
                    }
                }
            }
        }
        return n;
    }

    private static boolean close(int a, int b) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > 12) {
                return false;
            }
        }
        return true;
    }

    private void open(String path) {
        browser.driver().get(base + path);
        browser.js("performance.setResourceTimingBufferSize(10000)");
        settle();
    }

    private void settle() {
        browser.await("the map and the panels to settle", 30, SETTLED);
    }

    /** The districts the chart counts (the districts in view), empty when it counts every one. */
    private List<String> chartDistricts() {
        String d = browser.driver().findElement(By.id("chart")).getAttribute("data-districts");
        return d == null || d.isEmpty() ? List.of() : List.of(d.split(",", -1));
    }

    private static String districtParams(List<String> districts) {
        StringBuilder q = new StringBuilder();
        for (String d : districts) {
            q.append("&district=").append(d);
        }
        return q.toString();
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
