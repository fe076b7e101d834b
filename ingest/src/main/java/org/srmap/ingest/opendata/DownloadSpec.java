package org.srmap.ingest.opendata;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * What to download and where to.
 *
 * @param directory the cache, laid out like the shared data folder
 * @param openDataUrl the Socrata portal, normally {@code https://data.cityofnewyork.us}
 * @param censusUrl the Census Bureau's data API, normally {@code https://api.census.gov}
 * @param days how many days of 311 requests before {@code today} to fetch, 1..365
 * @param pageSize rows per 311 API request, 1..50,000
 * @param timeout how long to wait for each answer to begin
 * @param refresh download again what is already cached
 * @param today the New York calendar day the 311 window ends on
 */
public record DownloadSpec(
        Path directory,
        URI openDataUrl,
        URI censusUrl,
        int days,
        int pageSize,
        Duration timeout,
        boolean refresh,
        LocalDate today) {

    /** Rejects missing values, non-HTTP URLs and out-of-range numbers. */
    public DownloadSpec {
        Objects.requireNonNull(directory, "directory must not be null");
        Objects.requireNonNull(today, "today must not be null");
        requireHttp("openDataUrl", openDataUrl);
        requireHttp("censusUrl", censusUrl);
        if (days < 1 || days > 365) {
            throw new IllegalArgumentException("days must be 1..365, was " + days);
        }
        if (pageSize < 1 || pageSize > 50_000) {
            throw new IllegalArgumentException("pageSize must be 1..50000, was " + pageSize);
        }
        Objects.requireNonNull(timeout, "timeout must not be null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout.toSeconds() + " s");
        }
    }

    private static void requireHttp(String name, URI url) {
        Objects.requireNonNull(url, name + " must not be null");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an http(s) URL, was '" + url + "'");
        }
    }
}
