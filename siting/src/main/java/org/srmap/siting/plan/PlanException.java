package org.srmap.siting.plan;

/**
 * A plan that cannot be answered, naming the part of it at fault as the API and the command line
 * call it: {@code radius}, {@code k}, {@code share}, {@code required}, {@code exclude}, {@code
 * time_limit}, {@code demand} or {@code candidates}.
 */
public final class PlanException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public PlanException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The part of the plan at fault. */
    public String field() {
        return field;
    }
}
