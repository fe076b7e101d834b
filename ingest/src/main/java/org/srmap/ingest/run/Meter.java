package org.srmap.ingest.run;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts the bytes of a source and computes their SHA-256 (the run's checksum), across every stream
 * the source opens (a file is one stream, an API is one per page).
 */
public final class Meter {
    private final MessageDigest sha256;
    private long bytes;

    public Meter() {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A stream whose bytes are metered as they are read; closing it closes {@code in}. */
    public InputStream wrap(InputStream in) {
        return new FilterInputStream(in) {
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
            public boolean markSupported() {
                return false;
            }
        };
    }

    public long bytes() {
        return bytes;
    }

    /** The digest of everything metered, in hex. Call once, at the end. */
    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
