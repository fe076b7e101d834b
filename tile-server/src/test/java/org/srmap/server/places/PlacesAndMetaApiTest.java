package org.srmap.server.places;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.CacheControl;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.srmap.server.Fixture;
import org.srmap.server.FixtureServerTest;
import org.srmap.server.ServerApplication;
import org.srmap.server.ServerSettings;

/** What the web page reads first: the places (boroughs, districts) and the metadata. */
@SpringBootTest(
        classes = ServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.shutdown=immediate")
class PlacesAndMetaApiTest extends FixtureServerTest {
    private final WebTestClient client;

    PlacesAndMetaApiTest(@Autowired WebTestClient client) {
        this.client = client;
    }

    @BeforeAll
    static void manhattanOutline() throws Exception {
        try (Connection c = database().open();
                Statement st = c.createStatement()) {
            // a square with a 1 km dent on its east side and a 5 m kink on its south side, to 7 decimals
            st.execute("UPDATE borough SET geom = ST_Multi(ST_GeomFromText("
                    + "'POLYGON((-74.0200001 40.7000001, -74.0000001 40.7000501, -73.9800001 40.7000001,"
                    + " -73.9900001 40.7200001, -73.9800001 40.7400001, -74.0200001 40.7400001,"
                    + " -74.0200001 40.7000001))', 4326)) WHERE boro_code = 1");
        }
    }

    @Test
    void listsTheDistrictsWithNamesAndPopulation() throws Exception {
        JsonNode districts = json(client, "/api/places/districts");

        assertThat(districts).hasSize(Fixture.DISTRICTS.size());
        List<Fixture.District> expected = Fixture.DISTRICTS.stream()
                .sorted(Comparator.comparingInt(Fixture.District::boroCd))
                .toList();
        for (int i = 0; i < expected.size(); i++) {
            JsonNode d = districts.get(i);
            Fixture.District f = expected.get(i);
            assertThat(d.get("boro_cd").asInt()).isEqualTo(f.boroCd());
            assertThat(d.get("borough").asText()).isEqualTo("Manhattan");
            if (f.population() > 0) {
                assertThat(d.get("population").asInt()).isEqualTo(f.population());
            } else {
                assertThat(d.get("population").isNull())
                        .as("nobody counted: no population")
                        .isTrue();
            }
        }
        assertThat(districts.get(0).get("name").asText()).isEqualTo("Manhattan 1");
        assertThat(districts.get(2).get("name").asText()).isEqualTo("Manhattan 64 (park or airport)");
        assertThat(districts.get(2).get("joint_interest").asBoolean()).isTrue();
    }

    @Test
    void drawsTheBoroughsAsGeoJson() throws Exception {
        byte[] body = client.get()
                .uri("/api/places/boroughs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(PlacesHandler.GEOJSON)
                .expectHeader()
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .expectBody()
                .returnResult()
                .getResponseBody();
        JsonNode geo = new ObjectMapper().readTree(body);

        assertThat(geo.get("type").asText()).isEqualTo("FeatureCollection");
        JsonNode feature = geo.get("features").get(0);
        assertThat(feature.get("properties").get("name").asText()).isEqualTo("Manhattan");
        assertThat(feature.get("geometry").get("type").asText()).isEqualTo("MultiPolygon");
        JsonNode ring = feature.get("geometry").get("coordinates").get(0).get(0);
        assertThat(ring.get(0).get(0).asDouble()).as("five decimals").isEqualTo(-74.02);
        assertThat(StreamSupport.stream(ring.spliterator(), false).count())
                .as("the kink of 5 m simplified away, the dent of 1 km kept")
                .isEqualTo(6);
    }

    @Test
    void tellsTheDataDaysAndTheMapSettings() throws Exception {
        JsonNode meta = json(client, "/api/meta");

        LocalDate first = fixture().requests.stream()
                .map(Fixture.Request::day)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        LocalDate last = fixture().requests.stream()
                .map(Fixture.Request::day)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        assertThat(meta.get("oldest_day").asText()).isEqualTo(first.toString());
        assertThat(meta.get("newest_day").asText()).isEqualTo(last.toString());
        assertThat(meta.get("requests_min_zoom").asInt()).isEqualTo(14);
        assertThat(meta.get("basemap").get("url").asText()).isEqualTo(ServerSettings.OSM_TILES);
        assertThat(meta.get("basemap").get("attribution").asText()).contains("OpenStreetMap");
        assertThat(meta.get("attribution").asText()).contains("NYC Open Data");
    }

    @ParameterizedTest
    @CsvSource({"/api/meta?x=1, x", "/api/places/districts?borough=1, borough", "/api/places/boroughs?z=3, z"})
    void rejectsParametersItDoesNotTake(String uri, String parameter) {
        expectBadRequest(client, uri, parameter);
    }
}
