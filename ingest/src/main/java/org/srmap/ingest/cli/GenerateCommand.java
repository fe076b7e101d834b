package org.srmap.ingest.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.srmap.ingest.generate.Generator;
import org.srmap.ingest.generate.GeneratorSpec;
import org.srmap.ingest.generate.GeneratorStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code srmap generate}: writes a synthetic Open Data export calibrated on the real data. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 100,
        description = "Write a synthetic NYC 311 Open Data export (41 Title Case columns), deterministic by"
                + " seed and calibrated on the real data: complaint-type and agency shares, places weighted"
                + " by census population, repeat-caller heat buildings that follow the cold, realistic"
                + " closing times and statuses, about 5% of rows without coordinates and 1% defective rows.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--rows", required = true, paramLabel = "N", description = "How many rows.")
    long rows;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: 1).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path out;

    @Option(
            names = "--from",
            defaultValue = "2023-01-01",
            paramLabel = "DATE",
            description = "First creation day (default: ${DEFAULT-VALUE}).")
    LocalDate from;

    @Option(
            names = "--to",
            defaultValue = "2024-12-31",
            paramLabel = "DATE",
            description = "Last creation day (default: ${DEFAULT-VALUE}).")
    LocalDate to;

    @Option(
            names = "--data",
            defaultValue = "${env:SRMAP_SHARED_DATA:-../shared/data}",
            paramLabel = "DIR",
            description = "The calibration data: the shared data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(
            names = "--defect-rate",
            defaultValue = "0.01",
            paramLabel = "RATE",
            description = "Share of deliberately defective rows, 0..0.5 (default: ${DEFAULT-VALUE}).")
    double defectRate;

    @Override
    public Integer call() {
        List<String> missing = Generator.missingCalibration(data);
        if (!missing.isEmpty()) {
            throw new BadInputException(
                    data.toAbsolutePath().normalize() + " lacks " + String.join(", ", missing)
                            + ": the generator is calibrated on the shared data folder (see its SOURCES.md),"
                            + " whose calibration tables NYC Open Data does not publish; give --data DIR",
                    null);
        }
        GeneratorSpec spec;
        try {
            spec = new GeneratorSpec(rows, seed, from, to, data, defectRate);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        long start = System.nanoTime();
        GeneratorStats s;
        try {
            s = Generator.write(spec, out);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "wrote %,d rows to %s in %.1f s (%,.0f rows/s): %,d without coordinates, %,d defective,"
                        + " %,d heat complaints, %,d still open%n",
                s.rows(),
                out,
                seconds,
                s.rows() / seconds,
                s.withoutCoordinates(),
                s.defective(),
                s.heatComplaints(),
                s.stillOpen());
        return 0;
    }
}
