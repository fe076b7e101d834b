package org.srmap.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.srmap.server.Fixture;
import org.srmap.server.FixtureServerTest;
import org.srmap.server.ServerApplication;

/** {@code srmap.privacy.sensitive-types} replaces the default list, in any case and spacing. */
@SpringBootTest(
        classes = ServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.shutdown=immediate", "srmap.privacy.sensitive-types=illegal  parking"})
class PrivacyTypesTest extends FixtureServerTest {
    private final WebTestClient client;

    PrivacyTypesTest(@Autowired WebTestClient client) {
        this.client = client;
    }

    @Test
    void onlyTheConfiguredTypesAreGeneralised() throws IOException {
        Fixture.Request parking = Places.farFromItsCentre(fixture(), "Illegal Parking", 20);
        Fixture.Request heat = Places.farFromItsCentre(fixture(), "HEAT/HOT WATER", 20);
        double[] centre = Places.centre(parking.lon(), parking.lat());

        JsonNode generalised = json(client, "/api/requests/" + parking.key());
        assertThat(generalised.get("lon").asDouble()).isEqualTo(centre[0]);
        assertThat(generalised.get("lat").asDouble()).isEqualTo(centre[1]);
        assertThat(generalised.get("location_generalised").asBoolean()).isTrue();

        JsonNode exact = json(client, "/api/requests/" + heat.key());
        assertThat(exact.get("lon").asDouble()).isEqualTo(heat.lon());
        assertThat(exact.get("location_generalised").asBoolean()).isFalse();
    }
}
