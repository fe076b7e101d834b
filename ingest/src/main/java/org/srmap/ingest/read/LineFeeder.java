package org.srmap.ingest.read;

import java.io.IOException;
import java.io.Reader;
import java.util.Locale;

/**
 * Hands text to the CSV parser at most one line per read and keeps what it handed over, so the reader knows the exact
 * text of each record and the line it starts on.
 *
 * <p>commons-csv buffers its input; because no read returns text past a line end, the parser has consumed exactly the
 * text delivered so far whenever it returns a record. Text can be given back ({@link #replay}) to be read again after
 * the parser is restarted. A record that grows past {@link #maxRecordChars} stops with {@link RecordTooLongException}
 * instead of filling memory.
 */
final class LineFeeder extends Reader {
    /** Thrown through the parser when one record's text passes the limit, e.g. after a quote that never closes. */
    static final class RecordTooLongException extends IOException {
        RecordTooLongException(int limit) {
            super(String.format(Locale.ROOT, "a record is longer than %,d characters", limit));
        }
    }

    private final Reader in;
    private final int maxRecordChars;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    private boolean endOfInput;
    private String replay = "";
    private int replayPosition;
    private final StringBuilder delivered = new StringBuilder(1024);

    LineFeeder(Reader in, int maxRecordChars) {
        this.in = in;
        this.maxRecordChars = maxRecordChars;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (delivered.length() >= maxRecordChars) {
            throw new RecordTooLongException(maxRecordChars);
        }
        if (replayPosition < replay.length()) {
            int end = lineEnd(replay, replayPosition, Math.min(replay.length(), replayPosition + len));
            int n = end - replayPosition;
            replay.getChars(replayPosition, end, cbuf, off);
            delivered.append(replay, replayPosition, end);
            replayPosition = end;
            return n;
        }
        if (position == limit && !fill()) {
            return -1;
        }
        int end = position;
        int stop = Math.min(limit, position + len);
        while (end < stop) {
            if (buffer[end++] == '\n') {
                break;
            }
        }
        int n = end - position;
        System.arraycopy(buffer, position, cbuf, off, n);
        delivered.append(buffer, position, n);
        position = end;
        return n;
    }

    private static int lineEnd(String text, int from, int stop) {
        for (int i = from; i < stop; i++) {
            if (text.charAt(i) == '\n') {
                return i + 1;
            }
        }
        return stop;
    }

    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            endOfInput = true;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    /** The text delivered since the last {@link #clearDelivered()}: the current record, with any blank lines before it. */
    CharSequence delivered() {
        return delivered;
    }

    void clearDelivered() {
        delivered.setLength(0);
        if (delivered.capacity() > 1 << 20) {
            delivered.trimToSize();
        }
    }

    /**
     * Delivers the rest of the current line into {@link #delivered()} without handing it to the parser, so a broken
     * record's first line is complete; text past the record limit is skipped rather than kept.
     */
    void finishLine() throws IOException {
        char[] one = new char[1];
        while (true) {
            if (delivered.length() >= maxRecordChars - 1) {
                delivered.setLength(maxRecordChars - 2);
            }
            if (read(one, 0, 1) <= 0 || one[0] == '\n') {
                return;
            }
        }
    }

    /** True once the end of the input was reached and everything was delivered. */
    boolean exhausted() throws IOException {
        return replayPosition >= replay.length() && position == limit && (endOfInput || !fill());
    }

    /** Makes {@code text} the next text delivered, ahead of the unread input; forgets what was delivered. */
    void replay(String text) {
        String unreadReplay = replay.substring(replayPosition);
        replay = text + unreadReplay;
        replayPosition = 0;
        clearDelivered();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
