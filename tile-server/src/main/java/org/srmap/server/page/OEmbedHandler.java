package org.srmap.server.page;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;
import org.srmap.server.problem.BadRequestException;
import org.srmap.server.problem.NotFoundException;
import org.srmap.server.problem.QueryParams;
import reactor.core.publisher.Mono;

/**
 * {@code GET /oembed?url=&maxwidth=&maxheight=&format=json} (oEmbed 1.0): for a link to this
 * server's map ({@code /} or {@code /embed}, any state in its query), a "rich" answer whose HTML is
 * an iframe of {@code /embed} with the same state; the page's Embed button shows the same snippet. A
 * link elsewhere is a 404 and format=xml a 501, as the specification says; a format oEmbed does not
 * define is a 400.
 */
@Component
public final class OEmbedHandler {
    static final int DEFAULT_WIDTH = 600;
    static final int DEFAULT_HEIGHT = 450;
    static final int MIN_SIZE = 200;

    public Mono<ServerResponse> oembed(ServerRequest request) {
        QueryParams.only(request, "url", "format", "maxwidth", "maxheight");
        String format = request.queryParam("format").orElse("json");
        if (!format.equals("json") && !format.equals("xml")) {
            throw new BadRequestException(
                    "format",
                    "format must be json (or xml, which oEmbed defines and this" + " provider does not answer), was '"
                            + format + "'");
        }
        if (format.equals("xml")) { // the specification's answer to a format the provider lacks
            return ServerResponse.status(HttpStatus.NOT_IMPLEMENTED)
                    .contentType(MediaType.TEXT_PLAIN)
                    .bodyValue("this oEmbed provider answers format=json only, was '" + format + "'\n");
        }
        String url = request.queryParam("url")
                .filter(u -> !u.isBlank())
                .orElseThrow(() -> new BadRequestException("url", "url is required: a link to this map"));
        int width = size(request, "maxwidth", DEFAULT_WIDTH);
        int height = size(request, "maxheight", DEFAULT_HEIGHT);
        URI own = request.uri();
        URI link = mapLink(url, own);
        String src = origin(own) + "/embed" + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", "1.0");
        body.put("type", "rich");
        body.put("title", "NYC 311 service requests");
        body.put("provider_name", "srmap");
        body.put("provider_url", origin(own) + "/");
        body.put("cache_age", 3600);
        body.put("width", width);
        body.put("height", height);
        body.put("html", iframe(src, width, height));
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    /** The iframe of an embed: its height follows the page's messages when the host listens. */
    static String iframe(String src, int width, int height) {
        return "<iframe src=\"" + HtmlUtils.htmlEscape(src) + "\" width=\"" + width + "\" height=\"" + height
                + "\" style=\"border:0;max-width:100%\" loading=\"lazy\" title=\"NYC 311 service requests map\""
                + " allow=\"geolocation\"></iframe>";
    }

    /** scheme://host[:port] of a URI. */
    static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** The link, if it is one to this server's map (its page or its embed); else a 404. */
    private static URI mapLink(String url, URI own) {
        URI link;
        try {
            link = new URI(url);
        } catch (URISyntaxException e) {
            throw new BadRequestException("url", "url must be a link, was '" + url + "'");
        }
        boolean ours = link.getScheme() != null
                && List.of("http", "https").contains(link.getScheme())
                && Objects.equals(link.getRawAuthority(), own.getRawAuthority())
                && List.of("", "/", "/embed").contains(Objects.toString(link.getRawPath(), ""));
        if (!ours) {
            throw new NotFoundException(
                    "no map at " + url + "; this provider embeds " + origin(own) + "/ and its views");
        }
        return link;
    }

    private static int size(ServerRequest request, String name, int preferred) {
        String value = request.queryParam(name).orElse(null);
        if (value == null) {
            return preferred;
        }
        int max;
        try {
            max = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException(name, name + " must be a whole number of pixels, was '" + value + "'");
        }
        if (max < MIN_SIZE) {
            throw new BadRequestException(name, name + " must be at least " + MIN_SIZE + ", was " + max);
        }
        return Math.min(preferred, max);
    }
}
