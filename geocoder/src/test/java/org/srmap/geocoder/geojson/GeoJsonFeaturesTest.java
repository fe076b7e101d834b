package org.srmap.geocoder.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.srmap.geocoder.testing.SharedData;

class GeoJsonFeaturesTest {

    private static final String SQUARE_WITH_HOLE = "[[[-74,40],[-73,40],[-73,41],[-74,41],[-74,40]],"
            + "[[-73.6,40.4],[-73.4,40.4],[-73.4,40.6],[-73.6,40.6],[-73.6,40.4]]]";

    @TempDir
    Path dir;

    @Test
    void readsFeaturesWithPropertiesAndGeometries() throws IOException {
        Path file = write(
                """
                {"type": "FeatureCollection",
                 "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
                 "features": [
                  {"type": "Feature", "properties": {"BoroCD": 311, "name": "Brooklyn 11", "area": 1.5, "note": null},
                   "geometry": {"type": "Polygon", "coordinates": %s}},
                  {"type": "Feature", "properties": null,
                   "geometry": {"type": "Point", "coordinates": [-73.98, 40.75, 12.0]}},
                  {"type": "Feature", "properties": {},
                   "geometry": {"type": "MultiPolygon", "coordinates": [%s, %s]}}
                 ]}
                """
                        .formatted(SQUARE_WITH_HOLE, SQUARE_WITH_HOLE, SQUARE_WITH_HOLE));

        List<Feature> features = GeoJsonFeatures.read(file);

        assertThat(features).hasSize(3);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("BoroCD", 311);
        expected.put("name", "Brooklyn 11");
        expected.put("area", 1.5);
        expected.put("note", null);
        assertThat(features.get(0).properties()).containsExactlyEntriesOf(expected);
        Polygon polygon = (Polygon) features.get(0).geometry();
        assertThat(polygon.getNumInteriorRing()).isEqualTo(1);
        assertThat(polygon.getArea()).isCloseTo(1 - 0.04, within(1e-9));
        assertThat(polygon.getSRID()).isEqualTo(4326);
        Point point = (Point) features.get(1).geometry();
        assertThat(point.getX()).isEqualTo(-73.98);
        assertThat(point.getY()).isEqualTo(40.75);
        assertThat(features.get(1).properties()).isEmpty();
        assertThat(features.get(2).geometry().getGeometryType()).isEqualTo("MultiPolygon");
        assertThat(features.get(2).geometry().getNumGeometries()).isEqualTo(2);
    }

    @Test
    void givesUnmodifiableProperties() throws IOException {
        Path file = write("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{\"a\":1},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]}}]}");

        Feature feature = GeoJsonFeatures.read(file).get(0);

        assertThatThrownBy(() -> feature.properties().put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            {"type": "FeatureCollection", "features": [                  | not valid JSON
            [1, 2]                                                        | expected a JSON object
            {"type": "Feature", "features": []}                           | expected "type": "FeatureCollection", found 'Feature'
            {"type": "FeatureCollection"}                                 | has no 'features' array
            {"type": "FeatureCollection", "features": [{"type": "Point"}]} | feature 0 is not an object with "type": "Feature"
            {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": null}]} | feature 0 has no geometry
            {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": 5, "geometry": null}]} | feature 0: 'properties' is not an object
            {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Circle", "coordinates": []}}]} | unknown geometry type 'Circle'
            {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Polygon"}}]} | Polygon has no 'coordinates' array
            {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,1]]]}}]} | feature 0: Polygon: Points of LinearRing do not form a closed linestring
            {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [987654.3, 201234.5]}}]} | is not WGS84 longitude/latitude
            {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": ["a", 1]}}]} | is not an array of two numbers
            {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2263"}}, "features": []} | expected WGS84 (CRS84) coordinates
            """)
    void rejectsBadFilesNamingTheFileAndTheProblem(String content, String problem) throws IOException {
        Path file = write(content);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> GeoJsonFeatures.read(file))
                .withMessageStartingWith("GeoJSON file " + file + ": ")
                .withMessageContaining(problem);
    }

    @Test
    void reportsAMissingFileAsUncheckedIo() {
        Path missing = dir.resolve("missing.geojson");

        assertThatThrownBy(() -> GeoJsonFeatures.read(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void readsTheRealCommunityDistrictFile() {
        Path file = SharedData.require("boundaries/community_districts_2013.geojson");

        List<Feature> features = GeoJsonFeatures.read(file);

        assertThat(features).hasSize(71);
        assertThat(features).allSatisfy(f -> {
            assertThat(f.properties().get("BoroCD")).isInstanceOf(Integer.class);
            assertThat(f.geometry().getGeometryType()).isIn("Polygon", "MultiPolygon");
            assertThat(f.geometry().getEnvelopeInternal().getMinX()).isBetween(-74.3, -73.6);
        });
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("test.geojson"), content, StandardCharsets.UTF_8);
    }
}
