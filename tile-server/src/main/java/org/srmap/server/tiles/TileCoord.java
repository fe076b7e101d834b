package org.srmap.server.tiles;

/** A tile of the Web Mercator pyramid (XYZ scheme: y grows southwards). */
public record TileCoord(int z, int x, int y) {
    /** Deepest zoom served. */
    public static final int MAX_ZOOM = 22;

    public TileCoord {
        if (z < 0 || z > MAX_ZOOM) {
            throw new IllegalArgumentException("z must be 0.." + MAX_ZOOM + ", was " + z);
        }
        int last = (1 << z) - 1;
        if (x < 0 || x > last) {
            throw new IllegalArgumentException("x must be 0.." + last + " at z " + z + ", was " + x);
        }
        if (y < 0 || y > last) {
            throw new IllegalArgumentException("y must be 0.." + last + " at z " + z + ", was " + y);
        }
    }
}
