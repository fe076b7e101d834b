package org.srmap.ingest.opendata;

/** A download failed; the message says what, from where and why, in words for the user. */
public final class DownloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DownloadException(String message) {
        super(message);
    }

    DownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
