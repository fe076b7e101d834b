package org.srmap.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellMarginsTest {
    @Test
    void everyResolution10CellOfTheCityLiesWithinTheMarginsOfItsCentre() throws IOException {
        H3Core h3 = H3Core.newInstance();
        // the box every placed point lies in (geocoder's Projections), widened as load-reference widens it
        List<LatLng> box = List.of(
                new LatLng(40.44, -74.31),
                new LatLng(40.44, -73.64),
                new LatLng(40.96, -73.64),
                new LatLng(40.96, -74.31));
        double lon = 0;
        double lat = 0;
        List<Long> cells = h3.polygonToCells(box, List.of(), 10);
        for (long cell : cells) {
            LatLng centre = h3.cellToLatLng(cell);
            for (LatLng corner : h3.cellToBoundary(cell)) {
                lon = Math.max(lon, Math.abs(corner.lng - centre.lng));
                lat = Math.max(lat, Math.abs(corner.lat - centre.lat));
            }
        }
        assertThat(cells).hasSizeGreaterThan(200_000);
        assertThat(lon).isBetween(PrivacySql.MARGIN_LON_DEGREES * 0.75, PrivacySql.MARGIN_LON_DEGREES);
        assertThat(lat).isBetween(PrivacySql.MARGIN_LAT_DEGREES * 0.75, PrivacySql.MARGIN_LAT_DEGREES);
    }
}
