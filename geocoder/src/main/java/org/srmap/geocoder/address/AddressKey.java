package org.srmap.geocoder.address;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A normalised address, as made by {@link AddressNormalizer}: equal keys mean the same address.
 *
 * @param houseNumber digits with an optional letter, or a Queens-style hyphenated number, e.g. {@code
 *     73-42}
 * @param street upper-case words and numbers separated by single spaces, e.g. {@code EAST 164 STREET}
 * @param zip a 5-digit ZIP code, or the upper-case borough name when the row had no valid ZIP
 */
public record AddressKey(String houseNumber, String street, String zip) {

    private static final Pattern HOUSE_NUMBER = Pattern.compile("[0-9]+[A-Z]?(-[0-9]+[A-Z]?)?");
    private static final Pattern STREET = Pattern.compile("[A-Z0-9]+( [A-Z0-9]+)*");
    private static final Pattern ZIP = Pattern.compile("[0-9]{5}");

    /** The borough names that stand in for a ZIP code. */
    static final Set<String> BOROUGHS = Set.of("MANHATTAN", "BRONX", "BROOKLYN", "QUEENS", "STATEN ISLAND");

    /** Checks that each part is in normalised form. */
    public AddressKey {
        Objects.requireNonNull(houseNumber, "houseNumber must not be null");
        Objects.requireNonNull(street, "street must not be null");
        Objects.requireNonNull(zip, "zip must not be null");
        if (!HOUSE_NUMBER.matcher(houseNumber).matches()) {
            throw new IllegalArgumentException(
                    "houseNumber must be digits with an optional letter or a hyphenated number, was '" + houseNumber
                            + "'");
        }
        if (!STREET.matcher(street).matches()) {
            throw new IllegalArgumentException(
                    "street must be upper-case words separated by single spaces, was '" + street + "'");
        }
        if (!ZIP.matcher(zip).matches() && !BOROUGHS.contains(zip)) {
            throw new IllegalArgumentException("zip must be 5 digits or a borough name, was '" + zip + "'");
        }
    }

    /** The key as one string, {@code houseNumber|street|zip}: compact, and unique since no part holds '|'. */
    public String compact() {
        return houseNumber + '|' + street + '|' + zip;
    }
}
