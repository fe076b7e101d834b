package org.srmap.server.tiles;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.srmap.server.ServerSettings;
import org.srmap.server.filter.Filter;
import org.srmap.server.security.SecurityHeaders;

/**
 * The status and headers of a tile answer, decided in one place for both paths that answer tiles:
 * {@link TileHandler} behind Spring's router and {@link TileHitHandler} in front of it.
 */
@Component
public final class TileHeaders {
    /** A year: what clients may keep a tile whose dates all lie in the past. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    /**
     * What every tile answer varies by: the encoding of its body, and what CORS answers by (a
     * cross-origin request gets Access-Control-Allow-Origin, so a shared cache must not give one
     * answer to the other). Spring's CORS filter puts the last three on every answer, and a 200 set
     * its own Vary over them until both paths took this list.
     */
    static final List<String> VARY = List.of(
            HttpHeaders.ACCEPT_ENCODING,
            HttpHeaders.ORIGIN,
            HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD,
            HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final String fresh;
    private final SecurityHeaders security;

    public TileHeaders(ServerSettings settings, SecurityHeaders security) {
        this.fresh = "public, max-age=" + settings.freshMaxAge().toSeconds();
        this.security = security;
    }

    /** An answer without its body: the status, its headers, and whether the body is the gzipped tile. */
    public record Answer(HttpStatus status, HttpHeaders headers, boolean gzip) {}

    /**
     * The answer to a request for {@code tile} (drawn for {@code filter}) from a client that sent
     * {@code ifNoneMatch} and {@code acceptEncoding}: 304 when it holds the tile, 204 when the tile
     * has no features, else 200 with the tile gzipped when the client accepts it.
     */
    public Answer answer(CachedTile tile, Filter filter, List<String> ifNoneMatch, List<String> acceptEncoding) {
        HttpHeaders h = common(tile.etag(), filter);
        if (holds(ifNoneMatch, tile.etag())) {
            return new Answer(HttpStatus.NOT_MODIFIED, h, false);
        }
        if (tile.empty()) {
            return new Answer(HttpStatus.NO_CONTENT, h, false);
        }
        boolean gzip = acceptsGzip(acceptEncoding);
        h.set(HttpHeaders.CONTENT_TYPE, TileHandler.MVT.toString());
        h.set(TileHandler.CAPPED_HEADER, Boolean.toString(tile.capped()));
        if (gzip) {
            h.set(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return new Answer(HttpStatus.OK, h, gzip);
    }

    /** The 304 to a client that already holds the tile of {@code etag}, before the tile is looked up. */
    public Answer notModified(String etag, Filter filter) {
        return new Answer(HttpStatus.NOT_MODIFIED, common(etag, filter), false);
    }

    private HttpHeaders common(String etag, Filter filter) {
        HttpHeaders h = new HttpHeaders();
        h.setETag(etag);
        h.set(HttpHeaders.CACHE_CONTROL, cacheControl(filter));
        h.put(HttpHeaders.VARY, VARY);
        security.apply(h, false); // what security.SecurityHeaders puts on the Spring path's answers
        return h;
    }

    /** Whether an If-None-Match header names {@code etag}. */
    static boolean holds(List<String> ifNoneMatch, String etag) {
        return ifNoneMatch.stream().anyMatch(v -> v.contains(etag));
    }

    /** Whether an Accept-Encoding header admits gzip. */
    static boolean acceptsGzip(List<String> acceptEncoding) {
        return acceptEncoding.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("gzip"));
    }

    /** Long and immutable when every date of the filter lies before today in New York. */
    String cacheControl(Filter filter) {
        return filter.to() != null && filter.to().isBefore(LocalDate.now(NEW_YORK)) ? IMMUTABLE : fresh;
    }
}
