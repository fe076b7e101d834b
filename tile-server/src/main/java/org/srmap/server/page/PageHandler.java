package org.srmap.server.page;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /}: the web map (module web's {@code static/index.html}). Its query string is the map's
 * state, which the page reads itself; its scripts and styles are static resources beside it.
 */
@Component
public final class PageHandler {
    private static final Resource INDEX = new ClassPathResource("static/index.html");

    public Mono<ServerResponse> index(ServerRequest request) {
        return ServerResponse.ok()
                .contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noCache())
                .bodyValue(INDEX);
    }
}
