package org.srmap.ingest.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Builds one line of PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash
 * escapes. NUL characters, which PostgreSQL text cannot hold, become U+FFFD and are counted.
 */
final class CopyRow {
    private final StringBuilder line = new StringBuilder(1024);
    private final MessageDigest md5 = newMd5();
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

    /** Where the next field starts: pass it to {@link #digestFrom}. */
    int position() {
        return line.length() + (first ? 0 : 1);
    }

    /**
     * A 128-bit digest (MD5, as a UUID) of the line's text from {@code position} on: equal fields give
     * equal digests, so it tells an unchanged row from a changed one.
     */
    UUID digestFrom(int position) {
        md5.reset();
        byte[] hash = md5.digest(line.substring(position, line.length()).getBytes(StandardCharsets.UTF_8));
        ByteBuffer b = ByteBuffer.wrap(hash);
        return new UUID(b.getLong(), b.getLong());
    }

    int nulsReplaced() {
        return nulsReplaced;
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    private void sep() {
        if (!first) {
            line.append('\t');
        }
        first = false;
    }
}
