package org.srmap.server.tiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

/** A tile as the caches keep it: compressed once, with its entity tag. Immutable. */
public final class CachedTile {
    /** Magic, deflate, no flags, no time, no extra flags, unknown operating system. */
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private static final int GZIP_TRAILER_BYTES = 8;

    /** Raw deflate (the gzip framing is written here), reset for each tile. */
    private static final ThreadLocal<Deflater> DEFLATERS =
            ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED, true));

    private final byte[] gzip;
    private final boolean empty;
    private final boolean capped;
    private final String etag;

    private CachedTile(byte[] gzip, boolean empty, boolean capped, String etag) {
        this.gzip = gzip;
        this.empty = empty;
        this.capped = capped;
        this.etag = etag;
    }

    /**
     * Compresses a tile just drawn, at gzip's fastest level: on a dense point tile (126 kB) level 6
     * took 5.0 ms against 1.4 ms for a result 6% larger, and an uncached tile waits for it.
     */
    public static CachedTile of(Tile tile, String etag) {
        return new CachedTile(gzip(tile.bytes()), tile.bytes().length == 0, tile.capped(), etag);
    }

    /**
     * RFC 1952 gzip of {@code data}: a header, raw deflate by this thread's {@link Deflater} and the
     * CRC-32 and length. GZIPOutputStream cannot reuse a Deflater, and a new one per tile (zlib's
     * 256 kB of state, allocated and cleared) with its 512-byte output steps took a quarter of the
     * server's CPU on uncached district tiles of 1-13 kB (docs/benchmarks.md).
     */
    static byte[] gzip(byte[] data) {
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        deflater.setInput(data);
        deflater.finish();
        // deflate's own bound for incompressible input: 5 bytes per 16 kB block beyond the data
        byte[] out = new byte[GZIP_HEADER.length + data.length + 5 * (data.length / 16_384 + 1) + 16];
        System.arraycopy(GZIP_HEADER, 0, out, 0, GZIP_HEADER.length);
        int n = GZIP_HEADER.length;
        while (!deflater.finished()) {
            if (n == out.length - GZIP_TRAILER_BYTES) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            n += deflater.deflate(out, n, out.length - GZIP_TRAILER_BYTES - n);
        }
        CRC32 crc = new CRC32();
        crc.update(data);
        n = littleEndian(out, n, (int) crc.getValue());
        n = littleEndian(out, n, data.length);
        return Arrays.copyOf(out, n);
    }

    private static int littleEndian(byte[] out, int at, int value) {
        for (int i = 0; i < 4; i++) {
            out[at + i] = (byte) (value >>> (8 * i));
        }
        return at + 4;
    }

    /** The compressed tile (not copied: do not change it). */
    public byte[] gzip() {
        return gzip;
    }

    /** The tile itself, for the rare client that does not accept gzip. */
    public byte[] plain() {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("gunzip of our own bytes cannot fail", e);
        }
    }

    public boolean empty() {
        return empty;
    }

    public boolean capped() {
        return capped;
    }

    public String etag() {
        return etag;
    }

    /** What the tile costs the cache, in bytes. */
    int weight() {
        return gzip.length + etag.length() + 64;
    }
}
