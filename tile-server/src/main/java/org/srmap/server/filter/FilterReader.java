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

    /** The request's filter; a bad parameter fails the Mono with a BadRequestException. */
    public Mono<Filter> read(ServerRequest request, Set<String> extraNames) {
        return queries.run(() -> new FilterParser(vocabulary.get()).parse(request.queryParams(), extraNames));
    }
}
