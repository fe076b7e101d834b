package org.srmap.server.security;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The limits of the expensive groups of routes, from {@link RateLimitSettings}. */
@Component
public final class RateLimits {
    private static final Logger LOG = LoggerFactory.getLogger(RateLimits.class);

    private final RateLimit siting;
    private final RateLimit stats;
    private final RateLimit exports;

    public RateLimits(RateLimitSettings settings, MeterRegistry registry) {
        this.siting = new RateLimit("siting", settings.siting(), registry);
        this.stats = new RateLimit("stats", settings.stats(), registry);
        this.exports = new RateLimit("exports", settings.exports(), registry);
        LOG.info("srmap {}", settings.describe());
    }

    public RateLimit siting() {
        return siting;
    }

    public RateLimit stats() {
        return stats;
    }

    public RateLimit exports() {
        return exports;
    }
}
