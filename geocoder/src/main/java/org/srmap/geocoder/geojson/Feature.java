package org.srmap.geocoder.geojson;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One GeoJSON feature: its properties and its geometry in WGS84 longitude/latitude (SRID 4326).
 *
 * <p>The properties map is an unmodifiable copy in file order; values are what Jackson makes of JSON:
 * {@link String}, {@link Integer}/{@link Long}/{@link java.math.BigInteger}, {@link Double}, {@link
 * Boolean}, {@link java.util.List}, {@link Map}, or {@code null}. JTS geometries are mutable objects:
 * treat the geometry as read-only, since it may be shared by several threads.
 *
 * @param properties the feature's properties, possibly empty, never null
 * @param geometry the feature's geometry, never null
 */
public record Feature(Map<String, Object> properties, Geometry geometry) {

    /** Copies the properties and rejects nulls. */
    public Feature {
        Objects.requireNonNull(properties, "properties must not be null");
        Objects.requireNonNull(geometry, "geometry must not be null");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }
}
