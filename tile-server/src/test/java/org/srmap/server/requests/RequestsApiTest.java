package org.srmap.server.requests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.srmap.server.Fixture;
import org.srmap.server.FixtureServerTest;
import org.srmap.server.ServerApplication;

@SpringBootTest(
        classes = ServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.shutdown=immediate")
class RequestsApiTest extends FixtureServerTest {
    /** The sphere PostGIS measures geography on when told not to use the spheroid. */
    private static final double EARTH_RADIUS = 6_371_008.7714;

    private static final double LAT = 40.7095;
    private static final double LON = -74.0005;

    private final WebTestClient client;

    RequestsApiTest(@Autowired WebTestClient client) {
        this.client = client;
    }

    @Test
    void showsOneRequestByItsKey() throws IOException {
        Fixture.Request r = fixture().requests.get(7);
        JsonNode json = json(client, "/api/requests/" + r.key());
        assertThat(json.get("unique_key").asLong()).isEqualTo(r.key());
        assertThat(json.get("complaint_type").asText()).isEqualTo(r.type());
        assertThat(json.get("category").asText())
                .isEqualTo(fixture().categoryOfType.get(r.type()));
        assertThat(json.get("district").asInt()).isEqualTo(r.district());
        assertThat(json.get("lat").asDouble()).isEqualTo(r.lat());
        assertThat(json.get("created").asText()).endsWith("Z");
        assertThat(json.get("metres").isNull()).isTrue();
    }

    @Test
    void anUnknownKeyIsNotFound() {
        client.get()
                .uri("/api/requests/424242")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("no service request 424242");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"'' | 500 | 10", "status=open | 450 | 7", "type=Illegal Parking&to=2024-01-31 | 1200 | 5"})
    void findsTheRequestsNearAPointNearestFirstPageByPage(String filter, double radius, int pageSize)
            throws IOException {
        List<double[]> expected = new ArrayList<>(); // {distance, key}
        for (Fixture.Request r : fixture().requests) {
            if (r.placed() && matches(r, filter)) {
                double d = haversine(LAT, LON, r.shownLat(), r.shownLon());
                assertThat(Math.abs(d - radius))
                        .as("a fixture point on the circle's edge")
                        .isGreaterThan(0.01);
                if (d <= radius) {
                    expected.add(new double[] {d, r.key()});
                }
            }
        }
        expected.sort(Comparator.<double[]>comparingDouble(e -> e[0]).thenComparingDouble(e -> e[1]));
        assertThat(expected.size()).isGreaterThan(2 * pageSize);

        List<Long> seen = new ArrayList<>();
        String uri = "/api/requests?lat=" + LAT + "&lon=" + LON + "&radius=" + radius + "&page_size=" + pageSize
                + (filter.isEmpty() ? "" : "&" + filter);
        for (int page = 1; page <= 3; page++) {
            JsonNode json = json(client, uri + "&page=" + page);
            assertThat(json.get("total").asLong()).isEqualTo(expected.size());
            assertThat(json.get("next").isNull()).isEqualTo(page * pageSize >= expected.size());
            for (JsonNode r : json.get("requests")) {
                seen.add(r.get("unique_key").asLong());
                double metres = r.get("metres").asDouble();
                double want = expected.get(seen.size() - 1)[0];
                assertThat(metres).isCloseTo(want, Offset.offset(0.001));
            }
        }
        assertThat(seen)
                .containsExactlyElementsOf(expected.stream()
                        .limit(3L * pageSize)
                        .map(e -> (long) e[1])
                        .toList());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/requests/abc | id",
                "/api/requests?lon=-74&radius=100 | lat",
                "/api/requests?lat=40.7&lon=-74 | radius",
                "/api/requests?lat=40.7&lon=-74&radius=5000 | radius",
                "/api/requests?lat=north&lon=-74&radius=100 | lat",
                "/api/requests?lat=91&lon=-74&radius=100 | lat",
                "/api/requests?lat=40.7&lon=-74&radius=100&page=0 | page",
                "/api/requests?lat=40.7&lon=-74&radius=100&page_size=500 | page_size",
                "/api/requests?lat=40.7&lon=-74&radius=100&colour=red | colour",
                "/api/requests?lat=40.7&lon=-74&radius=100&status=maybe | status"
            })
    void badSearchesGetAProblemNamingTheParameter(String uri, String parameter) {
        expectBadRequest(client, uri, parameter);
    }

    private static boolean matches(Fixture.Request r, String filter) {
        return switch (filter) {
            case "" -> true;
            case "status=open" -> !r.closed();
            case "type=Illegal Parking&to=2024-01-31" ->
                r.type().equals("Illegal Parking") && !r.day().isAfter(LocalDate.of(2024, 1, 31));
            default -> throw new IllegalArgumentException(filter);
        };
    }

    private static double haversine(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a =
                Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS * Math.asin(Math.sqrt(a));
    }
}
