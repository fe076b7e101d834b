package org.srmap.geocoder.district;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * A community district or joint interest area outline, for loading into the database.
 *
 * @param boroCd borough digit x 100 + district number, e.g. 307; or a joint interest area such as 355
 * @param geometry its Polygon or MultiPolygon in WGS84 (SRID 4326); treat as read-only
 */
public record DistrictShape(int boroCd, Geometry geometry) {

    /** Rejects unknown BoroCD codes and non-polygonal geometries. */
    public DistrictShape {
        if (!CommunityBoards.isRegularDistrict(boroCd) && !CommunityBoards.isJointInterestArea(boroCd)) {
            throw new IllegalArgumentException(
                    "boroCd must be a community district or joint interest area, was " + boroCd);
        }
        Objects.requireNonNull(geometry, "geometry must not be null");
        if (!(geometry instanceof Polygonal)) {
            throw new IllegalArgumentException("geometry of district " + boroCd
                    + " must be a Polygon or MultiPolygon, was " + geometry.getGeometryType());
        }
    }

    /** The borough code, 1..5. */
    public int boroCode() {
        return boroCd / 100;
    }

    /** Whether this is one of the 59 community districts rather than a joint interest area. */
    public boolean regular() {
        return CommunityBoards.isRegularDistrict(boroCd);
    }
}
