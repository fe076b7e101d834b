package org.srmap.ingest.run;

import java.io.IOException;

/** An HTTP server answered with a status other than 200; the message names the host, path and status. */
public final class HttpStatusException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;

    HttpStatusException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status code, e.g. 404. */
    public int status() {
        return status;
    }
}
