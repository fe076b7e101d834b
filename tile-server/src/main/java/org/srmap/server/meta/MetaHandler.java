package org.srmap.server.meta;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.srmap.server.problem.QueryParams;
import org.srmap.server.query.Queries;
import reactor.core.publisher.Mono;

/** {@code GET /api/meta}: the data's version and dates and the map's settings ({@link Meta}). */
@Component
public final class MetaHandler {
    private final MetaRepository repository;
    private final Queries queries;

    public MetaHandler(MetaRepository repository, Queries queries) {
        this.repository = repository;
        this.queries = queries;
    }

    public Mono<ServerResponse> meta(ServerRequest request) {
        QueryParams.only(request);
        return queries.run(repository::read).flatMap(meta -> ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)))
                .bodyValue(meta));
    }
}
