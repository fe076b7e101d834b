package org.srmap.server.tiles;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.srmap.server.ServerSettings;
import org.srmap.server.version.DataVersion;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Compressed tiles by {@link TileKey}, bounded by bytes ({@code srmap.tile-cache-bytes}).
 * Concurrent misses for one key share one query (Caffeine runs one loader per key); a new data
 * version empties the cache. Its hits, misses and evictions are metrics ({@code cache_*{cache="tiles"}}).
 */
@Component
public final class TileCache {
    private final AsyncCache<TileKey, CachedTile> cache;
    private final Scheduler jdbc;

    public TileCache(
            ServerSettings settings,
            DataVersion version,
            @Qualifier("jdbcScheduler") Scheduler jdbc,
            MeterRegistry registry) {
        this.jdbc = jdbc;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(settings.tileCacheBytes().toBytes())
                .weigher((TileKey k, CachedTile t) -> t.weight())
                .recordStats()
                .buildAsync();
        CaffeineCacheMetrics.monitor(registry, cache, "tiles");
        version.onChange(v -> cache.synchronous().invalidateAll());
    }

    /** The tile of {@code key}, drawn by {@code draw} on the JDBC scheduler when not cached. */
    public Mono<CachedTile> get(TileKey key, Supplier<Tile> draw) {
        CompletableFuture<CachedTile> future = cache.get(
                key,
                (k, executor) -> CompletableFuture.supplyAsync(
                        () -> CachedTile.of(draw.get(), k.etag()), task -> jdbc.schedule(task)));
        return Mono.fromFuture(future, true);
    }
}
