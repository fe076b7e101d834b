package org.srmap.server.tiles;

/**
 * An encoded tile: the Mapbox Vector Tile bytes, and whether its requests layer holds fewer than all
 * the requests the filter matches there (sampled, or cut at the cap).
 */
public final class Tile {
    private final byte[] bytes;
    private final boolean capped;

    /**
     * @param bytes the tile, empty when no layer has features (not copied: the caller hands it over)
     * @param capped whether the requests layer was sampled or cut at the cap (the tile then also
     *     holds a {@code requests_capped} layer)
     */
    public Tile(byte[] bytes, boolean capped) {
        this.bytes = bytes;
        this.capped = capped;
    }

    /** The encoded tile (not copied). */
    public byte[] bytes() {
        return bytes;
    }

    public boolean capped() {
        return capped;
    }
}
