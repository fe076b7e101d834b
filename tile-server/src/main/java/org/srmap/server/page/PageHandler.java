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
import org.srmap.server.problem.BadRequestException;
import reactor.core.publisher.Mono;

/**
 * {@code GET /} (the web map), {@code GET /embed} (the map alone, for an iframe) and {@code GET
 * /district/{boroCd}} (a community district's page): module web's {@code static/index.html},
 * {@code embed.html} and {@code district.html}. Their query string is their state, which the page
 * reads itself. The two map pages name their oEmbed document in their head, for sites that turn a
 * pasted link into an embed; the rest of each page is static.
 */
@Component
public final class PageHandler {
    /** Where a page's oEmbed link goes. */
    static final String OEMBED_SLOT = "<!--oembed-->";

    private final String index = read("static/index.html", true);
    private final String embed = read("static/embed.html", true);
    private final String district = read("static/district.html", false);

    public Mono<ServerResponse> index(ServerRequest request) {
        return page(request, index);
    }

    public Mono<ServerResponse> embed(ServerRequest request) {
        return page(request, embed);
    }

    public Mono<ServerResponse> district(ServerRequest request) {
        String boroCd = request.pathVariable("boroCd");
        if (!boroCd.matches("[1-5]\\d\\d")) {
            throw new BadRequestException(
                    "boroCd", "a community district is a BoroCD such as 307, was '" + boroCd + "'");
        }
        return page(request, district);
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

    private static String read(String resource, boolean embeddable) {
        try (var in = new ClassPathResource(resource).getInputStream()) {
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (embeddable && !html.contains(OEMBED_SLOT)) {
                throw new IllegalStateException(resource + " has no " + OEMBED_SLOT + " in its head");
            }
            return html;
        } catch (IOException e) {
            throw new UncheckedIOException("the web map's " + resource + " is not on the classpath (module web)", e);
        }
    }
}
