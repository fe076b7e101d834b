package org.srmap.server.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.srmap.server.ServerSettings;
import org.srmap.server.version.DataVersion;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Cached tiles by the exact request target that asked for them ({@code /tiles/...mvt?query}), so that
 * {@link TileHitHandler} can answer a repeated request in front of Spring without parsing it: the
 * target is learned from {@link TileHandler} after Spring's router parsed and answered it, so the
 * same target always means the same {@link TileKey} (layers, tile, filter) for a data version, and an
 * unknown target, a changed data version or an evicted tile simply goes on to Spring. Off when the
 * tile cache is ({@code srmap.tile-cache-bytes=0}).
 */
@Component
public final class TileHits {
    /** A remembered target for every this many bytes of the tile cache (a remembered target costs about 400). */
    static final long CACHE_BYTES_PER_TARGET = 4096;

    /** The meter of requests answered in front of Spring, by status. */
    public static final String METER = "srmap.tile.hits.direct";

    private final Cache<String, TileKey> keys;
    private final boolean enabled;
    private final TileCache tiles;
    private final DataVersion version;
    private final TileHeaders headers;
    private final Map<HttpStatus, Counter> answered = new EnumMap<>(HttpStatus.class);

    public TileHits(
            ServerSettings settings,
            TileCache tiles,
            DataVersion version,
            TileHeaders headers,
            MeterRegistry registry) {
        long targets = settings.tileCacheBytes().toBytes() / CACHE_BYTES_PER_TARGET;
        this.enabled = targets > 0;
        this.keys = Caffeine.newBuilder()
                .maximumSize(Math.max(targets, 1))
                .executor(Runnable::run)
                .build();
        this.tiles = tiles;
        this.version = version;
        this.headers = headers;
        for (HttpStatus s : List.of(HttpStatus.OK, HttpStatus.NO_CONTENT, HttpStatus.NOT_MODIFIED)) {
            answered.put(
                    s,
                    Counter.builder(METER)
                            .description("tile requests answered from the cache in front of Spring's router")
                            .tag("status", Integer.toString(s.value()))
                            .register(registry));
        }
        version.onChange(v -> keys.invalidateAll());
    }

    /** Whether tiles are answered in front of Spring at all. */
    boolean enabled() {
        return enabled;
    }

    /** Records that {@code request}, as Reactor Netty received it, asks for the tile of {@code key}. */
    void remember(ServerRequest request, TileKey key) {
        if (enabled
                && ServerHttpRequestDecorator.getNativeRequest(
                                request.exchange().getRequest())
                        instanceof HttpServerRequest nativeRequest) {
            keys.put(nativeRequest.uri(), key);
        }
    }

    /**
     * The answer to a GET of {@code target} from a client that sent these headers, if the tile is
     * cached for the current data version; else null (Spring answers).
     */
    Hit find(String target, List<String> ifNoneMatch, List<String> acceptEncoding) {
        TileKey key = keys.getIfPresent(target);
        if (key == null || key.dataVersion() != version.current()) {
            return null;
        }
        CachedTile tile = tiles.getIfDrawn(key);
        if (tile == null) {
            return null;
        }
        TileHeaders.Answer answer = headers.answer(tile, key.filter(), ifNoneMatch, acceptEncoding);
        answered.get(answer.status()).increment();
        return new Hit(answer, tile);
    }

    /** A cached tile and how to answer with it. */
    record Hit(TileHeaders.Answer answer, CachedTile tile) {
        /** The body: the gzipped tile, the tile itself, or nothing. */
        byte[] body() {
            if (answer.status() != HttpStatus.OK) {
                return new byte[0];
            }
            return answer.gzip() ? tile.gzip() : tile.plain();
        }
    }
}
