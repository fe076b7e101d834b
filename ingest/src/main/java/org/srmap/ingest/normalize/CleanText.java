package org.srmap.ingest.normalize;

/**
 * Trimming, missing-value markers and space collapsing for the free-text fields. Returns the input instance when
 * nothing changes, so clean values cost no allocation.
 */
final class CleanText {
    private CleanText() {}

    /** Trimmed text, or null when empty or a missing-value marker ({@code N/A}, {@code NA}, {@code Unspecified}). */
    static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.strip();
        return isMissingMarker(trimmed) ? null : trimmed;
    }

    /** Like {@link #text} with runs of internal whitespace collapsed to one space. */
    static String collapsed(String raw) {
        String text = text(raw);
        return text == null ? null : collapseSpaces(text);
    }

    /** Trimmed text as written, or null when empty; missing-value markers are kept. */
    static String verbatim(String raw) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** True for the empty string and, ignoring case, {@code N/A}, {@code NA} and {@code Unspecified}. */
    static boolean isMissingMarker(String trimmed) {
        return switch (trimmed.length()) {
            case 0 -> true;
            case 2 -> trimmed.equalsIgnoreCase("NA");
            case 3 -> trimmed.equalsIgnoreCase("N/A");
            case 11 -> trimmed.equalsIgnoreCase("Unspecified");
            default -> false;
        };
    }

    /** {@code text} with every run of whitespace replaced by one space. */
    static String collapseSpaces(String text) {
        int firstRun = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)
                    && (c != ' ' || (i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1))))) {
                firstRun = i;
                break;
            }
        }
        if (firstRun < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, firstRun);
        boolean inSpace = false;
        for (int i = firstRun; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (!inSpace) {
                    out.append(' ');
                }
                inSpace = true;
            } else {
                out.append(c);
                inSpace = false;
            }
        }
        return out.toString();
    }
}
