package org.srmap.geocoder.h3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.srmap.geocoder.crs.LonLat;

class H3CellsTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    @Test
    void indexesTheH3ReferencePoint() {
        // The example of H3's own documentation: San Francisco at resolution 9.
        assertThat(H3Cells.cell(37.775938728915946, -122.41795063018799, 9)).isEqualTo(0x8928308280fffffL);
    }

    @ParameterizedTest
    @CsvSource({
        "40.758896, -73.985130", // Times Square
        "40.678178, -73.944158", // Crown Heights
        "40.496044, -74.255735", // Tottenville
        "40.906150, -73.838140", // Wakefield
    })
    void givesTheRollupCellAsParentOfThePointCellAtItsCentre(double lat, double lon) {
        long rollup = H3Cells.cell(lat, lon, H3Cells.ROLLUP_RES);
        LonLat centre = H3Cells.center(rollup);

        long point = H3Cells.cell(centre.lat(), centre.lon(), H3Cells.POINT_RES);

        assertThat(H3Cells.resolution(point)).isEqualTo(10);
        assertThat(H3Cells.parent(point, H3Cells.ROLLUP_RES)).isEqualTo(rollup);
    }

    @Test
    void givesTheRollupCellAsParentOfThePointCellForMostPoints() {
        int points = 0;
        int same = 0;
        for (double lat = 40.50; lat < 40.90; lat += 0.004) {
            for (double lon = -74.25; lon < -73.70; lon += 0.005) {
                long point = H3Cells.cell(lat, lon, H3Cells.POINT_RES);
                long parent = H3Cells.parent(point, H3Cells.ROLLUP_RES);
                assertThat(H3Cells.parent(H3Cells.parent(point, 9), H3Cells.ROLLUP_RES))
                        .isEqualTo(parent);
                assertThat(H3Cells.parent(point, H3Cells.POINT_RES)).isEqualTo(point);
                points++;
                same += parent == H3Cells.cell(lat, lon, H3Cells.ROLLUP_RES) ? 1 : 0;
            }
        }
        double percent = 100.0 * same / points;
        System.out.printf(
                Locale.ROOT,
                "H3: parent(res-10 cell, 8) equals the res-8 cell of the point for %.1f%% of %d NYC points%n",
                percent,
                points);
        assertThat(percent).isBetween(85.0, 99.9);
    }

    @Test
    void showsThatAParentIsNotAlwaysTheCellOfThePoint() {
        // H3 cells do not nest exactly: Times Square's res-10 cell belongs to the res-8 cell next to the
        // one that holds Times Square itself. Rollups must therefore use parent(), not a new lookup.
        long point = H3Cells.cell(40.758896, -73.985130, H3Cells.POINT_RES);

        assertThat(H3Cells.parent(point, H3Cells.ROLLUP_RES))
                .isEqualTo(0x882a100d67fffffL)
                .isNotEqualTo(H3Cells.cell(40.758896, -73.985130, H3Cells.ROLLUP_RES));
    }

    @ParameterizedTest
    @CsvSource({"40.758896, -73.985130, 10", "40.678178, -73.944158, 8", "40.5, -74.2, 6", "40.7, -73.9, 0"})
    void putsTheCentreOfACellInsideItsBoundary(double lat, double lon, int res) {
        long cell = H3Cells.cell(lat, lon, res);
        LonLat centre = H3Cells.center(cell);
        List<LonLat> corners = H3Cells.boundary(cell);

        Coordinate[] ring = new Coordinate[corners.size() + 1];
        for (int i = 0; i < corners.size(); i++) {
            ring[i] = new Coordinate(corners.get(i).lon(), corners.get(i).lat());
        }
        ring[corners.size()] = ring[0];
        Polygon hexagon = FACTORY.createPolygon(ring);

        assertThat(corners).hasSizeBetween(5, 10);
        assertThat(hexagon.contains(FACTORY.createPoint(new Coordinate(centre.lon(), centre.lat()))))
                .isTrue();
        assertThat(hexagon.contains(FACTORY.createPoint(new Coordinate(lon, lat))))
                .isTrue();
        assertThat(H3Cells.cell(centre.lat(), centre.lon(), res)).isEqualTo(cell);
    }

    @ParameterizedTest
    @CsvSource({"-1, 'res must be 0..15, was -1'", "16, 'res must be 0..15, was 16'"})
    void rejectsInvalidResolutions(int res, String message) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> H3Cells.cell(40.7, -73.9, res))
                .withMessage(message);
    }

    @Test
    void rejectsAParentFinerThanTheCell() {
        long rollup = H3Cells.cell(40.7, -73.9, H3Cells.ROLLUP_RES);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> H3Cells.parent(rollup, 9))
                .withMessage("res must be 0..8 (the cell's resolution), was 9");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> H3Cells.parent(rollup, -1))
                .withMessage("res must be 0..8 (the cell's resolution), was -1");
    }

    @Test
    void rejectsInvalidCellsAndPositions() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> H3Cells.center(0L))
                .withMessage("cell must be a valid H3 cell, was 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> H3Cells.boundary(12345L))
                .withMessageStartingWith("cell must be a valid H3 cell");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> H3Cells.cell(95, -73.9, 8))
                .withMessage("lat must be -90..90, was 95.0");
    }

    @ParameterizedTest
    @CsvSource({
        "0, 6", "9, 6", "10, 6", "11, 7", "12, 8", "13, 9", "14, 10", "18, 10", "22, 10",
    })
    void mapsZoomLevelsToHexbinResolutions(int zoom, int res) {
        assertThat(H3Cells.resolutionForZoom(zoom)).isEqualTo(res);
    }

    @Test
    void rejectsNegativeZoom() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> H3Cells.resolutionForZoom(-1))
                .withMessage("z must be 0..30, was -1");
    }

    @Test
    void cellsCoveringTheNycBoxHoldEveryPointsCellAndItsParents() {
        int missing = 0;
        Map<Integer, Set<Long>> covering = new HashMap<>();
        for (int res = 6; res <= H3Cells.ROLLUP_RES; res++) {
            covering.put(res, new HashSet<>(H3Cells.cellsCovering(-74.30, 40.45, -73.65, 40.95, 0.1, res)));
        }
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            // the box's edges are where a covering falls short, so most points lie on them
            double lon = -74.30 + 0.65 * random.nextDouble();
            double lat = 40.45 + 0.50 * random.nextDouble();
            switch (i % 6) {
                case 1 -> lon = -74.30;
                case 2 -> lon = -73.65;
                case 3 -> lat = 40.45;
                case 4 -> lat = 40.95;
                default -> {}
            }
            long point = H3Cells.cell(lat, lon, H3Cells.POINT_RES);
            for (int res = 6; res <= H3Cells.ROLLUP_RES; res++) {
                long parent = H3Cells.parent(H3Cells.parent(point, H3Cells.ROLLUP_RES), res);
                if (!covering.get(res).contains(parent)) {
                    missing++;
                }
            }
        }
        assertThat(missing).as("parents missing from the covering").isZero();
        assertThat(covering.get(8)).hasSizeBetween(4_000, 12_000);
    }

    @Test
    void refusesAnEmptyBox() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> H3Cells.cellsCovering(-73.0, 40.0, -74.0, 41.0, 0, 8))
                .withMessageContaining("must not be empty");
    }
}
