package org.srmap.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.srmap.server.Fixture;
import org.srmap.server.FixtureServerTest;
import org.srmap.server.ServerApplication;

/** With {@code srmap.privacy.enabled=false} every request is shown at its own point with its address. */
@SpringBootTest(
        classes = ServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.shutdown=immediate", "srmap.privacy.enabled=false"})
class PrivacyOffTest extends FixtureServerTest {
    private static Fixture.Request heat;

    private final WebTestClient client;

    PrivacyOffTest(@Autowired WebTestClient client) {
        this.client = client;
    }

    @BeforeAll
    static void giveItAnAddress() throws SQLException {
        heat = Places.farFromItsCentre(fixture(), "HEAT/HOT WATER", 40);
        Places.giveAnAddress(database(), heat);
    }

    @ParameterizedTest
    @CsvSource({"14", "17", "20"})
    void aSensitiveRequestIsDrawnAtItsOwnPoint(int z) {
        Places.assertDrawnAtItsOwnPoint(client, z, heat);
    }

    @Test
    void theApisGiveItsOwnPointAddressAndDistance() throws IOException {
        JsonNode json = json(client, "/api/requests/" + heat.key());
        assertThat(json.get("lon").asDouble()).isEqualTo(heat.lon());
        assertThat(json.get("lat").asDouble()).isEqualTo(heat.lat());
        assertThat(json.get("address").asText()).isEqualTo(Places.ADDRESS);
        assertThat(json.get("location_generalised").asBoolean()).isFalse();

        JsonNode open311 =
                json(client, "/open311/v2/requests/" + heat.key() + ".json").get(0);
        assertThat(open311.get("lat").asDouble()).isEqualTo(heat.lat());
        assertThat(open311.get("address").asText()).isEqualTo(Places.ADDRESS);

        double lat =
                Double.parseDouble(String.format(Locale.ROOT, "%.7f", heat.lat() + 0.001)); // as the query gives it
        JsonNode near = json(
                client,
                String.format(
                        Locale.ROOT,
                        "/api/requests?lat=%.7f&lon=%.7f&radius=500&page_size=200&type=HEAT/HOT WATER",
                        lat,
                        heat.lon()));
        JsonNode found = null;
        for (JsonNode r : near.get("requests")) {
            if (r.get("unique_key").asLong() == heat.key()) {
                found = r;
            }
        }
        assertThat(found).isNotNull();
        assertThat(found.get("metres").asDouble())
                .isCloseTo(Places.metres(heat.lon(), lat, heat.lon(), heat.lat()), Offset.offset(0.001));
    }
}
