package org.srmap.ingest.read;

import java.util.Objects;
import org.srmap.ingest.normalize.RejectReason;

/**
 * A record the reader could not split into fields: wrong field count, broken quoting, a truncated end of file, a
 * field over the size limit, or a JSON element that is not a well-formed object.
 *
 * @param lineNumber where the record starts, as in {@link ReadResult#lineNumber()}
 * @param rawText the record's text as far as it could be read, at most {@value #MAX_RAW_TEXT} characters
 * @param reason why the record could not be read
 * @param detail a sentence for a person: what exactly is wrong
 */
public record MalformedRow(long lineNumber, String rawText, RejectReason reason, String detail) implements ReadResult {
    /** The most text of a malformed record that is kept. */
    public static final int MAX_RAW_TEXT = 64 * 1024;

    /** Validates the components and cuts {@code rawText} to {@value #MAX_RAW_TEXT} characters. */
    public MalformedRow {
        if (lineNumber < 1) {
            throw new IllegalArgumentException("lineNumber must be >= 1, was " + lineNumber);
        }
        Objects.requireNonNull(rawText, "rawText");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        if (rawText.length() > MAX_RAW_TEXT) {
            rawText = rawText.substring(0, MAX_RAW_TEXT);
        }
    }
}
