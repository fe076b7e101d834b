package org.srmap.server.tiles;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.srmap.server.ServerSettings;
import org.srmap.server.filter.Filter;
import org.srmap.server.filter.FilterReader;
import org.srmap.server.problem.BadRequestException;
import org.srmap.server.version.DataVersion;
import reactor.core.publisher.Mono;

/**
 * {@code GET /tiles/{layers}/{z}/{x}/{y}.mvt}: parse, answer from the caches (a 304 when the
 * client holds the tile), else draw on the JDBC scheduler; respond gzipped when accepted.
 */
@Component
public final class TileHandler {
    /** The media type of Mapbox Vector Tiles. */
    public static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");

    /** Set to {@code true} on a tile whose requests layer was cut at the cap. */
    public static final String CAPPED_HEADER = "Srmap-Tile-Capped";

    /** A year: what clients may keep a tile whose dates all lie in the past. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final FilterReader filters;
    private final TileRepository repository;
    private final TileCache cache;
    private final DataVersion version;
    private final String fresh;

    public TileHandler(
            FilterReader filters,
            TileRepository repository,
            TileCache cache,
            DataVersion version,
            ServerSettings settings) {
        this.filters = filters;
        this.repository = repository;
        this.cache = cache;
        this.version = version;
        this.fresh = "public, max-age=" + settings.freshMaxAge().toSeconds();
    }

    public Mono<ServerResponse> tile(ServerRequest request) {
        List<Layer> layers = Layer.parseList(request.pathVariable("layers"));
        TileCoord coord = coord(request);
        return filters.read(request, Set.of()).flatMap(filter -> {
            TileKey key = new TileKey(layers, coord, filter, version.current());
            String cacheControl = cacheControl(filter);
            List<String> held = request.headers().header(HttpHeaders.IF_NONE_MATCH);
            String etag = held.isEmpty() ? null : key.etag(); // else the cached tile carries it
            if (etag != null && held.stream().anyMatch(v -> v.contains(etag))) {
                return ServerResponse.status(HttpStatus.NOT_MODIFIED)
                        .eTag(etag)
                        .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                        .build();
            }
            return cache.get(key, () -> repository.tile(layers, coord, filter))
                    .flatMap(tile -> respond(request, tile, cacheControl));
        });
    }

    private static Mono<ServerResponse> respond(ServerRequest request, CachedTile tile, String cacheControl) {
        if (tile.empty()) {
            return ServerResponse.noContent()
                    .eTag(tile.etag())
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                    .build();
        }
        boolean gzip = request.headers().header(HttpHeaders.ACCEPT_ENCODING).stream()
                .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("gzip"));
        ServerResponse.BodyBuilder ok = ServerResponse.ok()
                .contentType(MVT)
                .eTag(tile.etag())
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .header(CAPPED_HEADER, Boolean.toString(tile.capped()));
        return gzip
                ? ok.header(HttpHeaders.CONTENT_ENCODING, "gzip").bodyValue(tile.gzip())
                : ok.bodyValue(tile.plain());
    }

    /** Long and immutable when every date of the filter lies before today in New York. */
    private String cacheControl(Filter filter) {
        return filter.to() != null && filter.to().isBefore(LocalDate.now(NEW_YORK)) ? IMMUTABLE : fresh;
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
