package org.srmap.server.siting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.srmap.geocoder.h3.H3Cells;
import org.srmap.server.ServerApplication;
import org.srmap.server.web.RealSamples;

/**
 * {@code /api/siting} end to end: the real heat complaints of ../shared/data's samples, loaded by
 * the ingest, as demand cells; the real cooling centers as candidates; the answers checked against
 * the exact solver and against SQL of the test's own.
 */
@SpringBootTest(
        classes = ServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.shutdown=immediate")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SitingApiTest {
    private static RealSamples samples;

    private final WebTestClient client;

    SitingApiTest(@Autowired WebTestClient client) {
        this.client = client.mutate()
                .responseTimeout(Duration.ofSeconds(60))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(32 << 20))
                .build();
    }

    @BeforeAll
    static void load() throws Exception {
        samples = RealSamples.load();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("srmap.db-url", () -> samples.url());
    }

    @AfterAll
    static void drop() {
        if (samples != null) {
            samples.close();
        }
    }

    private JsonNode json(String uri) throws Exception {
        byte[] body = client.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        return new ObjectMapper().readTree(body);
    }

    private static long sql(String query) throws Exception {
        try (Connection c = samples.database().open();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void heatComplaintsToCellsToCoolingCentersTheHeuristicMatchesTheExactSolver() throws Exception {
        String plan = "/api/siting?model=mclp&k=5&radius=1000&unit=h3&res=9&sites=cooling_center";
        JsonNode exact = json(plan + "&solver=exact");
        JsonNode quick = json(plan + "&solver=heuristic");

        long heat = sql("SELECT count(*) FROM service_request WHERE complaint_type = 'HEAT/HOT WATER'");
        long placed = sql("SELECT count(*) FROM service_request WHERE complaint_type = 'HEAT/HOT WATER'"
                + " AND geom IS NOT NULL");
        assertThat(placed).as("heat complaints with a point in the samples").isGreaterThan(100);
        assertThat(exact.get("requests").asLong()).isEqualTo(heat);
        assertThat(exact.get("unplaced").asLong()).isEqualTo(heat - placed);
        assertThat(exact.get("demand").get("weight").asDouble())
                .as("every placed heat complaint is in a demand cell")
                .isEqualTo((double) placed);
        assertThat(exact.get("candidates").asLong())
                .isEqualTo(sql("SELECT count(*) FROM facility WHERE kind = 'cooling_center'"));

        assertThat(exact.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(exact.get("gap").asDouble()).isZero();
        assertThat(quick.get("objective").asDouble())
                .as("the heuristic covers no more than the optimum")
                .isLessThanOrEqualTo(exact.get("objective").asDouble());
        assertThat(quick.get("bound").asDouble())
                .as("the heuristic's bound holds")
                .isGreaterThanOrEqualTo(exact.get("objective").asDouble());
        assertThat(quick.get("objective").asDouble())
                .as("the heuristic within its reported gap")
                .isGreaterThanOrEqualTo(
                        quick.get("bound").asDouble() * (1 - quick.get("gap").asDouble()) - 1e-6);

        double covered = 0;
        Set<String> chosen = new HashSet<>();
        exact.get("sites").forEach(s -> chosen.add(s.get("id").asText()));
        assertThat(chosen).hasSize(5).allMatch(id -> id.startsWith("cooling_center:"));
        for (JsonNode a : exact.get("assignments")) {
            assertThat(chosen).contains(a.get("site").asText());
            if (a.get("covered").asBoolean()) {
                assertThat(a.get("metres").asDouble()).isLessThanOrEqualTo(1000);
                covered += a.get("weight").asDouble();
            }
        }
        assertThat(covered).isCloseTo(exact.get("objective").asDouble(), within(1e-6));
        double byBorough = 0;
        for (JsonNode b : exact.get("by_borough")) {
            byBorough += b.get("covered_weight").asDouble();
        }
        assertThat(byBorough).isCloseTo(covered, within(1e-6));
        assertThat(exact.get("curve")).hasSize(5);
    }

    @Test
    void weighsCellsByDistinctBuildings() throws Exception {
        JsonNode r = json("/api/siting?model=mclp&k=3&radius=800&unit=h3&res=8&weight=buildings&solver=heuristic");

        Map<String, Set<String>> expected = new HashMap<>();
        try (Connection c = samples.database().open();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT h3_r10, coalesce(nullif(bbl, ''), nullif(incident_address, ''),"
                        + " 'request:' || unique_key) FROM service_request"
                        + " WHERE complaint_type = 'HEAT/HOT WATER' AND geom IS NOT NULL")) {
            while (rs.next()) {
                expected.computeIfAbsent(Long.toHexString(H3Cells.parent(rs.getLong(1), 8)), k -> new HashSet<>())
                        .add(rs.getString(2));
            }
        }
        Map<String, Double> actual = new HashMap<>();
        r.get("assignments")
                .forEach(a -> actual.put(a.get("id").asText(), a.get("weight").asDouble()));
        Map<String, Double> want = new HashMap<>();
        expected.forEach((cell, buildings) -> want.put(cell, (double) buildings.size()));
        assertThat(actual).isEqualTo(want);
    }

    @Test
    void cellsWeighedByTheirShareOfTractPopulation() throws Exception {
        JsonNode r = json("/api/siting?model=mclp&k=1&radius=2000&unit=h3&res=7&weight=population&solver=heuristic");

        WKTReader wkt = new WKTReader();
        GeometryFactory gf = new GeometryFactory();
        List<Geometry> tracts = new ArrayList<>();
        List<Long> people = new ArrayList<>();
        try (Connection c = samples.database().open();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT ST_AsText(geom), population FROM census_tract")) {
            while (rs.next()) {
                tracts.add(wkt.read(rs.getString(1)));
                people.add(rs.getLong(2));
            }
        }
        assertThat(r.get("assignments")).isNotEmpty();
        for (JsonNode a : r.get("assignments")) {
            List<Coordinate> ring = new ArrayList<>();
            H3Cells.boundary(Long.parseUnsignedLong(a.get("id").asText(), 16))
                    .forEach(p -> ring.add(new Coordinate(p.lon(), p.lat())));
            ring.add(ring.get(0));
            Geometry cell = gf.createPolygon(ring.toArray(Coordinate[]::new));
            double expected = 0;
            for (int t = 0; t < tracts.size(); t++) {
                Geometry tract = tracts.get(t);
                if (people.get(t) > 0 && tract.intersects(cell)) {
                    expected += people.get(t)
                            * OverlayNGRobust.overlay(tract, cell, OverlayNG.INTERSECTION)
                                    .getArea()
                            / tract.getArea();
                }
            }
            assertThat(a.get("weight").asDouble())
                    .as(a.get("id").asText())
                    .isCloseTo(expected, within(1e-6 * Math.max(1, expected)));
        }
    }

    @Test
    void districtsWeighedByPopulation() throws Exception {
        JsonNode r = json("/api/siting?model=pmedian&k=3&unit=district&weight=population&sites=cooling_center,library");

        Map<String, Long> population = new HashMap<>();
        json("/api/places/districts").forEach(d -> {
            if (d.hasNonNull("population")) {
                population.put(d.get("boro_cd").asText(), d.get("population").asLong());
            }
        });
        assertThat(r.get("assignments")).isNotEmpty();
        for (JsonNode a : r.get("assignments")) {
            assertThat(a.get("weight").asLong())
                    .as(a.get("id").asText())
                    .isEqualTo(population.get(a.get("id").asText()));
        }
        assertThat(r.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(r.get("candidates").asLong())
                .isEqualTo(sql("SELECT count(*) FROM facility WHERE kind IN ('cooling_center', 'library')"));
    }

    @Test
    void offersOnlyStepFreeSitesOpenAtWeekendsWhenAsked() throws Exception {
        JsonNode r = json("/api/siting?k=2&radius=1000&solver=heuristic&sites=cooling_center,library"
                + "&wheelchair=true&weekend=true");

        long expected = 0;
        Set<String> allowed = new HashSet<>();
        try (Connection c = samples.database().open();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT facility_id, hours, wheelchair FROM facility")) {
            while (rs.next()) {
                String hours = rs.getString(2) == null ? "" : rs.getString(2);
                boolean weekend = java.util.Arrays.stream(hours.split("[^A-Za-z]+"))
                        .anyMatch(w -> w.equalsIgnoreCase("sat") || w.equalsIgnoreCase("sun"));
                if (rs.getBoolean(3) && weekend) {
                    expected++;
                    allowed.add(rs.getString(1));
                }
            }
        }
        assertThat(expected)
                .as("step-free facilities open at weekends in the real data")
                .isPositive();
        assertThat(r.get("candidates").asLong()).isEqualTo(expected);
        r.get("sites").forEach(s -> assertThat(allowed).contains(s.get("id").asText()));
    }

    private WebTestClient.ResponseSpec post(String query, Map<String, String> parts) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        parts.forEach((name, text) -> body.part(name, text.getBytes(StandardCharsets.UTF_8))
                .filename(name + ".csv")
                .contentType(MediaType.TEXT_PLAIN));
        return client.post()
                .uri("/api/siting?" + query)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange();
    }

    private static JsonNode body(WebTestClient.ResponseSpec response) throws Exception {
        return new ObjectMapper()
                .readTree(response.expectStatus()
                        .isOk()
                        .expectBody(byte[].class)
                        .returnResult()
                        .getResponseBody());
    }

    @Test
    void sitesForAPlannersOwnDemandAndCandidates() throws Exception {
        // four units on 40.75 N in Manhattan, 0.005 degrees apart (about 420 m); two candidates
        String demand =
                "id,lat,lon,weight\na,40.75,-73.990,1\nb,40.75,-73.985,2\nc,40.75,-73.980,3\nd,40.75,-73.975,4\n";
        String candidates = "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"id\":\"west\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[-73.990,40.75]},\"properties\":{}},"
                + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[-73.975,40.75]},\"properties\":{\"id\":\"east\"}}]}";

        JsonNode r = body(post("model=mclp&k=1&radius=500", Map.of("demand", demand, "candidates", candidates)));

        assertThat(r.get("unit").asText()).isEqualTo("upload");
        assertThat(r.get("candidates").asInt()).as("the uploaded sites alone").isEqualTo(2);
        assertThat(r.get("sites").get(0).get("id").asText()).isEqualTo("east");
        assertThat(r.get("objective").asDouble())
                .as("c and d, within 500 m of east")
                .isEqualTo(7);
        assertThat(r.get("requests").isNull()).isTrue();
        assertThat(r.get("by_borough").get(0).get("borough").asText()).isEqualTo("Manhattan");
    }

    @Test
    void uploadedSitesServeNoMoreThanTheirCapacity() throws Exception {
        String demand = "id,lat,lon,weight\na,40.75,-73.990,10\nb,40.75,-73.985,20\n";
        String candidates = "id,lat,lon,capacity\nhall,40.75,-73.9875,25\n";
        JsonNode r = body(post("model=mclp&k=1&radius=500", Map.of("demand", demand, "candidates", candidates)));
        assertThat(r.get("objective").asDouble())
                .as("both within reach, 30 in all, the hall holds 25")
                .isEqualTo(25);
        assertThat(r.get("demand").get("covered_weight").asDouble())
                .as("within reach")
                .isEqualTo(30);
    }

    @Test
    void sitesUploadedCandidatesForTheLoadedHeatComplaints() throws Exception {
        String candidates = "id,lat,lon\nharlem,40.8116,-73.9465\nbushwick,40.6944,-73.9213\n";
        JsonNode r = body(post("k=1&radius=1500&solver=heuristic", Map.of("candidates", candidates)));
        assertThat(r.get("candidates").asInt()).isEqualTo(2);
        assertThat(r.get("requests").asLong())
                .isEqualTo(sql("SELECT count(*) FROM service_request WHERE complaint_type = 'HEAT/HOT WATER'"));
        JsonNode both =
                body(post("k=1&radius=1500&solver=heuristic&sites=cooling_center", Map.of("candidates", candidates)));
        assertThat(both.get("candidates").asLong())
                .isEqualTo(2 + sql("SELECT count(*) FROM facility WHERE kind = 'cooling_center'"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "k=1&radius=500 | demand | id,lat,lon\\na,40.75,north | demand | line 2: lon must be a number, was 'north'",
                "k=1&radius=500&category=Noise | demand | id,lat,lon\\na,40.75,-73.99 | category | category does not apply to an uploaded demand",
                "k=1&radius=500 | sites | id,lat,lon\\na,40.75,-73.99 | sites | unknown part 'sites'",
                "k=1&radius=500 | candidates | {\"type\":\"FeatureCollection\",\"features\":[{\"geometry\":{\"type\":\"LineString\"}}]} | candidates | feature 0: geometry must be a Point",
            })
    void refusesBadUploadsNamingThePart(String query, String part, String text, String parameter, String message) {
        post(query, Map.of(part, text.replace("\\n", "\n")))
                .expectStatus()
                .isEqualTo(HttpStatus.BAD_REQUEST)
                .expectBody()
                .jsonPath("$.parameter")
                .isEqualTo(parameter)
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains(message));
    }

    @Test
    void refusesAPostThatIsNotMultipart() {
        client.post()
                .uri("/api/siting?k=1")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("id,lat,lon\n")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.BAD_REQUEST)
                .expectBody()
                .jsonPath("$.parameter")
                .isEqualTo("body");
    }

    @Test
    void exportsGeoJsonAndCsv() throws Exception {
        String plan = "/api/siting?k=3&radius=1000&solver=heuristic";
        JsonNode r = json(plan);
        JsonNode geo = json(plan + "&format=geojson");
        assertThat(geo.get("type").asText()).isEqualTo("FeatureCollection");
        int sites = 0;
        int units = 0;
        for (JsonNode f : geo.get("features")) {
            if (f.get("properties").get("role").asText().equals("site")) {
                sites++;
            } else {
                units++;
            }
        }
        assertThat(sites).isEqualTo(3);
        assertThat(units).isEqualTo(r.get("assignments").size());
        String csv = client.get()
                .uri(plan + "&format=csv")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(csv.lines()).hasSize(units + 1).first().asString().startsWith("unit,lat,lon,borough,weight,site");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "unit=zip | unit",
                "weight=complaints*complaints | weight",
                "model=mclp&k=0 | k",
                "radius=30000 | radius",
                "res=11 | res",
                "sites=hospital | sites",
                "required=cooling_center:none | required",
                "time_limit=600 | time_limit",
                "weekend=sunday | weekend",
                "k=800&radius=500&solver=heuristic | k",
                "format=xml | format",
                "colour=red | colour",
                "category=Noise&from=2031-01-01 | category",
            })
    void refusesBadParametersWithAProblemNamingThem(String query, String parameter) {
        client.get()
                .uri("/api/siting?" + query)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.BAD_REQUEST)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.parameter")
                .isEqualTo(parameter);
    }
}
