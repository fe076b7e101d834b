package org.srmap.geocoder.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.srmap.geocoder.geojson.Feature;
import org.srmap.geocoder.geojson.GeoJsonFeatures;
import org.srmap.geocoder.testing.SharedData;

class CellGridTest {
    @Test
    void gridAnswersAgreeWithExactLookupsAllOverTheCity() {
        List<PolygonIndex.Entry> entries = new ArrayList<>();
        for (Feature f : GeoJsonFeatures.read(SharedData.require("boundaries/community_districts_2013.geojson"))) {
            int boroCd = ((Number) f.properties().get("BoroCD")).intValue();
            entries.add(new PolygonIndex.Entry(boroCd, f.geometry(), CommunityBoards.isRegularDistrict(boroCd)));
        }
        PolygonIndex index = PolygonIndex.of(entries);
        SplittableRandom random = new SplittableRandom(311);
        int inside = 0;
        for (int i = 0; i < 200_000; i++) {
            double lon = -74.28 + random.nextDouble() * 0.58;
            double lat = 40.48 + random.nextDouble() * 0.45;
            OptionalInt fast = index.locate(lon, lat);
            assertThat(fast).as("at %f, %f", lon, lat).isEqualTo(index.locateExact(lon, lat));
            if (fast.isPresent()) {
                inside++;
            }
        }
        assertThat(inside)
                .as("a fair share of the random points fall in a district")
                .isGreaterThan(50_000);
    }

    @Test
    void refusesTheIdsTheGridReserves() {
        Geometry square = new GeometryFactory().toGeometry(new Envelope(0, 1, 0, 1));
        assertThatThrownBy(() -> new PolygonIndex.Entry(Integer.MIN_VALUE, square))
                .hasMessageContaining("id must be above");
    }
}
