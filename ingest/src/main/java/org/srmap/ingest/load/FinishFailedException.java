package org.srmap.ingest.load;

/**
 * The rows of a run are committed but its finish (index builds, rollup refresh) failed; the work
 * stays pending and the next ingest does it first. The message says so and gives the server's reason.
 */
public final class FinishFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FinishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
