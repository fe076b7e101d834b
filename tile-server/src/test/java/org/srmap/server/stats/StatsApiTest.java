package org.srmap.server.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.srmap.server.Fixture;
import org.srmap.server.FixtureServerTest;
import org.srmap.server.ServerApplication;

@SpringBootTest(
        classes = ServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.shutdown=immediate", "spring.main.banner-mode=off"})
class StatsApiTest extends FixtureServerTest {
    private final WebTestClient client;

    StatsApiTest(@Autowired WebTestClient client) {
        this.client = client;
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'' | ''",
                "district | ''",
                "district,month | from=2023-12-25&to=2024-02-10",
                "status | ''",
                "category,status | status=open",
                "type,week | from=2024-01-03",
                "borough,day | to=2024-01-10",
                "agency,district | district=101&type=HEAT/HOT WATER",
                "month,type | from=2024-01-15&to=2024-03-20&status=closed"
            })
    void countsEveryGroupTheFilterMatches(String group, String filter) throws IOException {
        List<String> columns = group.isEmpty() ? List.of() : List.of(group.split(","));
        String query = String.join(
                "&",
                Arrays.stream(new String[] {group.isEmpty() ? "" : "group=" + group, filter})
                        .filter(q -> !q.isEmpty())
                        .toList());
        JsonNode json = json(client, "/api/stats?" + query);

        Map<String, long[]> expected = new TreeMap<>();
        Predicate<Fixture.Request> matches = matches(filter);
        for (Fixture.Request r : fixture().requests) {
            if (matches.test(r)) {
                long[] c = expected.computeIfAbsent(key(r, columns), k -> new long[2]);
                c[0]++;
                c[1] += r.placed() ? 0 : 1;
            }
        }
        Map<String, long[]> actual = new TreeMap<>();
        for (JsonNode row : json.get("rows")) {
            List<String> parts = new ArrayList<>();
            for (String c : columns) {
                parts.add(row.get(c).asText());
            }
            actual.put(
                    String.join("|", parts),
                    new long[] {row.get("count").asLong(), row.get("unplaced").asLong()});
        }
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((k, v) -> assertThat(actual.get(k)).as(k).containsExactly(v));
        assertThat(json.get("count").asLong())
                .isEqualTo(expected.values().stream().mapToLong(v -> v[0]).sum());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"'' | ''", "district | ''", "type,month | from=2024-01-01", "status,agency | ''"})
    void givesTheDaysToCloseOfEachGroupLeavingOutImpossibleDurations(String group, String filter) throws IOException {
        List<String> columns = group.isEmpty() ? List.of() : List.of(group.split(","));
        String query = String.join(
                "&",
                Arrays.stream(new String[] {group.isEmpty() ? "" : "group=" + group, filter, "durations=true"})
                        .filter(q -> !q.isEmpty())
                        .toList());
        JsonNode json = json(client, "/api/stats?" + query);

        Predicate<Fixture.Request> matches = matches(filter);
        Map<String, List<Double>> days = new TreeMap<>();
        Map<String, long[]> left = new TreeMap<>();
        for (Fixture.Request r : fixture().requests) {
            if (!matches.test(r)) {
                continue;
            }
            String k = key(r, columns);
            days.computeIfAbsent(k, x -> new ArrayList<>());
            long[] l = left.computeIfAbsent(k, x -> new long[2]);
            if (r.closed()) {
                long seconds = r.closedEpoch() - r.createdEpoch();
                if (seconds < 0) {
                    l[0]++;
                } else if (seconds == 0) {
                    l[1]++;
                } else {
                    days.get(k).add(seconds / 86_400.0);
                }
            }
        }
        int checked = 0;
        for (JsonNode row : json.get("rows")) {
            List<String> parts = new ArrayList<>();
            for (String c : columns) {
                parts.add(row.get(c).asText());
            }
            String k = String.join("|", parts);
            List<Double> d = days.get(k);
            if (d.isEmpty()) {
                assertThat(row.get("median_days").isNull()).as(k).isTrue();
            } else {
                assertThat(row.get("median_days").asDouble()).as(k).isCloseTo(percentile(d, 0.5), Offset.offset(1e-9));
                assertThat(row.get("p90_days").asDouble()).as(k).isCloseTo(percentile(d, 0.9), Offset.offset(1e-9));
                checked++;
            }
            assertThat(row.get("closed_before_opened").asLong()).as(k).isEqualTo(left.get(k)[0]);
            assertThat(row.get("zero_duration").asLong()).as(k).isEqualTo(left.get(k)[1]);
        }
        assertThat(checked).isPositive();
        assertThat(left.values().stream().mapToLong(l -> l[0] + l[1]).sum()).isPositive();
    }

    /** percentile_cont: linear interpolation between the closest ranks. */
    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        double pos = p * (sorted.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (pos - lo);
    }

    @Test
    void givesTheSameGroupsAsCsv() {
        String csv = new String(
                client.get()
                        .uri("/api/stats?group=district&group=status&format=csv")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .contentTypeCompatibleWith(StatsHandler.CSV)
                        .expectBody(byte[].class)
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8);
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("district,status,count,unplaced");
        long closed101 = fixture().requests.stream()
                .filter(r -> r.district() == 101 && r.closed())
                .count();
        long unplaced101 = fixture().requests.stream()
                .filter(r -> r.district() == 101 && r.closed() && !r.placed())
                .count();
        assertThat(lines)
                .contains("101,closed," + closed101 + "," + unplaced101)
                .hasSize(1 + 3 * 2);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/stats?group=colour | group",
                "/api/stats?group= | group",
                "/api/stats?group=day,month | group",
                "/api/stats?format=xml | format",
                "/api/stats?group=district&district=999 | district",
                "/api/stats?sort=count | sort"
            })
    void badQueriesGetAProblemNamingTheParameter(String uri, String parameter) {
        expectBadRequest(client, uri, parameter);
    }

    private static String key(Fixture.Request r, List<String> columns) {
        List<String> parts = new ArrayList<>();
        for (String c : columns) {
            parts.add(
                    switch (c) {
                        case "category" -> fixture().categoryOfType.get(r.type());
                        case "type" -> r.type();
                        case "district" -> Integer.toString(r.district());
                        case "borough" -> Integer.toString(r.district() / 100);
                        case "agency" -> r.agency();
                        case "status" -> r.closed() ? "closed" : "open";
                        case "day" -> r.day().toString();
                        case "week" ->
                            r.day()
                                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                                    .toString();
                        case "month" -> r.day().withDayOfMonth(1).toString();
                        default -> throw new IllegalArgumentException(c);
                    });
        }
        return String.join("|", parts);
    }

    private static Predicate<Fixture.Request> matches(String filter) {
        Predicate<Fixture.Request> p = r -> true;
        for (String kv : filter.split("&")) {
            if (kv.isEmpty()) {
                continue;
            }
            String[] parts = kv.split("=", 2);
            String v = parts[1];
            p = p.and(
                    switch (parts[0]) {
                        case "from" -> r -> !r.day().isBefore(LocalDate.parse(v));
                        case "to" -> r -> !r.day().isAfter(LocalDate.parse(v));
                        case "status" -> r -> r.closed() == v.equals("closed");
                        case "district" -> r -> r.district() == Integer.parseInt(v);
                        case "type" -> r -> r.type().equals(v);
                        default -> throw new IllegalArgumentException(parts[0]);
                    });
        }
        return p;
    }
}
