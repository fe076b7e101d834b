package org.srmap.server.filter;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.srmap.server.problem.BadRequestException;

/**
 * Reads a {@link Filter} from query parameters, checking every name and value against the
 * {@link Vocabulary}: an unknown parameter, a malformed value or a value the data does not hold is a
 * {@link BadRequestException} naming it. Names and values of categories, types and agencies match
 * without regard to case. Immutable, so thread-safe: one parser serves a data version.
 */
public final class FilterParser {
    /** The filter parameters, in the order messages list them. */
    public static final List<String> NAMES = List.of("category", "type", "from", "to", "status", "district", "agency");

    private static final Set<String> REPEATABLE = Set.of("type", "district");
    private static final int MAX_VALUES = 100;

    private final Vocabulary vocabulary;
    private final Map<String, String> categories;
    private final Map<String, String> types;
    private final Map<String, String> agencies;

    public FilterParser(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.categories = byLowerCase(vocabulary.categories());
        this.types = byLowerCase(vocabulary.types());
        this.agencies = byLowerCase(vocabulary.agencies());
    }

    /** The vocabulary this parser checks values against. */
    Vocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * The filter the parameters say. {@code extraNames} are other parameters the endpoint accepts,
     * which are skipped here.
     */
    public Filter parse(Map<String, List<String>> query, Set<String> extraNames) {
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            String name = e.getKey();
            if (!NAMES.contains(name) && !extraNames.contains(name)) {
                throw new BadRequestException(
                        name, "unknown parameter '" + name + "'; the filters are " + String.join(", ", NAMES));
            }
            List<String> values = e.getValue();
            if (NAMES.contains(name) && !REPEATABLE.contains(name) && values.size() > 1) {
                throw new BadRequestException(name, name + " may be given once, was given " + values.size() + " times");
            }
            if (values.size() > MAX_VALUES) {
                throw new BadRequestException(
                        name, name + " may be given at most " + MAX_VALUES + " times, was given " + values.size());
            }
            for (String v : values) {
                if (NAMES.contains(name) && (v == null || v.isBlank())) {
                    throw new BadRequestException(name, name + " must not be empty");
                }
            }
        }
        String category = known("category", single(query, "category"), categories, "category");
        Set<String> typeSet = new TreeSet<>();
        for (String t : query.getOrDefault("type", List.of())) {
            typeSet.add(known("type", t, types, "complaint type"));
        }
        LocalDate from = date(query, "from");
        LocalDate to = date(query, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadRequestException("from", "from must not be after to, was " + from + " > " + to);
        }
        Status status = status(single(query, "status"));
        Set<Integer> districtSet = new TreeSet<>();
        for (String d : query.getOrDefault("district", List.of())) {
            districtSet.add(district(d));
        }
        String agency = known("agency", single(query, "agency"), agencies, "agency");
        // sorted and without repeats: one spelling per filter, so that caches key on what it means
        return new Filter(category, List.copyOf(typeSet), from, to, status, List.copyOf(districtSet), agency);
    }

    private static String single(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0).trim();
    }

    private static String known(String parameter, String value, Map<String, String> canonical, String what) {
        if (value == null) {
            return null;
        }
        String found = canonical.get(value.trim().toLowerCase(Locale.ROOT));
        if (found == null) {
            throw new BadRequestException(parameter, "no " + what + " '" + value + "' in the data");
        }
        return found;
    }

    private static LocalDate date(Map<String, List<String>> query, String name) {
        String value = single(query, name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name, name + " must be a date like 2024-01-31, was '" + value + "'");
        }
    }

    private static Status status(String value) {
        if (value == null) {
            return null;
        }
        for (Status s : Status.values()) {
            if (s.code().equalsIgnoreCase(value)) {
                return s;
            }
        }
        throw new BadRequestException("status", "status must be open or closed, was '" + value + "'");
    }

    private int district(String value) {
        int boroCd;
        try {
            boroCd = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException("district", "district must be a BoroCD such as 307, was '" + value + "'");
        }
        if (!vocabulary.districts().contains(boroCd)) {
            throw new BadRequestException("district", "no community district " + boroCd + " in the data");
        }
        return boroCd;
    }

    private static Map<String, String> byLowerCase(Set<String> values) {
        Map<String, String> map = new HashMap<>();
        for (String v : values) {
            map.put(v.toLowerCase(Locale.ROOT), v);
        }
        return Map.copyOf(map); // immutable: one parser serves every request of a data version
    }
}
