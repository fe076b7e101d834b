package org.srmap.geocoder.district;

import java.util.Locale;
import java.util.regex.Pattern;
import org.srmap.geocoder.district.ReportedBoard.Kind;

/**
 * Parses the 311 {@code Community Board} field and knows which BoroCD codes exist.
 *
 * <p>A label is a district number and a borough name, such as {@code 07 BROOKLYN}, read
 * case-insensitively with any amount of whitespace. The number is taken in the borough the label names,
 * even when the request lies in another borough ({@code 08 BRONX} on Manhattan's Marble Hill rows gives
 * 208). Thread-safe and allocation-light: it is called once per ingested row.
 */
public final class CommunityBoards {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** The highest district number per borough code (index 1..5). */
    private static final int[] DISTRICTS_PER_BOROUGH = {0, 12, 12, 18, 14, 3};

    private static final ReportedBoard UNSPECIFIED = new ReportedBoard(Kind.UNSPECIFIED, 0, 0);
    private static final ReportedBoard UNREADABLE = new ReportedBoard(Kind.INVALID, 0, 0);

    private CommunityBoards() {}

    /**
     * Parses a {@code Community Board} label.
     *
     * <ul>
     *   <li>{@code 07 BROOKLYN} gives DISTRICT 307; {@code 64 MANHATTAN} gives JOINT_INTEREST 164.
     *   <li>{@code Unspecified BROOKLYN} and {@code 0 BROOKLYN} give UNSPECIFIED with borough code 3.
     *   <li>null, blank, {@code N/A}, {@code NA}, {@code Unspecified} and {@code 0 Unspecified} give
     *       UNSPECIFIED with borough code 0.
     *   <li>A number that is neither a district nor a joint interest area of the named borough ({@code 19
     *       BROOKLYN}) gives INVALID with the borough's code; anything else unreadable gives INVALID with
     *       borough code 0.
     * </ul>
     *
     * @param label the field as found in the data, may be null
     * @return the parsed label, never null; this method never throws
     */
    public static ReportedBoard parse(String label) {
        if (label == null) {
            return UNSPECIFIED;
        }
        String text = label.strip().toUpperCase(Locale.ROOT);
        if (text.isEmpty() || text.equals("N/A") || text.equals("NA") || text.equals("UNSPECIFIED")) {
            return UNSPECIFIED;
        }
        String[] words = WHITESPACE.split(text, 2);
        if (words.length < 2) {
            return UNREADABLE;
        }
        String number = words[0];
        int boroCode = boroCodeOf(words[1]);
        if (boroCode == 0) {
            boolean unspecified = words[1].equals("UNSPECIFIED") && (isZero(number) || number.equals("UNSPECIFIED"));
            return unspecified ? UNSPECIFIED : UNREADABLE;
        }
        if (number.equals("UNSPECIFIED")) {
            return new ReportedBoard(Kind.UNSPECIFIED, 0, boroCode);
        }
        if (number.length() > 2 || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new ReportedBoard(Kind.INVALID, 0, boroCode);
        }
        int district = Integer.parseInt(number);
        int boroCd = boroCode * 100 + district;
        if (district == 0) {
            return new ReportedBoard(Kind.UNSPECIFIED, 0, boroCode);
        } else if (isRegularDistrict(boroCd)) {
            return new ReportedBoard(Kind.DISTRICT, boroCd, boroCode);
        } else if (isJointInterestArea(boroCd)) {
            return new ReportedBoard(Kind.JOINT_INTEREST, boroCd, boroCode);
        }
        return new ReportedBoard(Kind.INVALID, 0, boroCode);
    }

    /**
     * Gives the borough code of a borough name: 1 MANHATTAN, 2 BRONX, 3 BROOKLYN, 4 QUEENS, 5 STATEN
     * ISLAND, read case-insensitively with any whitespace; 0 for anything else, including null.
     */
    public static int boroCodeOf(String boroughName) {
        if (boroughName == null) {
            return 0;
        }
        String name = WHITESPACE.matcher(boroughName.strip()).replaceAll(" ").toUpperCase(Locale.ROOT);
        return switch (name) {
            case "MANHATTAN" -> 1;
            case "BRONX" -> 2;
            case "BROOKLYN" -> 3;
            case "QUEENS" -> 4;
            case "STATEN ISLAND" -> 5;
            default -> 0;
        };
    }

    /**
     * Tells whether a BoroCD is one of the 59 community districts: Manhattan 101-112, Bronx 201-212,
     * Brooklyn 301-318, Queens 401-414, Staten Island 501-503.
     */
    public static boolean isRegularDistrict(int boroCd) {
        int boroCode = boroCd / 100;
        int district = boroCd % 100;
        return boroCode >= 1 && boroCode <= 5 && district >= 1 && district <= DISTRICTS_PER_BOROUGH[boroCode];
    }

    /**
     * Tells whether a BoroCD is one of the 12 joint interest areas (large parks and airports that belong
     * to no community district): 164, 226-228, 355, 356, 480-484, 595.
     */
    public static boolean isJointInterestArea(int boroCd) {
        return switch (boroCd) {
            case 164, 226, 227, 228, 355, 356, 480, 481, 482, 483, 484, 595 -> true;
            default -> false;
        };
    }

    private static boolean isZero(String number) {
        return number.chars().allMatch(c -> c == '0');
    }
}
