package org.srmap.ingest.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The ways a generated row is made invalid, each something an ingest must reject or flag. Every one
 * keeps the CSV itself well-formed (balanced quotes, one line), so the rest of the file still parses.
 */
enum DefectKind {
    /** A valid row. */
    NONE,
    /** The Created Date cannot be parsed. */
    UNPARSEABLE_CREATED_DATE,
    /** The Unique Key is empty. */
    MISSING_UNIQUE_KEY,
    /** The Unique Key is a placeholder, or has the letter O for a zero (see {@link RowWriter}). */
    NON_NUMERIC_UNIQUE_KEY,
    /** The row stops early, with fewer than 41 fields. */
    TOO_FEW_FIELDS,
    /** The Closed Date holds text that is not a date. */
    GARBAGE_CLOSED_DATE,
    /** The Resolution Action Updated Date holds text that is not a date. */
    GARBAGE_UPDATED_DATE;

    /** The share of rows made defective, about 1%: a benchmark choice. */
    static final double SHARE = 0.01;

    private static final List<DefectKind> DEFECTS = List.of(values()).subList(1, values().length);

    /** Draws one of the defects (never {@link #NONE}), all equally likely. */
    static DefectKind draw(SplittableRandom random) {
        return DEFECTS.get(random.nextInt(DEFECTS.size()));
    }

    /**
     * The bad text this defect writes, chosen by a variant number (any non-negative int). None contains
     * a comma, a quote or a line break.
     *
     * @throws IllegalStateException for defects that write no text
     */
    String garbage(int variant) {
        return switch (this) {
            case UNPARSEABLE_CREATED_DATE ->
                pick(variant, "13/45/2023 25:61:00 PM", "N/A", "2023-02-30T25:00:00", "00/00/0000", "yesterday");
            case NON_NUMERIC_UNIQUE_KEY -> pick(variant, "#N/A", "KEY-PENDING");
            case GARBAGE_CLOSED_DATE -> pick(variant, "not a date", "99/99/9999 99:99:99 PM", "TBD", "0");
            case GARBAGE_UPDATED_DATE -> pick(variant, "#VALUE!", "12/32/2023 10:00:00 AM", "unknown");
            case NONE, MISSING_UNIQUE_KEY, TOO_FEW_FIELDS ->
                throw new IllegalStateException(this + " writes no garbage text");
        };
    }

    private static String pick(int variant, String... choices) {
        return choices[Math.floorMod(variant, choices.length)];
    }
}
