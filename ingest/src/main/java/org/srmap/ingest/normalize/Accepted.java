package org.srmap.ingest.normalize;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A record that became a service request, possibly with defects that were repaired or dropped.
 *
 * @param lineNumber where the record is in its source
 * @param request the validated request
 * @param warnings the defects found, each at most once
 */
public record Accepted(long lineNumber, ServiceRequest request, Set<Warning> warnings) implements Normalized {
    /** Validates the components and copies {@code warnings}. */
    public Accepted {
        if (lineNumber < 1) {
            throw new IllegalArgumentException("lineNumber must be >= 1, was " + lineNumber);
        }
        Objects.requireNonNull(request, "request");
        warnings = warnings.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(warnings));
    }
}
