package org.srmap.ingest.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Public library branches from the City Planning Facilities Database ({@code ji82-xba5}, the rows whose
 * {@code facsubgrp} is {@code PUBLIC LIBRARIES}), written as the point GeoJSON the reference loader reads
 * ({@code name}, {@code street address}, {@code borough}, {@code zip code}). The portal's "Library" map
 * ({@code p4pf-fyc4}) has no rows to query, which is why the Facilities Database is the source.
 */
final class LibraryPoints {
    static final String DATASET = "ji82-xba5";
    static final String WHERE = "facsubgrp='PUBLIC LIBRARIES'";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The collection and how many rows had no coordinates. */
    record Result(ObjectNode collection, int points, int withoutCoordinates) {}

    private LibraryPoints() {}

    static Result fetch(OpenDataClient client) {
        String what = "public libraries (" + DATASET + ")";
        byte[] body = client.fetch(
                client.resource(
                        DATASET,
                        "json",
                        List.of(
                                Map.entry("$where", WHERE),
                                Map.entry("$order", "uid"),
                                Map.entry("$limit", Integer.toString(OpenDataClient.MAX_ROWS)))),
                what);
        return convert(body, what);
    }

    static Result convert(byte[] body, String what) {
        JsonNode rows = GeoJsonNormalizer.parse(body, what);
        if (!rows.isArray()) {
            throw new DownloadException(
                    what + ": expected a JSON array of rows, got " + GeoJsonNormalizer.preview(body));
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("type", "FeatureCollection");
        ArrayNode features = out.putArray("features");
        int without = 0;
        for (JsonNode row : rows) {
            double lon = coordinate(row, "longitude");
            double lat = coordinate(row, "latitude");
            if (Double.isNaN(lon) || Double.isNaN(lat)) {
                without++;
                continue;
            }
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            ObjectNode props = f.putObject("properties");
            copy(row, "facname", props, "name");
            copy(row, "address", props, "street address");
            copy(row, "city", props, "city");
            copy(row, "boro", props, "borough");
            copy(row, "zipcode", props, "zip code");
            copy(row, "opname", props, "operator");
            copy(row, "uid", props, "facdb uid");
            ObjectNode point = f.putObject("geometry");
            point.put("type", "Point");
            point.putArray("coordinates").add(lon).add(lat);
        }
        if (features.isEmpty()) {
            throw new DownloadException(what + ": no library with coordinates in the answer (" + rows.size()
                    + " rows); the query was " + WHERE);
        }
        return new Result(out, features.size(), without);
    }

    private static double coordinate(JsonNode row, String field) {
        String v = row.path(field).asText("").trim();
        if (v.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static void copy(JsonNode row, String from, ObjectNode props, String to) {
        JsonNode v = row.get(from);
        if (v != null && !v.isNull() && !v.asText().isBlank()) {
            props.put(to, v.asText().trim());
        }
    }
}
