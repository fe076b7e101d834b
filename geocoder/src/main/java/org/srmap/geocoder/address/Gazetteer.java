package org.srmap.geocoder.address;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.srmap.geocoder.crs.LonLat;

/**
 * Places addresses from points seen before: fed with the rows that carry both an address and a
 * position, it gives a position to rows that carry only the address.
 *
 * <p>An address's position is the mean of the points added for it. That is robust enough here: the
 * points of one address are 311's own geocodes of it, normally identical or a few metres apart.
 *
 * <p>Rows without a ZIP get keys by borough, which never equal the ZIP keys of the same address. To
 * place them too, add each geocoded row under both {@code normalize(address, zip, borough)} and {@code
 * normalize(address, null, borough)}, and look up by the ZIP key first, then by the borough key.
 *
 * <p>Memory: one map entry per distinct address, keyed by a single string ({@code
 * houseNumber|street|zip}) with an immutable sum of longitudes, latitudes and a count (about 150 bytes
 * an address in all, so a few million addresses fit in a few hundred megabytes).
 *
 * <p>Thread-safe: {@link #add} and {@link #lookup} may both be called from several threads at once, each
 * {@code add} is atomic, and a lookup sees the adds that completed before it.
 */
public final class Gazetteer {

    /** The running sums of one address: immutable, replaced on every add. */
    private record Sum(double lon, double lat, int count) {
        Sum plus(Sum other) {
            return new Sum(lon + other.lon, lat + other.lat, count + other.count);
        }
    }

    private final ConcurrentHashMap<String, Sum> sums = new ConcurrentHashMap<>();

    /** An empty gazetteer. */
    public Gazetteer() {}

    /**
     * Records that an address was seen at a point.
     *
     * @throws IllegalArgumentException if the position is not a valid longitude/latitude
     */
    public void add(AddressKey key, double lon, double lat) {
        Objects.requireNonNull(key, "key must not be null");
        LonLat valid = new LonLat(lon, lat);
        sums.merge(key.compact(), new Sum(valid.lon(), valid.lat(), 1), Sum::plus);
    }

    /** The mean position of the points added for an address, or empty if none were. */
    public Optional<LonLat> lookup(AddressKey key) {
        Objects.requireNonNull(key, "key must not be null");
        Sum sum = sums.get(key.compact());
        return sum == null ? Optional.empty() : Optional.of(new LonLat(sum.lon / sum.count, sum.lat / sum.count));
    }

    /** The number of distinct addresses. */
    public int size() {
        return sums.size();
    }
}
