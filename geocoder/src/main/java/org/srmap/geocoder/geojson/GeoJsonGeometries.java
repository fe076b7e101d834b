package org.srmap.geocoder.geojson;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Builds JTS geometries from GeoJSON geometry objects (RFC 7946) parsed by Jackson. Only the first
 * two ordinates of a position are kept. Every problem is an {@link IllegalArgumentException} whose
 * message says what is wrong; the caller adds where.
 */
final class GeoJsonGeometries {

    /** Floating precision, SRID 4326 (WGS84 longitude/latitude). Immutable, so shared. */
    static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private GeoJsonGeometries() {}

    static Geometry geometry(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("geometry is not a JSON object");
        }
        String type = node.path("type").asText("");
        if (type.equals("GeometryCollection")) {
            JsonNode members = array(node.get("geometries"), "GeometryCollection has no 'geometries' array");
            List<Geometry> parts = new ArrayList<>(members.size());
            for (JsonNode member : members) {
                parts.add(geometry(member));
            }
            return WGS84.createGeometryCollection(parts.toArray(new Geometry[0]));
        }
        JsonNode coordinates = array(node.get("coordinates"), type + " has no 'coordinates' array");
        try {
            return switch (type) {
                case "Point" -> point(coordinates);
                case "MultiPoint" -> WGS84.createMultiPoint(points(coordinates));
                case "LineString" -> WGS84.createLineString(positions(coordinates));
                case "MultiLineString" -> WGS84.createMultiLineString(lineStrings(coordinates));
                case "Polygon" -> polygon(coordinates);
                case "MultiPolygon" -> WGS84.createMultiPolygon(polygons(coordinates));
                default -> throw new IllegalArgumentException("unknown geometry type '" + type + "'");
            };
        } catch (IllegalArgumentException e) {
            // JTS says e.g. "Points of LinearRing do not form a closed linestring"; name the type too.
            throw new IllegalArgumentException(type + ": " + e.getMessage(), e);
        }
    }

    private static Point point(JsonNode position) {
        return WGS84.createPoint(position(position));
    }

    private static Point[] points(JsonNode positions) {
        Point[] points = new Point[positions.size()];
        for (int i = 0; i < points.length; i++) {
            points[i] = point(positions.get(i));
        }
        return points;
    }

    private static LineString[] lineStrings(JsonNode lines) {
        LineString[] result = new LineString[lines.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = WGS84.createLineString(positions(array(lines.get(i), "line is not an array")));
        }
        return result;
    }

    private static Polygon polygon(JsonNode rings) {
        if (rings.isEmpty()) {
            return WGS84.createPolygon();
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = ring(rings.get(i + 1));
        }
        return WGS84.createPolygon(shell, holes);
    }

    private static Polygon[] polygons(JsonNode polygons) {
        Polygon[] result = new Polygon[polygons.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = polygon(array(polygons.get(i), "polygon is not an array of rings"));
        }
        return result;
    }

    private static LinearRing ring(JsonNode positions) {
        return WGS84.createLinearRing(positions(array(positions, "ring is not an array of positions")));
    }

    private static Coordinate[] positions(JsonNode positions) {
        Coordinate[] result = new Coordinate[positions.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = position(positions.get(i));
        }
        return result;
    }

    private static Coordinate position(JsonNode position) {
        if (position == null
                || !position.isArray()
                || position.size() < 2
                || !position.get(0).isNumber()
                || !position.get(1).isNumber()) {
            throw new IllegalArgumentException("position " + position + " is not an array of two numbers");
        }
        double lon = position.get(0).doubleValue();
        double lat = position.get(1).doubleValue();
        if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
            throw new IllegalArgumentException("position [" + lon + ", " + lat
                    + "] is not WGS84 longitude/latitude (is the file in a projected system?)");
        }
        return new Coordinate(lon, lat);
    }

    private static JsonNode array(JsonNode node, String problem) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(problem);
        }
        return node;
    }
}
