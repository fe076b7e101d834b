package org.srmap.ingest.normalize;

/** The outcome of normalising one record: a loadable request, or a reject with its reason. */
public sealed interface Normalized permits Accepted, Rejected {
    /** Where the record is in its source, as in {@link org.srmap.ingest.read.ReadResult#lineNumber()}. */
    long lineNumber();
}
