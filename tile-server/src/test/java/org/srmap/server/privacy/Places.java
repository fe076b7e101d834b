package org.srmap.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.srmap.server.Fixture;
import org.srmap.sql.Database;

/**
 * What the privacy tests compute for themselves, without the server's SQL: a request's H3
 * resolution-10 centre (h3-java itself, not the geocoder's wrapper the fixture and the loader use),
 * distances on PostGIS's sphere, and where a point falls in a Web Mercator tile of 4096 units.
 */
final class Places {
    /** The address, street and BBL {@link #giveAnAddress} gives requests. */
    static final String ADDRESS = "123-45 QUEENS BOULEVARD";

    static final String STREET = "QUEENS BOULEVARD";
    static final String BBL = "4012340056";

    /** The sphere PostGIS measures geography on when told not to use the spheroid. */
    static final double EARTH_RADIUS = 6_371_008.7714;

    private static final double MERCATOR_RADIUS = 6_378_137.0;
    private static final int EXTENT = 4096;
    private static final H3Core H3 = h3();

    private Places() {}

    /** {lon, lat} of the centre of the resolution-10 cell holding a point. */
    static double[] centre(double lon, double lat) {
        LatLng c = H3.cellToLatLng(H3.latLngToCell(lat, lon, 10));
        return new double[] {c.lng, c.lat};
    }

    static double metres(double lon1, double lat1, double lon2, double lat2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double a = Math.pow(Math.sin((p2 - p1) / 2), 2)
                + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(Math.toRadians(lon2 - lon1) / 2), 2);
        return 2 * EARTH_RADIUS * Math.asin(Math.sqrt(a));
    }

    /**
     * The first placed fixture request of {@code type} whose own point lies at least {@code
     * minMetres} from its cell's centre, and that shares its cell with no other fixture request.
     */
    static Fixture.Request farFromItsCentre(Fixture fixture, String type, double minMetres) {
        for (Fixture.Request r : fixture.requests) {
            if (!r.placed() || !r.type().equals(type)) {
                continue;
            }
            double[] c = centre(r.lon(), r.lat());
            boolean alone = fixture.requests.stream()
                    .filter(o -> o.placed() && o.key() != r.key())
                    .noneMatch(o -> o.h3r10() == r.h3r10());
            if (alone && metres(r.lon(), r.lat(), c[0], c[1]) >= minMetres) {
                return r;
            }
        }
        throw new IllegalStateException("no fixture request of " + type + " so far from its centre");
    }

    /** Gives the requests {@link #ADDRESS} on {@link #STREET}, and {@link #BBL}, as an export would. */
    static void giveAnAddress(Database db, Fixture.Request... requests) throws SQLException {
        try (Connection c = db.open();
                PreparedStatement ps = c.prepareStatement("UPDATE service_request SET incident_address = ?,"
                        + " street_name = ?, bbl = ? WHERE unique_key = ?")) {
            for (Fixture.Request r : requests) {
                ps.setString(1, ADDRESS);
                ps.setString(2, STREET);
                ps.setString(3, BBL);
                ps.setLong(4, r.key());
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }
    }

    /** The tile {z, x, y} holding a point. */
    static int[] tileOf(int z, double lon, double lat) {
        double[] m = mercator(lon, lat);
        double size = tileSize(z);
        return new int[] {
            z,
            (int) Math.floor((m[0] + Math.PI * MERCATOR_RADIUS) / size),
            (int) Math.floor((Math.PI * MERCATOR_RADIUS - m[1]) / size)
        };
    }

    /** Where a point falls in tile (z, x, y), in tile units (y down), before PostGIS rounds it. */
    static double[] inTile(int[] tile, double lon, double lat) {
        double[] m = mercator(lon, lat);
        double size = tileSize(tile[0]);
        double west = -Math.PI * MERCATOR_RADIUS + tile[1] * size;
        double north = Math.PI * MERCATOR_RADIUS - tile[2] * size;
        return new double[] {(m[0] - west) / size * EXTENT, (north - m[1]) / size * EXTENT};
    }

    /** The points of the requests layer of a tile by unique key, in tile units; empty when none. */
    static Map<Long, List<Coordinate>> requestPoints(WebTestClient client, int[] tile, String query) {
        var result = client.get()
                .uri("/tiles/requests/" + tile[0] + "/" + tile[1] + "/" + tile[2] + ".mvt" + query)
                .exchange()
                .expectBody(byte[].class)
                .returnResult();
        Map<Long, List<Coordinate>> points = new java.util.HashMap<>();
        if (result.getStatus() == HttpStatus.NO_CONTENT) {
            return points;
        }
        try {
            JtsMvt mvt = MvtReader.loadMvt(
                    new ByteArrayInputStream(result.getResponseBody()),
                    new GeometryFactory(),
                    new TagKeyValueMapConverter());
            JtsLayer layer = mvt.getLayer("requests");
            if (layer != null) {
                for (Geometry g : layer.getGeometries()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> props = (Map<String, Object>) g.getUserData();
                    long key = ((Number) props.get("unique_key")).longValue();
                    points.computeIfAbsent(key, k -> new ArrayList<>()).add(g.getCoordinate());
                }
            }
            return points;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that the request is drawn once in its own point's tile at zoom z, at that point. */
    static void assertDrawnAtItsOwnPoint(WebTestClient client, int z, Fixture.Request r) {
        int[] tile = tileOf(z, r.lon(), r.lat());
        List<Coordinate> drawn = requestPoints(client, tile, "").get(r.key());
        double[] want = inTile(tile, r.lon(), r.lat());
        assertThat(drawn).hasSize(1);
        assertThat(drawn.get(0).x).isCloseTo(want[0], Offset.offset(0.5));
        assertThat(drawn.get(0).y).isCloseTo(want[1], Offset.offset(0.5));
    }

    private static double[] mercator(double lon, double lat) {
        return new double[] {
            Math.toRadians(lon) * MERCATOR_RADIUS,
            Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)) * MERCATOR_RADIUS
        };
    }

    private static double tileSize(int z) {
        return 2 * Math.PI * MERCATOR_RADIUS / (1 << z);
    }

    private static H3Core h3() {
        try {
            return H3Core.newInstance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
