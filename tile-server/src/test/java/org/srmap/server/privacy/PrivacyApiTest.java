package org.srmap.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.srmap.geocoder.address.AddressNormalizer;
import org.srmap.server.Fixture;
import org.srmap.server.FixtureServerTest;
import org.srmap.server.ServerApplication;

/**
 * With the default settings, a request of a sensitive type is shown at its resolution-10 H3 cell's
 * centre and with its street only, in every tile and API; one whose centre is unknown is shown
 * without a point and counted; a request of any other type keeps its own point and address.
 */
@AutoConfigureObservability // for the gauge of requests without a centre
@SpringBootTest(
        classes = ServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.shutdown=immediate")
class PrivacyApiTest extends FixtureServerTest {
    private static final String ADDRESS = Places.ADDRESS;
    private static final String STREET = Places.STREET;
    static final String ALL_DAYS = "start_date=2023-12-01T00:00:00-05:00&end_date=2024-04-01T00:00:00-04:00";

    /** A heat complaint at least 40 m from its cell's centre, the only request in its cell. */
    private static Fixture.Request heat;

    /** A residential noise complaint whose cell's centre is taken out of h3_centre. */
    private static Fixture.Request noCentre;

    /** An illegal parking complaint: not sensitive. */
    private static Fixture.Request parking;

    private final WebTestClient client;

    PrivacyApiTest(@Autowired WebTestClient client) {
        this.client = client;
    }

    @BeforeAll
    static void giveThemAnAddressAndTakeOneCentreAway() throws SQLException {
        heat = Places.farFromItsCentre(fixture(), "HEAT/HOT WATER", 40);
        noCentre = Places.farFromItsCentre(fixture(), "Noise - Residential", 40);
        parking = fixture().requests.stream()
                .filter(r -> r.placed() && r.type().equals("Illegal Parking"))
                .findFirst()
                .orElseThrow();
        Places.giveAnAddress(database(), heat, noCentre, parking);
        try (Connection c = database().open();
                PreparedStatement centre = c.prepareStatement("DELETE FROM h3_centre WHERE cell = ?")) {
            centre.setLong(1, noCentre.h3r10());
            assertThat(centre.executeUpdate()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @CsvSource({"14", "15", "16", "17", "18", "19", "20"})
    void aSensitiveRequestIsDrawnAtItsCellsCentreInExactlyOneTileAtEveryPointZoom(int z) {
        double[] centre = Places.centre(heat.lon(), heat.lat());
        int[] home = Places.tileOf(z, centre[0], centre[1]);
        List<Coordinate> drawn = new ArrayList<>();
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                int[] tile = {z, home[1] + dx, home[2] + dy};
                List<Coordinate> here = Places.requestPoints(client, tile, "").getOrDefault(heat.key(), List.of());
                if (dx == 0 && dy == 0) {
                    drawn.addAll(here);
                } else {
                    assertThat(here)
                            .as("tile %d/%d/%d", tile[0], tile[1], tile[2])
                            .isEmpty();
                }
            }
        }
        assertThat(drawn).as("the centre's tile at z%d", z).hasSize(1);
        double[] want = Places.inTile(home, centre[0], centre[1]);
        double[] own = Places.inTile(home, heat.lon(), heat.lat());
        assertThat(drawn.get(0).x).isCloseTo(want[0], Offset.offset(0.5));
        assertThat(drawn.get(0).y).isCloseTo(want[1], Offset.offset(0.5));
        assertThat(Math.hypot(drawn.get(0).x - own[0], drawn.get(0).y - own[1]))
                .as("units from its own point")
                .isGreaterThan(10);
    }

    @ParameterizedTest
    @CsvSource({"14", "17", "20"})
    void aRequestOfAnotherTypeIsDrawnAtItsOwnPoint(int z) {
        Places.assertDrawnAtItsOwnPoint(client, z, parking);
    }

    @ParameterizedTest
    @CsvSource({"11375, false", "11374, true"})
    void theAddressSearchAnswersOnlyAnAddressThatARequestOfAnotherTypeNamed(String zip, boolean parkingThere)
            throws SQLException {
        // the gazetteer learned the address, at the point of the heat complaint or of the parking one
        Fixture.Request at = parkingThere ? parking : heat;
        String key =
                AddressNormalizer.normalize(ADDRESS, zip, null).orElseThrow().compact();
        try (Connection c = database().open();
                PreparedStatement zips = c.prepareStatement("UPDATE service_request SET zip = ? WHERE unique_key = ?");
                PreparedStatement learn = c.prepareStatement(
                        "INSERT INTO gazetteer (address_key, sum_lon, sum_lat, n) VALUES (?, ?, ?, 1)")) {
            zips.setString(1, zip);
            zips.setLong(2, at.key());
            assertThat(zips.executeUpdate()).isEqualTo(1);
            learn.setString(1, key);
            learn.setDouble(2, at.lon());
            learn.setDouble(3, at.lat());
            learn.executeUpdate();
        }
        WebTestClient.ResponseSpec answer = client.get()
                .uri(u -> u.path("/api/geocode")
                        .queryParam("address", ADDRESS)
                        .queryParam("zip", zip)
                        .build())
                .exchange();
        if (parkingThere) {
            answer.expectStatus().isOk().expectBody().jsonPath("$.key").isEqualTo(key);
        } else {
            // the same answer as for an address nobody reported: the house number stays hidden
            answer.expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.detail")
                    .isEqualTo("no point is known for " + key);
        }
    }

    @Test
    void theRequestsApiGivesTheCentreAndTheStreetWithoutTheHouseNumber() throws IOException {
        double[] centre = Places.centre(heat.lon(), heat.lat());
        JsonNode json = json(client, "/api/requests/" + heat.key());
        assertThat(json.get("lon").asDouble()).isEqualTo(centre[0]);
        assertThat(json.get("lat").asDouble()).isEqualTo(centre[1]);
        assertThat(json.get("address").asText()).isEqualTo(STREET);
        assertThat(json.get("location_generalised").asBoolean()).isTrue();
        assertThat(json.toString()).doesNotContain("123-45").doesNotContain(Places.BBL);
        assertNoCallerIdentity(json);

        JsonNode plain = json(client, "/api/requests/" + parking.key());
        assertThat(plain.get("lon").asDouble()).isEqualTo(parking.lon());
        assertThat(plain.get("lat").asDouble()).isEqualTo(parking.lat());
        assertThat(plain.get("address").asText()).isEqualTo(ADDRESS);
        assertThat(plain.get("location_generalised").asBoolean()).isFalse();
        assertThat(plain.toString()).doesNotContain(Places.BBL);
    }

    @ParameterizedTest
    @CsvSource({
        // the searched point, moved from the request's own point by metres east and north
        "0, 0",
        "150, 0",
        "0, -200",
        "-90, 120"
    })
    void aNearbySearchMeasuresToTheCentreSoThreeSearchesFindOnlyTheCentre(double east, double north)
            throws IOException {
        // as the query gives them
        double lat = Double.parseDouble(String.format(Locale.ROOT, "%.7f", heat.lat() + north / 111_195.0));
        double lon = Double.parseDouble(String.format(
                Locale.ROOT, "%.7f", heat.lon() + east / (111_195.0 * Math.cos(Math.toRadians(heat.lat())))));
        double[] centre = Places.centre(heat.lon(), heat.lat());
        JsonNode json = json(
                client,
                String.format(
                        Locale.ROOT,
                        "/api/requests?lat=%.7f&lon=%.7f&radius=2000&page_size=200&type=HEAT/HOT WATER",
                        lat,
                        lon));
        JsonNode found = null;
        for (JsonNode r : json.get("requests")) {
            if (r.get("unique_key").asLong() == heat.key()) {
                found = r;
            }
        }
        assertThat(found).isNotNull();
        assertThat(found.get("metres").asDouble())
                .isCloseTo(Places.metres(lon, lat, centre[0], centre[1]), Offset.offset(0.001));
        assertThat(Math.abs(found.get("metres").asDouble() - Places.metres(lon, lat, heat.lon(), heat.lat())))
                .isGreaterThan(1);
        assertThat(found.get("lat").asDouble()).isEqualTo(centre[1]);
    }

    @Test
    void aNearbySearchFindsItByItsCentreNotItsOwnPoint() throws IOException {
        double[] centre = Places.centre(heat.lon(), heat.lat());
        double apart = Places.metres(heat.lon(), heat.lat(), centre[0], centre[1]);
        assertThat(keys(near(heat.lon(), heat.lat(), apart / 2))).doesNotContain(heat.key());
        assertThat(keys(near(centre[0], centre[1], 1))).contains(heat.key());
    }

    @Test
    void open311GivesTheCentreAndTheStreetInItsListAndItem() throws IOException {
        double[] centre = Places.centre(heat.lon(), heat.lat());
        for (String uri : List.of(
                "/open311/v2/requests/" + heat.key() + ".json",
                "/open311/v2/requests.json?service_request_id=" + heat.key())) {
            JsonNode r = json(client, uri).get(0);
            assertThat(r.get("long").asDouble()).as(uri).isEqualTo(centre[0]);
            assertThat(r.get("lat").asDouble()).as(uri).isEqualTo(centre[1]);
            assertThat(r.get("address").asText()).as(uri).isEqualTo(STREET);
            assertNoCallerIdentity(r);
        }
        JsonNode plain =
                json(client, "/open311/v2/requests/" + parking.key() + ".json").get(0);
        assertThat(plain.get("lat").asDouble()).isEqualTo(parking.lat());
        assertThat(plain.get("address").asText()).isEqualTo(ADDRESS);
        String xml = client.get()
                .uri("/open311/v2/requests/" + heat.key() + ".xml")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(xml)
                .contains("<lat>" + centre[1] + "</lat>")
                .contains("<address>" + STREET + "</address>")
                .doesNotContain("123-45");
    }

    @Test
    void open311BoxesAndCirclesSelectByTheCentre() throws IOException {
        double[] centre = Places.centre(heat.lon(), heat.lat());
        double apart = Places.metres(heat.lon(), heat.lat(), centre[0], centre[1]);
        double d = 0.00005; // about 5 m
        assertThat(open311Keys(box(heat.lon(), heat.lat(), d))).doesNotContain(heat.key());
        assertThat(open311Keys(box(centre[0], centre[1], d))).contains(heat.key());
        assertThat(open311Keys(circle(heat.lon(), heat.lat(), apart / 2))).doesNotContain(heat.key());
        assertThat(open311Keys(circle(centre[0], centre[1], 1))).contains(heat.key());
        assertThat(open311Keys(box(parking.lon(), parking.lat(), d))).contains(parking.key());
    }

    @Test
    void aSensitiveRequestWithoutACentreHasNoPointAnywhereAndIsCounted() throws IOException {
        JsonNode json = json(client, "/api/requests/" + noCentre.key());
        assertThat(json.get("lat").isNull()).isTrue();
        assertThat(json.get("lon").isNull()).isTrue();
        assertThat(json.get("location_generalised").asBoolean()).isTrue();
        JsonNode open311 =
                json(client, "/open311/v2/requests/" + noCentre.key() + ".json").get(0);
        assertThat(open311.get("lat").isNull()).isTrue();
        for (int z = 14; z <= 20; z += 3) {
            int[] tile = Places.tileOf(z, noCentre.lon(), noCentre.lat());
            assertThat(Places.requestPoints(client, tile, "")).doesNotContainKey(noCentre.key());
        }
        assertThat(keys(near(noCentre.lon(), noCentre.lat(), 2000))).doesNotContain(noCentre.key());
        // still listed where no place is asked for
        String day = noCentre.day().toString();
        assertThat(open311Keys("service_code=noise-residential&start_date=" + day + "T00:00:00-05:00&end_date=" + day
                        + "T23:59:59-05:00&page_size=200"))
                .contains(noCentre.key());

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String metrics = "";
        while (System.nanoTime() < deadline && !metrics.contains("srmap_privacy_missing_centres 1.0")) {
            metrics = client.get()
                    .uri("/actuator/prometheus")
                    .exchange()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();
        }
        assertThat(metrics).contains("srmap_privacy_missing_centres 1.0");
    }

    /** The data holds no caller's name, phone or e-mail, and no answer adds one. */
    private static void assertNoCallerIdentity(JsonNode json) {
        Map<String, Object> fields = new java.util.TreeMap<>();
        json.fieldNames().forEachRemaining(f -> fields.put(f, f));
        assertThat(fields.keySet())
                .noneMatch(f -> f.matches("(?i).*(caller|name_first|first_name|last_name|phone|e_?mail|contact).*"));
    }

    private JsonNode near(double lon, double lat, double radius) throws IOException {
        return json(
                client,
                String.format(
                        Locale.ROOT, "/api/requests?lat=%.8f&lon=%.8f&radius=%.3f&page_size=200", lat, lon, radius));
    }

    private static List<Long> keys(JsonNode answer) {
        List<Long> keys = new ArrayList<>();
        answer.get("requests").forEach(r -> keys.add(r.get("unique_key").asLong()));
        return keys;
    }

    private List<Long> open311Keys(String query) throws IOException {
        List<Long> keys = new ArrayList<>();
        json(client, "/open311/v2/requests.json?" + query)
                .forEach(r -> keys.add(r.get("service_request_id").asLong()));
        return keys;
    }

    private static String box(double lon, double lat, double d) {
        return String.format(
                Locale.ROOT, "bbox=%.8f,%.8f,%.8f,%.8f&%s&page_size=200", lon - d, lat - d, lon + d, lat + d, ALL_DAYS);
    }

    private static String circle(double lon, double lat, double radius) {
        return String.format(
                Locale.ROOT, "lat=%.8f&long=%.8f&radius=%.3f&%s&page_size=200", lat, lon, radius, ALL_DAYS);
    }
}
