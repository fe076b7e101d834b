package org.srmap.geocoder.crs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.srmap.geocoder.testing.Distances;
import org.srmap.geocoder.testing.ServiceRequestCsv;
import org.srmap.geocoder.testing.ServiceRequestCsv.Column;
import org.srmap.geocoder.testing.ServiceRequestCsv.Row;
import org.srmap.geocoder.testing.SharedData;

class ProjectionsRealDataTest {

    /** 311 publishes both State Plane feet and lat/lon for a point; they agree to well under a metre. */
    private static final double TOLERANCE_METRES = 1.0;

    @ParameterizedTest
    @ValueSource(strings = {"311/export_2014-2019.csv", "311/export_2022-05-01.csv"})
    void projectsPublishedStatePlaneOntoPublishedLatLon(String file) throws IOException {
        int rows = 0;
        double worst = 0;
        double total = 0;
        for (Row row : ServiceRequestCsv.read(SharedData.require(file))) {
            OptionalDouble x = row.number(Column.X_STATE_PLANE);
            OptionalDouble y = row.number(Column.Y_STATE_PLANE);
            OptionalDouble lat = row.number(Column.LATITUDE);
            OptionalDouble lon = row.number(Column.LONGITUDE);
            if (x.isEmpty() || y.isEmpty() || lat.isEmpty() || lon.isEmpty()) {
                continue;
            }
            LonLat published = new LonLat(lon.getAsDouble(), lat.getAsDouble());
            LonLat projected = Projections.statePlaneToWgs84(x.getAsDouble(), y.getAsDouble());
            double error = Distances.metres(published, projected);
            assertThat(error)
                    .as("row %s: X/Y %s/%s against lat/lon %s", rows, x, y, published)
                    .isLessThan(TOLERANCE_METRES);
            worst = Math.max(worst, error);
            total += error;
            rows++;
        }
        System.out.printf(
                Locale.ROOT,
                "%s: %d rows with X/Y and lat/lon; projection error mean %.3f m, max %.3f m%n",
                file,
                rows,
                total / rows,
                worst);
        assertThat(rows).isGreaterThan(800);
    }
}
