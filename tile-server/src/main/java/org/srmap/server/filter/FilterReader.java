package org.srmap.server.filter;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.srmap.server.query.Queries;
import reactor.core.publisher.Mono;

/** Reads the filter of a request, checking its values against the data's vocabulary. */
@Component
public final class FilterReader {
    private final VocabularyCache vocabulary;
    private final Queries queries;

    public FilterReader(VocabularyCache vocabulary, Queries queries) {
        this.vocabulary = vocabulary;
        this.queries = queries;
    }

    /**
     * The request's filter; a bad parameter fails the Mono with a BadRequestException. Parsed on the
     * calling thread when the vocabulary is at hand (a cached tile then never leaves the event loop),
     * else on the JDBC scheduler, which reads it.
     */
    public Mono<Filter> read(ServerRequest request, Set<String> extraNames) {
        return vocabulary
                .ifLoaded()
                .map(v -> Mono.fromCallable(() -> new FilterParser(v).parse(request.queryParams(), extraNames)))
                .orElseGet(() ->
                        queries.run(() -> new FilterParser(vocabulary.get()).parse(request.queryParams(), extraNames)));
    }
}
