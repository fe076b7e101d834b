package org.srmap.ingest.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes synthetic NYC 311 service requests as an Open Data CSV export (the 41 Title Case columns,
 * local New York times as {@code MM/dd/yyyy hh:mm:ss a}), calibrated on the shared data folder: complaint
 * type shares, agencies, times to close and statuses from the 2020-2024 profile; places where people live
 * with consistent district, borough, address and State Plane position; heat complaints concentrated in
 * repeat-caller buildings and following the cold; about 5% of rows without coordinates and 1% defective.
 *
 * <p>Deterministic: the same {@link GeneratorSpec} always gives the same bytes. Streaming: memory does
 * not grow with the number of rows (places are capped at {@value #MAX_PLACES}).
 */
public final class Generator {

    /** Fewest places drawn for ordinary requests. */
    static final int MIN_PLACES = 4_096;

    /** Most places drawn for ordinary requests. */
    static final int MAX_PLACES = 1 << 19;

    /** Rows per distinct place, as in real data where addresses repeat; hand-chosen. */
    static final int ROWS_PER_PLACE = 4;

    private Generator() {}

    /**
     * The files of the shared data folder that the calibration needs and {@code dataDir} lacks (relative
     * paths, empty when nothing is missing). NYC Open Data publishes none of {@code calibration/}.
     */
    public static List<String> missingCalibration(Path dataDir) {
        return Calibration.missing(dataDir);
    }

    /**
     * Writes an export to a file, replacing it. The calibration is loaded before the file is opened, so a
     * bad data folder leaves an existing file alone.
     *
     * @throws IllegalArgumentException if the data folder lacks a file or a file is malformed
     * @throws UncheckedIOException if reading or writing fails
     */
    public static GeneratorStats write(GeneratorSpec spec, Path out) {
        Calibration calibration = Calibration.load(spec.dataDir());
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            return write(calibration, spec, stream);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e, e);
        }
    }

    /**
     * Writes an export to a stream, which is flushed but not closed.
     *
     * @throws IllegalArgumentException if the data folder lacks a file or a file is malformed
     * @throws UncheckedIOException if reading or writing fails
     */
    public static GeneratorStats write(GeneratorSpec spec, OutputStream out) {
        return write(Calibration.load(spec.dataDir()), spec, out);
    }

    /** Writes an export with a calibration already loaded (its data folder wins over the spec's). */
    static GeneratorStats write(Calibration calibration, GeneratorSpec spec, OutputStream out) {
        SplittableRandom root = new SplittableRandom(spec.seed());
        SplittableRandom placing = root.split();
        SplittableRandom requests = root.split();
        DailyVolume volume = new DailyVolume(
                spec, calibration.heatSeason(), calibration.catalog().heat().share());
        SiteFactory factory = new SiteFactory(calibration.districts(), calibration.donors());
        Sites places = new Sites(places(spec.rows()));
        factory.fillWithResidents(places, calibration.tracts(), placing);
        HeatBuildings buildings = HeatBuildings.build(
                calibration.heatDistricts(), calibration.tracts(), factory, volume.heatPerSeason(), placing);
        ClosureModel closure = new ClosureModel(
                calibration.profile().durations(), calibration.profile().statuses(), spec.to());
        RequestStream stream = new RequestStream(calibration, spec, volume, places, buildings, closure, requests);
        try {
            return stream.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export: " + e, e);
        }
    }

    /** How many places ordinary requests are spread over. */
    static int places(long rows) {
        return (int) Math.max(MIN_PLACES, Math.min(MAX_PLACES, rows / ROWS_PER_PLACE));
    }
}
