package org.srmap.ingest.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A large byte buffer in front of an output stream, with the few appends a CSV row needs: ready-made
 * fields, single bytes, integers and fixed-point coordinates. Only {@link #reserve} and {@link #flush}
 * touch the stream, so a row is built entirely in memory and can be cut short ({@link #truncateTo})
 * before it is written. Not thread-safe.
 */
final class RowBuffer {

    private static final long COORDINATE_SCALE = 100_000_000_000_000L; // 14 decimals
    private static final int COORDINATE_DECIMALS = 14;

    private final OutputStream out;
    private final byte[] buffer;
    private final byte[] digits = new byte[20];
    private int position;

    RowBuffer(OutputStream out, int capacity) {
        if (capacity < 1024) {
            throw new IllegalArgumentException("capacity must be >= 1024, was " + capacity);
        }
        this.out = out;
        this.buffer = new byte[capacity];
    }

    /** Makes sure the next {@code bytes} appends fit, writing out what is buffered if they would not. */
    void reserve(int bytes) throws IOException {
        if (bytes > buffer.length) {
            throw new IllegalArgumentException(
                    "cannot reserve " + bytes + " bytes in a " + buffer.length + " byte buffer");
        }
        if (buffer.length - position < bytes) {
            flush();
        }
    }

    /** Writes out everything buffered and flushes the stream. */
    void flush() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
        out.flush();
    }

    int position() {
        return position;
    }

    /** Forgets everything appended after {@code mark}, a position taken since the last reserve. */
    void truncateTo(int mark) {
        if (mark < 0 || mark > position) {
            throw new IllegalArgumentException("mark must be 0.." + position + ", was " + mark);
        }
        position = mark;
    }

    void put(CsvField field) {
        field.copyTo(buffer, position);
        position += field.byteLength();
    }

    void put(byte b) {
        buffer[position++] = b;
    }

    void put(byte[] bytes, int offset, int length) {
        System.arraycopy(bytes, offset, buffer, position, length);
        position += length;
    }

    /** Copies bytes already appended, e.g. a coordinate written once and needed again. */
    void repeat(int from, int length) {
        System.arraycopy(buffer, from, buffer, position, length);
        position += length;
    }

    /** Appends text that is known to be ASCII and to need no quoting. */
    void putAscii(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        put(bytes, 0, bytes.length);
    }

    void putLong(long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                putAscii(Long.toString(value));
                return;
            }
            put((byte) '-');
            value = -value;
        }
        int i = digits.length;
        do {
            digits[--i] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        put(digits, i, digits.length - i);
    }

    /**
     * Appends a coordinate in degrees with up to 14 decimals and no trailing zeros (at least one
     * decimal), the way the 311 exports print latitudes and longitudes.
     */
    void putCoordinate(double degrees) {
        if (!(Math.abs(degrees) <= 180)) {
            throw new IllegalArgumentException("degrees must be -180..180, was " + degrees);
        }
        long scaled = Math.round(Math.abs(degrees) * COORDINATE_SCALE);
        if (degrees < 0 && scaled != 0) {
            put((byte) '-');
        }
        putLong(scaled / COORDINATE_SCALE);
        put((byte) '.');
        long fraction = scaled % COORDINATE_SCALE;
        int end = digits.length;
        int start = end - COORDINATE_DECIMALS;
        for (int i = end - 1; i >= start; i--) {
            digits[i] = (byte) ('0' + fraction % 10);
            fraction /= 10;
        }
        while (end > start + 1 && digits[end - 1] == '0') {
            end--;
        }
        put(digits, start, end - start);
    }
}
