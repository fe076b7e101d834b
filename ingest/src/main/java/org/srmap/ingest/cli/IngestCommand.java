package org.srmap.ingest.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.srmap.ingest.run.Ingest;
import org.srmap.ingest.run.IngestSummary;
import org.srmap.ingest.run.SourceInput;
import org.srmap.ingest.run.SourceReport;
import org.srmap.ingest.socrata.SocrataSources;
import org.srmap.sql.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code srmap ingest FILE|DIR|URL...}: loads 311 exports into PostGIS and prints the summary. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 100,
        description = {
            "Load NYC 311 service requests from files, directories (their .csv, .json and .gz files),"
                    + " http(s) URLs or the live Socrata API into PostGIS. Every format NYC Open Data has"
                    + " published is recognised by its header.",
            "",
            "Each source is one transaction: re-ingesting changes nothing, a newer version of an SR"
                    + " replaces the old one, an interrupted ingest leaves no trace. Load the reference data"
                    + " first (srmap load-reference)."
        })
final class IngestCommand implements Callable<Integer> {
    @Parameters(
            arity = "1..*",
            paramLabel = "FILE|DIR|URL|socrata:ID",
            description = "What to load. socrata:erm2-nwe9 (2020 on) and socrata:76ig-c548 (2010-2019) read"
                    + " the live NYC Open Data API, continuing from the last successful run of that dataset.")
    List<String> sources = new ArrayList<>();

    @Option(
            names = "--socrata-url",
            defaultValue = "https://data.cityofnewyork.us",
            paramLabel = "URL",
            description = "The Socrata portal for socrata: sources (default: ${DEFAULT-VALUE}).")
    URI socrataUrl;

    @Option(
            names = "--page-size",
            defaultValue = "50000",
            paramLabel = "N",
            description = "Rows per Socrata API request, 1..50000 (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(
            names = "--since",
            paramLabel = "INSTANT",
            description = "For socrata: sources, read rows updated after this instant (e.g. 2025-10-01T00:00:00Z)"
                    + " instead of continuing from the last run.")
    Instant since;

    @Option(
            names = "--app-token",
            defaultValue = "${env:SOCRATA_APP_TOKEN}",
            paramLabel = "TOKEN",
            description = "Socrata application token (default: $SOCRATA_APP_TOKEN); raises the API's rate limits.")
    String appToken;

    @Option(
            names = "--max-reject-rate",
            defaultValue = "0.05",
            paramLabel = "RATE",
            description = "Exit with code 1 when a source rejects more than this share of its rows"
                    + " (default: ${DEFAULT-VALUE}).")
    double maxRejectRate;

    @Option(
            names = "--wait",
            defaultValue = "0",
            paramLabel = "SECONDS",
            description = "Wait this long for another running ingest to finish (default: refuse at once).")
    int waitSeconds;

    @Override
    public Integer call() throws SQLException {
        if (maxRejectRate < 0 || maxRejectRate > 1) {
            throw new BadInputException("--max-reject-rate must be 0..1, was " + maxRejectRate, null);
        }
        if (pageSize < 1 || pageSize > 50_000) {
            throw new BadInputException("--page-size must be 1..50000, was " + pageSize, null);
        }
        List<String> datasets =
                sources.stream().filter(SocrataSources::isDatasetArgument).toList();
        List<String> files = sources.stream()
                .filter(a -> !SocrataSources.isDatasetArgument(a))
                .toList();
        List<SourceInput> inputs = new ArrayList<>();
        try {
            inputs.addAll(SourceInput.resolve(files));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        Database db = Database.fromEnvironment();
        db.migrate();
        if (!datasets.isEmpty()) {
            try (Connection c = db.open()) {
                inputs.addAll(SocrataSources.incremental(c, datasets, socrataUrl, pageSize, since, appToken));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage(), e);
            }
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream log = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        List<SourceReport> reports =
                Ingest.run(db, inputs, Duration.ofSeconds(Math.max(0, waitSeconds)), System.console() != null, log);
        IngestSummary.print(reports, out);
        return exitCode(reports);
    }

    private int exitCode(List<SourceReport> reports) {
        int code = 0;
        for (SourceReport r : reports) {
            if (r.status() == SourceReport.Status.FAILED) {
                code = Main.EXIT_FAILED;
            } else if (r.rejectRate() > maxRejectRate) {
                System.err.printf(
                        Locale.ROOT,
                        "srmap: %s rejected %.2f%% of its rows, above --max-reject-rate %.2f%%; see ingest_reject"
                                + " for run %d%n",
                        r.name(),
                        100 * r.rejectRate(),
                        100 * maxRejectRate,
                        r.runId());
                code = Main.EXIT_FAILED;
            }
        }
        return code;
    }
}
