package org.srmap.ingest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.srmap.ingest.normalize.Normalized;
import org.srmap.ingest.normalize.RowNormalizer;
import org.srmap.ingest.read.Field;
import org.srmap.ingest.read.Format;
import org.srmap.ingest.read.ReadResult;
import org.srmap.ingest.read.RowSource;
import org.srmap.ingest.read.SourceInfo;
import org.srmap.ingest.read.SourceRow;

class NormalizingReaderTest {
    /** Yields {@code rows} rows, then fails with {@code failure} (or ends when it is null). */
    private static final class CountingSource implements RowSource {
        private final long rows;
        private final IOException failure;
        private long given;

        CountingSource(long rows, IOException failure) {
            this.rows = rows;
            this.failure = failure;
        }

        @Override
        public ReadResult next() throws IOException {
            if (given == rows) {
                if (failure != null) {
                    throw failure;
                }
                return null;
            }
            given++;
            Map<Field, String> values = new EnumMap<>(Field.class);
            values.put(Field.UNIQUE_KEY, Long.toString(given));
            values.put(Field.CREATED_DATE, "2024-01-05T10:00:00.000");
            values.put(Field.COMPLAINT_TYPE, "HEAT/HOT WATER");
            values.put(Field.STATUS, "Open");
            return new SourceRow(given, "row " + given, values);
        }

        @Override
        public SourceInfo info() {
            return new SourceInfo("test", Format.CSV, StandardCharsets.UTF_8, List.of(), List.of());
        }

        @Override
        public void close() {}
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "1023", "1024", "1025", "5000"})
    void handsOverEveryRowInOrder(long rows) throws IOException {
        long seen = 0;
        try (NormalizingReader reader =
                new NormalizingReader(new CountingSource(rows, null), new RowNormalizer(), "t")) {
            List<Normalized> batch;
            while ((batch = reader.next()) != null) {
                for (Normalized n : batch) {
                    assertThat(n.lineNumber()).isEqualTo(++seen);
                }
            }
            assertThat(reader.next()).as("stays ended").isNull();
        }
        assertThat(seen).isEqualTo(rows);
    }

    @Test
    void rethrowsAReadFailureOnTheIngestThreadAfterTheRowsBeforeIt() throws IOException {
        IOException diskGone = new IOException("disk gone");
        long seen = 0;
        try (NormalizingReader reader =
                new NormalizingReader(new CountingSource(3000, diskGone), new RowNormalizer(), "t")) {
            List<Normalized> batch;
            while (seen < 3000 && (batch = reader.next()) != null) {
                seen += batch.size();
            }
            assertThat(seen).isEqualTo(3000);
            assertThatThrownBy(reader::next).isSameAs(diskGone);
        }
    }

    @Test
    void closingEarlyStopsTheReader() throws IOException {
        NormalizingReader reader =
                new NormalizingReader(new CountingSource(Long.MAX_VALUE, null), new RowNormalizer(), "t");
        assertThat(reader.next()).hasSize(1024);
        reader.close();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("srmap-read t"))) {
            assertThat(System.nanoTime())
                    .as("the reader thread ends after close")
                    .isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
