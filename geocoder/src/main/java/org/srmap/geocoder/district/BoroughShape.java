package org.srmap.geocoder.district;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * A borough outline, for loading into the database.
 *
 * @param code 1 Manhattan, 2 Bronx, 3 Brooklyn, 4 Queens, 5 Staten Island
 * @param name the name as the boundary file spells it, e.g. {@code Staten Island}
 * @param geometry its Polygon or MultiPolygon in WGS84 (SRID 4326); treat as read-only
 */
public record BoroughShape(int code, String name, Geometry geometry) {

    /** Rejects unknown codes, blank names and non-polygonal geometries. */
    public BoroughShape {
        if (code < 1 || code > 5) {
            throw new IllegalArgumentException("code must be 1..5, was " + code);
        }
        Objects.requireNonNull(name, "name must not be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank (borough " + code + ")");
        }
        Objects.requireNonNull(geometry, "geometry must not be null");
        if (!(geometry instanceof Polygonal)) {
            throw new IllegalArgumentException("geometry of borough " + code
                    + " must be a Polygon or MultiPolygon, was " + geometry.getGeometryType());
        }
    }
}
