package org.srmap.server.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.srmap.geocoder.h3.H3Cells;
import org.srmap.server.Fixture;
import org.srmap.server.FixtureServerTest;
import org.srmap.server.ServerApplication;

@SpringBootTest(
        classes = ServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"srmap.requests-cap=50", "srmap.requests-min-zoom=14", "server.shutdown=immediate"})
class TileServerTest extends FixtureServerTest {
    private final WebTestClient client;

    TileServerTest(@Autowired WebTestClient client) {
        this.client = client;
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''",
                "status=open",
                "status=closed",
                "type=HEAT/HOT WATER",
                "type=heat/hot water&type=Illegal Parking",
                "district=101",
                "district=102&district=164",
                "from=2024-01-05&to=2024-01-09",
                "to=2024-01-03",
                "from=2023-12-25&to=2024-02-10",
                "from=2024-01-01&to=2024-02-29",
                "from=2024-02-15",
                "to=2024-01-31&status=closed",
                "agency=HPD",
                "agency=nypd&status=open&from=2024-01-10",
                "category=CATEGORY_OF_NOISE"
            })
    void districtTilesCountWhatTheFilterMatches(String query) throws IOException {
        String q = query.replace("CATEGORY_OF_NOISE", fixture().categoryOfType.get("Noise - Residential"));
        int[] tile = tileOf(9, -74.0, 40.72);
        JtsMvt mvt = get("/tiles/districts/9/" + tile[1] + "/" + tile[2] + ".mvt?" + q);

        Map<Integer, Map<String, Object>> byDistrict = new HashMap<>();
        for (Geometry g : mvt.getLayer("districts").getGeometries()) {
            Map<String, Object> props = properties(g);
            byDistrict.put(((Number) props.get("boro_cd")).intValue(), props);
        }
        assertThat(byDistrict.keySet()).containsExactlyInAnyOrder(101, 102, 164);
        Predicate<Fixture.Request> filter = filter(q);
        for (Fixture.District d : Fixture.DISTRICTS) {
            List<Fixture.Request> matching = fixture().requests.stream()
                    .filter(r -> r.district() == d.boroCd())
                    .filter(filter)
                    .toList();
            long unplaced = matching.stream().filter(r -> !r.placed()).count();
            Map<String, Object> props = byDistrict.get(d.boroCd());
            assertThat(((Number) props.get("count")).longValue())
                    .as("count of %d for %s", d.boroCd(), q)
                    .isEqualTo(matching.size());
            assertThat(((Number) props.get("unplaced")).longValue())
                    .as("unplaced of %d for %s", d.boroCd(), q)
                    .isEqualTo(unplaced);
            if (d.population() > 0) {
                assertThat(((Number) props.get("rate")).doubleValue())
                        .isEqualTo(Math.round(100_000.0 * matching.size() / d.population()) / 100.0);
            } else {
                assertThat(props).doesNotContainKey("rate");
            }
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''",
                "status=closed",
                "type=Illegal Parking&from=2024-01-02",
                "district=102",
                "agency=DOT",
                "from=2024-01-02&to=2024-02-15", // a short range: the day index may be used
                "from=2023-12-20&to=2024-03-28&status=open"
            })
    void requestTilesHoldThePointsInsideThemThatTheFilterMatches(String query) throws IOException {
        int[] tile = tileOf(16, -74.0005, 40.7095);
        JtsMvt mvt = get("/tiles/requests/16/" + tile[1] + "/" + tile[2] + ".mvt?" + query);

        double[] bounds = bounds(16, tile[1], tile[2]);
        Set<Long> expected = fixture().requests.stream()
                .filter(Fixture.Request::placed)
                .filter(r -> r.shownLon() >= bounds[0]
                        && r.shownLon() < bounds[2]
                        && r.shownLat() >= bounds[1]
                        && r.shownLat() < bounds[3])
                .filter(filter(query))
                .map(Fixture.Request::key)
                .collect(Collectors.toSet());
        JtsLayer layer = mvt.getLayer("requests");
        Set<Long> keys = layer == null
                ? Set.of()
                : layer.getGeometries().stream()
                        .map(g -> ((Number) properties(g).get("unique_key")).longValue())
                        .collect(Collectors.toSet());
        assertThat(keys).isEqualTo(expected);
        assertThat(mvt.getLayer("requests_capped")).isNull();
        if (query.isEmpty()) {
            assertThat(expected).hasSizeBetween(5, 49);
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"''", "status=open", "type=Noise - Residential", "from=2024-01-02&to=2024-02-15", "district=102"})
    void denseRequestTilesDrawTheNewestOfAnEvenSampleAndSaySo(String query) throws IOException {
        int[] tile = tileOf(14, -74.0, 40.715);
        byte[] bytes = client.get()
                .uri("/tiles/requests/14/" + tile[1] + "/" + tile[2] + ".mvt?" + query)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(TileHandler.CAPPED_HEADER, "true")
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        JtsMvt mvt = decode(bytes);

        double[] bounds = bounds(14, tile[1], tile[2]);
        List<Fixture.Request> inTile = fixture().requests.stream()
                .filter(Fixture.Request::placed)
                .filter(r -> r.shownLon() >= bounds[0]
                        && r.shownLon() < bounds[2]
                        && r.shownLat() >= bounds[1]
                        && r.shownLat() < bounds[3])
                .filter(filter(query))
                .toList();
        // what the sparsest sample matches, and what drawing reads: the tile's rows (of the date range
        // when it is short enough to be found by day), by their own points (the probe's estimate)
        long matching = fixture().requests.stream()
                .filter(Fixture.Request::placed)
                .filter(r -> r.lon() >= bounds[0] && r.lon() < bounds[2] && r.lat() >= bounds[1] && r.lat() < bounds[3])
                .filter(filter(query))
                .filter(r -> r.key() % 64 == 0)
                .count();
        Predicate<Fixture.Request> read = query.startsWith("from=") ? filter(query) : r -> true;
        long reads = fixture().requests.stream()
                .filter(Fixture.Request::placed)
                .filter(r -> r.lon() >= bounds[0] && r.lon() < bounds[2] && r.lat() >= bounds[1] && r.lat() < bounds[3])
                .filter(r -> r.key() % 64 == 0)
                .filter(read)
                .count();
        int oneIn = TileRepository.sampleRate(matching, reads, 50);
        List<Long> expected = inTile.stream()
                .filter(r -> r.key() % oneIn == 0)
                .sorted(Comparator.comparingLong(Fixture.Request::createdEpoch)
                        .thenComparingLong(Fixture.Request::key)
                        .reversed())
                .limit(50)
                .map(Fixture.Request::key)
                .toList();
        List<Long> keys = mvt.getLayer("requests").getGeometries().stream()
                .map(g -> ((Number) properties(g).get("unique_key")).longValue())
                .toList();
        assertThat(inTile).as("a tile dense enough to sample").hasSizeGreaterThan(50);
        assertThat(keys).containsExactlyInAnyOrderElementsOf(expected);
        Map<String, Object> meta = properties(
                mvt.getLayer("requests_capped").getGeometries().iterator().next());
        assertThat(((Number) meta.get("shown")).intValue()).isEqualTo(expected.size());
        assertThat(((Number) meta.get("one_in")).intValue()).isEqualTo(oneIn);
    }

    @ParameterizedTest
    @CsvSource({
        // matching, reads (of the sparsest sample in the tile), cap: the sample rate
        "0, 0, 2500, 1",
        "39, 39, 2500, 1",
        "40, 40, 2500, 4",
        "39, 157, 2500, 4", // few match, but drawing them all would read too many rows
        "156, 156, 2500, 4",
        "157, 157, 2500, 16",
        "625, 625, 2500, 16",
        "100, 2500, 2500, 16",
        "100, 2501, 2500, 64",
        "626, 626, 2500, 64",
        "2501, 10001, 2500, 64",
        "1, 1, 50, 4",
        "3, 3, 50, 4",
        "4, 4, 50, 16"
    })
    void picksTheDensestSampleExpectedToFitTheCapAndTheRowsItMayRead(long matching, long reads, int cap, int oneIn) {
        assertThat(TileRepository.sampleRate(matching, reads, cap)).isEqualTo(oneIn);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "9 | ''",
                "11 | ''",
                "12 | ''",
                "13 | status=open",
                "11 | status=closed",
                "12 | type=HEAT/HOT WATER&type=Street Condition",
                "11 | district=102",
                "12 | agency=NYPD&from=2024-01-07&to=2024-01-15",
                "10 | from=2023-12-25&to=2024-02-10",
                "12 | from=2024-01-01&to=2024-02-29&status=open",
                "13 | category=CATEGORY_OF_NOISE&from=2023-12-31&to=2024-03-01",
                "10 | district=101&district=164&from=2023-12-25&to=2024-03-05",
                "12 | from=2023-01-01&to=2024-12-31",
                "11 | from=2023-12-01&to=2024-12-31&status=closed",
                "13 | from=2023-11-01&to=2025-01-31&type=HEAT/HOT WATER",
                "12 | from=2023-12-21&to=2025-01-10&agency=HPD",
                // one calendar year: each cell's row of the year (rollup_h3_year_cell)
                "12 | from=2024-01-01&to=2024-12-31",
                "11 | from=2024-01-01&to=2024-12-31&status=open",
                "13 | from=2024-01-01&to=2024-12-31&status=closed",
                "10 | from=2024-01-01&to=2024-12-31&category=CATEGORY_OF_NOISE",
                "12 | from=2023-01-01&to=2023-12-31&category=CATEGORY_OF_NOISE&status=open"
            })
    void hexbinsCountWhatTheFilterMatchesInEachCell(int z, String template) throws IOException {
        String query =
                template.replace("CATEGORY_OF_NOISE", fixture().categoryOfType.get("Noise - Residential"));
        int res = TileRepository.hexbinResolution(z);
        Predicate<Fixture.Request> filter = filter(query);
        Map<Long, List<Fixture.Request>> expected = fixture().requests.stream()
                .filter(Fixture.Request::placed)
                .filter(filter)
                .collect(Collectors.groupingBy(r -> H3Cells.parent(r.h3r8(), res)));

        Map<Long, Map<String, Object>> seen = new HashMap<>();
        for (int[] tile : tilesCovering(z, -74.02, 40.70, -73.98, 40.74)) {
            JtsMvt mvt = get("/tiles/hexbins/" + z + "/" + tile[1] + "/" + tile[2] + ".mvt?" + query);
            JtsLayer layer = mvt.getLayer("hexbins");
            if (layer == null) {
                continue;
            }
            for (Geometry g : layer.getGeometries()) {
                Map<String, Object> props = properties(g);
                seen.put(Long.parseUnsignedLong((String) props.get("cell"), 16), props);
            }
        }
        assertThat(seen.keySet()).isEqualTo(expected.keySet());
        for (Map.Entry<Long, List<Fixture.Request>> e : expected.entrySet()) {
            List<Fixture.Request> in = e.getValue();
            Map<String, Long> byType = in.stream()
                    .collect(Collectors.groupingBy(Fixture.Request::type, TreeMap::new, Collectors.counting()));
            String top = byType.entrySet().stream()
                    .max(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .orElseThrow()
                    .getKey();
            Map<String, Object> props = seen.get(e.getKey());
            assertThat(((Number) props.get("count")).longValue()).isEqualTo(in.size());
            assertThat(((Number) props.get("open")).longValue())
                    .isEqualTo(in.stream().filter(r -> !r.closed()).count());
            assertThat(props.get("top_type")).isEqualTo(top);
        }
    }

    @Test
    void tileJsonCarriesTheCanonicalFilterIntoAWorkingTileUrl() throws IOException {
        String uri = "/tiles/districts,hexbins.json?district=102&type=heat/hot water&district=101";
        client.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.tilejson")
                .isEqualTo("3.0.0")
                .jsonPath("$.vector_layers[*].id")
                .isEqualTo(List.of("districts", "hexbins"))
                .jsonPath("$.vector_layers[0].fields.rate")
                .isEqualTo("Number");
        String url = tileUrl(uri);
        assertThat(url)
                .endsWith("/tiles/districts,hexbins/{z}/{x}/{y}.mvt?type=HEAT%2FHOT%20WATER&district=101&district=102");

        int[] tile = tileOf(9, -74.0, 40.72);
        String tileUrl = url.replace("{z}", "9")
                .replace("{x}", Integer.toString(tile[1]))
                .replace("{y}", Integer.toString(tile[2]));
        JtsMvt mvt = decode(client.get()
                .uri(URI.create(tileUrl))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody());
        long heatIn101or102 = fixture().requests.stream()
                .filter(r -> r.type().equals("HEAT/HOT WATER") && (r.district() == 101 || r.district() == 102))
                .count();
        long counted = mvt.getLayer("districts").getGeometries().stream()
                .mapToLong(g -> ((Number) properties(g).get("count")).longValue())
                .sum();
        assertThat(counted).isEqualTo(heatIn101or102);
    }

    @Test
    void theCatalogListsEveryLayer() {
        client.get()
                .uri("/tiles")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.layers[*].id")
                .isEqualTo(List.of("districts", "hexbins", "requests"))
                .jsonPath("$.filters")
                .isEqualTo(List.of("category", "type", "from", "to", "status", "district", "agency"));
    }

    private String tileUrl(String tileJsonUri) {
        byte[] body = client.get()
                .uri(tileJsonUri)
                .exchange()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        try {
            return new ObjectMapper().readTree(body).get("tiles").get(0).asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void requestLayerIsEmptyBelowItsMinimumZoom() {
        int[] tile = tileOf(13, -74.0, 40.715);
        client.get()
                .uri("/tiles/requests/13/" + tile[1] + "/" + tile[2] + ".mvt")
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    /** Zooms up to 16 read outlines cut in advance (district_tile), deeper ones cut zoom 16's. */
    @ParameterizedTest
    @CsvSource({"12", "15", "16", "17", "19"})
    void districtTilesHoldTheOutlinesThatMeetTheTileAtEveryZoom(int z) throws IOException {
        int[] tile = tileOf(z, -74.0003, 40.7197);
        JtsMvt mvt = get("/tiles/districts/" + z + "/" + tile[1] + "/" + tile[2] + ".mvt");

        Set<Integer> expected = Fixture.DISTRICTS.stream()
                .filter(d -> tilesCovering(z, d.west(), d.south(), d.east(), d.north()).stream()
                        .anyMatch(t -> t[1] == tile[1] && t[2] == tile[2]))
                .map(Fixture.District::boroCd)
                .collect(Collectors.toSet());
        assertThat(expected).hasSizeGreaterThan(z < 19 ? 1 : 0);
        List<Geometry> outlines =
                mvt.getLayer("districts").getGeometries().stream().toList();
        assertThat(outlines)
                .extracting(g -> ((Number) properties(g).get("boro_cd")).intValue())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(outlines).allSatisfy(g -> assertThat(g.getArea()).isPositive());
    }

    @Test
    void severalLayersShareOneTile() throws IOException {
        int[] tile = tileOf(16, -74.0005, 40.7095);
        JtsMvt mvt = get("/tiles/districts,requests/16/" + tile[1] + "/" + tile[2] + ".mvt");
        assertThat(mvt.getLayer("districts").getGeometries()).isNotEmpty();
        assertThat(mvt.getLayer("requests").getGeometries()).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/tiles/districts/25/0/0.mvt | z",
                "/tiles/districts/a/0/0.mvt | z",
                "/tiles/districts/2/9/0.mvt | x",
                "/tiles/districts/2/0/4.mvt | y",
                "/tiles/nope/1/0/0.mvt | layers",
                "/tiles/districts,districts/1/0/0.mvt | layers",
                "/tiles/districts/1/0/0.mvt?foo=1 | foo",
                "/tiles/districts/1/0/0.mvt?status=maybe | status",
                "/tiles/districts/1/0/0.mvt?status=open&status=closed | status",
                "/tiles/districts/1/0/0.mvt?status= | status",
                "/tiles/districts/1/0/0.mvt?from=2024-02-30 | from",
                "/tiles/districts/1/0/0.mvt?from=2024-02-01&to=2024-01-01 | from",
                "/tiles/districts/1/0/0.mvt?district=999 | district",
                "/tiles/districts/1/0/0.mvt?district=brooklyn | district",
                "/tiles/districts/1/0/0.mvt?type=NO SUCH TYPE | type",
                "/tiles/districts/1/0/0.mvt?agency=XYZ | agency",
                "/tiles/districts/1/0/0.mvt?category=Nothing | category",
                "/tiles/districts.json?status=maybe | status",
                "/tiles/nope.json | layers"
            })
    void badRequestsGetAProblemNamingTheParameter(String uri, String parameter) {
        client.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.BAD_REQUEST)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.parameter")
                .isEqualTo(parameter)
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).isNotBlank())
                .jsonPath("$.trace")
                .doesNotExist();
    }

    /** The filter of a query string, in Java, for the fixture's requests. */
    private static Predicate<Fixture.Request> filter(String query) {
        Predicate<Fixture.Request> p = r -> true;
        Map<String, List<String>> params = Arrays.stream(query.split("&"))
                .filter(s -> !s.isEmpty())
                .map(s -> s.split("=", 2))
                .collect(Collectors.groupingBy(kv -> kv[0], Collectors.mapping(kv -> kv[1], Collectors.toList())));
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            List<String> values = e.getValue();
            String v = values.get(0);
            p = p.and(
                    switch (e.getKey()) {
                        case "status" -> r -> r.closed() == v.equals("closed");
                        case "type" -> r -> values.stream().anyMatch(t -> t.equalsIgnoreCase(r.type()));
                        case "district" -> r -> values.contains(Integer.toString(r.district()));
                        case "from" -> r -> !r.day().isBefore(LocalDate.parse(v));
                        case "to" -> r -> !r.day().isAfter(LocalDate.parse(v));
                        case "agency" -> r -> r.agency().equalsIgnoreCase(v);
                        case "category" ->
                            r -> v.equals(fixture().categoryOfType.get(r.type()));
                        default -> throw new IllegalArgumentException(e.getKey());
                    });
        }
        return p;
    }

    private JtsMvt get(String uri) throws IOException {
        byte[] bytes = client.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(TileHandler.MVT)
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        return decode(bytes);
    }

    private static JtsMvt decode(byte[] bytes) throws IOException {
        return MvtReader.loadMvt(new ByteArrayInputStream(bytes), new GeometryFactory(), new TagKeyValueMapConverter());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Geometry g) {
        return (Map<String, Object>) g.getUserData();
    }

    /** The XYZ tile holding a point: {z, x, y}. */
    static int[] tileOf(int z, double lon, double lat) {
        double n = 1 << z;
        double rad = Math.toRadians(lat);
        int x = (int) Math.floor((lon + 180) / 360 * n);
        int y = (int) Math.floor((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * n);
        return new int[] {z, x, y};
    }

    /** The tiles at zoom z that meet a box: {z, x, y} each. */
    static List<int[]> tilesCovering(int z, double west, double south, double east, double north) {
        int[] nw = tileOf(z, west, north);
        int[] se = tileOf(z, east, south);
        List<int[]> tiles = new ArrayList<>();
        for (int x = nw[1]; x <= se[1]; x++) {
            for (int y = nw[2]; y <= se[2]; y++) {
                tiles.add(new int[] {z, x, y});
            }
        }
        return tiles;
    }

    /** West, south, east, north of a tile in degrees. */
    static double[] bounds(int z, int x, int y) {
        double n = 1 << z;
        return new double[] {x / n * 360 - 180, lat(y + 1, n), (x + 1) / n * 360 - 180, lat(y, n)};
    }

    private static double lat(int y, double n) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * y / n))));
    }
}
