package org.srmap.ingest.load;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/**
 * One tuple of PostgreSQL's binary COPY format, built field by field: the server reads typed values
 * instead of parsing text (a third less work per row than the text format, measured on service
 * requests). Field types must match the target columns exactly; each method names its SQL type.
 */
final class BinaryRow {
    /** The signature, flags and header-extension length that open a binary COPY stream. */
    static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
    };

    /** The field count -1 that ends a binary COPY stream. */
    static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};

    private static final long PG_EPOCH_SECONDS = LocalDate.of(2000, 1, 1).toEpochDay() * 86_400L;
    private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    private byte[] buf = new byte[2048];
    private int length;
    private int fields;
    private int nulsReplaced;
    private final MessageDigest md5 = newMd5();

    /** bigint */
    BinaryRow int8(long value) {
        fieldLength(8);
        putLong(value);
        return this;
    }

    /** bigint, or null when {@code value} is 0 (the "none" of cells). */
    BinaryRow int8OrNull(long value) {
        return value == 0 ? nul() : int8(value);
    }

    /** smallint, or null when {@code value} is 0 (the "none" of districts). */
    BinaryRow int2OrNull(int value) {
        if (value == 0) {
            return nul();
        }
        if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
            throw new IllegalArgumentException("a smallint must be -32768..32767, was " + value);
        }
        fieldLength(2);
        ensure(2);
        buf[length++] = (byte) (value >>> 8);
        buf[length++] = (byte) value;
        return this;
    }

    /** boolean */
    BinaryRow bool(boolean value) {
        fieldLength(1);
        ensure(1);
        buf[length++] = (byte) (value ? 1 : 0);
        return this;
    }

    /** text, UTF-8; NUL characters, which PostgreSQL cannot store, become U+FFFD. */
    BinaryRow text(String value) {
        if (value == null) {
            return nul();
        }
        if (value.indexOf('\0') >= 0) {
            nulsReplaced++;
            value = value.replace('\0', '\uFFFD');
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        fieldLength(bytes.length);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, length, bytes.length);
        length += bytes.length;
        return this;
    }

    /** timestamptz: microseconds since 2000-01-01 UTC (sub-microsecond digits are dropped). */
    BinaryRow timestamptz(Instant value) {
        if (value == null) {
            return nul();
        }
        long micros = Math.addExact(
                Math.multiplyExact(value.getEpochSecond() - PG_EPOCH_SECONDS, 1_000_000L), value.getNano() / 1_000);
        return int8(micros);
    }

    /** date: days since 2000-01-01. */
    BinaryRow date(LocalDate value) {
        if (value == null) {
            return nul();
        }
        fieldLength(4);
        putInt(Math.toIntExact(value.toEpochDay() - PG_EPOCH_DAY));
        return this;
    }

    /** uuid */
    BinaryRow uuid(UUID value) {
        fieldLength(16);
        putLong(value.getMostSignificantBits());
        putLong(value.getLeastSignificantBits());
        return this;
    }

    /** geometry(Point, 4326) as little-endian EWKB, or null when {@code lon} is NaN. */
    BinaryRow point(double lon, double lat) {
        if (Double.isNaN(lon) || Double.isNaN(lat)) {
            return nul();
        }
        fieldLength(25);
        ensure(25);
        buf[length++] = 1;
        putLittleEndianInt(0x20000001);
        putLittleEndianInt(4326);
        putLittleEndianLong(Double.doubleToRawLongBits(lon));
        putLittleEndianLong(Double.doubleToRawLongBits(lat));
        return this;
    }

    BinaryRow nul() {
        fieldLength(-1);
        return this;
    }

    /** Fields added since the row was started. */
    int fields() {
        return fields;
    }

    /** MD5 of the bytes of the fields added so far: equal fields give equal digests. */
    UUID digest() {
        md5.reset();
        md5.update(buf, 0, length);
        byte[] h = md5.digest();
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = hi << 8 | (h[i] & 0xFF);
            lo = lo << 8 | (h[i + 8] & 0xFF);
        }
        return new UUID(hi, lo);
    }

    /** Writes the tuple (field count, then the fields) and starts a new row. */
    void writeTo(OutputStream out) throws IOException {
        out.write(fields >>> 8);
        out.write(fields);
        out.write(buf, 0, length);
        length = 0;
        fields = 0;
        if (buf.length > 1 << 20) {
            buf = new byte[2048];
        }
    }

    int nulsReplaced() {
        return nulsReplaced;
    }

    private void fieldLength(int n) {
        fields++;
        putInt(n);
    }

    private void putInt(int v) {
        ensure(4);
        buf[length++] = (byte) (v >>> 24);
        buf[length++] = (byte) (v >>> 16);
        buf[length++] = (byte) (v >>> 8);
        buf[length++] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }

    private void putLittleEndianInt(int v) {
        buf[length++] = (byte) v;
        buf[length++] = (byte) (v >>> 8);
        buf[length++] = (byte) (v >>> 16);
        buf[length++] = (byte) (v >>> 24);
    }

    private void putLittleEndianLong(long v) {
        putLittleEndianInt((int) v);
        putLittleEndianInt((int) (v >>> 32));
    }

    private void ensure(int n) {
        if (length + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + n));
        }
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
