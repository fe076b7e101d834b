package org.srmap.ingest.socrata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.srmap.ingest.testing.StubHttp;

/**
 * A local stand-in for the Socrata SODA API on 127.0.0.1: serves JSON rows of one dataset with the
 * paging, ordering and {@code :updated_at} filter the ingest uses, and records every request.
 */
final class SocrataStub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WHERE = Pattern.compile(":updated_at > '([^']+)'");

    private final HttpServer server;
    private final String datasetId;
    private final List<ObjectNode> rows = new ArrayList<>();
    final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private volatile int failWith;

    /** Serves the elements of a SODA JSON file, giving element i {@code :updated_at} = start + i s. */
    SocrataStub(String datasetId, Path sodaJson, Instant start) throws IOException {
        this.datasetId = datasetId;
        ArrayNode elements = (ArrayNode) JSON.readTree(sodaJson.toFile());
        for (int i = 0; i < elements.size(); i++) {
            ObjectNode row = (ObjectNode) elements.get(i);
            row.put(":id", "row-" + i);
            row.put(":updated_at", start.plusSeconds(i).toString());
            rows.add(row);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/resource/", this::handle);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int size() {
        return rows.size();
    }

    /** Changes {@code field} of the first {@code n} rows and marks them updated at {@code when}. */
    synchronized void update(int n, String field, String value, Instant when) {
        for (ObjectNode row : rows.subList(0, n)) {
            row.put(field, value);
            row.put(":updated_at", when.toString());
        }
    }

    /** Answers the next requests with this HTTP status (0: normally). */
    void failWith(int status) {
        failWith = status;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        Map<String, String> q = StubHttp.query(exchange.getRequestURI().getRawQuery());
        q.put("path", exchange.getRequestURI().getPath());
        requests.add(q);
        if (failWith != 0) {
            StubHttp.respond(exchange, failWith, "{\"message\":\"stub failure\"}");
            return;
        }
        if (!exchange.getRequestURI().getPath().equals("/resource/" + datasetId + ".json")) {
            StubHttp.respond(exchange, 404, "{\"message\":\"no such dataset\"}");
            return;
        }
        if (!":updated_at, :id".equals(q.get("$order"))) {
            StubHttp.respond(exchange, 400, "{\"message\":\"paging needs a stable $order\"}");
            return;
        }
        Instant after = Instant.MIN;
        if (q.containsKey("$where")) {
            Matcher m = WHERE.matcher(q.get("$where"));
            if (!m.matches()) {
                StubHttp.respond(exchange, 400, "{\"message\":\"unsupported $where\"}");
                return;
            }
            after = LocalDateTime.parse(m.group(1)).toInstant(ZoneOffset.UTC);
        }
        Instant since = after;
        List<ObjectNode> selected = rows.stream()
                .filter(r -> Instant.parse(r.get(":updated_at").asText()).isAfter(since))
                .sorted(Comparator.comparing((ObjectNode r) ->
                                Instant.parse(r.get(":updated_at").asText()))
                        .thenComparing(r -> r.get(":id").asText()))
                .toList();
        int offset = Integer.parseInt(q.getOrDefault("$offset", "0"));
        int limit = Integer.parseInt(q.getOrDefault("$limit", "1000"));
        ArrayNode page = JSON.createArrayNode();
        selected.stream().skip(offset).limit(limit).forEach(page::add);
        StubHttp.respond(exchange, 200, JSON.writeValueAsString(page));
    }
}
