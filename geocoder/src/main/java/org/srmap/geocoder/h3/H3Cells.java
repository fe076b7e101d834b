package org.srmap.geocoder.h3;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.srmap.geocoder.crs.LonLat;

/**
 * H3 cells (Uber's hexagonal grid, library version 4) as used by the map server: each service request
 * stores its cell at {@link #POINT_RES}, daily rollups keep {@link #ROLLUP_RES}, and map hexbins pick a
 * resolution from the zoom level with {@link #resolutionForZoom}.
 *
 * <p>H3 cells do not nest exactly: a point's res-10 cell can have as parent a res-8 cell other than the
 * one that contains the point (about 6% of NYC points). Derive coarser cells from the stored point cell
 * with {@link #parent}, never by indexing the point again, so that rollups and drill-downs agree.
 *
 * <p>Thread-safe: the one {@link H3Core}, created when this class loads, holds no mutable state.
 */
public final class H3Cells {

    /** The resolution of the coarse cells kept in daily rollups (about 0.74 km² each). */
    public static final int ROLLUP_RES = 8;

    /** The finest resolution stored for each service request (about 0.015 km² each). */
    public static final int POINT_RES = 10;

    private static final int MAX_RES = 15;

    private static final H3Core H3 = loadH3();

    private H3Cells() {}

    /**
     * The cell containing a point.
     *
     * @param lat latitude, -90..90
     * @param lon longitude, -180..180
     * @param res resolution, 0..15
     * @throws IllegalArgumentException if a value is out of range
     */
    public static long cell(double lat, double lon, int res) {
        LonLat valid = new LonLat(lon, lat);
        checkRes(res);
        return H3.latLngToCell(valid.lat(), valid.lon(), res);
    }

    /**
     * The ancestor of a cell at a coarser (or the same) resolution.
     *
     * @param res resolution, 0 up to the cell's own
     * @throws IllegalArgumentException if the cell is not valid or res is out of range
     */
    public static long parent(long cell, int res) {
        int own = resolution(cell);
        if (res < 0 || res > own) {
            throw new IllegalArgumentException("res must be 0.." + own + " (the cell's resolution), was " + res);
        }
        return H3.cellToParent(cell, res);
    }

    /**
     * The resolution of a cell, 0..15.
     *
     * @throws IllegalArgumentException if the cell is not valid
     */
    public static int resolution(long cell) {
        checkCell(cell);
        return H3.getResolution(cell);
    }

    /**
     * The centre of a cell.
     *
     * @throws IllegalArgumentException if the cell is not valid
     */
    public static LonLat center(long cell) {
        checkCell(cell);
        return toLonLat(H3.cellToLatLng(cell));
    }

    /**
     * The corners of a cell in order (six for a hexagon, five for a pentagon, occasionally more where a
     * cell crosses an icosahedron edge), not closed: the first corner is not repeated at the end.
     *
     * @return an unmodifiable list
     * @throws IllegalArgumentException if the cell is not valid
     */
    public static List<LonLat> boundary(long cell) {
        checkCell(cell);
        return H3.cellToBoundary(cell).stream().map(H3Cells::toLonLat).toList();
    }

    /**
     * The hexbin resolution for a web-map zoom level, so that a cell spans roughly 20 to 60 screen pixels
     * at New York's latitude: zoom 0-10 gives 6, 11 gives 7, 12 gives 8 (= {@link #ROLLUP_RES}), 13
     * gives 9, 14 and above give 10 (= {@link #POINT_RES}). Zoom 10 takes 6, not 7, because its tile
     * spans half the city and would otherwise sum seven times as many cells.
     *
     * @param z zoom level, 0..30
     * @throws IllegalArgumentException if z is out of range
     */
    public static int resolutionForZoom(int z) {
        if (z < 0 || z > 30) {
            throw new IllegalArgumentException("z must be 0..30, was " + z);
        }
        if (z <= 10) {
            return 6;
        } else if (z == 11) {
            return 7;
        } else if (z <= 13) {
            return z - 4;
        }
        return POINT_RES;
    }

    private static void checkRes(int res) {
        if (res < 0 || res > MAX_RES) {
            throw new IllegalArgumentException("res must be 0.." + MAX_RES + ", was " + res);
        }
    }

    /**
     * Every cell at {@code res} that a point of the box, or the parent at {@code res} of such a
     * point's finer cell, can fall in: the cells whose centres lie in the box widened by
     * {@code marginDegrees} (at least the cell's diameter: a cell holds points up to a radius from its
     * centre, and a parent lies within about a radius of its children).
     *
     * @throws IllegalArgumentException if the box is empty or res is out of range
     */
    public static List<Long> cellsCovering(
            double minLon, double minLat, double maxLon, double maxLat, double marginDegrees, int res) {
        checkRes(res);
        if (!(minLon < maxLon && minLat < maxLat) || !(marginDegrees >= 0)) {
            throw new IllegalArgumentException("the box must not be empty and the margin >= 0, was " + minLon + ","
                    + minLat + " .. " + maxLon + "," + maxLat + " margin " + marginDegrees);
        }
        double w = minLon - marginDegrees;
        double s = minLat - marginDegrees;
        double e = maxLon + marginDegrees;
        double n = maxLat + marginDegrees;
        List<LatLng> ring = List.of(new LatLng(s, w), new LatLng(s, e), new LatLng(n, e), new LatLng(n, w));
        return List.copyOf(H3.polygonToCells(ring, List.of(), res));
    }

    private static void checkCell(long cell) {
        if (!H3.isValidCell(cell)) {
            throw new IllegalArgumentException("cell must be a valid H3 cell, was " + Long.toHexString(cell));
        }
    }

    private static LonLat toLonLat(LatLng point) {
        return new LonLat(point.lng, point.lat);
    }

    private static H3Core loadH3() {
        try {
            return H3Core.newInstance();
        } catch (IOException e) {
            throw new UncheckedIOException("the H3 native library cannot be loaded: " + e.getMessage(), e);
        }
    }
}
