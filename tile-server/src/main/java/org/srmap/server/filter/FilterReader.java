package org.srmap.server.filter;

import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** Reads the filter of a request, checking its values against the data's vocabulary. */
@Component
public final class FilterReader {
    private final VocabularyCache vocabulary;
    private final Scheduler jdbc;

    public FilterReader(VocabularyCache vocabulary, @Qualifier("jdbcScheduler") Scheduler jdbc) {
        this.vocabulary = vocabulary;
        this.jdbc = jdbc;
    }

    /** The request's filter; a bad parameter fails the Mono with a BadRequestException. */
    public Mono<Filter> read(ServerRequest request, Set<String> extraNames) {
        return Mono.fromCallable(() -> new FilterParser(vocabulary.get()).parse(request.queryParams(), extraNames))
                .subscribeOn(jdbc);
    }
}
