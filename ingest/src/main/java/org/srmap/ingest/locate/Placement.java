package org.srmap.ingest.locate;

/**
 * Where a service request is: the point, how it was found, the community district and borough
 * containing it (0 when none) and its H3 cells. {@link #NONE} is an SR without a point.
 */
public record Placement(Source source, double lon, double lat, int boroCd, int boroCode, long h3r8, long h3r10) {
    /** How the point was found; the names are the {@code location_source} values in the database. */
    public enum Source {
        LATLON("latlon"),
        STATEPLANE("stateplane"),
        GAZETTEER("gazetteer");

        private final String code;

        Source(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** No point. */
    public static final Placement NONE = new Placement(null, Double.NaN, Double.NaN, 0, 0, 0L, 0L);

    public Placement {
        if (source != null && (!Double.isFinite(lon) || !Double.isFinite(lat))) {
            throw new IllegalArgumentException("a placed SR needs finite lon/lat, was " + lon + ", " + lat);
        }
        if (boroCd != 0 && (boroCd < 101 || boroCd > 599)) {
            throw new IllegalArgumentException("boroCd must be 101..599 or 0, was " + boroCd);
        }
    }

    public boolean placed() {
        return source != null;
    }
}
