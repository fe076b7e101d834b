package org.srmap.server.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * {@code GET /} (the web map) and {@code GET /embed} (the map alone, for an iframe): module web's
 * {@code static/index.html} and {@code static/embed.html}. Their query string is the map's state,
 * which the page reads itself. Each page names its oEmbed document in its head, for sites that turn
 * a pasted link into an embed; the rest of the page is static.
 */
@Component
public final class PageHandler {
    /** Where a page's oEmbed link goes. */
    static final String OEMBED_SLOT = "<!--oembed-->";

    private final String index = read("static/index.html");
    private final String embed = read("static/embed.html");

    public Mono<ServerResponse> index(ServerRequest request) {
        return page(request, index);
    }

    public Mono<ServerResponse> embed(ServerRequest request) {
        return page(request, embed);
    }

    private static Mono<ServerResponse> page(ServerRequest request, String html) {
        URI uri = request.uri();
        String origin = OEmbedHandler.origin(uri);
        String oembed = origin + "/oembed?format=json&url=" + URLEncoder.encode(uri.toString(), StandardCharsets.UTF_8);
        String link = "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"" + HtmlUtils.htmlEscape(oembed)
                + "\" title=\"NYC 311 service requests\">";
        return ServerResponse.ok()
                .contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noCache())
                .bodyValue(html.replace(OEMBED_SLOT, link));
    }

    private static String read(String resource) {
        try (var in = new ClassPathResource(resource).getInputStream()) {
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!html.contains(OEMBED_SLOT)) {
                throw new IllegalStateException(resource + " has no " + OEMBED_SLOT + " in its head");
            }
            return html;
        } catch (IOException e) {
            throw new UncheckedIOException("the web map's " + resource + " is not on the classpath (module web)", e);
        }
    }
}
