package org.srmap.geocoder.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectionsTest {

    /** 300,000 m in US survey feet (1 ftUS = 1200/3937 m). */
    private static final double FALSE_EASTING_FEET = 300_000 * 3937 / 1200.0;

    private static final double WEB_MERCATOR_HALF_WIDTH = 20_037_508.342789244;

    @Test
    void projectsTheStatePlaneOriginToTheFalseEasting() {
        double[] xy = Projections.wgs84ToStatePlane(-74, 40 + 10 / 60.0);

        assertThat(xy[0]).isCloseTo(FALSE_EASTING_FEET, within(0.01));
        assertThat(xy[1]).isCloseTo(0, within(0.01));
    }

    @ParameterizedTest
    @CsvSource({
        "-73.985130, 40.758896", // Times Square
        "-74.255735, 40.496044", // Tottenville, Staten Island
        "-73.700272, 40.739446", // Glen Oaks, Queens, at the Nassau line
        "-73.838140, 40.906150", // Wakefield, the Bronx
        "-73.944158, 40.678178", // Crown Heights, Brooklyn
    })
    void roundTripsThroughStatePlane(double lon, double lat) {
        double[] xy = Projections.wgs84ToStatePlane(lon, lat);
        LonLat back = Projections.statePlaneToWgs84(xy[0], xy[1]);

        assertThat(Projections.insideNycEnvelope(lon, lat)).isTrue();
        assertThat(xy[0]).isBetween(900_000.0, 1_080_000.0);
        assertThat(xy[1]).isBetween(110_000.0, 280_000.0);
        assertThat(back.lon()).isCloseTo(lon, within(1e-9));
        assertThat(back.lat()).isCloseTo(lat, within(1e-9));
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0, 0, 0",
        "180, 0, 20037508.342789244, 0",
        "-180, 0, -20037508.342789244, 0",
        "0, 85.0511287798066, 0, 20037508.342789244",
        "-74.006, 40.7128, -8238310.24, 4970071.58", // lower Manhattan, as commonly quoted
    })
    void projectsToWebMercator(double lon, double lat, double x, double y) {
        double[] xy = Projections.wgs84ToWebMercator(lon, lat);

        assertThat(xy[0]).isCloseTo(x, within(0.1));
        assertThat(xy[1]).isCloseTo(y, within(0.1));
    }

    @ParameterizedTest
    @CsvSource({"-73.985130, 40.758896", "179.9, -85", "-180, 85", "12.5, 0"})
    void roundTripsThroughWebMercator(double lon, double lat) {
        double[] xy = Projections.wgs84ToWebMercator(lon, lat);
        LonLat back = Projections.webMercatorToWgs84(xy[0], xy[1]);

        assertThat(back.lon()).isCloseTo(lon, within(1e-9));
        assertThat(back.lat()).isCloseTo(lat, within(1e-9));
    }

    @Test
    void clampsPolarLatitudesToTheEdgeOfWebMercator() {
        assertThat(Projections.wgs84ToWebMercator(10, 89.9)[1]).isCloseTo(WEB_MERCATOR_HALF_WIDTH, within(1e-3));
        assertThat(Projections.wgs84ToWebMercator(10, -90)[1]).isCloseTo(-WEB_MERCATOR_HALF_WIDTH, within(1e-3));
    }

    @ParameterizedTest
    @CsvSource({
        "20037600, 0, 'x must be within'",
        "0, -20037600, 'y must be within'",
        "NaN, 0, 'x must be finite, was NaN'",
    })
    void rejectsPositionsOutsideWebMercator(double x, double y, String message) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Projections.webMercatorToWgs84(x, y))
                .withMessageStartingWith(message);
    }

    @Test
    void rejectsNonFiniteStatePlaneCoordinates() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Projections.statePlaneToWgs84(Double.NaN, 200_000))
                .withMessage("xFeet must be finite, was NaN");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Projections.wgs84ToStatePlane(-73.9, 95))
                .withMessage("lat must be -90..90, was 95.0");
    }

    @ParameterizedTest
    @CsvSource({
        "-73.985130, 40.758896, true", // Times Square
        "-74.2591, 40.4774, true", // the city's south-west corner
        "-73.7004, 40.9176, true", // the city's north-east corner
        "0, 0, false", // a zero position
        "40.758896, -73.985130, false", // axes swapped
        "-74.4, 40.7, false", // New Jersey
        "-73.6, 40.7, false", // Nassau County
        "NaN, 40.7, false",
    })
    void knowsTheNycEnvelope(double lon, double lat, boolean inside) {
        assertThat(Projections.insideNycEnvelope(lon, lat)).isEqualTo(inside);
    }

    @Test
    void givesTheSameResultsFromConcurrentThreads() throws Exception {
        int n = 2_000;
        double[][] expected = new double[n][];
        for (int i = 0; i < n; i++) {
            LonLat p = Projections.statePlaneToWgs84(950_000 + 50 * i, 150_000 + 40 * i);
            expected[i] = new double[] {p.lon(), p.lat()};
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> mismatches = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                mismatches.add(pool.submit(() -> {
                    int wrong = 0;
                    for (int round = 0; round < 5; round++) {
                        for (int i = 0; i < n; i++) {
                            LonLat p = Projections.statePlaneToWgs84(950_000 + 50 * i, 150_000 + 40 * i);
                            if (p.lon() != expected[i][0] || p.lat() != expected[i][1]) {
                                wrong++;
                            }
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> wrong : mismatches) {
                assertThat(wrong.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
