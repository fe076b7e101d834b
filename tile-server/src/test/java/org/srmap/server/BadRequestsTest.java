package org.srmap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Ten thousand malformed or hostile requests, generated from a seed over every route: huge,
 * negative and non-numeric numbers, tile coordinates out of range, injection strings, very long
 * values, bytes that are not UTF-8, unknown parameters. None may get a 5xx; every refusal is a 4xx,
 * and the application's own refusals say what was wrong (problem+json with a detail).
 */
@SpringBootTest(
        classes = ServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.shutdown=immediate")
class BadRequestsTest extends FixtureServerTest {
    private static final int REQUESTS = 10_000;

    /**
     * The one 5xx allowed: oEmbed 1.0 answers a request for a format it defines but this provider
     * does not serve (xml) with 501 Not Implemented.
     */
    private static final Pattern OEMBED_XML = Pattern.compile("^/oembed\\?(.*&)?format=xml(&|$)");

    private static final List<String> ROUTES = List.of(
            "/",
            "/embed",
            "/district/{v}",
            "/oembed",
            "/api/meta",
            "/api/places/boroughs",
            "/api/places/districts",
            "/open311/v2/{v}",
            "/open311/v2/{v}/{v}",
            "/open311/v2/requests.json",
            "/open311/v2/services.xml",
            "/api/geocode",
            "/api/geocode/reverse",
            "/api/stats",
            "/api/requests/{v}",
            "/api/requests",
            "/api/siting",
            "/tiles",
            "/tiles/{v}.json",
            "/tiles/{v}/{v}/{v}/{v}.mvt",
            "/tiles/districts/{v}/{v}/{v}.mvt",
            "/tiles/hexbins,requests/{v}/{v}/{v}.mvt");

    private static final List<String> NAMES = List.of(
            "category",
            "type",
            "from",
            "to",
            "status",
            "district",
            "agency",
            "lat",
            "lon",
            "long",
            "radius",
            "page",
            "page_size",
            "group",
            "format",
            "durations",
            "address",
            "zip",
            "borough",
            "url",
            "model",
            "k",
            "res",
            "unit",
            "weight",
            "sites",
            "required",
            "exclude",
            "time_limit",
            "share",
            "metric",
            "solver",
            "service_request_id",
            "service_code",
            "start_date",
            "end_date",
            "updated_after",
            "bbox",
            "maxwidth",
            "jurisdiction_id",
            "colour",
            "%00",
            "a[b]",
            "");

    private static final List<String> NASTY = List.of(
            "",
            "-1",
            "0",
            "1e308",
            "-1e308",
            "99999999999999999999999",
            "NaN",
            "Infinity",
            "0x1F",
            "1%2C2%2C3",
            "2024-02-30",
            "2024-13-01",
            "9999-12-31",
            "-0001-01-01",
            "%27%3B%20DROP%20TABLE%20service_request%3B--",
            "1%20OR%201%3D1",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "..%2F..%2Fetc%2Fpasswd",
            "%00",
            "%FF%FE%FD",
            "%C3%28",
            "%E2%80%AE",
            "%F0%9F%94%A5",
            "%25",
            "%",
            "%%%",
            "HEAT%2FHOT%20WATER",
            "open",
            "closed",
            "307",
            "40.7",
            "-73.9",
            "mclp",
            "h3",
            "json",
            "xml",
            "csv",
            "true");

    @LocalServerPort
    int port;

    @Test
    void malformedAndHostileRequestsGetA4xxNeverA5xx() throws Exception {
        Random random = new Random(311);
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int n = 0; n < REQUESTS; n++) {
            String target = target(random);
            Answer a = get(target);
            byStatus.merge(a.status(), 1, Integer::sum);
            boolean clear = a.status() < 400
                    || (a.status() < 500 && (!a.problem() || a.body().contains("\"detail\":\"")))
                    || (a.status() == 501 && OEMBED_XML.matcher(target).find());
            if (!clear && failures.size() < 20) {
                failures.add(a.status() + " " + abbreviate(target) + " -> " + abbreviate(a.body()));
            }
        }
        System.out.println("BadRequestsTest: " + REQUESTS + " requests by status " + byStatus);
        assertThat(failures).as("answers that are a 5xx or an unclear 4xx").isEmpty();
        assertThat(byStatus.keySet()).as("the generator reaches refusals").anyMatch(s -> s >= 400);
    }

    private static String target(Random random) {
        String route = ROUTES.get(random.nextInt(ROUTES.size()));
        StringBuilder path = new StringBuilder();
        int from = 0;
        for (int at = route.indexOf("{v}"); at >= 0; at = route.indexOf("{v}", from)) {
            path.append(route, from, at).append(value(random));
            from = at + 3;
        }
        path.append(route.substring(from));
        int params = random.nextInt(5);
        for (int i = 0; i < params; i++) {
            path.append(i == 0 ? '?' : '&')
                    .append(NAMES.get(random.nextInt(NAMES.size())))
                    .append('=')
                    .append(value(random));
        }
        return path.toString();
    }

    private static String value(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> "x".repeat(1 + random.nextInt(3000)); // long
            case 1 -> String.valueOf(random.nextLong()); // huge or negative
            case 2 -> String.valueOf(random.nextInt(40) - 5); // small, some out of range
            default -> NASTY.get(random.nextInt(NASTY.size()));
        };
    }

    /** A status, whether the body is problem+json, and the body. */
    private record Answer(int status, boolean problem, String body) {}

    /** GETs the target as raw bytes on a connection of its own, and reads the whole answer. */
    private Answer get(String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            String request = "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            if (text.isEmpty()) {
                return new Answer(599, false, "(the connection was closed without an answer)");
            }
            int status = Integer.parseInt(text.substring(9, 12));
            int split = text.indexOf("\r\n\r\n");
            String head = (split < 0 ? text : text.substring(0, split)).toLowerCase(Locale.ROOT);
            String body = split < 0 ? "" : text.substring(split + 4);
            return new Answer(status, head.contains("content-type: application/problem+json"), body);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
