package org.srmap.geocoder.district;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Finds which of a set of WGS84 polygons contains a point: an STRtree over prepared geometries.
 *
 * <p><b>Which polygon wins.</b> A point on a boundary counts as inside (covers, not contains). When
 * several polygons contain a point, the winner is the first by: regular polygons before non-regular
 * ones (for districts: a community district before an overlapping joint interest area), then the
 * smallest area, then the smallest id. The same order breaks ties in {@link #nearest}.
 *
 * <p><b>Metres.</b> The polygons are held in a local equirectangular frame in metres, centred on the
 * middle of their extent. Containment is exact; distances are accurate to well under 1% within a few
 * tens of kilometres of the centre, so the index suits a city, not a continent.
 *
 * <p><b>Threads.</b> Immutable once built, and safe for concurrent queries: the tree is built and every
 * geometry's lazily computed parts are forced in the constructor. JTS still takes two short locks per
 * query (the STRtree's built check and the prepared polygon's locator getter): correct, but a place to
 * look first if many threads ever contend.
 */
public final class PolygonIndex {

    /**
     * One polygon to index.
     *
     * @param id what {@link #locate} returns for a point inside this polygon
     * @param geometry a non-empty Polygon or MultiPolygon in WGS84 longitude/latitude
     * @param regular false for polygons that should lose to a regular polygon that also contains the
     *     point (such as joint interest areas against districts)
     */
    public record Entry(int id, Geometry geometry, boolean regular) {

        /** Rejects missing, empty and non-polygonal geometries, and the two ids the grid reserves. */
        public Entry {
            Objects.requireNonNull(geometry, "geometry must not be null");
            if (id == CellGrid.OUTSIDE || id == CellGrid.MIXED) {
                throw new IllegalArgumentException("id must be above " + CellGrid.MIXED + ", was " + id);
            }
            if (!(geometry instanceof Polygonal) || geometry.isEmpty()) {
                throw new IllegalArgumentException("geometry of id " + id
                        + " must be a non-empty Polygon or MultiPolygon, was " + geometry.getGeometryType()
                        + (geometry.isEmpty() ? " (empty)" : ""));
            }
        }

        /** A regular entry. */
        public Entry(int id, Geometry geometry) {
            this(id, geometry, true);
        }
    }

    /** One indexed polygon in the local frame; {@code rank} orders the winners (lower wins). */
    record Indexed(int id, int rank, PreparedGeometry prepared) {}

    private static final GeometryFactory LOCAL = new GeometryFactory();

    /** WGS84 to the local frame; only read after construction, so shared by all threads. */
    private final AffineTransformation toLocal;

    private final STRtree tree;
    private final int size;
    private final CellGrid grid;

    private PolygonIndex(List<Entry> entries) {
        Envelope extent = new Envelope();
        for (Entry entry : entries) {
            extent.expandToInclude(entry.geometry().getEnvelopeInternal());
        }
        double originLon = entries.isEmpty() ? 0 : extent.centre().x;
        double originLat = entries.isEmpty() ? 0 : extent.centre().y;
        double phi = Math.toRadians(originLat);
        // Lengths of a degree on the WGS84 ellipsoid at the origin's latitude.
        double metresPerDegreeLat = 111_132.92 - 559.82 * Math.cos(2 * phi) + 1.175 * Math.cos(4 * phi);
        double metresPerDegreeLon = 111_412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi) + 0.118 * Math.cos(5 * phi);
        // Points are transformed by the same object as the polygons, so that a vertex stays on the boundary.
        toLocal = AffineTransformation.translationInstance(-originLon, -originLat)
                .scale(metresPerDegreeLon, metresPerDegreeLat);

        List<Geometry> local = new ArrayList<>(entries.size());
        List<Integer> order = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            local.add(toLocal.transform(entries.get(i).geometry()));
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> entries.get(i).regular() ? 0 : 1)
                .thenComparingDouble(i -> local.get(i).getArea())
                .thenComparingInt(i -> entries.get(i).id()));

        tree = new STRtree();
        Point farAway = LOCAL.createPoint(new Coordinate(1e9, 1e9));
        for (int rank = 0; rank < order.size(); rank++) {
            int i = order.get(rank);
            Geometry geometry = local.get(i);
            PreparedGeometry prepared = PreparedGeometryFactory.prepare(geometry);
            // Force JTS's lazily built parts now, so that queries only read shared state.
            prepared.covers(geometry.getInteriorPoint());
            geometry.distance(farAway);
            tree.insert(
                    geometry.getEnvelopeInternal(), new Indexed(entries.get(i).id(), rank, prepared));
        }
        tree.build();
        size = entries.size();
        grid = CellGrid.build(tree, local, GRID_CELL_METRES);
    }

    /** Side of the lookup grid's cells: coarse enough to build in well under a second for the city. */
    static final double GRID_CELL_METRES = 400;

    /**
     * Builds an index.
     *
     * @param entries the polygons, possibly overlapping; ids need not be distinct
     * @return an immutable index
     */
    public static PolygonIndex of(List<Entry> entries) {
        return new PolygonIndex(List.copyOf(entries));
    }

    /** The number of indexed polygons. */
    public int size() {
        return size;
    }

    /**
     * Finds the polygon containing a point, boundary included; see the class comment for which one wins
     * when several do.
     *
     * @return the winner's id, or empty if no polygon contains the point or the position is not a valid
     *     longitude/latitude
     */
    public OptionalInt locate(double lon, double lat) {
        if (!isPosition(lon, lat)) {
            return OptionalInt.empty();
        }
        Point point = toLocal(lon, lat);
        int cell = grid.lookup(point.getX(), point.getY());
        if (cell == CellGrid.OUTSIDE) {
            return OptionalInt.empty();
        }
        if (cell != CellGrid.MIXED) {
            return OptionalInt.of(cell);
        }
        return exact(point);
    }

    /** {@link #locate} without the grid: the reference the grid must agree with. */
    OptionalInt locateExact(double lon, double lat) {
        return isPosition(lon, lat) ? exact(toLocal(lon, lat)) : OptionalInt.empty();
    }

    private OptionalInt exact(Point point) {
        Indexed best = null;
        for (Object hit : tree.query(point.getEnvelopeInternal())) {
            Indexed candidate = (Indexed) hit;
            if ((best == null || candidate.rank() < best.rank())
                    && candidate.prepared().covers(point)) {
                best = candidate;
            }
        }
        return best == null ? OptionalInt.empty() : OptionalInt.of(best.id());
    }

    /**
     * Finds the polygon containing a point or, failing that, the nearest one within a distance: for
     * points just off a coast, on a pier or across a boundary street.
     *
     * @param maxMetres how far from the point a polygon may be, 0 or more
     * @return the id of the containing polygon if any, else of the nearest polygon within {@code
     *     maxMetres}; empty if none or if the position is not a valid longitude/latitude
     * @throws IllegalArgumentException if maxMetres is negative or not finite
     */
    public OptionalInt nearest(double lon, double lat, double maxMetres) {
        if (!(maxMetres >= 0 && maxMetres < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("maxMetres must be finite and at least 0, was " + maxMetres);
        }
        OptionalInt inside = locate(lon, lat);
        if (inside.isPresent() || !isPosition(lon, lat)) {
            return inside;
        }
        Point point = toLocal(lon, lat);
        Envelope search = new Envelope(point.getCoordinate());
        search.expandBy(maxMetres);
        Indexed best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Object hit : tree.query(search)) {
            Indexed candidate = (Indexed) hit;
            double distance = candidate.prepared().getGeometry().distance(point);
            int byDistance = Double.compare(distance, bestDistance);
            boolean better = best == null || byDistance < 0 || (byDistance == 0 && candidate.rank() < best.rank());
            if (distance <= maxMetres && better) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best == null ? OptionalInt.empty() : OptionalInt.of(best.id());
    }

    private Point toLocal(double lon, double lat) {
        return LOCAL.createPoint(toLocal.transform(new Coordinate(lon, lat), new Coordinate()));
    }

    private static boolean isPosition(double lon, double lat) {
        return lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
    }
}
