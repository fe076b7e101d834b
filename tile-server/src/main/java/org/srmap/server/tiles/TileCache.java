package org.srmap.server.tiles;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.srmap.server.ServerSettings;
import org.srmap.server.query.Queries;
import org.srmap.server.query.QueryScope;
import org.srmap.server.version.DataVersion;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Compressed tiles by {@link TileKey}, bounded by bytes ({@code srmap.tile-cache-bytes}).
 * Concurrent misses for one key share one query (Caffeine runs one loader per key), which is
 * cancelled when every client waiting for it has gone (a map panned away); a new data version
 * empties the cache. Its hits, misses and evictions are metrics ({@code cache_*{cache="tiles"}}).
 */
@Component
public final class TileCache {
    private final AsyncCache<TileKey, CachedTile> cache;
    private final Scheduler jdbc;
    private final Duration deadline;
    private final ConcurrentMap<TileKey, Load> loading = new ConcurrentHashMap<>();

    public TileCache(ServerSettings settings, DataVersion version, Queries queries, MeterRegistry registry) {
        this.jdbc = queries.scheduler();
        this.deadline = queries.deadline();
        this.cache = Caffeine.newBuilder()
                .maximumWeight(settings.tileCacheBytes().toBytes())
                .weigher((TileKey k, CachedTile t) -> t.weight())
                .recordStats()
                // its upkeep on the thread that wrote, not on the common pool: one thread fewer to
                // wake for every tile drawn
                .executor(Runnable::run)
                .buildAsync();
        CaffeineCacheMetrics.monitor(registry, cache, "tiles");
        version.onChange(v -> cache.synchronous().invalidateAll());
    }

    /** Empties the cache (an operator's purge); returns how many tiles it held. */
    public long purge() {
        long n = cache.synchronous().estimatedSize();
        cache.synchronous().invalidateAll();
        return n;
    }

    /**
     * The tile of {@code key} if it is cached and drawn, else null; never waits nor draws. Counted as
     * a hit when found; not as a miss, which the draw that follows counts.
     */
    public CachedTile getIfDrawn(TileKey key) {
        CompletableFuture<CachedTile> drawing = cache.asMap().get(key); // not counted
        if (drawing == null || !drawing.isDone() || drawing.isCompletedExceptionally()) {
            return null;
        }
        CompletableFuture<CachedTile> hit = cache.getIfPresent(key); // counted as a hit
        return hit == drawing ? drawing.join() : null; // else replaced meanwhile
    }

    /**
     * The tile of {@code key}, drawn by {@code draw} on the JDBC scheduler when not cached; an {@link
     * org.srmap.server.query.OverdueException} when it has not come within the statement timeout (the
     * query is then cancelled unless another client still waits for it).
     */
    public Mono<CachedTile> get(TileKey key, Supplier<Tile> draw) {
        return Mono.defer(() -> {
            CompletableFuture<CachedTile> future = cache.get(key, (k, executor) -> load(k, draw));
            Load load = loading.get(key);
            if (future.isDone() || load == null) {
                return Mono.fromFuture(future, true);
            }
            if (!load.join()) { // its last client left just now: start over
                cache.asMap().remove(key, future);
                return get(key, draw);
            }
            return Mono.<CachedTile>create(sink -> {
                        AtomicBoolean gone = new AtomicBoolean();
                        sink.onCancel(() -> {
                            gone.set(true);
                            load.leave();
                        });
                        future.whenComplete((tile, error) -> {
                            if (gone.get()) {
                                return; // a client that left gets nothing, not even the cancelled query's error
                            }
                            if (error != null) {
                                sink.error(
                                        error instanceof CompletionException c && c.getCause() != null
                                                ? c.getCause()
                                                : error);
                            } else {
                                sink.success(tile);
                            }
                        });
                    })
                    .timeout(deadline, Mono.error(() -> load.scope.overdue(deadline)));
        });
    }

    private CompletableFuture<CachedTile> load(TileKey key, Supplier<Tile> draw) {
        Load load = new Load();
        loading.put(key, load);
        CompletableFuture<CachedTile> future = new CompletableFuture<>();
        future.whenComplete((tile, error) -> loading.remove(key, load));
        try {
            jdbc.schedule(() -> {
                try {
                    future.complete(CachedTile.of(load.scope.call(draw::get), key.etag()));
                } catch (Exception e) {
                    // every client left: no tile, and nothing for Caffeine to log
                    future.completeExceptionally(
                            load.scope.cancelled() ? new CancellationException("the tile's last client went away") : e);
                }
            });
        } catch (RuntimeException e) { // the scheduler's queue is full
            future.completeExceptionally(e);
        }
        return future;
    }

    /** A tile being drawn: its query and the clients waiting for it. */
    private static final class Load {
        final QueryScope scope = new QueryScope();
        private int waiters;
        private boolean abandoned;

        /** Adds a client; false if the last one has already left (the query is being cancelled). */
        synchronized boolean join() {
            if (abandoned) {
                return false;
            }
            waiters++;
            return true;
        }

        /** Removes a client; the last one out cancels the query. */
        void leave() {
            synchronized (this) {
                abandoned = --waiters == 0;
                if (!abandoned) {
                    return;
                }
            }
            scope.cancel();
        }
    }
}
