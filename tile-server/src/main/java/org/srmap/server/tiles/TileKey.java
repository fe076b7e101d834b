package org.srmap.server.tiles;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.srmap.server.filter.Filter;

/**
 * What a tile depends on: its layers, coordinates, (canonical) filter and the data version. The
 * caches key on it and its {@link #etag()} names it to clients, so a new data version is a new
 * tile everywhere.
 */
public record TileKey(List<Layer> layers, TileCoord coord, Filter filter, long dataVersion) {
    public TileKey {
        layers = List.copyOf(layers);
    }

    /** A strong entity tag: a digest of the key, quoted. */
    public String etag() {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(toString().getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
