package org.srmap.ingest.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a whole source into short outcome labels such as {@code 2:row} or {@code 4:wrong_field_count}. */
final class Outcomes {
    private Outcomes() {}

    /** Every record of {@code file}, in order, as {@code line:row} or {@code line:reason_code}. */
    static List<String> of(Path file) throws IOException, SourceFormatException {
        try (RowSource source = RowSources.open(file)) {
            return of(source);
        }
    }

    static List<String> of(RowSource source) throws IOException {
        List<String> outcomes = new ArrayList<>();
        for (ReadResult result = source.next(); result != null; result = source.next()) {
            String what = result instanceof MalformedRow malformed
                    ? malformed.reason().code()
                    : "row";
            outcomes.add(result.lineNumber() + ":" + what);
        }
        return outcomes;
    }

    /** Every record of {@code file}, in order. */
    static List<ReadResult> results(Path file) throws IOException, SourceFormatException {
        List<ReadResult> results = new ArrayList<>();
        try (RowSource source = RowSources.open(file)) {
            for (ReadResult result = source.next(); result != null; result = source.next()) {
                results.add(result);
            }
        }
        return results;
    }
}
