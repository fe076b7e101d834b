package org.srmap.ingest.run;

import java.util.Map;
import org.srmap.ingest.load.MergeResult;

/**
 * The outcome of ingesting one source. {@code merge} is null when the source could not be read
 * ({@link Status#FAILED}); then {@code message} says why.
 */
public record SourceReport(
        String name,
        long runId,
        Status status,
        String message,
        long bytes,
        long rowsRead,
        long rowsLoaded,
        ReasonCounts rejects,
        ReasonCounts warnings,
        MergeResult merge,
        Map<String, Double> timings) {
    /** How the source ended. */
    public enum Status {
        LOADED,
        FAILED
    }

    public SourceReport {
        if (status == Status.LOADED && rowsRead != rowsLoaded + rejects.total()) {
            throw new IllegalArgumentException("rows read must equal loaded + rejected, was " + rowsRead + " vs "
                    + rowsLoaded + " + " + rejects.total());
        }
    }

    public long rowsRejected() {
        return rejects.total();
    }

    public double rejectRate() {
        return rowsRead == 0 ? 0 : (double) rowsRejected() / rowsRead;
    }
}
