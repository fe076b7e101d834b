package org.srmap.ingest.normalize;

import java.util.Objects;

/**
 * A record that is not loaded; it goes to the rejects table.
 *
 * @param lineNumber where the record is in its source
 * @param rawText the record as it appeared in the file
 * @param reason why it was rejected
 * @param detail a sentence for a person, naming the field and value at fault
 */
public record Rejected(long lineNumber, String rawText, RejectReason reason, String detail) implements Normalized {
    /** Validates the components. */
    public Rejected {
        if (lineNumber < 1) {
            throw new IllegalArgumentException("lineNumber must be >= 1, was " + lineNumber);
        }
        Objects.requireNonNull(rawText, "rawText");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
