package org.srmap.ingest.load;

import java.io.IOException;

/**
 * Builds one line of PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash
 * escapes. NUL characters, which PostgreSQL text cannot hold, become U+FFFD and are counted.
 */
final class CopyRow {
    private final StringBuilder line = new StringBuilder(1024);
    private boolean first = true;
    private int nulsReplaced;

    CopyRow text(String value) {
        sep();
        if (value == null) {
            line.append("\\N");
            return this;
        }
        int n = value.length();
        int clean = 0;
        while (clean < n) {
            char c = value.charAt(clean);
            if (c < ' ' || c == '\\') {
                break;
            }
            clean++;
        }
        if (clean == n) {
            line.append(value);
            return this;
        }
        line.append(value, 0, clean);
        for (int i = clean; i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\0' -> {
                    line.append('\uFFFD');
                    nulsReplaced++;
                }
                default -> line.append(c);
            }
        }
        return this;
    }

    CopyRow number(long value) {
        sep();
        line.append(value);
        return this;
    }

    /** A number, or null when {@code value} is 0 (the "none" of districts and cells). */
    CopyRow numberOrNull(long value) {
        if (value == 0) {
            return nul();
        }
        return number(value);
    }

    CopyRow number(double value) {
        if (Double.isNaN(value)) {
            return nul();
        }
        sep();
        line.append(value);
        return this;
    }

    CopyRow bool(boolean value) {
        sep();
        line.append(value ? 't' : 'f');
        return this;
    }

    CopyRow nul() {
        sep();
        line.append("\\N");
        return this;
    }

    /** Writes the line and its newline, and starts a new one. */
    void writeTo(Appendable out) throws IOException {
        line.append('\n');
        out.append(line);
        line.setLength(0);
        first = true;
    }

    int nulsReplaced() {
        return nulsReplaced;
    }

    private void sep() {
        if (!first) {
            line.append('\t');
        }
        first = false;
    }
}
