package org.srmap.server.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests a minute each client (IP address) may make of the expensive endpoints ({@code
 * srmap.rate-limit.*}); 0 for no limit. A client may spend a whole minute's allowance at once.
 * Behind a proxy, set {@code server.forward-headers-strategy=native} so that the client is the
 * address the proxy names, not the proxy.
 *
 * @param siting {@code /api/siting}: each answer solves an optimisation problem
 * @param stats {@code /api/stats}: aggregates over the whole filtered range
 * @param exports the Open311 API, the bulk read of requests
 */
@ConfigurationProperties("srmap.rate-limit")
public record RateLimitSettings(
        @DefaultValue("30") int siting, @DefaultValue("600") int stats, @DefaultValue("300") int exports) {
    public RateLimitSettings {
        check("siting", siting);
        check("stats", stats);
        check("exports", exports);
    }

    private static void check(String name, int perMinute) {
        if (perMinute < 0 || perMinute > 1_000_000) {
            throw new IllegalArgumentException(
                    "srmap.rate-limit." + name + " must be 0 (no limit) to 1000000 a minute, was " + perMinute);
        }
    }

    /** Every limit, for the start-up log. */
    public String describe() {
        return "rate limits a minute per client: siting " + shown(siting) + ", stats " + shown(stats) + ", exports "
                + shown(exports);
    }

    private static String shown(int perMinute) {
        return perMinute == 0 ? "none" : Integer.toString(perMinute);
    }
}
