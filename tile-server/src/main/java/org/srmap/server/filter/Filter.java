package org.srmap.server.filter;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What to count or show; null or empty members do not filter.
 *
 * @param category the category family, e.g. {@code Noise}
 * @param types normalised complaint types, any of which matches
 * @param from first New York calendar day of creation, inclusive
 * @param to last day, inclusive
 * @param status open or closed
 * @param districts BoroCDs (the computed district, else the reported one), any of which matches
 * @param agency the agency acronym, e.g. {@code HPD}
 */
public record Filter(
        String category,
        List<String> types,
        LocalDate from,
        LocalDate to,
        Status status,
        List<Integer> districts,
        String agency) {
    /** Matches every request. */
    public static final Filter NONE = new Filter(null, List.of(), null, null, null, List.of(), null);

    public Filter {
        types = List.copyOf(Objects.requireNonNull(types, "types"));
        districts = List.copyOf(Objects.requireNonNull(districts, "districts"));
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to, was " + from + " > " + to);
        }
    }
}
