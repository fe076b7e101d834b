package org.srmap.ingest.read;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Which {@link Field} each column of a header holds, and which headers are unknown. */
final class HeaderLayout {
    /** Normalised prefixes of 311 columns we do not use (school, taxi, bridge, ferry, garage, computed regions). */
    private static final List<String> UNUSED_PREFIXES =
            List.of("school", "taxi", "bridge", "ferry", "garage", "computedregion");

    /** Normalised names of other 311 columns we do not use; {@code unnamed0} is the index column pandas writes. */
    private static final Set<String> UNUSED_NAMES = Set.of("vehicletype", "roadramp", "unnamed0", "index");

    private static final int MAX_LISTED = 10;

    private final List<String> headers;
    private final Field[] fieldAt;
    private final EnumSet<Field> present;
    private final List<String> unknown;

    private HeaderLayout(List<String> headers) {
        this.headers = List.copyOf(headers);
        this.fieldAt = new Field[headers.size()];
        this.present = EnumSet.noneOf(Field.class);
        this.unknown = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            Optional<Field> field = Field.forHeader(header);
            if (field.isPresent() && present.add(field.get())) {
                fieldAt[i] = field.get();
            } else if (field.isPresent() || !isKnownUnused(header)) {
                // A second column for a field we already have is reported like an unknown one and ignored.
                unknown.add(header);
            }
        }
    }

    /** The layout of {@code headers}, the header names as written. */
    static HeaderLayout of(List<String> headers) {
        return new HeaderLayout(headers);
    }

    /** True when {@code header} is a 311 column we deliberately ignore (school_*, taxi_*, computed regions...). */
    static boolean isKnownUnused(String header) {
        if (header.startsWith(":")) {
            return true; // Socrata system columns (:id, :created_at, :version...)
        }
        String normalized = Field.normalizeHeader(header);
        if (UNUSED_NAMES.contains(normalized)) {
            return true;
        }
        for (String prefix : UNUSED_PREFIXES) {
            if (normalized.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    int width() {
        return fieldAt.length;
    }

    /** The field in column {@code index}, or null when the column is unused or unknown. */
    Field fieldAt(int index) {
        return fieldAt[index];
    }

    List<String> headers() {
        return headers;
    }

    List<String> unknownHeaders() {
        return List.copyOf(unknown);
    }

    /**
     * Checks that the header looks like a 311 export and has the columns every row needs.
     *
     * @param sourceName the file's name, which starts the message
     * @param where how the message names the header, e.g. "the header" or "the first record"
     * @param json true to name columns by their SODA key ({@code unique_key}) instead of their CSV header
     */
    void requireCoreColumns(String sourceName, String where, boolean json) throws SourceFormatException {
        if (present.isEmpty()) {
            throw new SourceFormatException(String.format(
                    Locale.ROOT,
                    "%s: %s does not look like a 311 export: none of its names is a 311 column such as %s or %s;"
                            + " found: %s",
                    sourceName,
                    where,
                    columnName(Field.UNIQUE_KEY, json),
                    columnName(Field.CREATED_DATE, json),
                    listed(headers)));
        }
        for (Field required : List.of(Field.UNIQUE_KEY, Field.CREATED_DATE)) {
            if (!present.contains(required)) {
                throw new SourceFormatException(String.format(
                        Locale.ROOT,
                        "%s: no %s %s in %s; found: %s",
                        sourceName,
                        columnName(required, json),
                        json ? "key" : "column",
                        where,
                        listed(headers)));
            }
        }
    }

    private static String columnName(Field field, boolean json) {
        String name =
                json ? field.displayName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_") : field.displayName();
        return "'" + name + "'";
    }

    /** At most ten names, comma-separated, with a count of the rest. */
    static String listed(List<String> names) {
        if (names.isEmpty()) {
            return "(nothing)";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(MAX_LISTED, names.size()); i++) {
            if (i > 0) {
                out.append(", ");
            }
            String name = names.get(i);
            out.append(name.length() > 40 ? name.substring(0, 40) + "..." : name);
        }
        if (names.size() > MAX_LISTED) {
            out.append(String.format(Locale.ROOT, ", ... (%d more)", names.size() - MAX_LISTED));
        }
        return out.toString();
    }
}
