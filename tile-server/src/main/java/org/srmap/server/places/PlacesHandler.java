package org.srmap.server.places;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.srmap.server.problem.QueryParams;
import org.srmap.server.query.Queries;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/places/boroughs} (GeoJSON outlines, the page's own base map) and {@code GET
 * /api/places/districts} (the community districts with names and population). Reference data
 * changes only when it is loaded again, so clients may keep it an hour.
 */
@Component
public final class PlacesHandler {
    static final MediaType GEOJSON = MediaType.parseMediaType("application/geo+json");
    private static final CacheControl HOUR =
            CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    private final PlacesRepository repository;
    private final Queries queries;

    public PlacesHandler(PlacesRepository repository, Queries queries) {
        this.repository = repository;
        this.queries = queries;
    }

    public Mono<ServerResponse> boroughs(ServerRequest request) {
        return respond(request, GEOJSON, repository::boroughs);
    }

    public Mono<ServerResponse> districts(ServerRequest request) {
        return respond(request, MediaType.APPLICATION_JSON, repository::districts);
    }

    /** Takes no parameter; answers what {@code read} reads, which clients may keep an hour. */
    private Mono<ServerResponse> respond(ServerRequest request, MediaType type, Callable<?> read) {
        QueryParams.only(request);
        return queries.run(read)
                .flatMap(body ->
                        ServerResponse.ok().contentType(type).cacheControl(HOUR).bodyValue(body));
    }
}
