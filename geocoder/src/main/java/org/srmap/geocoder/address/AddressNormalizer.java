package org.srmap.geocoder.address;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises NYC 311 incident addresses into {@link AddressKey}s, so that spelling variants of one
 * address give one key.
 *
 * <p>The rules, in order:
 *
 * <ol>
 *   <li>Accents are dropped and letters upper-cased; apostrophes vanish ({@code ST MARK'S} is {@code
 *       ST MARKS}); other punctuation but the house number's hyphen becomes a space; runs of whitespace
 *       collapse.
 *   <li>The first word must be a house number: digits with an optional letter ({@code 12A}), or a
 *       Queens-style {@code 73-42}; leading zeros go, a following fraction ({@code 1/2}) is dropped. No
 *       house number, or house number 0, gives no key.
 *   <li>An intersection ({@code AND}, {@code &}, {@code @} or a slash in the street) gives no key.
 *   <li>An apartment or unit designation ({@code APT 3B}, {@code UNIT 2}, {@code FL 2}, {@code STE 4},
 *       {@code #4}) ends the address; hyphens in the street become spaces.
 *   <li>Numeric ordinals lose their suffix and leading zeros: {@code 164TH} is {@code 164}, {@code 1ST}
 *       is {@code 1}, matching how 311 writes numbered streets ({@code EAST 164 STREET}).
 *   <li>The street type is its last word, or the word before a final N/S/E/W. There abbreviations become
 *       full words: ST/STR is STREET, AVE/AV is AVENUE, BLVD is BOULEVARD, RD, PL, PKWY, DR, LN, CT, TER,
 *       HWY, EXPY, BCH, SQ, CIR, PLZ and others likewise. A street that is only a type word ({@code 43
 *       AVENUE} has no house number) gives no key.
 *   <li>Directions N, S, E, W become NORTH, SOUTH, EAST, WEST as the first word ({@code E 5 ST}) or the
 *       last ({@code PARK AVE S}); but Brooklyn's lettered avenues keep their letter ({@code AVENUE S}),
 *       and a first AVE/AV or BCH becomes AVENUE or BEACH ({@code AVE N}, {@code BCH 9 ST}). The
 *       legacy order {@code 223 STREET EAST} becomes {@code EAST 223 STREET}.
 *   <li>Before the street type, ST, MT and FT are titles: {@code ST NICHOLAS AVE} and {@code SAINT
 *       NICHOLAS AVENUE} both give {@code SAINT NICHOLAS AVENUE}; likewise MOUNT and FORT.
 *   <li>The ordinal words FIRST to TWELFTH become numbers when the street type follows ({@code FIFTH
 *       AVENUE} is {@code 5 AVENUE}, as 311 writes it); elsewhere they stay words.
 * </ol>
 *
 * <p>The ZIP code is cut to its first 5 digits ({@code 10027-1234}, and {@code 10027.0} as pandas
 * writes it, give {@code 10027}). Without a valid ZIP the upper-case borough name stands in; without
 * either there is no key, since a bare street address is ambiguous across boroughs.
 *
 * <p>Stateless and thread-safe.
 */
public final class AddressNormalizer {

    private static final Pattern ASCII = Pattern.compile("\\p{ASCII}*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern DROPPED = Pattern.compile("[^A-Z0-9#&@/\\- ]");
    private static final Pattern HOUSE_NUMBER = Pattern.compile("0*([0-9]+[A-Z]?)(?:-([0-9]+[A-Z]?))?-*");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+[A-Z]?");
    private static final Pattern FRACTION = Pattern.compile("[0-9]+/[0-9]+");
    private static final Pattern NUMERIC_ORDINAL = Pattern.compile("0*([0-9]+)(?:ST|ND|RD|TH)?");
    private static final Pattern ZIP = Pattern.compile("([0-9]{5})(?:-?[0-9]{4}|\\.0+)?");

    private AddressNormalizer() {}

    /**
     * Normalises one 311 row's address.
     *
     * @param incidentAddress the {@code Incident Address} field, e.g. {@code 655 EAST  230 STREET}
     * @param zip the {@code Incident Zip} field, may be null or blank
     * @param borough the {@code Borough} field, may be null or {@code Unspecified}
     * @return the key, or empty when the row holds no house address (see the class comment)
     */
    public static Optional<AddressKey> normalize(String incidentAddress, String zip, String borough) {
        String area = area(zip, borough);
        if (area == null || incidentAddress == null) {
            return Optional.empty();
        }
        List<String> words = words(incidentAddress);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String first = words.get(0);
        int next = 1;
        if (words.size() >= 3
                && words.get(1).equals("-")
                && DIGITS.matcher(words.get(2)).matches()) {
            first = first + "-" + words.get(2);
            next = 3;
        }
        Matcher house = HOUSE_NUMBER.matcher(first);
        if (!house.matches() || house.group(1).equals("0")) {
            return Optional.empty();
        }
        String houseNumber = house.group(2) == null ? house.group(1) : house.group(1) + "-" + house.group(2);
        if (next < words.size() && FRACTION.matcher(words.get(next)).matches()) {
            next++;
        }
        List<String> street = new ArrayList<>();
        for (String word : words.subList(next, words.size())) {
            if (isIntersection(word)) {
                return Optional.empty();
            }
            if (StreetVocabulary.startsUnit(word)) {
                break;
            }
            for (String part : word.split("-", -1)) {
                if (!part.isEmpty()) {
                    street.add(part);
                }
            }
        }
        String streetName = streetName(street);
        return streetName == null ? Optional.empty() : Optional.of(new AddressKey(houseNumber, streetName, area));
    }

    /** The 5-digit ZIP, else the borough name, else null. */
    /**
     * The same address keyed by borough instead of ZIP (the gazetteer's second key), without
     * normalising the address again; empty when the borough is not one of the five.
     */
    public static Optional<AddressKey> inBorough(AddressKey key, String borough) {
        String area = area(null, borough);
        return area == null ? Optional.empty() : Optional.of(new AddressKey(key.houseNumber(), key.street(), area));
    }

    private static String area(String zip, String borough) {
        if (zip != null) {
            Matcher m = ZIP.matcher(zip.strip());
            if (m.matches() && !m.group(1).equals("00000")) {
                return m.group(1);
            }
        }
        if (borough != null) {
            String name = WHITESPACE.matcher(borough.strip()).replaceAll(" ").toUpperCase(Locale.ROOT);
            if (AddressKey.BOROUGHS.contains(name)) {
                return name;
            }
        }
        return null;
    }

    private static List<String> words(String address) {
        String text = address;
        if (!ASCII.matcher(text).matches()) {
            text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                    .replaceAll("");
        }
        text = text.toUpperCase(Locale.ROOT)
                .replace("'", "")
                .replace("\u2019", "")
                .replace("#", " # ");
        text = DROPPED.matcher(text).replaceAll(" ").strip();
        return text.isEmpty() ? List.of() : List.of(WHITESPACE.split(text));
    }

    private static boolean isNumber(String word) {
        return !word.isEmpty() && word.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean isIntersection(String word) {
        return word.equals("AND") || word.indexOf('&') >= 0 || word.indexOf('@') >= 0 || word.indexOf('/') >= 0;
    }

    /** Applies the street rules to the street's words; null if they make no street. */
    private static String streetName(List<String> words) {
        int n = words.size();
        if (n == 0) {
            return null;
        }
        String[] w = new String[n];
        for (int i = 0; i < n; i++) {
            Matcher ordinal = NUMERIC_ORDINAL.matcher(words.get(i));
            w[i] = ordinal.matches() ? ordinal.group(1) : words.get(i);
        }
        boolean letteredAvenue = n == 2 && "AVENUE".equals(StreetVocabulary.streetType(w[0]));
        int typeAt = n - 1;
        String trailingDirection = n >= 2 ? StreetVocabulary.direction(w[n - 1]) : null;
        if (trailingDirection != null && !letteredAvenue) {
            w[n - 1] = trailingDirection;
            typeAt = n - 2;
        }
        String type = StreetVocabulary.streetType(w[typeAt]);
        if (type != null && typeAt > 0) {
            w[typeAt] = type;
        }
        String firstType = StreetVocabulary.streetType(w[0]);
        if (typeAt > 0 && ("AVENUE".equals(firstType) || "BEACH".equals(firstType))) {
            w[0] = firstType;
        }
        String leadingDirection = StreetVocabulary.direction(w[0]);
        if (leadingDirection != null && typeAt > 0) {
            w[0] = leadingDirection;
        }
        for (int i = 0; i < typeAt; i++) {
            w[i] = StreetVocabulary.prefix(w[i]);
            String number = StreetVocabulary.ordinalWord(w[i]);
            if (number != null && i + 1 == typeAt && type != null) {
                w[i] = number;
            }
        }
        if (n == 1 && type != null) {
            return null;
        }
        if (n == 3 && typeAt == 1 && "STREET".equals(type) && isNumber(w[0])) {
            // A legacy order, 223 STREET EAST, for the usual EAST 223 STREET.
            return w[2] + " " + w[0] + " " + w[1];
        }
        return String.join(" ", w);
    }
}
