package org.srmap.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.srmap.ingest.read.Field;
import org.srmap.ingest.read.Format;
import org.srmap.ingest.read.ReadResult;
import org.srmap.ingest.read.RowSource;
import org.srmap.ingest.read.RowSources;
import org.srmap.ingest.read.SourceFormatException;
import org.srmap.ingest.read.SourceInfo;
import org.srmap.ingest.read.SourceRow;
import org.srmap.ingest.testing.SharedData;

/** Reads and normalises every real export in shared/data/311 and checks the documented facts about each. */
class RealExportsTest {
    private final RowNormalizer normalizer = new RowNormalizer();

    /** Counts from shared/data/SOURCES.md; -1 where the table gives no lat/lon count (the JSON files). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "export_excel-resaved_2018-10-21.csv, CSV,       6765, 6650",
        "export_legacy52_2013-12-25.csv,      CSV,       2386, 2304",
        "export_2011-03.csv,                  CSV,       2000, 1402",
        "export_2014-2019.csv,                CSV,       1000,  893",
        "export_2022-05-01.csv,               CSV,        924,  913",
        "pandas-reexport_2023-12-07.csv,      CSV,       1000,  987",
        "soda-api_2025-10-12.csv,             CSV,       1000,  989",
        "soda-api_2024-05-26.json,            SODA_JSON, 1000,   -1",
        "soda-api_2012.json,                  SODA_JSON, 1000,   -1",
    })
    void readsAndNormalisesEveryRecordOfEachRealExport(String file, Format format, long rows, long withLatLon)
            throws IOException, SourceFormatException {
        FileTally tally = tally(SharedData.exports311().resolve(file));
        System.out.println(tally.report());

        assertThat(tally.info.format()).isEqualTo(format);
        assertThat(tally.info.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(tally.rows).isEqualTo(rows);
        assertThat(tally.accepted + tally.rejected).isEqualTo(tally.rows);
        assertThat(tally.rejectedByReason).isEmpty();
        if (withLatLon >= 0) {
            assertThat(tally.withLatLon).isEqualTo(withLatLon);
        }
        assertThat(tally.info.unknownHeaders()).isEmpty();
    }

    @Test
    void everyFolderFileIsCoveredByTheTable() throws IOException {
        try (Stream<Path> files = Files.list(SharedData.exports311())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "export_excel-resaved_2018-10-21.csv",
                            "export_legacy52_2013-12-25.csv",
                            "export_2011-03.csv",
                            "export_2014-2019.csv",
                            "export_2022-05-01.csv",
                            "pandas-reexport_2023-12-07.csv",
                            "soda-api_2025-10-12.csv",
                            "soda-api_2024-05-26.json",
                            "soda-api_2012.json");
        }
    }

    /** The raw text of each CSV record parses back to the same values, and line numbers follow the raw text. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "export_excel-resaved_2018-10-21.csv",
        "export_legacy52_2013-12-25.csv",
        "export_2011-03.csv",
        "export_2014-2019.csv",
        "export_2022-05-01.csv",
        "pandas-reexport_2023-12-07.csv",
        "soda-api_2025-10-12.csv",
    })
    void keepsTheExactRawTextAndStartLineOfEachCsvRecord(String file) throws IOException, SourceFormatException {
        try (RowSource source = RowSources.open(SharedData.exports311().resolve(file))) {
            List<String> headers = source.info().headers();
            long expectedLine = 2;
            for (ReadResult result = source.next(); result != null; result = source.next()) {
                SourceRow row = (SourceRow) result;
                assertThat(row.lineNumber()).isEqualTo(expectedLine);
                CSVRecord reparsed = reparse(row.rawText());
                assertThat(reparsed.size()).isEqualTo(headers.size());
                for (int i = 0; i < headers.size(); i++) {
                    Field field = Field.forHeader(headers.get(i)).orElse(null);
                    if (field != null) {
                        assertThat(row.get(field)).isEqualTo(reparsed.get(i));
                    }
                }
                expectedLine += 1 + row.rawText().chars().filter(c -> c == '\n').count();
            }
        }
    }

    private static CSVRecord reparse(String rawText) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(rawText))) {
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(1);
            return records.get(0);
        }
    }

    private FileTally tally(Path file) throws IOException, SourceFormatException {
        FileTally tally = new FileTally(file.getFileName().toString());
        try (RowSource source = RowSources.open(file)) {
            for (ReadResult row = source.next(); row != null; row = source.next()) {
                tally.add(normalizer.normalize(row));
            }
            tally.info = source.info();
        }
        return tally;
    }

    /** What one file produced. */
    private static final class FileTally {
        final String name;
        SourceInfo info;
        long rows;
        long accepted;
        long rejected;
        long withLatLon;
        long withXy;
        final Map<RejectReason, Long> rejectedByReason = new EnumMap<>(RejectReason.class);
        final Map<String, Long> warningsByCode = new TreeMap<>();
        final List<String> rejectSamples = new ArrayList<>();

        FileTally(String name) {
            this.name = name;
        }

        void add(Normalized outcome) {
            rows++;
            if (outcome instanceof Accepted accepted) {
                this.accepted++;
                ServiceRequest request = accepted.request();
                withLatLon += request.latitude() == null ? 0 : 1;
                withXy += request.xStatePlane() == null ? 0 : 1;
                accepted.warnings().forEach(w -> warningsByCode.merge(w.code(), 1L, Long::sum));
            } else {
                Rejected rejectedRow = (Rejected) outcome;
                rejected++;
                rejectedByReason.merge(rejectedRow.reason(), 1L, Long::sum);
                if (rejectSamples.size() < 5) {
                    rejectSamples.add(rejectedRow.lineNumber() + ": " + rejectedRow.detail());
                }
            }
        }

        String report() {
            Map<String, Long> rejects = new TreeMap<>();
            rejectedByReason.forEach((reason, count) -> rejects.put(reason.code(), count));
            return String.format(
                    Locale.ROOT,
                    "%-38s format=%s charset=%s rows=%d accepted=%d rejected=%d %s warnings=%s latlon=%d xy=%d"
                            + " unknownHeaders=%s%s",
                    name,
                    info.format(),
                    info.charset(),
                    rows,
                    accepted,
                    rejected,
                    rejects,
                    warningsByCode,
                    withLatLon,
                    withXy,
                    info.unknownHeaders(),
                    rejectSamples.isEmpty() ? "" : " samples=" + rejectSamples);
        }
    }
}
