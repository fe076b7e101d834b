package org.srmap.ingest.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srmap.ingest.reference.ReferenceLoader;
import org.srmap.ingest.testing.SharedData;
import org.srmap.sql.Database;
import org.srmap.sql.TestDatabase;

/**
 * CSV fuzzing: random byte-level mutations of the real samples (flipped, deleted and inserted
 * bytes, stray quotes, commas and line breaks, bytes that are not UTF-8, duplicated lines, cut
 * files) go through the whole ingest into PostGIS. Nothing may crash; a file is loaded with every
 * row it read either loaded or kept in ingest_reject with a reason, or refused whole with a message.
 */
class CsvFuzzTest {
    private static final int FILES = 60;
    private static final List<String> SAMPLES =
            List.of("export_2022-05-01.csv", "export_2014-2019.csv", "soda-api_2025-10-12.csv");

    private static TestDatabase testDb;
    private static Database db;

    @TempDir
    Path dir;

    @BeforeAll
    static void reference() throws Exception {
        testDb = TestDatabase.create();
        db = testDb.database();
        ReferenceLoader.load(db, SharedData.root());
    }

    @AfterAll
    static void drop() {
        if (testDb != null) {
            testDb.close();
        }
    }

    @Test
    void mutatedRealExportsAreLoadedOrRejectedRowByRowNeverLost() throws Exception {
        Random random = new Random(2011);
        Map<String, Integer> outcomes = new TreeMap<>();
        long rejectedBefore = DbQueries.count(db, "SELECT count(*) FROM ingest_reject");
        long rejectedByReports = 0;
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        for (int n = 0; n < FILES; n++) {
            String sample = SAMPLES.get(n % SAMPLES.size());
            byte[] bytes =
                    mutate(Files.readAllBytes(SharedData.root().resolve("311").resolve(sample)), random);
            Path file = Files.write(dir.resolve("fuzz-" + n + "-" + sample), bytes);

            List<SourceReport> reports =
                    Ingest.run(db, SourceInput.resolve(List.of(file.toString())), Duration.ZERO, false, quiet);

            assertThat(reports).hasSize(1);
            SourceReport r = reports.get(0);
            if (r.status() == SourceReport.Status.FAILED) {
                assertThat(r.message()).as(file + " refused").isNotBlank().doesNotContain("Exception");
                outcomes.merge(
                        "refused: " + r.message().replaceAll(".*: ", "").replaceAll("[0-9]+", "N"), 1, Integer::sum);
            } else {
                assertThat(r.rowsRead()).as(file.toString()).isEqualTo(r.rowsLoaded() + r.rowsRejected());
                assertThat(r.rowsRead()).as(file + " read something").isPositive();
                r.rejects().asMap().keySet().forEach(code -> assertThat(code).matches("[a-z0-9_]+"));
                rejectedByReports += r.rowsRejected();
                outcomes.merge(r.rowsRejected() == 0 ? "loaded whole" : "loaded with rejects", 1, Integer::sum);
            }
        }
        System.out.println("CsvFuzzTest: " + FILES + " mutated files: " + outcomes);
        assertThat(DbQueries.count(db, "SELECT count(*) FROM ingest_reject") - rejectedBefore)
                .as("every rejected row kept with its reason")
                .isEqualTo(rejectedByReports);
        assertThat(DbQueries.count(db, "SELECT count(*) FROM ingest_reject WHERE reason IS NULL OR reason = ''"))
                .isZero();
        assertThat(outcomes).containsKey("loaded with rejects");
    }

    /** One to twenty random mutations of the bytes. */
    private static byte[] mutate(byte[] original, Random random) {
        List<Byte> b = new ArrayList<>(original.length + 64);
        for (byte x : original) {
            b.add(x);
        }
        int edits = 1 + random.nextInt(20);
        for (int e = 0; e < edits && !b.isEmpty(); e++) {
            int at = random.nextInt(b.size());
            switch (random.nextInt(8)) {
                case 0 -> b.set(at, (byte) random.nextInt(256)); // a flipped byte
                case 1 ->
                    b.subList(at, Math.min(b.size(), at + 1 + random.nextInt(200)))
                            .clear(); // deleted
                case 2 -> b.add(at, (byte) '"'); // a stray quote
                case 3 -> b.add(at, (byte) ','); // a stray delimiter
                case 4 -> b.add(at, (byte) (random.nextBoolean() ? '\n' : '\r')); // a line break
                case 5 -> {
                    b.add(at, (byte) 0x28); // not UTF-8: C3 28
                    b.add(at, (byte) 0xC3);
                }
                case 6 -> { // a line repeated
                    int start = at;
                    while (start > 0 && b.get(start - 1) != '\n') {
                        start--;
                    }
                    int end = at;
                    while (end < b.size() && b.get(end) != '\n') {
                        end++;
                    }
                    List<Byte> line = new ArrayList<>(b.subList(start, Math.min(b.size(), end + 1)));
                    b.addAll(start, line);
                }
                default -> b.subList(Math.max(at, b.size() / 2), b.size()).clear(); // cut short
            }
        }
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i);
        }
        return out;
    }
}
