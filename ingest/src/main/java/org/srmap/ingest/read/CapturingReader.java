package org.srmap.ingest.read;

import java.io.IOException;
import java.io.Reader;

/** Keeps the text read through it, from a movable start, so the exact text of a JSON element can be recovered. */
final class CapturingReader extends Reader {
    private final Reader in;
    private final StringBuilder captured = new StringBuilder(8 * 1024);
    private long capturedFrom;

    CapturingReader(Reader in) {
        this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        int n = in.read(cbuf, off, len);
        if (n > 0) {
            captured.append(cbuf, off, n);
        }
        return n;
    }

    /** The text between two character offsets counted from the start of the input; {@code to} is clamped. */
    String text(long from, long to) {
        int start = (int) Math.max(0, from - capturedFrom);
        int end = (int) Math.min(captured.length(), to - capturedFrom);
        return start >= end ? "" : captured.substring(start, end);
    }

    /** Everything kept from {@code from} on. */
    String textFrom(long from) {
        return text(from, capturedFrom + captured.length());
    }

    /** Forgets the text before {@code offset}. */
    void discardBefore(long offset) {
        int n = (int) Math.min(captured.length(), offset - capturedFrom);
        if (n > 0) {
            captured.delete(0, n);
            capturedFrom += n;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
