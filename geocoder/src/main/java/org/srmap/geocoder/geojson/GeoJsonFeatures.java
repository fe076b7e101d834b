package org.srmap.geocoder.geojson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a GeoJSON FeatureCollection in WGS84 longitude/latitude: Jackson parses the document and the
 * geometries are built with a JTS {@code GeometryFactory} (SRID 4326).
 *
 * <p>A file that cannot be read gives an {@link UncheckedIOException}; a file that is not a WGS84
 * FeatureCollection, or has a feature without a usable geometry, gives an {@link
 * IllegalArgumentException}. Both messages name the file and, where it applies, the feature's index.
 * A {@code crs} member naming anything but CRS84/EPSG:4326 is rejected, and so are positions outside
 * longitude/latitude range, which is how a projected file without a {@code crs} member shows.
 *
 * <p>Thread-safe: the class holds no state but an immutable, configured {@link ObjectMapper}.
 */
public final class GeoJsonFeatures {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> PROPERTIES = new TypeReference<>() {};

    private GeoJsonFeatures() {}

    /**
     * Reads every feature of a FeatureCollection, in file order.
     *
     * @param file a GeoJSON file in WGS84
     * @return the features, an unmodifiable list
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if the content is not a valid WGS84 FeatureCollection
     */
    public static List<Feature> read(Path file) {
        JsonNode root = parse(file);
        if (root == null || !root.isObject()) {
            throw bad(file, "expected a JSON object (a FeatureCollection)");
        }
        String type = root.path("type").asText("");
        if (!type.equals("FeatureCollection")) {
            throw bad(file, "expected \"type\": \"FeatureCollection\", found '" + type + "'");
        }
        checkCrs(file, root.get("crs"));
        JsonNode features = root.get("features");
        if (features == null || !features.isArray()) {
            throw bad(file, "the FeatureCollection has no 'features' array");
        }
        List<Feature> result = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            result.add(feature(file, i, features.get(i)));
        }
        return List.copyOf(result);
    }

    private static JsonNode parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw bad(file, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("GeoJSON file " + file + " cannot be read: " + e, e);
        }
    }

    private static Feature feature(Path file, int index, JsonNode node) {
        String where = "feature " + index;
        if (node == null || !node.isObject() || !node.path("type").asText("").equals("Feature")) {
            throw bad(file, where + " is not an object with \"type\": \"Feature\"");
        }
        JsonNode properties = node.get("properties");
        Map<String, Object> values;
        if (properties == null || properties.isNull()) {
            values = Map.of();
        } else if (properties.isObject()) {
            values = MAPPER.convertValue(properties, PROPERTIES);
        } else {
            throw bad(file, where + ": 'properties' is not an object");
        }
        JsonNode geometry = node.get("geometry");
        if (geometry == null || geometry.isNull()) {
            throw bad(file, where + " has no geometry");
        }
        try {
            return new Feature(values, GeoJsonGeometries.geometry(geometry));
        } catch (IllegalArgumentException e) {
            throw bad(file, where + ": " + e.getMessage(), e);
        }
    }

    private static void checkCrs(Path file, JsonNode crs) {
        if (crs == null || crs.isNull()) {
            return;
        }
        String name = crs.path("properties").path("name").asText("").toUpperCase(Locale.ROOT);
        boolean wgs84 = name.endsWith("CRS84") || name.endsWith("EPSG::4326") || name.equals("EPSG:4326");
        if (!wgs84) {
            throw bad(file, "expected WGS84 (CRS84) coordinates, but the 'crs' member names '" + name + "'");
        }
    }

    private static IllegalArgumentException bad(Path file, String problem) {
        return new IllegalArgumentException("GeoJSON file " + file + ": " + problem);
    }

    private static IllegalArgumentException bad(Path file, String problem, Exception cause) {
        return new IllegalArgumentException("GeoJSON file " + file + ": " + problem, cause);
    }
}
