package org.srmap.server.problem;

/** What the request names does not exist: a 404 problem+json saying what was looked for. */
public final class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String detail) {
        super(detail);
    }
}
