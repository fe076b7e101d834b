package org.srmap.server.geocode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.srmap.geocoder.h3.H3Cells;
import org.srmap.server.FixtureServerTest;
import org.srmap.server.ServerApplication;

@SpringBootTest(
        classes = ServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.shutdown=immediate"})
class GeocodeApiTest extends FixtureServerTest {
    private final WebTestClient client;

    GeocodeApiTest(@Autowired WebTestClient client) {
        this.client = client;
    }

    /**
     * The fixture's gazetteer knows 350 5th Avenue from requests the fixture does not hold; with
     * privacy on, an address is answered only when a facility or a request of a type not
     * generalised names it (PrivacyApiTest), so the building is made a facility here.
     */
    @BeforeAll
    static void makeTheAddressAFacility() throws SQLException {
        try (Connection c = database().open();
                Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO facility (facility_id, kind, name, address_key, geom) VALUES"
                    + " ('test:1', 'library', 'Empire State', '350|5 AVENUE|10118',"
                    + " ST_SetSRID(ST_MakePoint(-73.9857, 40.7484), 4326)),"
                    + " ('test:2', 'library', 'Empire State', '350|5 AVENUE|MANHATTAN',"
                    + " ST_SetSRID(ST_MakePoint(-73.9857, 40.7484), 4326))");
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "address=350 Fifth Ave&zip=10118 ; 350|5 AVENUE|10118 ; zip ; 40.7484 ; -73.9857",
                "address=350 5th Avenue&zip=10118&borough=Manhattan ; 350|5 AVENUE|10118 ; zip ; 40.7484 ; -73.9857",
                "address=350 5 AVENUE&borough=manhattan ; 350|5 AVENUE|MANHATTAN ; borough ; 40.7480 ; -73.9850",
                "address=350 Fifth Avenue&zip=10001&borough=Manhattan ; 350|5 AVENUE|MANHATTAN ; borough ; 40.7480 ; -73.9850"
            })
    void placesAnAddressAtTheGazetteersPoint(String query, String key, String by, double lat, double lon)
            throws IOException {
        JsonNode json = json(client, "/api/geocode?" + query);
        assertThat(json.get("key").asText()).isEqualTo(key);
        assertThat(json.get("by").asText()).isEqualTo(by);
        assertThat(json.get("lat").asDouble()).isCloseTo(lat, Offset.offset(1e-9));
        assertThat(json.get("lon").asDouble()).isCloseTo(lon, Offset.offset(1e-9));
    }

    @Test
    void anAddressNobodyReportedIsNotFound() {
        client.get()
                .uri("/api/geocode?address=1 Main Street&zip=10118")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("no point is known for 1|MAIN STREET|10118");
    }

    @Test
    void tellsWhatLiesAtAPoint() throws IOException {
        JsonNode json = json(client, "/api/geocode/reverse?lat=40.7105&lon=-74.0105");
        assertThat(json.get("district").asInt()).isEqualTo(101);
        assertThat(json.get("borough_code").asInt()).isEqualTo(1);
        assertThat(json.get("borough").asText()).isEqualTo("Manhattan");
        assertThat(json.get("nta_code").asText()).isEqualTo("MN0101");
        long r10 = H3Cells.cell(40.7105, -74.0105, 10);
        assertThat(json.get("h3_r10").asText()).isEqualTo(Long.toHexString(r10));
        assertThat(json.get("h3_r8").asText()).isEqualTo(Long.toHexString(H3Cells.parent(r10, 8)));

        JsonNode park = json(client, "/api/geocode/reverse?lat=40.73&lon=-73.99");
        assertThat(park.get("district").asInt()).isEqualTo(164);
        assertThat(park.get("nta_code").isNull()).isTrue();

        JsonNode sea = json(client, "/api/geocode/reverse?lat=40.5&lon=-73.5");
        assertThat(sea.get("district").isNull()).isTrue();
        assertThat(sea.get("borough").isNull()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/geocode?zip=10118 | address",
                "/api/geocode?address=350 Fifth Ave | zip",
                "/api/geocode?address=Broadway %26 W 42 St&zip=10036 | address",
                "/api/geocode?address=350 Fifth Ave&zip=10118&city=NYC | city",
                "/api/geocode/reverse?lat=40.7 | lon",
                "/api/geocode/reverse?lat=95&lon=-74 | lat",
                "/api/geocode/reverse?lat=x&lon=-74 | lat"
            })
    void badQueriesGetAProblemNamingTheParameter(String uri, String parameter) {
        expectBadRequest(client, uri, parameter);
    }
}
