package org.srmap.ingest.opendata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a downloaded GeoJSON FeatureCollection into the one the reference loader reads: each feature
 * keeps its geometry and gets exactly the listed properties, spelt and typed as the loader expects.
 * Features without a geometry are dropped and counted.
 */
final class GeoJsonNormalizer {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The normalised collection and how many features had no geometry. */
    record Result(ObjectNode collection, int features, int withoutGeometry) {}

    private GeoJsonNormalizer() {}

    /**
     * @param what names the download in messages, e.g. "community districts (5crt-au7u)"
     * @throws DownloadException if the body is not a FeatureCollection with features, or a feature
     *     lacks a required property
     */
    static Result normalize(byte[] body, List<PropertySpec> specs, String what) {
        JsonNode root = parse(body, what);
        if (!root.isObject() || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new DownloadException(
                    what + ": the answer is not a GeoJSON FeatureCollection (it starts with " + preview(body) + ")");
        }
        JsonNode features = root.path("features");
        if (!features.isArray() || features.isEmpty()) {
            throw new DownloadException(what + ": the FeatureCollection has no features");
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("type", "FeatureCollection");
        ArrayNode kept = out.putArray("features");
        int withoutGeometry = 0;
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            JsonNode geometry = f.path("geometry");
            if (!geometry.isObject()) {
                withoutGeometry++;
                continue;
            }
            ObjectNode feature = kept.addObject();
            feature.put("type", "Feature");
            feature.set("properties", properties(f.path("properties"), specs, what, i));
            feature.set("geometry", geometry);
        }
        if (kept.isEmpty()) {
            throw new DownloadException(what + ": no feature has a geometry");
        }
        return new Result(out, kept.size(), withoutGeometry);
    }

    static ObjectNode properties(JsonNode source, List<PropertySpec> specs, String what, int index) {
        ObjectNode props = JSON.createObjectNode();
        List<String> problems = new ArrayList<>();
        for (PropertySpec spec : specs) {
            try {
                JsonNode v = spec.read(source);
                if (v != null) {
                    props.set(spec.target(), v);
                }
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            List<String> names = new ArrayList<>();
            source.fieldNames().forEachRemaining(names::add);
            throw new DownloadException(
                    what + ": feature " + index + ": " + String.join("; ", problems) + "; its properties are " + names);
        }
        return props;
    }

    /** The body as JSON; an empty or unreadable body is a one-line DownloadException naming {@code what}. */
    static JsonNode parse(byte[] body, String what) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null) {
                throw new DownloadException(what + ": the answer is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new DownloadException(what + ": the answer is not JSON (it starts with " + preview(body) + ")", e);
        } catch (java.io.IOException e) {
            throw new DownloadException(what + ": the answer cannot be read: " + e.getMessage(), e);
        }
    }

    /** The first characters of a body, quoted, on one line. */
    static String preview(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 60), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ")
                .strip();
        return s.isEmpty() ? "nothing" : "'" + s + (body.length > 60 ? "...'" : "'");
    }
}
