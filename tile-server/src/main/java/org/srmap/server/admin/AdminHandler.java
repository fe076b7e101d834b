package org.srmap.server.admin;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.srmap.server.filter.VocabularyCache;
import org.srmap.server.query.Queries;
import org.srmap.server.tiles.TileCache;
import org.srmap.server.version.DataVersion;
import reactor.core.publisher.Mono;

/**
 * {@code /admin/*}, behind {@link BearerToken}: {@code POST /admin/cache/purge} empties the tile
 * cache; {@code POST /admin/reload} reads the data version and the filters' vocabulary again now
 * (not at the next poll) and empties the tile cache; {@code POST /admin/ingest} starts the
 * configured ingest and {@code GET /admin/ingest} reports on it.
 */
@Component
public final class AdminHandler {
    private final TileCache tiles;
    private final DataVersion version;
    private final VocabularyCache vocabulary;
    private final Queries queries;
    private final IngestTrigger ingest;

    public AdminHandler(
            TileCache tiles, DataVersion version, VocabularyCache vocabulary, Queries queries, IngestTrigger ingest) {
        this.tiles = tiles;
        this.version = version;
        this.vocabulary = vocabulary;
        this.queries = queries;
        this.ingest = ingest;
    }

    public Mono<ServerResponse> purge(ServerRequest request) {
        return json(HttpStatus.OK, Map.of("purged_tiles", tiles.purge()));
    }

    public Mono<ServerResponse> reload(ServerRequest request) {
        return queries.run(() -> {
                    version.poll();
                    vocabulary.forget();
                    vocabulary.get();
                    return Map.of("data_version", version.current(), "purged_tiles", tiles.purge());
                })
                .flatMap(body -> json(HttpStatus.OK, body));
    }

    public Mono<ServerResponse> startIngest(ServerRequest request) {
        return json(HttpStatus.ACCEPTED, ingest.start());
    }

    public Mono<ServerResponse> ingestStatus(ServerRequest request) {
        return json(HttpStatus.OK, ingest.status());
    }

    private static Mono<ServerResponse> json(HttpStatus status, Map<String, ?> body) {
        return ServerResponse.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .bodyValue(body);
    }
}
