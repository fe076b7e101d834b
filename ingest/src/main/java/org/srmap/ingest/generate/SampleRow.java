package org.srmap.ingest.generate;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.srmap.geocoder.crs.Projections;

/**
 * One real service request from the samples, its values keyed by snake_case column name ({@code
 * complaint_type}, {@code incident_zip}, ...) whatever the file's own header style.
 *
 * @param source the file it came from, for messages
 * @param values column values as found; absent columns read as empty
 */
record SampleRow(String source, Map<String, String> values) {

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19|20)\\d\\d(?!\\d)");

    /** Copies the values. */
    SampleRow {
        Objects.requireNonNull(source, "source must not be null");
        values = Map.copyOf(values);
    }

    /** A column's value, empty when absent. */
    String get(String column) {
        return values.getOrDefault(column, "");
    }

    /** The four-digit year of the Created Date, or 0 when it has none (as in two-digit-year exports). */
    int createdYear() {
        Matcher m = YEAR.matcher(get("created_date"));
        return m.find() ? Integer.parseInt(m.group()) : 0;
    }

    /** Whether the row has a latitude and longitude inside the box around New York City. */
    boolean hasPoint() {
        return Projections.insideNycEnvelope(number("longitude"), number("latitude"));
    }

    double longitude() {
        return number("longitude");
    }

    double latitude() {
        return number("latitude");
    }

    private double number(String column) {
        String text = get(column).strip();
        if (text.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
