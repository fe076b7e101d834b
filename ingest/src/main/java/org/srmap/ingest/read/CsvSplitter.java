package org.srmap.ingest.read;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 text into records, keeping each record's exact text and the physical line it starts on, which the
 * rejects table needs and general-purpose CSV libraries do not expose. It scans a char buffer once per record.
 *
 * <p>The rules are commons-csv's RFC 4180 format, which this class replaced (a differential test holds them equal):
 * a quote opens a quoted field only as the field's first character; inside one, a doubled quote is a quote and line
 * breaks are text; spaces and tabs between a closing quote and the next comma are dropped; anything else there is
 * broken quoting. Records end at LF or CR LF; empty lines are skipped.
 */
final class CsvSplitter {
    /** Why a record could not be split. */
    enum Broken {
        /** Text other than spaces follows a closing quote before the next comma or line end. */
        TEXT_AFTER_QUOTE,
        /** A quoted field is still open at the end of the input. */
        UNCLOSED_AT_END,
        /** The record runs past the character limit (usually a quote that never closes). */
        TOO_LONG
    }

    /**
     * One record.
     *
     * @param line the 1-based physical line the record starts on
     * @param raw the record's text without its line end; for a broken record, its first line only
     * @param fields the field values; empty for a broken record
     * @param terminated true when a line end closed the record (false at the end of the input)
     * @param broken why the record could not be split, or null
     * @param unclosedQuote for a broken record, whether its text so far holds an odd number of quotes
     * @param linesAfter for a broken record, the lines between its first line and the end of what was read
     */
    record Record(
            long line,
            String raw,
            List<String> fields,
            boolean terminated,
            Broken broken,
            boolean unclosedQuote,
            long linesAfter) {}

    private static final int CHUNK = 1 << 16;

    private final Reader in;
    private final int maxRecordChars;
    private char[] buf = new char[CHUNK * 2];
    private int pos;
    private int limit;
    private boolean eof;
    private long line = 1;
    private final List<String> fields = new ArrayList<>(64);
    private final StringBuilder quoted = new StringBuilder(256);

    CsvSplitter(Reader in, int maxRecordChars) {
        this.in = in;
        this.maxRecordChars = maxRecordChars;
    }

    /** The next record, or null at the end of the input. */
    Record next() throws IOException {
        if (!skipBlankLines()) {
            return null;
        }
        while (true) {
            int outcome = scan();
            if (outcome >= 0) {
                return finished(outcome);
            }
            if (outcome == NEED_MORE) {
                if (eof) {
                    return broken(Broken.UNCLOSED_AT_END); // with the whole input read, only quotes leave it open
                }
                if (limit - pos >= maxRecordChars) {
                    return broken(Broken.TOO_LONG);
                }
                fill(); // at the end of the input this sets eof and the record is scanned once more
            } else {
                return broken(Broken.TEXT_AFTER_QUOTE);
            }
        }
    }

    private static final int NEED_MORE = -1;
    private static final int BAD_QUOTE = -2;
    private boolean atEnd;
    private int stoppedAt;
    private int newlinesInQuotes;

    /**
     * Scans the record starting at {@link #pos}. Returns the index just past its last character (before the line
     * end), {@link #NEED_MORE} when the buffer ends first (or the input ends inside quotes), or {@link #BAD_QUOTE}.
     * Sets {@link #atEnd} when the input ended the record.
     */
    private int scan() {
        fields.clear();
        atEnd = false;
        newlinesInQuotes = 0;
        char[] b = buf;
        int i = pos;
        int end = limit;
        while (true) {
            if (i < end && b[i] == '"') {
                quoted.setLength(0);
                int from = ++i;
                while (true) {
                    if (i >= end) {
                        return NEED_MORE;
                    }
                    char q = b[i];
                    if (q == '\n') {
                        newlinesInQuotes++;
                    } else if (q == '"') {
                        if (i + 1 >= end && !eof) {
                            return NEED_MORE;
                        }
                        if (i + 1 < end && b[i + 1] == '"') {
                            quoted.append(b, from, i + 1 - from);
                            i += 2;
                            from = i;
                            continue;
                        }
                        quoted.append(b, from, i - from);
                        i++;
                        break;
                    }
                    i++;
                }
                while (i < end && (b[i] == ' ' || b[i] == '\t')) {
                    i++;
                }
                fields.add(quoted.toString());
                if (i >= end) {
                    if (!eof) {
                        return NEED_MORE;
                    }
                    atEnd = true;
                    return i;
                }
                char c = b[i];
                if (c == ',') {
                    i++;
                    continue;
                }
                if (c == '\n') {
                    return i;
                }
                if (c == '\r' && i + 1 < end && b[i + 1] == '\n') {
                    return i;
                }
                if (c == '\r' && i + 1 >= end) {
                    if (!eof) {
                        return NEED_MORE;
                    }
                    atEnd = true;
                    return i;
                }
                stoppedAt = i;
                return BAD_QUOTE;
            }
            int from = i;
            while (i < end) {
                char c = b[i];
                if (c == ',' || c == '\n') {
                    break;
                }
                i++;
            }
            if (i >= end && !eof) {
                return NEED_MORE;
            }
            int stop = i;
            if (stop > from && b[stop - 1] == '\r' && (stop >= end || b[stop] == '\n')) {
                stop--;
            }
            fields.add(stop == from ? "" : new String(b, from, stop - from)); // a third of fields are empty
            if (i >= end) {
                atEnd = true;
                return stop;
            }
            if (b[i] == ',') {
                i++;
                continue;
            }
            return stop;
        }
    }

    private Record finished(int stop) {
        String raw = new String(buf, pos, stop - pos);
        long start = line;
        int next = limit;
        boolean terminated = false;
        if (!atEnd) {
            next = buf[stop] == '\r' ? stop + 2 : stop + 1;
            terminated = true;
        }
        line += newlinesInQuotes + (terminated ? 1 : 0);
        pos = next;
        return new Record(start, raw, List.copyOf(fields), terminated, null, false, 0);
    }

    /** Reports the first line of a broken record and goes on with the line after it. */
    private Record broken(Broken why) throws IOException {
        int lineEnd = indexOfNewline(pos);
        while (lineEnd < 0 && !eof) {
            if (limit - pos >= maxRecordChars) {
                discardLongLine();
                lineEnd = indexOfNewline(pos);
                continue;
            }
            fill();
            lineEnd = indexOfNewline(pos);
        }
        int textEnd = lineEnd < 0 ? limit : lineEnd;
        if (textEnd > pos && buf[textEnd - 1] == '\r') {
            textEnd--;
        }
        String first = new String(buf, pos, Math.min(textEnd - pos, MalformedRow.MAX_RAW_TEXT));
        boolean odd = quotes(pos, why == Broken.TEXT_AFTER_QUOTE ? stoppedAt : limit) % 2 == 1;
        long after = lineEnd < 0 ? 0 : newlines(lineEnd + 1, limit);
        long start = line;
        line++;
        pos = lineEnd < 0 ? limit : lineEnd + 1;
        return new Record(start, first, List.of(), lineEnd >= 0, why, odd, after);
    }

    /** Keeps the start of an over-long first line and drops the rest of the buffer, so memory stays bounded. */
    private void discardLongLine() {
        int keep = Math.min(MalformedRow.MAX_RAW_TEXT + 1, limit - pos);
        System.arraycopy(buf, pos, buf, 0, keep);
        pos = 0;
        limit = keep;
    }

    /** Skips empty lines; false at the end of the input. */
    private boolean skipBlankLines() throws IOException {
        while (true) {
            if (pos >= limit && !fill()) {
                return false;
            }
            char c = buf[pos];
            if (c == '\n') {
                pos++;
                line++;
            } else if (c == '\r') {
                if (pos + 1 >= limit && !fill()) {
                    return true;
                }
                if (buf[pos + 1] != '\n') {
                    return true;
                }
                pos += 2;
                line++;
            } else {
                return true;
            }
        }
    }

    /** Reads more input after what is buffered, compacting or growing the buffer; false at the end. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (buf.length - limit < CHUNK) {
            char[] bigger = new char[Math.max(buf.length * 2, limit + CHUNK)];
            System.arraycopy(buf, 0, bigger, 0, limit);
            buf = bigger;
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    private int indexOfNewline(int from) {
        for (int i = from; i < limit; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private long newlines(int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    private long quotes(int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            if (buf[i] == '"') {
                n++;
            }
        }
        return n;
    }
}
