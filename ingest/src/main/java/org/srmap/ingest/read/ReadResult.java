package org.srmap.ingest.read;

/** One record read from a source: either split into fields ({@link SourceRow}) or not ({@link MalformedRow}). */
public sealed interface ReadResult permits SourceRow, MalformedRow {
    /**
     * Where the record is: for CSV the 1-based physical line on which it starts; for SODA JSON the 1-based index of
     * the element in the top-level array.
     */
    long lineNumber();

    /** The record's text as it appeared in the file (for JSON, the element's text), for the rejects table. */
    String rawText();
}
