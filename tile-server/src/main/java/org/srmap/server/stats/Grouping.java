package org.srmap.server.stats;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.srmap.server.problem.BadRequestException;

/** What the statistics are grouped by: any of the dimensions, and at most one period. */
public record Grouping(Set<Dimension> dimensions, Period period) {
    /** A dimension, by the name the {@code group} parameter and the output use. */
    public enum Dimension {
        CATEGORY,
        TYPE,
        DISTRICT,
        BOROUGH,
        AGENCY,
        STATUS;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A period of the calendar in New York; weeks start on Monday. */
    public enum Period {
        DAY,
        WEEK,
        MONTH;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Grouping {
        dimensions = dimensions.isEmpty() ? EnumSet.noneOf(Dimension.class) : EnumSet.copyOf(dimensions);
    }

    /** The groups of the {@code group} parameter's values (repeatable, or comma-separated). */
    public static Grouping parse(List<String> values) {
        Set<Dimension> dimensions = EnumSet.noneOf(Dimension.class);
        Period period = null;
        for (String value : values) {
            for (String part : value.split(",", -1)) {
                String name = part.trim().toLowerCase(Locale.ROOT);
                Dimension d = find(Dimension.values(), name);
                Period p = find(Period.values(), name);
                if (d != null) {
                    dimensions.add(d);
                } else if (p != null) {
                    if (period != null && period != p) {
                        throw new BadRequestException(
                                "group", "group by one period at most, was " + period.id() + " and " + p.id());
                    }
                    period = p;
                } else {
                    throw new BadRequestException("group", "cannot group by '" + part + "'; the groups are " + names());
                }
            }
        }
        return new Grouping(dimensions, period);
    }

    /** The output's key columns, in order: the dimensions, then the period. */
    public List<String> columns() {
        List<String> columns = new ArrayList<>();
        dimensions.forEach(d -> columns.add(d.id()));
        if (period != null) {
            columns.add(period.id());
        }
        return columns;
    }

    private static <E extends Enum<E>> E find(E[] values, String name) {
        for (E e : values) {
            if (e.name().toLowerCase(Locale.ROOT).equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String names() {
        List<String> names = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            names.add(d.id());
        }
        for (Period p : Period.values()) {
            names.add(p.id());
        }
        return String.join(", ", names);
    }
}
