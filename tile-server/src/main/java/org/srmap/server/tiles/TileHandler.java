package org.srmap.server.tiles;

import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.srmap.server.filter.FilterReader;
import org.srmap.server.problem.BadRequestException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** {@code GET /tiles/{layers}/{z}/{x}/{y}.mvt}: parse, query on the JDBC scheduler, respond. */
@Component
public final class TileHandler {
    /** The media type of Mapbox Vector Tiles. */
    public static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");

    /** Set to {@code true} on a tile whose requests layer was cut at the cap. */
    public static final String CAPPED_HEADER = "Srmap-Tile-Capped";

    private final FilterReader filters;
    private final TileRepository repository;
    private final Scheduler jdbc;

    public TileHandler(FilterReader filters, TileRepository repository, @Qualifier("jdbcScheduler") Scheduler jdbc) {
        this.filters = filters;
        this.repository = repository;
        this.jdbc = jdbc;
    }

    public Mono<ServerResponse> tile(ServerRequest request) {
        List<Layer> layers = Layer.parseList(request.pathVariable("layers"));
        TileCoord coord = coord(request);
        return filters.read(request, Set.of())
                .flatMap(filter -> Mono.fromCallable(() -> repository.tile(layers, coord, filter))
                        .subscribeOn(jdbc))
                .flatMap(tile -> tile.bytes().length == 0
                        ? ServerResponse.noContent().build()
                        : ServerResponse.ok()
                                .contentType(MVT)
                                .header(CAPPED_HEADER, Boolean.toString(tile.capped()))
                                .bodyValue(tile.bytes()));
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
