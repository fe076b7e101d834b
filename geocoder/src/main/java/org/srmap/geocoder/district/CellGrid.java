package org.srmap.geocoder.district;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * A square grid over the polygons of a {@link PolygonIndex}, in its local metre frame, that answers
 * most lookups without a point-in-polygon test: a cell that no polygon touches is {@link #OUTSIDE};
 * a cell touched by exactly one polygon that covers it whole holds that polygon's id; every other
 * cell is {@link #MIXED} and the caller tests exactly. Immutable once built.
 */
final class CellGrid {
    static final int OUTSIDE = Integer.MIN_VALUE;
    static final int MIXED = Integer.MIN_VALUE + 1;

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final double minX;
    private final double minY;
    private final double cell;
    private final int nx;
    private final int ny;
    private final int[] cells;

    private CellGrid(double minX, double minY, double cell, int nx, int ny, int[] cells) {
        this.minX = minX;
        this.minY = minY;
        this.cell = cell;
        this.nx = nx;
        this.ny = ny;
        this.cells = cells;
    }

    static CellGrid build(STRtree tree, List<Geometry> polygons, double cellSize) {
        Envelope extent = new Envelope();
        polygons.forEach(g -> extent.expandToInclude(g.getEnvelopeInternal()));
        if (extent.isNull()) {
            return new CellGrid(0, 0, cellSize, 0, 0, new int[0]);
        }
        int nx = Math.max(1, (int) Math.ceil(extent.getWidth() / cellSize));
        int ny = Math.max(1, (int) Math.ceil(extent.getHeight() / cellSize));
        int[] cells = new int[nx * ny];
        for (int iy = 0; iy < ny; iy++) {
            for (int ix = 0; ix < nx; ix++) {
                Envelope box = new Envelope(
                        extent.getMinX() + ix * cellSize,
                        extent.getMinX() + (ix + 1) * cellSize,
                        extent.getMinY() + iy * cellSize,
                        extent.getMinY() + (iy + 1) * cellSize);
                cells[iy * nx + ix] = classify(tree, box);
            }
        }
        return new CellGrid(extent.getMinX(), extent.getMinY(), cellSize, nx, ny, cells);
    }

    /** The id of the only polygon covering the cell of (x, y), or {@link #OUTSIDE} or {@link #MIXED}. */
    int lookup(double x, double y) {
        double fx = (x - minX) / cell;
        double fy = (y - minY) / cell;
        if (!(fx >= 0 && fy >= 0 && fx < nx && fy < ny)) {
            return fx >= 0 && fy >= 0 && fx <= nx && fy <= ny ? MIXED : OUTSIDE;
        }
        return cells[(int) fy * nx + (int) fx];
    }

    private static int classify(STRtree tree, Envelope box) {
        Geometry rect = FACTORY.toGeometry(box);
        PolygonIndex.Indexed only = null;
        for (Object hit : tree.query(box)) {
            PolygonIndex.Indexed candidate = (PolygonIndex.Indexed) hit;
            if (candidate.prepared().intersects(rect)) {
                if (only != null) {
                    return MIXED;
                }
                only = candidate;
            }
        }
        if (only == null) {
            return OUTSIDE;
        }
        return only.prepared().covers(rect) ? only.id() : MIXED;
    }
}
