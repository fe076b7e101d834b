package org.srmap.siting.points;

import java.util.List;

/** A points file that cannot be used, with every problem found in it (by line) in the message. */
public final class PointsFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** How many problems the message lists; the rest are counted. */
    static final int SHOWN = 10;

    private final List<String> problems;

    PointsFileException(String name, List<String> problems) {
        super(message(name, problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, as "line N: reason". */
    public List<String> problems() {
        return problems;
    }

    private static String message(String name, List<String> problems) {
        StringBuilder b = new StringBuilder(name).append(": ");
        b.append(problems.size() == 1 ? "1 problem" : problems.size() + " problems");
        problems.stream().limit(SHOWN).forEach(p -> b.append("\n  ").append(p));
        if (problems.size() > SHOWN) {
            b.append("\n  ... and ").append(problems.size() - SHOWN).append(" more");
        }
        return b.toString();
    }
}
