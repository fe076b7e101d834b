package org.srmap.ingest.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
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

    /**
     * An instant as UTC text PostgreSQL reads ({@code 2018-10-21T04:00:00Z}, with a fraction when
     * there is one), written without a formatter: it runs for every timestamp of every row.
     */
    CopyRow instant(Instant value) {
        if (value == null) {
            return nul();
        }
        long seconds = value.getEpochSecond();
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(days);
        if (date.getYear() < 1000 || date.getYear() > 9999) {
            sep();
            line.append(value);
            return this;
        }
        sep();
        line.append(date.getYear()).append('-');
        two(date.getMonthValue()).append('-');
        two(date.getDayOfMonth()).append('T');
        two(secondOfDay / 3600).append(':');
        two(secondOfDay / 60 % 60).append(':');
        two(secondOfDay % 60);
        if (value.getNano() != 0) {
            String nanos = Integer.toString(1_000_000_000 + value.getNano());
            line.append('.').append(nanos, 1, 10);
        }
        line.append('Z');
        return this;
    }

    private StringBuilder two(int v) {
        return line.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
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

    /**
     * A WGS84 point as hex EWKB, the text form PostGIS reads fastest, or null when {@code lon} is
     * NaN.
     */
    CopyRow point(double lon, double lat) {
        if (Double.isNaN(lon) || Double.isNaN(lat)) {
            return nul();
        }
        sep();
        line.append(EWKB_POINT_4326);
        hexLittleEndian(Double.doubleToRawLongBits(lon));
        hexLittleEndian(Double.doubleToRawLongBits(lat));
        return this;
    }

    /** Little-endian byte order, geometry type Point with the SRID flag, SRID 4326. */
    private static final String EWKB_POINT_4326 = "0101000020E6100000";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private void hexLittleEndian(long bits) {
        for (int i = 0; i < 8; i++) {
            int b = (int) (bits >>> (8 * i)) & 0xFF;
            line.append(HEX[b >>> 4]).append(HEX[b & 0xF]);
        }
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
