package org.srmap.ingest.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.srmap.ingest.run.Ingest;
import org.srmap.ingest.run.IngestSummary;
import org.srmap.ingest.run.SourceInput;
import org.srmap.ingest.run.SourceReport;
import org.srmap.sql.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code srmap ingest FILE|DIR|URL...}: loads 311 exports into PostGIS and prints the summary. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Load NYC 311 service requests from files, directories (their .csv, .json and .gz files) or",
            "http(s) URLs into PostGIS. Every format NYC Open Data has published is recognised by its",
            "header. Each source is one transaction: re-ingesting changes nothing, a newer version of an",
            "SR replaces the old one, an interrupted ingest leaves no trace. Needs ./srmap load-reference first."
        })
final class IngestCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE|DIR|URL", description = "What to load.")
    List<String> sources = new ArrayList<>();

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
        List<SourceInput> inputs;
        try {
            inputs = SourceInput.resolve(sources);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        Database db = Database.fromEnvironment();
        db.migrate();
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
