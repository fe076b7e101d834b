package org.srmap.server.tiles;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.srmap.server.ServerSettings;
import org.srmap.server.filter.FilterParser;
import org.srmap.server.filter.FilterReader;
import reactor.core.publisher.Mono;

/** {@code GET /tiles/{layers}.json} (TileJSON 3.0.0) and {@code GET /tiles} (the catalog of layers). */
@Component
public final class TileJsonHandler {
    private final FilterReader filters;
    private final int requestsMinZoom;

    public TileJsonHandler(FilterReader filters, ServerSettings settings) {
        this.filters = filters;
        this.requestsMinZoom = settings.requestsMinZoom();
    }

    public Mono<ServerResponse> tileJson(ServerRequest request) {
        List<Layer> layers = Layer.parseList(request.pathVariable("layers"));
        return filters.read(request, Set.of()).flatMap(filter -> ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TileJson.of(base(request), layers, filter, requestsMinZoom)));
    }

    public Mono<ServerResponse> catalog(ServerRequest request) {
        String base = base(request);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", layer.id());
            entry.put("tilejson", base + "/tiles/" + layer.id() + ".json");
            entry.put("tiles", base + "/tiles/" + layer.id() + "/{z}/{x}/{y}.mvt");
            entries.add(entry);
        }
        return ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("layers", entries, "filters", FilterParser.NAMES));
    }

    /** Scheme, host and port the client used (behind a proxy, what it forwarded). */
    private static String base(ServerRequest request) {
        URI uri = request.uri();
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
