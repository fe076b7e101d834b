package org.srmap.ingest.load;

/**
 * One distinct address input's gazetteer keys, and the points that rows loaded straight into
 * service_request placed at it, summed until the {@link GazetteerLearner} writes them out. The
 * caller remembers one instance per input, so learning a point costs no lookup of its own. Not
 * thread-safe: one ingest thread uses it.
 */
public final class GazetteerAddress {
    /** No address: nothing to learn. */
    public static final GazetteerAddress NONE = new GazetteerAddress(null, null);

    private final String zipKey;
    private final String boroughKey;
    private GazetteerLearner owner;
    private double sumLon;
    private double sumLat;
    private long n;

    /**
     * @param zipKey the address's key within its ZIP code, or null
     * @param boroughKey its key within its borough, or null
     */
    public GazetteerAddress(String zipKey, String boroughKey) {
        this.zipKey = zipKey;
        this.boroughKey = boroughKey;
    }

    /** The key within the ZIP code, or null. */
    public String zipKey() {
        return zipKey;
    }

    /** The key within the borough, or null. */
    public String boroughKey() {
        return boroughKey;
    }

    boolean hasKey() {
        return zipKey != null || boroughKey != null;
    }

    /**
     * Adds a point for {@code learner}; true when this is the first since the learner last wrote
     * it out, so the learner must remember to write it. Sums left by another learner (a source
     * that failed before writing them) are discarded, as that source's rows were.
     */
    boolean add(GazetteerLearner learner, double lon, double lat) {
        boolean first = owner != learner || n == 0;
        if (first) {
            owner = learner;
            sumLon = 0;
            sumLat = 0;
            n = 0;
        }
        sumLon += lon;
        sumLat += lat;
        n++;
        return first;
    }

    double sumLon() {
        return sumLon;
    }

    double sumLat() {
        return sumLat;
    }

    long n() {
        return n;
    }

    /** Forgets the sums once written. */
    void written() {
        n = 0;
        sumLon = 0;
        sumLat = 0;
    }
}
