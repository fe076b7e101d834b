package org.srmap.server.tiles;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.srmap.server.problem.BadRequestException;

/** The layers a tile can hold, by the name the URL and the tile use. */
public enum Layer {
    /** Community districts with counts, rate per 1,000 residents and unplaced requests. */
    DISTRICTS(
            "community districts: requests counted (in the district of their point, else the one they report),"
                    + " per 1,000 residents (absent where nobody lives), and how many have no point",
            "boro_cd:Number count:Number rate:Number unplaced:Number"),
    /** H3 cells with counts, open counts and the most frequent type, from the H3 rollup. */
    HEXBINS(
            "H3 cells (resolution 6 to zoom 10, 7 at 11, 8 deeper): requests, open ones, the type counted most",
            "cell:String count:Number open:Number top_type:String"),
    /** Service requests as points, at high zoom. */
    REQUESTS(
            "service requests with a point (a dense tile: an even sample of them), newest first up to the cap;"
                    + " created and closed in epoch seconds",
            "unique_key:Number category:String complaint_type:String descriptor:String status:String"
                    + " created:Number closed:Number");

    private final String description;
    private final Map<String, String> fields;

    Layer(String description, String fields) {
        this.description = description;
        Map<String, String> map = new LinkedHashMap<>();
        for (String f : fields.split(" ")) {
            String[] nameType = f.split(":", 2);
            map.put(nameType[0], nameType[1]);
        }
        this.fields = Collections.unmodifiableMap(map);
    }

    /** What the layer shows, for TileJSON. */
    public String description() {
        return description;
    }

    /** The properties of its features, name to TileJSON type, in order. */
    public Map<String, String> fields() {
        return fields;
    }

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
