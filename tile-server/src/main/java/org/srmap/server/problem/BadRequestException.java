package org.srmap.server.problem;

/**
 * A request the server cannot answer as asked: a 400 whose problem+json body names the parameter
 * (or path part) and says why. Thrown by parsing, never for a fault of the server.
 */
public final class BadRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String parameter;

    /**
     * @param parameter the query parameter or path part at fault, e.g. {@code status} or {@code z}
     * @param detail what is wrong with it, for a person
     */
    public BadRequestException(String parameter, String detail) {
        super(detail);
        this.parameter = parameter;
    }

    /** The query parameter or path part at fault. */
    public String parameter() {
        return parameter;
    }
}
