package org.srmap.geocoder.crs;

/**
 * A WGS84 position in decimal degrees, longitude first as in GeoJSON.
 *
 * @param lon longitude, -180..180
 * @param lat latitude, -90..90
 */
public record LonLat(double lon, double lat) {

    /** Rejects non-finite and out-of-range values. */
    public LonLat {
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("lon must be -180..180, was " + lon);
        }
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("lat must be -90..90, was " + lat);
        }
    }
}
