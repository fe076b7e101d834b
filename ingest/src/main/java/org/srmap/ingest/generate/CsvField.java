package org.srmap.ingest.generate;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One CSV field's text, quoted once as RFC 4180 requires (only when it holds a comma, a quote or a line
 * break, with quotes doubled) and encoded as UTF-8, so that writing it is a plain byte copy.
 */
final class CsvField {

    /** The empty field. */
    static final CsvField EMPTY = new CsvField("");

    private final String text;
    private final byte[] bytes;

    private CsvField(String text) {
        this.text = text;
        this.bytes = escape(text).getBytes(StandardCharsets.UTF_8);
    }

    /** The field for a text, which may be empty but not null. */
    static CsvField of(String text) {
        Objects.requireNonNull(text, "text must not be null");
        return text.isEmpty() ? EMPTY : new CsvField(text);
    }

    /** The unquoted text. */
    String text() {
        return text;
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    /** The bytes written for this field, quoted where needed. */
    int byteLength() {
        return bytes.length;
    }

    void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, bytes.length);
    }

    @Override
    public String toString() {
        return text;
    }

    private static String escape(String text) {
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
