package org.srmap.ingest.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.srmap.siting.plan.GeoJsonExport;
import org.srmap.siting.plan.Metric;
import org.srmap.siting.plan.Model;
import org.srmap.siting.plan.Plan;
import org.srmap.siting.plan.Planner;
import org.srmap.siting.plan.Report;
import org.srmap.siting.points.Point;
import org.srmap.siting.points.PointsCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code srmap siting}: sites facilities for a planner's own demand and candidate files. */
@Command(
        name = "siting",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 100,
        description = {
            "Choose sites from a candidates CSV for a demand CSV (header id,lat,lon plus optional weight for"
                    + " demand and capacity for sites) and write the answer as JSON: objective, bound, gap,"
                    + " status, the chosen sites ranked by marginal gain, covered demand, each unit's nearest"
                    + " site and, for mclp, the coverage-versus-k curve. Distances are great-circle metres.",
            "Models: mclp (k sites covering the most weight within --radius), lscp (fewest sites covering"
                    + " --share of the weight within --radius), pmedian (k sites, least weighted distance),"
                    + " pcenter (k sites, smallest worst distance)."
        })
final class SitingCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "mclp, lscp, pmedian or pcenter.")
    String model;

    @Option(names = "--demand", required = true, paramLabel = "FILE", description = "Demand CSV: id,lat,lon[,weight].")
    Path demand;

    @Option(
            names = "--candidates",
            required = true,
            paramLabel = "FILE",
            description = "Candidate sites CSV: id,lat,lon[,capacity].")
    Path candidates;

    @Option(
            names = "--radius",
            defaultValue = "0",
            paramLabel = "METRES",
            description = "Coverage radius (mclp, lscp; for the others it sets what counts as covered).")
    double radius;

    @Option(
            names = "--k",
            defaultValue = "0",
            paramLabel = "N",
            description = "Sites to open (mclp, pmedian, pcenter).")
    int k;

    @Option(
            names = "--share",
            defaultValue = "1",
            paramLabel = "S",
            description = "Share of the weight lscp must cover, 0..1 (default: ${DEFAULT-VALUE}).")
    double share;

    @Option(
            names = "--required",
            split = ",",
            paramLabel = "ID",
            description = "Sites open already, kept in every answer.")
    List<String> required = List.of();

    @Option(names = "--exclude", split = ",", paramLabel = "ID", description = "Sites never to choose.")
    List<String> excluded = List.of();

    @Option(
            names = "--metric",
            defaultValue = "great_circle",
            paramLabel = "M",
            description = "great_circle or manhattan (default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(
            names = "--time-limit",
            defaultValue = "60",
            paramLabel = "SECONDS",
            description = "The exact solver's time limit (default: ${DEFAULT-VALUE}).")
    double timeLimit;

    @Option(
            names = "--heuristic",
            description = "Greedy and swap with an LP bound only, no exact solver (mclp, pmedian).")
    boolean heuristic;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the answer (default: standard output).")
    Path out;

    @Option(
            names = "--format",
            defaultValue = "json",
            paramLabel = "F",
            description = "json (the report), geojson (the chosen sites and the demand units, for a GIS) or csv"
                    + " (each demand unit with its nearest chosen site) (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws IOException {
        if (!List.of("json", "geojson", "csv").contains(format)) {
            throw new BadInputException("--format must be json, geojson or csv, was '" + format + "'", null);
        }
        Plan plan;
        try {
            plan = new Plan(
                    Model.parse(model),
                    radius,
                    k,
                    share,
                    required,
                    excluded,
                    metric(metric),
                    Duration.ofMillis(Math.round(timeLimit * 1000)),
                    !heuristic);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        List<Point> demandPoints = read(demand, PointsCsv.Kind.DEMAND);
        List<Point> sitePoints = read(candidates, PointsCsv.Kind.SITES);
        Report report;
        try {
            report = Planner.solve(plan, demandPoints, sitePoints);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        byte[] json =
                switch (format) {
                    case "geojson" -> mapper.writeValueAsBytes(GeoJsonExport.of(report, demandPoints, Map.of()));
                    case "csv" -> SitingExports.csv(report, demandPoints).getBytes(StandardCharsets.UTF_8);
                    default -> mapper.writeValueAsBytes(report);
                };
        if (out == null) {
            System.out.write(json);
            System.out.println();
            System.out.flush();
        } else {
            Files.write(out, json);
        }
        System.err.printf(
                Locale.ROOT,
                "srmap siting: %s %s, objective %s, bound %s, gap %s, %.2f s; sites %s%s%n",
                report.model(),
                report.status(),
                report.objective(),
                report.bound(),
                report.gap() == null ? "-" : String.format(Locale.ROOT, "%.4f%%", 100 * report.gap()),
                report.seconds(),
                report.sites().stream().map(Report.Site::id).collect(Collectors.joining(",")),
                out == null ? "" : "; written to " + out);
        return "INFEASIBLE".equals(report.status()) ? Main.EXIT_FAILED : 0;
    }

    private static Metric metric(String name) {
        try {
            return Metric.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("metric must be great_circle or manhattan, was '" + name + "'", e);
        }
    }

    private static List<Point> read(Path file, PointsCsv.Kind kind) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return PointsCsv.read(reader, file.toString(), kind);
        } catch (NoSuchFileException e) {
            throw new BadInputException("no such file: " + file, e);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new BadInputException(file + ": not UTF-8 text", e);
        }
    }
}
