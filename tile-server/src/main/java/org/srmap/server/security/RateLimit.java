package org.srmap.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.srmap.server.problem.HttpProblem;
import reactor.core.publisher.Mono;

/**
 * One group of routes' limit: a token bucket per client address holding up to a minute's
 * allowance, refilled continuously. A request finding it empty is answered 429 with the seconds
 * until the next token in {@code Retry-After}, and counted ({@code srmap_rate_limited_total}).
 * Buckets of clients idle for a minute or more are full again and forgotten.
 */
public final class RateLimit implements HandlerFilterFunction<ServerResponse, ServerResponse> {
    /** Clients remembered at once; beyond, the idlest are forgotten (they start with a full bucket). */
    private static final long MAX_CLIENTS = 100_000;

    private final String group;
    private final int perMinute;
    private final double perNano;
    private final Cache<String, Bucket> buckets;
    private final Counter refused;

    RateLimit(String group, int perMinute, MeterRegistry registry) {
        this.group = group;
        this.perMinute = perMinute;
        this.perNano = perMinute / (double) TimeUnit.MINUTES.toNanos(1);
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMinutes(1))
                .maximumSize(MAX_CLIENTS)
                .build();
        this.refused = Counter.builder("srmap.rate.limited")
                .description("requests refused with 429, by group of routes")
                .tag("group", group)
                .register(registry);
    }

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        if (perMinute == 0) {
            return next.handle(request);
        }
        String client = request.remoteAddress()
                .map(InetSocketAddress::getAddress)
                .map(a -> a.getHostAddress())
                .orElse("unknown");
        long wait = buckets.get(client, c -> new Bucket(perMinute)).take(perMinute, perNano, System.nanoTime());
        if (wait > 0) {
            refused.increment();
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + TimeUnit.SECONDS.toNanos(1) - 1));
            throw new HttpProblem(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "more than " + perMinute + " requests a minute to " + group + " from one client; try again in "
                            + seconds + " s (srmap.rate-limit." + group + ")",
                    Map.of(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
        }
        return next.handle(request);
    }

    /** Tokens of one client. */
    private static final class Bucket {
        private double tokens;
        private long at = System.nanoTime();

        Bucket(int capacity) {
            this.tokens = capacity;
        }

        /** Takes a token: 0, or the nanoseconds until there is one. */
        synchronized long take(int capacity, double perNano, long now) {
            tokens = Math.min(capacity, tokens + (now - at) * perNano);
            at = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano);
        }
    }
}
