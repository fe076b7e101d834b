package org.srmap.ingest.run;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts the bytes read through it and computes their SHA-256 (the run's source checksum). Closing
 * it does not close the underlying stream: the reader may close it at end of data, while the ingest
 * still drains what follows for the checksum; the owner closes the underlying stream.
 */
final class MeteredInputStream extends FilterInputStream {
    private final MessageDigest sha256;
    private long bytes;

    MeteredInputStream(InputStream in) {
        super(in);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            sha256.update((byte) b);
            bytes++;
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            sha256.update(buf, off, n);
            bytes += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public void close() {
        // the owner closes the underlying stream
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    long bytes() {
        return bytes;
    }

    /** The digest of everything read so far, in hex. Call once, at the end. */
    String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
