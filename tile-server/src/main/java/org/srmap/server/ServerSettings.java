package org.srmap.server;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The tile server's settings ({@code srmap.*} in application.properties, or {@code --srmap.x=y}).
 *
 * @param dbUrl the JDBC URL of the database; empty: {@code SRMAP_DB_URL}, else the provisioned local one
 * @param dbPoolSize connections in the pool, and threads that may block on them
 * @param statementTimeout longest a query may run before PostgreSQL cancels it
 * @param requestsMinZoom lowest zoom at which the {@code requests} layer holds points
 * @param requestsCap most points in one tile of the {@code requests} layer (a denser tile draws a
 *     sample, newest first; see {@code tiles.TileRepository})
 * @param tileCacheBytes most bytes of compressed tiles the server keeps
 * @param dataVersionPoll how often the data version is read (a new one empties the caches)
 * @param freshMaxAge how long clients may keep a tile whose date range includes today
 * @param basemapUrl an XYZ URL template of raster tiles the web map draws under the data; empty for
 *     none (the page's own land and water, which need no network)
 * @param basemapAttribution what the basemap's licence asks maps to say (HTML)
 */
@ConfigurationProperties("srmap")
public record ServerSettings(
        @DefaultValue("") String dbUrl,
        @DefaultValue("8") int dbPoolSize,
        @DefaultValue("10s") Duration statementTimeout,
        @DefaultValue("14") int requestsMinZoom,
        @DefaultValue(ServerSettings.DEFAULT_REQUESTS_CAP) int requestsCap,
        @DefaultValue("256MB") DataSize tileCacheBytes,
        @DefaultValue("2s") Duration dataVersionPoll,
        @DefaultValue("60s") Duration freshMaxAge,
        @DefaultValue(ServerSettings.OSM_TILES) String basemapUrl,
        @DefaultValue(ServerSettings.OSM_ATTRIBUTION) String basemapAttribution) {
    /** OpenStreetMap's standard tiles, the default basemap of a deployment. */
    public static final String OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    /** What OpenStreetMap's licence asks of a map that uses its tiles. */
    public static final String OSM_ATTRIBUTION =
            "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors";

    /** The default of {@code srmap.requests-cap}. */
    public static final String DEFAULT_REQUESTS_CAP = "2500";

    public ServerSettings {
        if (dbPoolSize < 1 || dbPoolSize > 100) {
            throw new IllegalArgumentException("srmap.db-pool-size must be 1..100, was " + dbPoolSize);
        }
        if (statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalArgumentException("srmap.statement-timeout must be positive, was " + statementTimeout);
        }
        if (requestsMinZoom < 0 || requestsMinZoom > 22) {
            throw new IllegalArgumentException("srmap.requests-min-zoom must be 0..22, was " + requestsMinZoom);
        }
        if (requestsCap < 1 || requestsCap > 100_000) {
            throw new IllegalArgumentException("srmap.requests-cap must be 1..100000, was " + requestsCap);
        }
        if (tileCacheBytes.isNegative()) {
            throw new IllegalArgumentException("srmap.tile-cache-bytes must be >= 0, was " + tileCacheBytes);
        }
        if (dataVersionPoll.toMillis() < 10) {
            throw new IllegalArgumentException("srmap.data-version-poll must be at least 10ms, was " + dataVersionPoll);
        }
        if (!basemapUrl.isBlank() && !basemapUrl.matches("https?://\\S*\\{z}\\S*\\{x}\\S*\\{y}\\S*")) {
            throw new IllegalArgumentException(
                    "srmap.basemap-url must be an http(s) URL with {z}, {x} and {y}, or empty, was " + basemapUrl);
        }
        if (freshMaxAge.isNegative()) {
            throw new IllegalArgumentException("srmap.fresh-max-age must be >= 0, was " + freshMaxAge);
        }
    }

    /** Every setting but the database URL (which may hold a password), for the start-up log. */
    public String describe() {
        return "db-pool-size=" + dbPoolSize + ", statement-timeout=" + statementTimeout + ", requests-min-zoom="
                + requestsMinZoom + ", requests-cap=" + requestsCap + ", tile-cache-bytes=" + tileCacheBytes
                + ", data-version-poll=" + dataVersionPoll + ", fresh-max-age=" + freshMaxAge + ", basemap-url="
                + (basemapUrl.isBlank() ? "(none)" : basemapUrl);
    }
}
