package org.srmap.server.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
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
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

@SpringBootTest(
        classes = ServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.shutdown=immediate"})
class Open311ApiTest extends FixtureServerTest {
    /** GeoReport v2's fields of a service request and of a service, in the spec's order. */
    static final List<String> REQUEST_FIELDS = List.of(
            "service_request_id",
            "status",
            "status_notes",
            "service_name",
            "service_code",
            "description",
            "agency_responsible",
            "service_notice",
            "requested_datetime",
            "updated_datetime",
            "expected_datetime",
            "address",
            "address_id",
            "zipcode",
            "lat",
            "long",
            "media_url");

    static final List<String> SERVICE_FIELDS =
            List.of("service_code", "service_name", "description", "metadata", "type", "keywords", "group");

    private static final String ALL_FIXTURE_DAYS =
            "start_date=2023-12-01T00:00:00-05:00&end_date=2024-04-01T00:00:00-04:00";

    private final WebTestClient client;

    Open311ApiTest(@Autowired WebTestClient client) {
        this.client = client;
    }

    @Test
    void discoveryNamesTheSpecificationAndBothFormats() throws Exception {
        JsonNode json = json(client, "/open311/v2/discovery.json");
        JsonNode endpoint = json.get("endpoints").get(0);
        assertThat(endpoint.get("specification").asText()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(endpoint.get("url").asText()).endsWith("/open311/v2");
        assertThat(texts(endpoint.get("formats"))).containsExactly("text/xml", "application/json");

        Document xml = xml("/open311/v2/discovery.xml");
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("discovery");
        assertThat(xml.getElementsByTagName("format").getLength()).isEqualTo(2);
    }

    @Test
    void servicesAreTheComplaintTypesWithTheSpecsFields() throws Exception {
        JsonNode json = json(client, "/open311/v2/services.json");
        List<String> names = new ArrayList<>();
        for (JsonNode s : json) {
            assertThat(fieldNames(s)).isEqualTo(SERVICE_FIELDS);
            names.add(s.get("service_name").asText());
            assertThat(s.get("service_code").asText()).matches("[a-z0-9-]+");
        }
        assertThat(names)
                .containsExactlyInAnyOrderElementsOf(fixture().categoryOfType.keySet());

        Document xml = xml("/open311/v2/services.xml");
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("services");
        NodeList services = xml.getElementsByTagName("service");
        assertThat(services.getLength()).isEqualTo(names.size());
        assertThat(childNames((Element) services.item(0))).isEqualTo(SERVICE_FIELDS);

        assertThat(json(client, "/open311/v2/services/heat-hot-water.json")
                        .get("service_code")
                        .asText())
                .isEqualTo("heat-hot-water");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'' | 0",
                "&service_code=heat-hot-water&status=open | 1",
                "&service_code=illegal-parking,heat-hot-water | 2"
            })
    void requestsAreNewestFirstWithTheSpecsFieldsInJsonAndXml(String filter, int which) throws Exception {
        String uri = "/open311/v2/requests.json?" + ALL_FIXTURE_DAYS + "&page_size=200" + filter;
        JsonNode json = json(client, uri);
        List<Fixture.Request> expected = fixture().requests.stream()
                .filter(r -> switch (which) {
                    case 1 -> r.type().equals("HEAT/HOT WATER") && !r.closed();
                    case 2 -> r.type().equals("HEAT/HOT WATER") || r.type().equals("Illegal Parking");
                    default -> true;
                })
                .sorted(Comparator.comparingLong(Fixture.Request::createdEpoch)
                        .thenComparingLong(Fixture.Request::key)
                        .reversed())
                .limit(200)
                .toList();
        List<String> ids = new ArrayList<>();
        for (JsonNode r : json) {
            assertThat(fieldNames(r)).isEqualTo(REQUEST_FIELDS);
            ids.add(r.get("service_request_id").asText());
            assertThat(r.get("requested_datetime").asText()).matches(".*T.*[-+]0[45]:00");
        }
        assertThat(ids)
                .containsExactlyElementsOf(
                        expected.stream().map(r -> Long.toString(r.key())).toList());

        Document xml = xml(uri.replace("requests.json", "requests.xml"));
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("service_requests");
        NodeList requests = xml.getElementsByTagName("request");
        assertThat(requests.getLength()).isEqualTo(ids.size());
        for (int i = 0; i < requests.getLength(); i++) {
            assertThat(childNames((Element) requests.item(i))).isEqualTo(REQUEST_FIELDS);
        }
    }

    @Test
    void findsRequestsAroundAPointAndOneByItsId() throws Exception {
        JsonNode json = json(
                client,
                "/open311/v2/requests.json?" + ALL_FIXTURE_DAYS
                        + "&lat=40.7095&long=-74.0005&radius=300&page_size=200");
        Set<String> ids = new HashSet<>();
        json.forEach(r -> ids.add(r.get("service_request_id").asText()));
        Set<String> expected = fixture().requests.stream()
                .filter(Fixture.Request::placed)
                .filter(r -> metres(40.7095, -74.0005, r.shownLat(), r.shownLon()) <= 300)
                .map(r -> Long.toString(r.key()))
                .collect(Collectors.toSet());
        assertThat(ids).isEqualTo(expected).isNotEmpty();

        Fixture.Request one = fixture().requests.get(3);
        JsonNode found = json(client, "/open311/v2/requests/" + one.key() + ".json");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("service_code").asText())
                .isEqualTo(one.type().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/open311/v2/requests.json?status=maybe | 400 | json",
                "/open311/v2/requests.xml?colour=red | 400 | xml",
                "/open311/v2/requests.json?service_code=no-such-thing | 400 | json",
                "/open311/v2/requests.json?lat=40.7&long=-74 | 400 | json",
                "/open311/v2/requests.json?start_date=yesterday | 400 | json",
                "/open311/v2/requests/424242.json | 404 | json",
                "/open311/v2/requests/424242.xml | 404 | xml",
                "/open311/v2/services/no-such-thing.json | 404 | json",
                "/open311/v2/requests.csv | 400 | json"
            })
    void errorsAreGeoReportErrorLists(String uri, int status, String format) throws Exception {
        byte[] body = client.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        if (format.equals("xml")) {
            Document xml =
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(body));
            assertThat(xml.getDocumentElement().getTagName()).isEqualTo("errors");
            Element error = (Element) xml.getElementsByTagName("error").item(0);
            assertThat(childNames(error)).containsExactly("code", "description");
            assertThat(error.getElementsByTagName("code").item(0).getTextContent())
                    .isEqualTo(Integer.toString(status));
        } else {
            JsonNode json = new ObjectMapper().readTree(body);
            assertThat(json.isArray()).isTrue();
            assertThat(fieldNames(json.get(0))).containsExactly("code", "description");
            assertThat(json.get(0).get("code").asInt()).isEqualTo(status);
            assertThat(json.get(0).get("description").asText()).isNotBlank();
        }
    }

    private Document xml(String uri) throws Exception {
        byte[] body = client.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_XML)
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static List<String> childNames(Element e) {
        List<String> names = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                names.add(child.getTagName());
            }
        }
        return names;
    }

    private static double metres(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double a = Math.pow(Math.sin((p2 - p1) / 2), 2)
                + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(Math.toRadians(lon2 - lon1) / 2), 2);
        return 2 * 6_371_008.7714 * Math.asin(Math.sqrt(a));
    }
}
