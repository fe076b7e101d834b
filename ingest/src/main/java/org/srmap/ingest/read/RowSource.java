package org.srmap.ingest.read;

import java.io.IOException;

/**
 * A stream of records from one 311 export, read one at a time so files of any size fit in memory.
 *
 * <p>Every record in the file comes out exactly once, as a {@link SourceRow} or, when it cannot be split into
 * fields, a {@link MalformedRow}; nothing is dropped silently. Not thread-safe.
 */
public interface RowSource extends AutoCloseable {
    /**
     * The next record, or null at the end of the file.
     *
     * @throws IOException when the underlying file or stream fails; problems with the data never throw
     */
    ReadResult next() throws IOException;

    /**
     * What is known about the source. For CSV it is fixed once the source is open. For JSON the header lists grow
     * as new keys appear, and for either format the charset turns to windows-1252 if bytes that are not UTF-8 first
     * appear after the part of the file that was examined on opening.
     */
    SourceInfo info();

    /** Closes the underlying file or stream. */
    @Override
    void close() throws IOException;
}
