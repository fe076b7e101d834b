package org.srmap.ingest.cli;

/** The user named something that cannot be used (a missing file, an empty directory); exit code 2. */
final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
