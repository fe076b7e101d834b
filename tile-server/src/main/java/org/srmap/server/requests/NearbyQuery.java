package org.srmap.server.requests;

/**
 * A search for the requests within {@code radius} metres of a point, one page of them.
 *
 * @param page 1-based
 */
public record NearbyQuery(double lat, double lon, double radius, int page, int pageSize) {
    /** The widest search, in metres: a neighbourhood, not the city. */
    public static final double MAX_RADIUS = 2_000;

    public static final int MAX_PAGE_SIZE = 200;
    public static final int DEFAULT_PAGE_SIZE = 50;

    public NearbyQuery {
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("lat must be -90..90, was " + lat);
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("lon must be -180..180, was " + lon);
        }
        if (!(radius > 0 && radius <= MAX_RADIUS)) {
            throw new IllegalArgumentException(
                    "radius must be more than 0 and at most " + (int) MAX_RADIUS + " metres, was " + radius);
        }
        if (page < 1 || page > 10_000) {
            throw new IllegalArgumentException("page must be 1..10000, was " + page);
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page_size must be 1.." + MAX_PAGE_SIZE + ", was " + pageSize);
        }
    }

    /** Rows to skip before this page. */
    public long offset() {
        return (long) (page - 1) * pageSize;
    }
}
