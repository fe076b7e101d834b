package org.srmap.geocoder.crs;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Conversions between WGS84 longitude/latitude, New York State Plane Long Island (EPSG:2263, US survey
 * feet, the system of the 311 {@code X/Y Coordinate (State Plane)} columns) and Web Mercator
 * (EPSG:3857, metres).
 *
 * <p>All methods are thread-safe. proj4j transforms keep mutable state, so each thread gets its own
 * (a {@link ThreadLocal}); Web Mercator is closed-form. EPSG:2263 is defined by its proj4 parameters
 * below, so no EPSG database file is read. NAD83 is taken as equal to WGS84 (no datum shift), as NYC's
 * own published latitudes and longitudes do; the two differ by about a metre.
 */
public final class Projections {

    /** EPSG:2263, NAD83 / New York Long Island (ftUS). The false easting {@code x_0} is in metres. */
    static final String STATE_PLANE_PARAMETERS = "+proj=lcc +lat_1=41.03333333333333 +lat_2=40.66666666666666"
            + " +lat_0=40.16666666666666 +lon_0=-74 +x_0=300000 +y_0=0 +ellps=GRS80"
            + " +towgs84=0,0,0,0,0,0,0 +units=us-ft +no_defs";

    private static final String WGS84_PARAMETERS = "+proj=longlat +datum=WGS84 +no_defs";

    /** The sphere radius of Web Mercator, the WGS84 semi-major axis in metres. */
    private static final double WEB_MERCATOR_RADIUS = 6_378_137.0;

    /** Half the width of the Web Mercator square, in metres. */
    private static final double WEB_MERCATOR_HALF_WIDTH = Math.PI * WEB_MERCATOR_RADIUS;

    /** The latitude at which Web Mercator's square ends; latitudes beyond are clamped to it. */
    static final double WEB_MERCATOR_MAX_LAT = Math.toDegrees(Math.atan(Math.sinh(Math.PI)));

    /** The box of {@link #insideNycEnvelope}: every point the ingest places lies in it. */
    public static final double NYC_MIN_LON = -74.30;

    public static final double NYC_MAX_LON = -73.65;
    public static final double NYC_MIN_LAT = 40.45;
    public static final double NYC_MAX_LAT = 40.95;

    private static final ThreadLocal<StatePlaneTransforms> STATE_PLANE =
            ThreadLocal.withInitial(StatePlaneTransforms::new);

    private Projections() {}

    /**
     * Converts an EPSG:2263 State Plane position to WGS84.
     *
     * @param xFeet easting in US survey feet
     * @param yFeet northing in US survey feet
     * @throws IllegalArgumentException if a value is not finite or the result is not a valid position
     */
    public static LonLat statePlaneToWgs84(double xFeet, double yFeet) {
        requireFinite("xFeet", xFeet);
        requireFinite("yFeet", yFeet);
        StatePlaneTransforms t = STATE_PLANE.get();
        ProjCoordinate out = t.run(t.toWgs84, xFeet, yFeet);
        return new LonLat(out.x, out.y);
    }

    /**
     * Converts a WGS84 position to EPSG:2263 State Plane.
     *
     * @return {@code {xFeet, yFeet}} in US survey feet
     * @throws IllegalArgumentException if the position is invalid
     */
    public static double[] wgs84ToStatePlane(double lon, double lat) {
        LonLat valid = new LonLat(lon, lat);
        StatePlaneTransforms t = STATE_PLANE.get();
        ProjCoordinate out = t.run(t.toStatePlane, valid.lon(), valid.lat());
        return new double[] {out.x, out.y};
    }

    /**
     * Converts a WGS84 position to Web Mercator (EPSG:3857). Latitudes beyond ±85.0511° are
     * clamped to the edge of the projection, as web maps do.
     *
     * @return {@code {x, y}} in metres
     * @throws IllegalArgumentException if the position is invalid
     */
    public static double[] wgs84ToWebMercator(double lon, double lat) {
        LonLat valid = new LonLat(lon, lat);
        double clampedLat = Math.max(-WEB_MERCATOR_MAX_LAT, Math.min(WEB_MERCATOR_MAX_LAT, valid.lat()));
        double x = WEB_MERCATOR_RADIUS * Math.toRadians(valid.lon());
        double y = WEB_MERCATOR_RADIUS * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(clampedLat) / 2));
        return new double[] {x, y};
    }

    /**
     * Converts a Web Mercator (EPSG:3857) position in metres to WGS84.
     *
     * @throws IllegalArgumentException if a value is not finite or lies outside the projection's square
     */
    public static LonLat webMercatorToWgs84(double x, double y) {
        requireFinite("x", x);
        requireFinite("y", y);
        double tolerance = 1e-6;
        if (Math.abs(x) > WEB_MERCATOR_HALF_WIDTH + tolerance) {
            throw new IllegalArgumentException("x must be within ±" + WEB_MERCATOR_HALF_WIDTH + " m, was " + x);
        }
        if (Math.abs(y) > WEB_MERCATOR_HALF_WIDTH + tolerance) {
            throw new IllegalArgumentException("y must be within ±" + WEB_MERCATOR_HALF_WIDTH + " m, was " + y);
        }
        double lon = Math.toDegrees(x / WEB_MERCATOR_RADIUS);
        double lat = Math.toDegrees(Math.atan(Math.sinh(y / WEB_MERCATOR_RADIUS)));
        return new LonLat(Math.max(-180, Math.min(180, lon)), lat);
    }

    /**
     * Tells whether a WGS84 position lies in a generous box around the five boroughs (longitude
     * -74.30..-73.65, latitude 40.45..40.95). Use it to reject misplaced points (zeros, swapped axes);
     * it says nothing about being on land or inside the city limits. NaN gives false.
     */
    public static boolean insideNycEnvelope(double lon, double lat) {
        return lon >= NYC_MIN_LON && lon <= NYC_MAX_LON && lat >= NYC_MIN_LAT && lat <= NYC_MAX_LAT;
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, was " + value);
        }
    }

    /** One thread's proj4j transforms, with scratch coordinates; never shared between threads. */
    private static final class StatePlaneTransforms {
        final CoordinateTransform toWgs84;
        final CoordinateTransform toStatePlane;
        private final ProjCoordinate in = new ProjCoordinate();
        private final ProjCoordinate out = new ProjCoordinate();

        StatePlaneTransforms() {
            CRSFactory crs = new CRSFactory();
            CoordinateReferenceSystem statePlane = crs.createFromParameters("EPSG:2263", STATE_PLANE_PARAMETERS);
            CoordinateReferenceSystem wgs84 = crs.createFromParameters("EPSG:4326", WGS84_PARAMETERS);
            CoordinateTransformFactory transforms = new CoordinateTransformFactory();
            toWgs84 = transforms.createTransform(statePlane, wgs84);
            toStatePlane = transforms.createTransform(wgs84, statePlane);
        }

        /** Runs one transform; the returned coordinate is reused by the next call on this thread. */
        ProjCoordinate run(CoordinateTransform transform, double x, double y) {
            in.setValue(x, y);
            return transform.transform(in, out);
        }
    }
}
