package org.srmap.server.security;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.srmap.server.ServerSettings;
import reactor.core.publisher.Mono;

/**
 * Puts the security headers on every answer of the Spring path; cached tiles, answered in front of
 * Spring, get the same through TileHeaders, which calls {@link #apply}:
 *
 * <ul>
 *   <li>{@code Content-Security-Policy}: scripts, styles, data and fonts from this server only
 *       (styles also inline: Leaflet positions its panes with style attributes), images also from
 *       the configured basemap's host and {@code data:}/{@code blob:} (the PNG export), no plugins;
 *       {@code frame-ancestors 'none'} except on {@code /embed}, which any site may frame;
 *   <li>{@code X-Frame-Options: DENY} for browsers without frame-ancestors, again except
 *       {@code /embed};
 *   <li>{@code X-Content-Type-Options: nosniff} and {@code Referrer-Policy:
 *       strict-origin-when-cross-origin}.
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class SecurityHeaders implements WebFilter {
    /** The one path other sites may frame. */
    static final String EMBED = "/embed";

    private final String policy;
    private final String embedPolicy;

    public SecurityHeaders(ServerSettings settings) {
        String images = "img-src 'self' data: blob:" + basemapSource(settings.basemapUrl());
        String common = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " + images
                + "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";
        this.policy = common + "; frame-ancestors 'none'";
        this.embedPolicy = common + "; frame-ancestors *";
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        apply(
                exchange.getResponse().getHeaders(),
                EMBED.equals(exchange.getRequest().getPath().value()));
        return chain.filter(exchange);
    }

    /** Sets the headers of an answer ({@code embed}: of the one page other sites may frame). */
    public void apply(HttpHeaders h, boolean embed) {
        h.set("Content-Security-Policy", embed ? embedPolicy : policy);
        if (!embed) {
            h.set("X-Frame-Options", "DENY");
        }
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "strict-origin-when-cross-origin");
    }

    /**
     * The basemap's origin as a CSP source (" https://tile.openstreetmap.org"; a {s} subdomain
     * placeholder becomes a wildcard), or nothing when there is no basemap or its URL has no host.
     */
    static String basemapSource(String template) {
        if (template == null || template.isBlank()) {
            return "";
        }
        String url = template.replace("{s}", "subdomain");
        try {
            URI uri = URI.create(url.replaceAll("\\{[^}]*}", "0"));
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            String host = uri.getHost().replace("subdomain", "*");
            return " " + uri.getScheme() + "://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
