package org.srmap.geocoder.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.srmap.geocoder.crs.LonLat;
import org.srmap.geocoder.testing.Distances;

class PolygonIndexTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    /** Two adjacent 0.1° squares in Brooklyn: id 1 west of -73.9, id 2 east of it. */
    private static final PolygonIndex NEIGHBOURS = PolygonIndex.of(List.of(
            new PolygonIndex.Entry(1, square(-74.0, -73.9, 40.6, 40.7)),
            new PolygonIndex.Entry(2, square(-73.9, -73.8, 40.6, 40.7))));

    @ParameterizedTest
    @CsvSource({
        "-73.95, 40.65, 1",
        "-73.85, 40.65, 2",
        "-73.75, 40.65, -1", // outside both
        "-73.95, 40.75, -1",
        "-74.0, 40.6, 1", // a corner counts as inside
        "-73.9, 40.65, 1", // on the shared edge: equal areas, so the lower id
        "NaN, 40.65, -1",
        "-73.95, 95, -1", // not a position
    })
    void locatesThePolygonContainingAPoint(double lon, double lat, int expected) {
        assertThat(NEIGHBOURS.locate(lon, lat))
                .isEqualTo(expected < 0 ? OptionalInt.empty() : OptionalInt.of(expected));
    }

    @ParameterizedTest
    @CsvSource({
        "-73.9, 40.9, 10", // only in the big regular polygon
        "-73.57, 40.42, 20", // in the big and the small regular polygons: the smaller wins
        "-73.5, 40.5, 20", // also in the tiny non-regular polygon: regular still wins
        "-72.5, 40.5, 5", // only in the non-regular polygon that sticks out east
        "-73.1, 40.1, 3", // in two identical regular polygons: the lower id
    })
    void prefersRegularThenSmallerThenLowerId(double lon, double lat, int expected) {
        PolygonIndex index = PolygonIndex.of(List.of(
                new PolygonIndex.Entry(10, square(-74, -73, 40, 41)),
                new PolygonIndex.Entry(20, square(-73.6, -73.4, 40.4, 40.6)),
                new PolygonIndex.Entry(5, square(-73.55, -72, 40.45, 40.55), false),
                new PolygonIndex.Entry(7, square(-73.2, -73.0, 40.0, 40.2)),
                new PolygonIndex.Entry(3, square(-73.2, -73.0, 40.0, 40.2))));

        assertThat(index.locate(lon, lat)).hasValue(expected);
        assertThat(index.nearest(lon, lat, 10)).hasValue(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "95, 100, 1", // 95 m east of square 1: within 100 m
        "105, 100, -1", // 105 m: too far
        "95, 90, -1",
        "300, 1000, 1", // 300 m from square 1, 700 m from square 3
        "700, 1000, 3", // 700 m from square 1, 300 m from square 3
    })
    void findsTheNearestPolygonWithinADistanceInMetres(double metresEast, double maxMetres, int expected) {
        double lat = 40.65;
        PolygonIndex index = PolygonIndex.of(List.of(
                new PolygonIndex.Entry(1, square(-74.0, -73.9, 40.6, 40.7)),
                new PolygonIndex.Entry(3, square(-73.9 + degreesEast(1000, lat), -73.8, 40.6, 40.7))));
        double lon = -73.9 + degreesEast(metresEast, lat);

        assertThat(index.locate(lon, lat)).isEmpty();
        assertThat(index.nearest(lon, lat, maxMetres))
                .isEqualTo(expected < 0 ? OptionalInt.empty() : OptionalInt.of(expected));
    }

    @Test
    void givesTheContainingPolygonAsNearest() {
        assertThat(NEIGHBOURS.nearest(-73.85, 40.65, 0)).hasValue(2);
    }

    @Test
    void rejectsBadEntriesAndDistances() {
        Geometry line = FACTORY.createLineString(new Coordinate[] {new Coordinate(0, 0), new Coordinate(1, 1)});

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PolygonIndex.Entry(4, line))
                .withMessage("geometry of id 4 must be a non-empty Polygon or MultiPolygon, was LineString");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PolygonIndex.Entry(4, FACTORY.createPolygon()))
                .withMessage("geometry of id 4 must be a non-empty Polygon or MultiPolygon, was Polygon (empty)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NEIGHBOURS.nearest(-73.95, 40.65, -1))
                .withMessage("maxMetres must be finite and at least 0, was -1.0");
    }

    @Test
    void leavesTheGivenGeometriesUnchanged() {
        Geometry original = square(-74.0, -73.9, 40.6, 40.7);
        Geometry copy = original.copy();

        PolygonIndex index = PolygonIndex.of(List.of(new PolygonIndex.Entry(1, original)));

        assertThat(index.size()).isEqualTo(1);
        assertThat(original.equalsExact(copy)).isTrue();
    }

    @Test
    void answersConcurrentQueriesLikeSequentialOnes() throws Exception {
        List<PolygonIndex.Entry> grid = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                double lon = -74.2 + 0.05 * i;
                double lat = 40.5 + 0.04 * j;
                grid.add(new PolygonIndex.Entry(i * 10 + j, square(lon, lon + 0.05, lat, lat + 0.04)));
            }
        }
        PolygonIndex index = PolygonIndex.of(grid);
        Random random = new Random(42);
        int n = 20_000;
        double[][] points = new double[n][];
        OptionalInt[] expected = new OptionalInt[n];
        for (int k = 0; k < n; k++) {
            points[k] = new double[] {-74.25 + 0.6 * random.nextDouble(), 40.45 + 0.5 * random.nextDouble()};
            expected[k] = index.locate(points[k][0], points[k][1]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    int wrong = 0;
                    for (int k = 0; k < n; k++) {
                        if (!index.locate(points[k][0], points[k][1]).equals(expected[k])) {
                            wrong++;
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> wrong : results) {
                assertThat(wrong.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected).filteredOn(OptionalInt::isPresent).hasSizeBetween(n / 2, n - 1);
    }

    private static Geometry square(double minLon, double maxLon, double minLat, double maxLat) {
        return FACTORY.toGeometry(new Envelope(minLon, maxLon, minLat, maxLat));
    }

    /** The longitude difference that is the given great-circle distance east at a latitude. */
    private static double degreesEast(double metres, double lat) {
        double metresPerMilliDegree = Distances.metres(new LonLat(-73.9, lat), new LonLat(-73.899, lat));
        return metres / metresPerMilliDegree / 1000;
    }
}
