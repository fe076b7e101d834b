package org.srmap.server.meta;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a map client needs before its first request for data.
 *
 * @param dataVersion raised by every ingest that changed data (tiles' ETags carry it)
 * @param oldestDay the first New York day with a request, null while there are none
 * @param newestDay the last such day: the data is "as of" it
 * @param loadedAt when the last successful ingest finished
 * @param requestsMinZoom the lowest zoom at which the {@code requests} layer holds points
 * @param requestsCap the most points in one tile
 * @param basemap a raster basemap to draw under the data, or null: the page's own land and water only
 * @param attribution whom the data is owed to
 */
public record Meta(
        long dataVersion,
        LocalDate oldestDay,
        LocalDate newestDay,
        Instant loadedAt,
        int requestsMinZoom,
        int requestsCap,
        Basemap basemap,
        String attribution) {
    /** Where the data comes from, for every map that shows it. */
    public static final String ATTRIBUTION =
            "311 Service Requests: NYC Open Data; boundaries and population: NYC Department of City Planning";

    /** A raster basemap: an XYZ URL template and the attribution it requires. */
    public record Basemap(String url, String attribution) {}
}
