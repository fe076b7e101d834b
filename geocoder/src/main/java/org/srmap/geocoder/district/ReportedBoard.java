package org.srmap.geocoder.district;

import java.util.Objects;

/**
 * What a 311 {@code Community Board} label says, as parsed by {@link CommunityBoards#parse}.
 *
 * @param kind what sort of label it was
 * @param boroCd borough digit x 100 + district number (e.g. 307 for Brooklyn 7) for {@link
 *     Kind#DISTRICT} and {@link Kind#JOINT_INTEREST}; 0 otherwise
 * @param boroCode 1 Manhattan, 2 Bronx, 3 Brooklyn, 4 Queens, 5 Staten Island; 0 when unknown
 */
public record ReportedBoard(Kind kind, int boroCd, int boroCode) {

    /** The sorts of Community Board label. */
    public enum Kind {
        /** One of the 59 community districts, e.g. {@code 07 BROOKLYN}. */
        DISTRICT,
        /** A joint interest area (large parks, airports), e.g. {@code 55 BROOKLYN} or {@code 83 QUEENS}. */
        JOINT_INTEREST,
        /** No district given: empty, {@code N/A}, {@code 0 Unspecified}, {@code Unspecified BROOKLYN}. */
        UNSPECIFIED,
        /** A label that names no district, e.g. {@code 19 BROOKLYN}, or cannot be read at all. */
        INVALID
    }

    /** Checks that the district, borough and kind agree. */
    public ReportedBoard {
        Objects.requireNonNull(kind, "kind must not be null");
        if (boroCode < 0 || boroCode > 5) {
            throw new IllegalArgumentException("boroCode must be 0..5, was " + boroCode);
        }
        switch (kind) {
            case DISTRICT -> {
                if (!CommunityBoards.isRegularDistrict(boroCd)) {
                    throw new IllegalArgumentException(
                            "boroCd must be a community district (101-112, 201-212, 301-318, 401-414, 501-503)"
                                    + " for DISTRICT, was " + boroCd);
                }
            }
            case JOINT_INTEREST -> {
                if (!CommunityBoards.isJointInterestArea(boroCd)) {
                    throw new IllegalArgumentException("boroCd must be a joint interest area (164, 226-228, 355,"
                            + " 356, 480-484, 595) for JOINT_INTEREST, was " + boroCd);
                }
            }
            case UNSPECIFIED, INVALID -> {
                if (boroCd != 0) {
                    throw new IllegalArgumentException("boroCd must be 0 for " + kind + ", was " + boroCd);
                }
            }
        }
        if (boroCd != 0 && boroCode != boroCd / 100) {
            throw new IllegalArgumentException(
                    "boroCode must be " + boroCd / 100 + " for boroCd " + boroCd + ", was " + boroCode);
        }
    }

    /** Tells whether the label names a district or a joint interest area, that is whether boroCd is set. */
    public boolean hasBoroCd() {
        return boroCd != 0;
    }
}
