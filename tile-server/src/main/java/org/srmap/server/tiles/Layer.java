package org.srmap.server.tiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.srmap.server.problem.BadRequestException;

/** The layers a tile can hold, by the name the URL and the tile use. */
public enum Layer {
    /** Community districts with counts, rate per 1,000 residents and unplaced requests. */
    DISTRICTS,
    /** H3 cells with counts, open counts and the most frequent type, from the daily H3 rollup. */
    HEXBINS,
    /** Service requests as points, at high zoom. */
    REQUESTS;

    /** The layer's name in URLs and tiles. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The layers of a comma-separated list such as {@code districts,requests}, in its order. */
    public static List<Layer> parseList(String list) {
        List<Layer> layers = new ArrayList<>();
        for (String part : list.split(",", -1)) {
            Layer found = null;
            for (Layer l : values()) {
                if (l.id().equals(part.trim())) {
                    found = l;
                }
            }
            if (found == null) {
                throw new BadRequestException("layers", "no layer '" + part + "'; the layers are " + names());
            }
            if (layers.contains(found)) {
                throw new BadRequestException("layers", "layer '" + part + "' is listed twice");
            }
            layers.add(found);
        }
        return layers;
    }

    private static String names() {
        List<String> names = new ArrayList<>();
        for (Layer l : values()) {
            names.add(l.id());
        }
        return String.join(", ", names);
    }
}
