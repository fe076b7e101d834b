package org.srmap.server.filter;

/** The {@code status} filter: open (any status but Closed) or closed. */
public enum Status {
    OPEN,
    CLOSED;

    /** The value as the query parameter and SQL spell it. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
