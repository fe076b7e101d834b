package org.srmap.ingest.generate;

import org.srmap.geocoder.district.CommunityBoards;

/**
 * The Community Board and Borough fields as 311 prints them: {@code 07 BROOKLYN}, {@code 64 MANHATTAN}
 * for a joint interest area; boroughs in upper case.
 */
final class DistrictLabels {

    /** The borough label of a request whose borough is unknown. */
    static final CsvField UNSPECIFIED_BOROUGH = CsvField.of("Unspecified");

    private static final String[] BOROUGH_NAMES = {"", "MANHATTAN", "BRONX", "BROOKLYN", "QUEENS", "STATEN ISLAND"};
    private static final CsvField[] BOARDS = new CsvField[600];
    private static final CsvField[] BOROUGHS = new CsvField[BOROUGH_NAMES.length];

    static {
        for (int code = 1; code < BOROUGH_NAMES.length; code++) {
            BOROUGHS[code] = CsvField.of(BOROUGH_NAMES[code]);
            for (int district = 1; district < 100; district++) {
                int boroCd = code * 100 + district;
                if (CommunityBoards.isRegularDistrict(boroCd) || CommunityBoards.isJointInterestArea(boroCd)) {
                    String number = district < 10 ? "0" + district : Integer.toString(district);
                    BOARDS[boroCd] = CsvField.of(number + " " + BOROUGH_NAMES[code]);
                }
            }
        }
        BOROUGHS[0] = UNSPECIFIED_BOROUGH;
    }

    private DistrictLabels() {}

    /**
     * The label of a community district or joint interest area, e.g. 307 gives {@code 07 BROOKLYN}.
     *
     * @throws IllegalArgumentException for any other code
     */
    static CsvField board(int boroCd) {
        CsvField label = boroCd > 0 && boroCd < BOARDS.length ? BOARDS[boroCd] : null;
        if (label == null) {
            throw new IllegalArgumentException("boroCd must be a district or joint interest area, was " + boroCd);
        }
        return label;
    }

    /** The name of a borough code 1..5, or {@code Unspecified} for 0. */
    static CsvField borough(int boroCode) {
        if (boroCode < 0 || boroCode >= BOROUGHS.length) {
            throw new IllegalArgumentException("boroCode must be 0..5, was " + boroCode);
        }
        return BOROUGHS[boroCode];
    }
}
