package org.srmap.ingest.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate: how many rows, from which seed, over which creation days, calibrated on which data
 * folder. The same spec always gives the same bytes.
 *
 * @param rows how many data rows to write (the header not counted), at least 1
 * @param seed the seed of every random choice
 * @param from the first creation day, inclusive
 * @param to the last creation day, inclusive; the export is taken as of the midnight that ends it, so
 *     requests whose closing would fall later are written as still open
 * @param dataDir the shared data folder, holding {@code calibration/}, {@code population/}, {@code
 *     boundaries/} and {@code 311/}; read when generating, never copied
 * @param defectRate the share of rows made deliberately defective, 0..0.5 (0 for a file that
 *     PostgreSQL's COPY accepts whole, as the ingest benchmark's baseline needs)
 */
public record GeneratorSpec(long rows, long seed, LocalDate from, LocalDate to, Path dataDir, double defectRate) {

    /** The default share of defective rows, about 1%. */
    public static final double DEFAULT_DEFECT_RATE = DefectKind.SHARE;

    /** A spec with the default share of defective rows. */
    public GeneratorSpec(long rows, long seed, LocalDate from, LocalDate to, Path dataDir) {
        this(rows, seed, from, to, dataDir, DEFAULT_DEFECT_RATE);
    }

    /** Rejects empty runs, missing values, reversed ranges and years the export format cannot hold. */
    public GeneratorSpec {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be >= 1, was " + rows);
        }
        Objects.requireNonNull(from, "from must not be null");
        Objects.requireNonNull(to, "to must not be null");
        Objects.requireNonNull(dataDir, "dataDir must not be null");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from, was from " + from + " to " + to);
        }
        if (!(defectRate >= 0 && defectRate <= 0.5)) {
            throw new IllegalArgumentException("defectRate must be 0..0.5, was " + defectRate);
        }
        if (from.getYear() < 1901 || to.getYear() > 9998) {
            throw new IllegalArgumentException(
                    "from and to must lie within 1901-01-01..9998-12-31, was from " + from + " to " + to);
        }
    }
}
