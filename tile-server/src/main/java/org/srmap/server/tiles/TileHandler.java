package org.srmap.server.tiles;

import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.srmap.server.filter.FilterReader;
import org.srmap.server.problem.BadRequestException;
import org.srmap.server.version.DataVersion;
import reactor.core.publisher.Mono;

/**
 * {@code GET /tiles/{layers}/{z}/{x}/{y}.mvt}: parse, answer from the caches (a 304 when the
 * client holds the tile), else draw on the JDBC scheduler; respond gzipped when accepted. Each tile
 * answered is made known to {@link TileHits}, which answers the same request again in front of Spring.
 */
@Component
public final class TileHandler {
    /** The media type of Mapbox Vector Tiles. */
    public static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");

    /** Set to {@code true} on a tile whose requests layer was cut at the cap. */
    public static final String CAPPED_HEADER = "Srmap-Tile-Capped";

    private final FilterReader filters;
    private final TileRepository repository;
    private final TileCache cache;
    private final DataVersion version;
    private final TileHeaders headers;
    private final TileHits hits;

    public TileHandler(
            FilterReader filters,
            TileRepository repository,
            TileCache cache,
            DataVersion version,
            TileHeaders headers,
            TileHits hits) {
        this.filters = filters;
        this.repository = repository;
        this.cache = cache;
        this.version = version;
        this.headers = headers;
        this.hits = hits;
    }

    public Mono<ServerResponse> tile(ServerRequest request) {
        List<Layer> layers = Layer.parseList(request.pathVariable("layers"));
        TileCoord coord = coord(request);
        return filters.read(request, Set.of()).flatMap(filter -> {
            TileKey key = new TileKey(layers, coord, filter, version.current());
            List<String> held = request.headers().header(HttpHeaders.IF_NONE_MATCH);
            if (!held.isEmpty() && TileHeaders.holds(held, key.etag())) { // else the cached tile carries it
                return respond(headers.notModified(key.etag(), filter), null);
            }
            return cache.get(key, () -> repository.tile(layers, coord, filter)).flatMap(tile -> {
                hits.remember(request, key);
                return respond(
                        headers.answer(tile, filter, held, request.headers().header(HttpHeaders.ACCEPT_ENCODING)),
                        tile);
            });
        });
    }

    private static Mono<ServerResponse> respond(TileHeaders.Answer answer, CachedTile tile) {
        ServerResponse.BodyBuilder response =
                ServerResponse.status(answer.status()).headers(h -> h.addAll(answer.headers()));
        if (answer.status() != HttpStatus.OK) {
            return response.build();
        }
        return response.bodyValue(answer.gzip() ? tile.gzip() : tile.plain());
    }

    private static TileCoord coord(ServerRequest request) {
        int z = number(request, "z");
        int x = number(request, "x");
        int y = number(request, "y");
        try {
            return new TileCoord(z, x, y);
        } catch (IllegalArgumentException e) {
            String part = e.getMessage().split(" ", 2)[0]; // the messages start with z, x or y
            throw new BadRequestException(part, e.getMessage());
        }
    }

    private static int number(ServerRequest request, String name) {
        String value = request.pathVariable(name);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new BadRequestException(name, name + " must be a whole number, was '" + value + "'");
        }
    }
}
