package org.srmap.ingest.load;

/** Another ingest holds the lock; the message names it. */
public final class IngestBusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IngestBusyException(String message) {
        super(message);
    }
}
