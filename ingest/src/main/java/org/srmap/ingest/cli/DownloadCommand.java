package org.srmap.ingest.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.srmap.ingest.opendata.DownloadSpec;
import org.srmap.ingest.opendata.OpenDataDownload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code srmap download}: fills a cache laid out like ../shared/data from NYC Open Data. */
@Command(
        name = "download",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 100,
        description = {
            "Download the reference data and recent 311 requests from NYC Open Data into DIR, laid out like"
                    + " ../shared/data so that load-reference and ingest read it: boroughs, community"
                    + " districts, 2020 NTAs, 2020 census tracts with population (from the Census Bureau's"
                    + " API), public libraries and the requests created in the last --days days.",
            "",
            "Files already in DIR are kept (--refresh fetches them again); each file is written whole or"
                    + " not at all. NYC Open Data does not publish the cooling-center list, so none is"
                    + " downloaded."
        })
final class DownloadCommand implements Callable<Integer> {
    @Option(
            names = "--to",
            paramLabel = "DIR",
            description =
                    "The cache directory (default: $XDG_CACHE_HOME/srmap/opendata, else" + " ~/.cache/srmap/opendata).")
    Path to;

    @Option(
            names = "--base-url",
            defaultValue = "${env:SRMAP_OPEN_DATA_URL:-https://data.cityofnewyork.us}",
            paramLabel = "URL",
            description = "The NYC Open Data portal (default: $SRMAP_OPEN_DATA_URL, else ${DEFAULT-VALUE}).")
    URI baseUrl;

    @Option(
            names = "--census-url",
            defaultValue = "${env:SRMAP_CENSUS_URL:-https://api.census.gov}",
            paramLabel = "URL",
            description = "The Census Bureau's data API, for tract population (default: $SRMAP_CENSUS_URL,"
                    + " else ${DEFAULT-VALUE}).")
    URI censusUrl;

    @Option(
            names = "--days",
            defaultValue = "7",
            paramLabel = "N",
            description = "Days of 311 requests to fetch, 1..365 (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(
            names = "--page-size",
            defaultValue = "50000",
            paramLabel = "N",
            description = "Rows per 311 API request, 1..50000 (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(
            names = "--timeout",
            defaultValue = "120",
            paramLabel = "SECONDS",
            description = "How long to wait for each answer to begin (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--refresh", description = "Download again what is already in the cache.")
    boolean refresh;

    @Override
    public Integer call() {
        DownloadSpec spec;
        try {
            spec = new DownloadSpec(
                    to != null ? to : defaultCache(),
                    baseUrl,
                    censusUrl,
                    days,
                    pageSize,
                    Duration.ofSeconds(timeoutSeconds),
                    refresh,
                    LocalDate.now(ZoneId.of("America/New_York")));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        PrintStream progress = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        OpenDataDownload.Report r;
        try {
            r = new OpenDataDownload(spec, progress).run();
        } catch (UncheckedIOException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        System.out.printf(
                "Open Data cache %s: %d files downloaded, %d already there%n",
                r.directory(), r.downloaded().size(), r.cached().size());
        return 0;
    }

    /** {@code $XDG_CACHE_HOME/srmap/opendata}, else {@code ~/.cache/srmap/opendata}. */
    static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("srmap").resolve("opendata");
    }
}
