package org.srmap.sql;

/** The database cannot be reached or lacks what srmap needs; the message says what to do. */
public final class DatabaseUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
