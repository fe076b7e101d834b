package org.srmap.ingest.read;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Objects;

/**
 * What was learned about a source when it was opened.
 *
 * @param name the file name (or the name given with a stream), used in every message about the source
 * @param format CSV or SODA JSON, recognised from the content
 * @param charset UTF-8, or windows-1252 when the bytes are not valid UTF-8
 * @param headers the column names as written (for JSON: the keys seen so far, in order of first appearance)
 * @param unknownHeaders the headers that are neither a {@link Field} nor a known unused 311 column
 */
public record SourceInfo(
        String name, Format format, Charset charset, List<String> headers, List<String> unknownHeaders) {
    /** Validates the components and copies the lists. */
    public SourceInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(charset, "charset");
        headers = List.copyOf(headers);
        unknownHeaders = List.copyOf(unknownHeaders);
    }
}
