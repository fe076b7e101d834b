package org.srmap.ingest.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.srmap.ingest.testing.StubHttp;

/**
 * A local stand-in for NYC Open Data and the Census API on 127.0.0.1, serving the shared data the way
 * those services publish it: Socrata GeoJSON with lower-case property names and every value a string
 * (tracts without population), Facilities Database rows for the libraries, the Census API's rows of
 * {@code P1_001N}/{@code P3_001N} per county, and 311 rows paged by {@code $limit}/{@code $offset}.
 * Like Socrata, a request without {@code $limit} gets at most 1,000 rows. Records every request.
 */
final class OpenDataStub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SOCRATA_DEFAULT_LIMIT = 1000;

    /** Socrata's spelling of the shared files' property names, where it is not just lower case. */
    private static final Map<String, String> SOCRATA_NAMES =
            Map.of("BoroCD", "boro_cd", "boro_code", "borocode", "boro_name", "boroname");

    /** A canned answer. */
    record Answer(int status, String body, Duration delay) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, ArrayNode> published = new HashMap<>();
    private final Map<String, ArrayNode> collections = new ConcurrentHashMap<>();
    private final Map<String, ArrayNode> census = new HashMap<>();
    private final ArrayNode libraries;
    private final ArrayNode requests311;
    private final Map<String, Answer> overrides = new ConcurrentHashMap<>();

    /** Every request as {@code path} and its decoded parameters (key "path" holds the path). */
    final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

    OpenDataStub(Path shared) throws IOException {
        collections.put("/resource/gthc-hcne.geojson", socrataFeatures(shared.resolve("boundaries/boroughs.geojson")));
        collections.put(
                "/resource/5crt-au7u.geojson",
                socrataFeatures(shared.resolve("boundaries/community_districts_2013.geojson")));
        collections.put("/resource/9nt8-h7nd.geojson", socrataFeatures(shared.resolve("boundaries/nta2020.geojson")));
        JsonNode tracts = JSON.readTree(
                shared.resolve("population/census_tracts_2020_pop.geojson").toFile());
        collections.put("/resource/63ge-mke6.geojson", socrataFeatures(tracts));
        for (JsonNode f : tracts.path("features")) {
            JsonNode p = f.path("properties");
            String geoid = p.path("GEOID").asText();
            int total = p.path("pop2020").asInt();
            int adults = total - p.path("pop2020_u18").asInt();
            census.computeIfAbsent(geoid.substring(2, 5), c -> header())
                    .addArray()
                    .add(Integer.toString(total))
                    .add(Integer.toString(adults))
                    .add(geoid.substring(0, 2))
                    .add(geoid.substring(2, 5))
                    .add(geoid.substring(5));
        }
        libraries = facilityRows(
                JSON.readTree(shared.resolve("facilities/libraries.geojson").toFile()));
        requests311 = (ArrayNode)
                JSON.readTree(shared.resolve("311/soda-api_2024-05-26.json").toFile());
        published.putAll(collections);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers requests for {@code path} with this status and body from now on. */
    void answer(String path, int status, String body) {
        overrides.put(path, new Answer(status, body, Duration.ZERO));
    }

    /** Answers requests for {@code path} normally, but only after {@code delay}. */
    void delay(String path, Duration delay) {
        overrides.put(path, new Answer(0, null, delay));
    }

    /** Serves the collection at {@code from} under {@code to} instead (a dataset that moved). */
    void move(String from, String to) {
        collections.put(to, collections.remove(from));
    }

    /** Forgets the requests, canned answers and moves: serves everything as published again. */
    void reset() {
        requests.clear();
        overrides.clear();
        collections.clear();
        collections.putAll(published);
    }

    /** The requests for one path. */
    List<Map<String, String>> requestsFor(String path) {
        return requests.stream().filter(r -> path.equals(r.get("path"))).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> q = StubHttp.query(exchange.getRequestURI().getRawQuery());
        q.put("path", path);
        requests.add(q);
        Answer override = overrides.get(path);
        if (override != null) {
            sleep(override.delay());
            if (override.status() != 0) {
                StubHttp.respond(exchange, override.status(), override.body());
                return;
            }
        }
        int limit = Integer.parseInt(q.getOrDefault("$limit", Integer.toString(SOCRATA_DEFAULT_LIMIT)));
        int offset = Integer.parseInt(q.getOrDefault("$offset", "0"));
        if (collections.containsKey(path)) {
            ObjectNode fc = JSON.createObjectNode().put("type", "FeatureCollection");
            ArrayNode page = fc.putArray("features");
            collections.get(path).forEach(f -> {
                if (page.size() < limit) {
                    page.add(f);
                }
            });
            StubHttp.respond(exchange, 200, JSON.writeValueAsString(fc));
        } else if (path.equals("/resource/ji82-xba5.json") && "facsubgrp='PUBLIC LIBRARIES'".equals(q.get("$where"))) {
            StubHttp.respond(exchange, 200, JSON.writeValueAsString(slice(libraries, 0, limit)));
        } else if (path.equals("/resource/erm2-nwe9.json")
                && q.getOrDefault("$where", "").startsWith("created_date >= '")) {
            StubHttp.respond(exchange, 200, JSON.writeValueAsString(slice(requests311, offset, limit)));
        } else if (path.equals("/data/2020/dec/pl") && q.getOrDefault("in", "").startsWith("state:36 county:")) {
            ArrayNode rows = census.get(q.get("in").substring("state:36 county:".length()));
            StubHttp.respond(exchange, rows == null ? 204 : 200, rows == null ? "" : JSON.writeValueAsString(rows));
        } else {
            StubHttp.respond(exchange, 404, "{\"code\":\"dataset.missing\",\"message\":\"Not found\"}");
        }
    }

    private static ArrayNode socrataFeatures(Path geojson) throws IOException {
        return socrataFeatures(JSON.readTree(geojson.toFile()));
    }

    /** The features with Socrata's property names, every value a string, tract population removed. */
    private static ArrayNode socrataFeatures(JsonNode collection) {
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode f : collection.path("features")) {
            ObjectNode props = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = f.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().startsWith("pop2020") || e.getValue().isNull()) {
                    continue;
                }
                String name = SOCRATA_NAMES.getOrDefault(e.getKey(), e.getKey().toLowerCase(Locale.ROOT));
                props.put(name, e.getValue().asText());
            }
            ObjectNode feature = out.addObject().put("type", "Feature");
            feature.set("properties", props);
            feature.set("geometry", f.get("geometry"));
        }
        return out;
    }

    /** The library points as Facilities Database rows. */
    private static ArrayNode facilityRows(JsonNode collection) {
        ArrayNode rows = JSON.createArrayNode();
        int i = 0;
        for (JsonNode f : collection.path("features")) {
            JsonNode p = f.path("properties");
            JsonNode xy = f.path("geometry").path("coordinates");
            rows.addObject()
                    .put("uid", "lib-" + i++)
                    .put("facname", p.path("name").asText())
                    .put("address", p.path("street address").asText())
                    .put("boro", p.path("borough").asText().toUpperCase(Locale.ROOT))
                    .put("zipcode", p.path("zip code").asText())
                    .put("facgroup", "LIBRARIES")
                    .put("facsubgrp", "PUBLIC LIBRARIES")
                    .put("longitude", xy.path(0).asText())
                    .put("latitude", xy.path(1).asText());
        }
        return rows;
    }

    private static ArrayNode header() {
        ArrayNode rows = JSON.createArrayNode();
        rows.addArray().add("P1_001N").add("P3_001N").add("state").add("county").add("tract");
        return rows;
    }

    private static ArrayNode slice(ArrayNode all, int offset, int limit) {
        ArrayNode page = JSON.createArrayNode();
        for (int i = offset; i < Math.min(all.size(), offset + limit); i++) {
            page.add(all.get(i));
        }
        return page;
    }

    private static void sleep(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
