package org.srmap.ingest.normalize;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The statuses seen in 311 data, in their canonical Title Case spelling, and the mapping of other spellings. */
final class StatusNames {
    /** Every status seen in the 2010-2025 data. */
    static final List<String> CANONICAL = List.of(
            "Open",
            "Closed",
            "In Progress",
            "Assigned",
            "Pending",
            "Started",
            "Unassigned",
            "Email Sent",
            "Draft",
            "Cancel",
            "Unspecified");

    /** Each canonical status by itself and by its upper-case spelling, so the common case needs no case change. */
    private static final Map<String, String> BY_SPELLING = index();

    private StatusNames() {}

    /** The canonical spelling of a known status (any case, spaces collapsed), or null when it is not known. */
    static String canonical(String collapsed) {
        String exact = BY_SPELLING.get(collapsed);
        return exact != null ? exact : BY_SPELLING.get(collapsed.toUpperCase(Locale.ROOT));
    }

    /** {@code text} with each word's first letter upper case and the rest lower case. */
    static String titleCase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean wordStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(wordStart ? Character.toTitleCase(c) : Character.toLowerCase(c));
            wordStart = c == ' ' || c == '-' || c == '/';
        }
        return out.toString();
    }

    private static Map<String, String> index() {
        Map<String, String> index = new HashMap<>();
        for (String status : CANONICAL) {
            index.put(status, status);
            index.put(status.toUpperCase(Locale.ROOT), status);
        }
        return Map.copyOf(index);
    }
}
