package org.srmap.geocoder.address;

import java.util.Map;
import java.util.Set;

/** The words of NYC street names that {@link AddressNormalizer} rewrites: types, directions, ordinals, units. */
final class StreetVocabulary {

    /** Abbreviated street types, rewritten only where the street type stands (see AddressNormalizer). */
    private static final Map<String, String> TYPE_ABBREVIATIONS = Map.ofEntries(
            Map.entry("ST", "STREET"),
            Map.entry("STR", "STREET"),
            Map.entry("STRT", "STREET"),
            Map.entry("AVE", "AVENUE"),
            Map.entry("AV", "AVENUE"),
            Map.entry("AVEN", "AVENUE"),
            Map.entry("AVN", "AVENUE"),
            Map.entry("BLVD", "BOULEVARD"),
            Map.entry("BLV", "BOULEVARD"),
            Map.entry("BL", "BOULEVARD"),
            Map.entry("RD", "ROAD"),
            Map.entry("PL", "PLACE"),
            Map.entry("PKWY", "PARKWAY"),
            Map.entry("PKY", "PARKWAY"),
            Map.entry("PWY", "PARKWAY"),
            Map.entry("DR", "DRIVE"),
            Map.entry("DRV", "DRIVE"),
            Map.entry("LN", "LANE"),
            Map.entry("CT", "COURT"),
            Map.entry("CRT", "COURT"),
            Map.entry("TER", "TERRACE"),
            Map.entry("TERR", "TERRACE"),
            Map.entry("HWY", "HIGHWAY"),
            Map.entry("EXPY", "EXPRESSWAY"),
            Map.entry("EXPWY", "EXPRESSWAY"),
            Map.entry("EXWY", "EXPRESSWAY"),
            Map.entry("BCH", "BEACH"),
            Map.entry("SQ", "SQUARE"),
            Map.entry("SQR", "SQUARE"),
            Map.entry("CIR", "CIRCLE"),
            Map.entry("CRES", "CRESCENT"),
            Map.entry("PLZ", "PLAZA"),
            Map.entry("TPKE", "TURNPIKE"),
            Map.entry("ALY", "ALLEY"),
            Map.entry("PK", "PARK"),
            Map.entry("GDNS", "GARDENS"));

    /** The full street types (the values above and a few never abbreviated). */
    private static final Set<String> TYPES = Set.of(
            "STREET",
            "AVENUE",
            "BOULEVARD",
            "ROAD",
            "PLACE",
            "PARKWAY",
            "DRIVE",
            "LANE",
            "COURT",
            "TERRACE",
            "HIGHWAY",
            "EXPRESSWAY",
            "BEACH",
            "SQUARE",
            "CIRCLE",
            "CRESCENT",
            "PLAZA",
            "TURNPIKE",
            "ALLEY",
            "PARK",
            "GARDENS",
            "LOOP",
            "OVAL",
            "WALK",
            "ROW",
            "SLIP",
            "PATH",
            "WAY");

    /** Abbreviations that are a title before a name rather than a street type: ST NICHOLAS, MT EDEN, FT HAMILTON. */
    private static final Map<String, String> PREFIX_ABBREVIATIONS = Map.of("ST", "SAINT", "MT", "MOUNT", "FT", "FORT");

    private static final Map<String, String> DIRECTIONS = Map.of("N", "NORTH", "S", "SOUTH", "E", "EAST", "W", "WEST");

    private static final Map<String, String> ORDINAL_WORDS = Map.ofEntries(
            Map.entry("FIRST", "1"),
            Map.entry("SECOND", "2"),
            Map.entry("THIRD", "3"),
            Map.entry("FOURTH", "4"),
            Map.entry("FIFTH", "5"),
            Map.entry("SIXTH", "6"),
            Map.entry("SEVENTH", "7"),
            Map.entry("EIGHTH", "8"),
            Map.entry("NINTH", "9"),
            Map.entry("TENTH", "10"),
            Map.entry("ELEVENTH", "11"),
            Map.entry("TWELFTH", "12"));

    /** Words that start an apartment or unit designation; the address ends before them. */
    private static final Set<String> UNIT_WORDS =
            Set.of("APT", "APARTMENT", "UNIT", "FL", "FLR", "FLOOR", "STE", "SUITE", "RM", "ROOM", "BSMT", "#");

    private StreetVocabulary() {}

    /** The full street type for a type or its abbreviation, or null if the word is neither. */
    static String streetType(String word) {
        return TYPES.contains(word) ? word : TYPE_ABBREVIATIONS.get(word);
    }

    /** The full word for ST, MT or FT before a name, or the word itself. */
    static String prefix(String word) {
        return PREFIX_ABBREVIATIONS.getOrDefault(word, word);
    }

    /** NORTH, SOUTH, EAST or WEST for those words or for N, S, E or W; null otherwise. */
    static String direction(String word) {
        return DIRECTIONS.containsValue(word) ? word : DIRECTIONS.get(word);
    }

    /** The digits for FIRST to TWELFTH; null otherwise. */
    static String ordinalWord(String word) {
        return ORDINAL_WORDS.get(word);
    }

    /** Whether a word starts a unit designation such as APT 3B or #4. */
    static boolean startsUnit(String word) {
        return UNIT_WORDS.contains(word) || word.startsWith("#");
    }
}
