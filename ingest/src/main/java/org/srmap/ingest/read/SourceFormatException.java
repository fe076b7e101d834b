package org.srmap.ingest.read;

/**
 * A whole file cannot be read as 311 data: it is empty, binary, not a 311 export, lacks a required column, or is
 * not valid JSON. The message names the file and says what is wrong in words a person can act on.
 */
public final class SourceFormatException extends Exception {
    /** A problem described by {@code message}, which starts with the source's name. */
    public SourceFormatException(String message) {
        super(message);
    }

    /** A problem described by {@code message}, which starts with the source's name, found through {@code cause}. */
    public SourceFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
