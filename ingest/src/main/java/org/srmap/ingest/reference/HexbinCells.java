package org.srmap.ingest.reference;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBWriter;
import org.srmap.geocoder.crs.LonLat;
import org.srmap.geocoder.crs.Projections;
import org.srmap.geocoder.h3.H3Cells;

/**
 * The outlines of the H3 cells the tile server's hexbins draw (resolutions {@link #MIN_RES} up to
 * the rollup's), for every cell a placed request or its rollup cell's parent can fall in: the box
 * every placed point lies in, widened by {@link #MARGIN_DEGREES} (more than a resolution-6 cell's
 * diameter). About 7,000 cells; PostgreSQL has no H3, so the tile query joins these.
 */
final class HexbinCells {
    /** The coarsest hexbin resolution (zoom 0-9). */
    static final int MIN_RES = 6;

    static final double MARGIN_DEGREES = 0.1;

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private HexbinCells() {}

    /** Inserts the cells in the caller's transaction (the table was emptied with the reference data). */
    static int load(Connection c) throws SQLException {
        WKBWriter wkb = new WKBWriter();
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement(ReferenceSql.INSERT_H3_CELL)) {
            for (int res = MIN_RES; res <= H3Cells.ROLLUP_RES; res++) {
                List<Long> cells = ofTheCity(res, MARGIN_DEGREES);
                for (long cell : cells) {
                    ps.setLong(1, cell);
                    ps.setInt(2, res);
                    ps.setBytes(3, wkb.write(outline(cell)));
                    ps.addBatch();
                    n++;
                }
            }
            ps.executeBatch();
        }
        return n;
    }

    /** The cells at {@code res} whose centres lie in the box every placed point lies in, widened by {@code margin}. */
    static List<Long> ofTheCity(int res, double marginDegrees) {
        return H3Cells.cellsCovering(
                Projections.NYC_MIN_LON,
                Projections.NYC_MIN_LAT,
                Projections.NYC_MAX_LON,
                Projections.NYC_MAX_LAT,
                marginDegrees,
                res);
    }

    private static Polygon outline(long cell) {
        List<LonLat> corners = H3Cells.boundary(cell);
        Coordinate[] ring = new Coordinate[corners.size() + 1];
        for (int i = 0; i < corners.size(); i++) {
            ring[i] = new Coordinate(corners.get(i).lon(), corners.get(i).lat());
        }
        ring[corners.size()] = ring[0];
        return FACTORY.createPolygon(ring);
    }
}
