package org.srmap.ingest.reference;

/** The reference data the ingest needs is not loaded; the message says which command loads it. */
public final class NoReferenceDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NoReferenceDataException(String message) {
        super(message);
    }
}
