package org.srmap.ingest.run;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.srmap.ingest.read.RowSource;
import org.srmap.ingest.read.SourceFormatException;

/** One thing to ingest: a file, a URL or an API dataset, read as one transaction. */
public interface SourceInput {
    /** How it is named in messages and in {@code ingest_run.source}. */
    String name();

    /** The {@code ingest_run.kind}: 'file' (files and URLs) or 'socrata'. */
    String kind();

    /** Its size in bytes for the progress bar, or -1 when unknown. */
    long size();

    /**
     * Gzip shrinks 311 exports 4.5 to 10.6 times (measured on the real samples and a generated
     * file); the low end keeps estimates of compressed sources on the safe side.
     */
    long GZIP_RATIO = 5;

    /**
     * Its uncompressed size estimated for choosing a load plan: {@link #size()}, times
     * {@link #GZIP_RATIO} for a {@code .gz} source; -1 when unknown.
     */
    default long estimatedTextBytes() {
        long size = size();
        return size > 0 && name().toLowerCase(Locale.ROOT).endsWith(".gz") ? size * GZIP_RATIO : size;
    }

    /** Opens its rows; every byte read goes through {@code meter}. */
    RowSource open(Meter meter) throws IOException, SourceFormatException;

    /** After a successful read, the newest update time seen, for incremental API loads. */
    default Optional<Instant> highWaterMark() {
        return Optional.empty();
    }

    /**
     * Expands command-line arguments: files as they are, directories into their {@code .csv},
     * {@code .json} and {@code .gz} files in name order, http(s) URLs as downloads. Throws
     * {@link IllegalArgumentException} naming an argument that is none of these.
     */
    static List<SourceInput> resolve(List<String> args) {
        List<SourceInput> inputs = new ArrayList<>();
        for (String arg : args) {
            String lower = arg.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                inputs.add(FileInput.url(arg));
            } else {
                inputs.addAll(FileInput.files(arg));
            }
        }
        return inputs;
    }
}
