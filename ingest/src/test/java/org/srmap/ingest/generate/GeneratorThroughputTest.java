package org.srmap.ingest.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Measures generation speed on one million rows. Prints the rates; never asserts on time. */
class GeneratorThroughputTest {

    private static final long ROWS = 1_000_000;

    @Test
    void printsRowsPerSecondForOneMillionRows() {
        Calibration calibration = SharedData.calibration();
        GeneratorSpec spec =
                new GeneratorSpec(ROWS, 1, LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31), SharedData.dir());
        CountingStream out = new CountingStream();

        long start = System.nanoTime();
        GeneratorStats stats = Generator.write(calibration, spec, out);
        double total = (System.nanoTime() - start) / 1e9;
        long placesStart = System.nanoTime();
        Sites places = new Sites(Generator.places(ROWS));
        new SiteFactory(calibration.districts(), calibration.donors())
                .fillWithResidents(places, calibration.tracts(), new SplittableRandom(1));
        double placing = (System.nanoTime() - placesStart) / 1e9;

        System.out.printf(
                "throughput: %,d rows, %,d bytes, in %.2f s = %,.0f rows/s end to end (calibration loaded"
                        + " beforehand, output to a counting stream); of which drawing %,d places took %.2f s,"
                        + " so the row loop runs at about %,.0f rows/s%n",
                stats.rows(),
                out.bytes,
                total,
                stats.rows() / total,
                places.size(),
                placing,
                stats.rows() / Math.max(1e-9, total - placing));
        assertThat(stats.rows()).isEqualTo(ROWS);
        assertThat(out.bytes).isGreaterThan(ROWS * 100);
    }

    /** Discards what is written, counting the bytes. */
    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
