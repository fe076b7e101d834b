package org.srmap.siting.points;

/**
 * A demand unit or candidate site at a WGS 84 position.
 *
 * @param id unique within its file, not blank
 * @param lat latitude, -90..90
 * @param lon longitude, -180..180
 * @param weight demand weight (complaints, buildings, people), at least 0; 1 when not given
 * @param capacity how much demand a site can serve, above 0; infinite when not given
 */
public record Point(String id, double lat, double lon, double weight, double capacity) {
    public Point {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("lat must be -90..90, was " + lat);
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("lon must be -180..180, was " + lon);
        }
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be a number >= 0, was " + weight);
        }
        if (!(capacity > 0)) {
            throw new IllegalArgumentException("capacity must be a number > 0, was " + capacity);
        }
    }

    /** A point of weight 1 and no capacity limit. */
    public static Point of(String id, double lat, double lon) {
        return new Point(id, lat, lon, 1, Double.POSITIVE_INFINITY);
    }
}
