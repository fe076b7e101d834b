package org.srmap.server.tiles;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.srmap.geocoder.crs.Projections;
import org.srmap.server.filter.Filter;

/**
 * A TileJSON 3.0.0 document for some layers and a filter: its tile URL carries the filter, so a map
 * that loads it draws exactly what was asked for.
 */
public record TileJson(
        String tilejson,
        String name,
        String description,
        String attribution,
        List<String> tiles,
        @JsonProperty("vector_layers") List<VectorLayer> vectorLayers,
        int minzoom,
        int maxzoom,
        List<Double> bounds,
        List<Double> center) {
    /** One layer's id, fields (name to type) and zooms. */
    public record VectorLayer(String id, String description, Map<String, String> fields, int minzoom, int maxzoom) {}

    static final String ATTRIBUTION = "NYC 311 Service Requests, NYC Open Data; community districts, NYC DCP";

    /** The document for {@code layers} and {@code filter}, with tile URLs under {@code base} (no trailing slash). */
    static TileJson of(String base, List<Layer> layers, Filter filter, int requestsMinZoom) {
        List<String> ids = layers.stream().map(Layer::id).toList();
        String query = query(filter);
        String url =
                base + "/tiles/" + String.join(",", ids) + "/{z}/{x}/{y}.mvt" + (query.isEmpty() ? "" : "?" + query);
        List<VectorLayer> vector = new ArrayList<>();
        int min = TileCoord.MAX_ZOOM;
        for (Layer l : layers) {
            VectorLayer v = describe(l, requestsMinZoom);
            vector.add(v);
            min = Math.min(min, v.minzoom());
            if (l == Layer.REQUESTS) {
                vector.add(new VectorLayer(
                        "requests_capped",
                        "present only when the requests layer holds fewer than all the tile's requests (a"
                                + " sample of a dense tile, or cut at the cap): a point at the tile's centre with the"
                                + " features shown and the sample rate (one_in: each shown stands for about that many)",
                        Map.of("shown", "Number", "one_in", "Number"),
                        requestsMinZoom,
                        TileCoord.MAX_ZOOM));
            }
        }
        return new TileJson(
                "3.0.0",
                "srmap " + String.join(", ", ids),
                "NYC 311 service requests" + (query.isEmpty() ? "" : " where " + query),
                ATTRIBUTION,
                List.of(url),
                vector,
                min,
                TileCoord.MAX_ZOOM,
                List.of(
                        Projections.NYC_MIN_LON,
                        Projections.NYC_MIN_LAT,
                        Projections.NYC_MAX_LON,
                        Projections.NYC_MAX_LAT),
                List.of(-73.95, 40.70, 10.0));
    }

    private static VectorLayer describe(Layer layer, int requestsMinZoom) {
        return new VectorLayer(
                layer.id(),
                layer.description(),
                layer.fields(),
                layer == Layer.REQUESTS ? requestsMinZoom : 0,
                TileCoord.MAX_ZOOM);
    }

    /** The filter as a query string, in one canonical order. */
    static String query(Filter f) {
        List<String> parts = new ArrayList<>();
        add(parts, "category", f.category());
        f.types().forEach(t -> add(parts, "type", t));
        add(parts, "from", f.from() == null ? null : f.from().toString());
        add(parts, "to", f.to() == null ? null : f.to().toString());
        add(parts, "status", f.status() == null ? null : f.status().code());
        f.districts().forEach(d -> add(parts, "district", d.toString()));
        add(parts, "agency", f.agency());
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        }
    }
}
