package org.srmap.server.siting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.srmap.server.problem.BadRequestException;
import org.srmap.siting.points.Point;
import org.srmap.siting.points.PointsCsv;
import org.srmap.siting.points.PointsFileException;
import reactor.core.publisher.Mono;

/**
 * A planner's own files posted to {@code /api/siting} as multipart/form-data: a part {@code demand}
 * and/or a part {@code candidates}, each CSV (header id,lat,lon plus weight or capacity, as
 * {@code ./srmap siting} reads) or a GeoJSON FeatureCollection of points (id from the feature or
 * its properties, weight and capacity from the properties). A file with any bad row or feature is
 * refused whole, every problem named.
 *
 * @param demand the uploaded demand, or null to use the loaded requests
 * @param candidates the uploaded candidates, or null to use the loaded facilities
 */
record Uploads(List<Point> demand, List<Point> candidates) {
    static final Set<String> PARTS = Set.of("demand", "candidates");
    /** The largest part read, 20 MB: about 400,000 CSV rows. */
    static final int MAX_PART_BYTES = 20 << 20;

    static Mono<Uploads> read(MultiValueMap<String, Part> parts, ObjectMapper json) {
        for (String name : parts.keySet()) {
            if (!PARTS.contains(name)) {
                throw new BadRequestException(name, "unknown part '" + name + "'; the parts are demand and candidates");
            }
            if (parts.get(name).size() > 1) {
                throw new BadRequestException(name, name + " may be given once");
            }
        }
        if (parts.isEmpty()) {
            throw new BadRequestException("demand", "post a part demand and/or a part candidates (CSV or GeoJSON)");
        }
        Mono<List<Point>> demand = points(parts.getFirst("demand"), "demand", PointsCsv.Kind.DEMAND, json);
        Mono<List<Point>> candidates = points(parts.getFirst("candidates"), "candidates", PointsCsv.Kind.SITES, json);
        return Mono.zip(demand.defaultIfEmpty(List.of()), candidates.defaultIfEmpty(List.of()))
                .map(t -> new Uploads(
                        parts.containsKey("demand") ? t.getT1() : null,
                        parts.containsKey("candidates") ? t.getT2() : null));
    }

    private static Mono<List<Point>> points(Part part, String name, PointsCsv.Kind kind, ObjectMapper json) {
        if (part == null) {
            return Mono.empty();
        }
        return DataBufferUtils.join(part.content(), MAX_PART_BYTES)
                .onErrorMap(
                        DataBufferLimitException.class,
                        e -> new BadRequestException(name, name + " is larger than " + (MAX_PART_BYTES >> 20) + " MB"))
                .map(buffer -> {
                    String text = buffer.toString(StandardCharsets.UTF_8);
                    DataBufferUtils.release(buffer);
                    return parse(text, name, kind, json);
                })
                .switchIfEmpty(Mono.error(() -> new BadRequestException(name, name + " is empty")));
    }

    static List<Point> parse(String text, String name, PointsCsv.Kind kind, ObjectMapper json) {
        try {
            return text.stripLeading().startsWith("{")
                    ? geoJson(text, name, kind, json)
                    : PointsCsv.read(new StringReader(text), name, kind);
        } catch (PointsFileException e) {
            throw new BadRequestException(name, e.getMessage());
        }
    }

    private static List<Point> geoJson(String text, String name, PointsCsv.Kind kind, ObjectMapper json) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadRequestException(name, name + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (!"FeatureCollection".equals(root.path("type").asText())
                || !root.path("features").isArray()) {
            throw new BadRequestException(name, name + ": a GeoJSON FeatureCollection of points is needed");
        }
        List<Point> points = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode f : root.get("features")) {
            String where = "feature " + index++;
            try {
                JsonNode geometry = f.path("geometry");
                JsonNode coordinates = geometry.path("coordinates");
                if (!"Point".equals(geometry.path("type").asText())
                        || coordinates.size() < 2
                        || !coordinates.get(0).isNumber()
                        || !coordinates.get(1).isNumber()) {
                    throw new IllegalArgumentException("geometry must be a Point with numeric coordinates");
                }
                JsonNode props = f.path("properties");
                String id = f.hasNonNull("id")
                        ? f.get("id").asText()
                        : props.path("id").asText(null);
                double weight = kind == PointsCsv.Kind.DEMAND ? number(props, "weight", 1) : 1;
                double capacity = kind == PointsCsv.Kind.SITES
                        ? number(props, "capacity", Double.POSITIVE_INFINITY)
                        : Double.POSITIVE_INFINITY;
                Point p = new Point(
                        id, coordinates.get(1).asDouble(), coordinates.get(0).asDouble(), weight, capacity);
                if (!ids.add(p.id())) {
                    problems.add(where + ": id '" + p.id() + "' appears twice");
                }
                points.add(p);
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        if (points.isEmpty() && problems.isEmpty()) {
            problems.add("no features");
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException(
                    name,
                    name + ": " + String.join("; ", problems.subList(0, Math.min(10, problems.size())))
                            + (problems.size() > 10 ? "; and " + (problems.size() - 10) + " more" : ""));
        }
        return points;
    }

    private static double number(JsonNode props, String key, double absent) {
        JsonNode v = props.get(key);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException(key + " must be a number, was " + v);
        }
        return v.asDouble();
    }
}
