package org.srmap.ingest.read;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A record split into its fields, not yet validated.
 *
 * @param lineNumber for CSV the 1-based physical line on which the record starts; for SODA JSON the 1-based index of
 *     the element in the array
 * @param rawText the record as it appeared in the file, without its line end (for JSON the element's text)
 * @param values the text of each field the source has, as written (not trimmed); fields the source lacks are absent
 */
public record SourceRow(long lineNumber, String rawText, Map<Field, String> values) implements ReadResult {
    /** Validates the components; {@code values} is copied into an unmodifiable {@link EnumMap}. */
    public SourceRow {
        if (lineNumber < 1) {
            throw new IllegalArgumentException("lineNumber must be >= 1, was " + lineNumber);
        }
        Objects.requireNonNull(rawText, "rawText");
        Objects.requireNonNull(values, "values");
        values = Collections.unmodifiableMap(values.isEmpty() ? new EnumMap<>(Field.class) : new EnumMap<>(values));
    }

    /** The value of {@code field} as written, or null when the source has no such field. */
    public String get(Field field) {
        return values.get(field);
    }
}
