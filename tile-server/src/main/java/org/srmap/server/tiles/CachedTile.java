package org.srmap.server.tiles;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** A tile as the caches keep it: compressed once, with its entity tag. Immutable. */
public final class CachedTile {
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
        ByteArrayOutputStream out = new ByteArrayOutputStream(tile.bytes().length / 2 + 64);
        try (GZIPOutputStream gz = new FastGzip(out)) {
            gz.write(tile.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory cannot fail", e);
        }
        return new CachedTile(out.toByteArray(), tile.bytes().length == 0, tile.capped(), etag);
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

    /** gzip at {@link Deflater#BEST_SPEED}. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(ByteArrayOutputStream out) throws IOException {
            super(out);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
