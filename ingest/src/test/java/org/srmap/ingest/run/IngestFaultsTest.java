package org.srmap.ingest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srmap.ingest.load.IngestBusyException;
import org.srmap.ingest.load.IngestLock;
import org.srmap.ingest.reference.ReferenceLoader;
import org.srmap.ingest.testing.SharedData;
import org.srmap.sql.Database;
import org.srmap.sql.TestDatabase;

/** Interrupted, concurrent and hopeless ingests: nothing is lost, nothing half-written, clear messages. */
class IngestFaultsTest {
    private static final PrintStream LOG = new PrintStream(System.err, true, StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    @Test
    void refusesASecondIngestWhileOneHoldsTheLock() throws Exception {
        try (TestDatabase t = TestDatabase.create()) {
            Database db = t.database();
            ReferenceLoader.load(db, SharedData.root());
            try (IngestLock held = IngestLock.acquire(db, Duration.ZERO)) {
                assertThat(held.connection().isValid(1)).isTrue();
                List<SourceInput> one = SourceInput.resolve(List.of(
                        SharedData.root().resolve("311/export_2022-05-01.csv").toString()));
                assertThatThrownBy(() -> Ingest.run(db, one, Duration.ofSeconds(1), false, LOG))
                        .isInstanceOf(IngestBusyException.class)
                        .hasMessageContaining("another ingest");
            }
        }
    }

    @Test
    void killDashNineMidIngestThenRerunEqualsAnUninterruptedRun() throws Exception {
        Path big = tmp.resolve("big.csv");
        CsvFiles.replicate(
                big, CsvFiles.read(SharedData.root().resolve("311/export_excel-resaved_2018-10-21.csv")), 40, r -> r);
        List<SourceInput> input = SourceInput.resolve(List.of(big.toString()));

        String clean;
        try (TestDatabase t = TestDatabase.create()) {
            ReferenceLoader.load(t.database(), SharedData.root());
            Ingest.run(t.database(), input, Duration.ZERO, false, LOG);
            clean = DbQueries.checksum(t.database());
        }

        try (TestDatabase t = TestDatabase.create()) {
            Database db = t.database();
            ReferenceLoader.load(db, SharedData.root());
            ProcessBuilder pb = new ProcessBuilder(
                            javaBinary(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            "org.srmap.ingest.cli.Main",
                            "ingest",
                            big.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("killed.log").toFile());
            pb.environment().put(Database.URL_ENV, db.url());
            Process ingest = pb.start();
            waitForRunningRun(db, ingest);
            Thread.sleep(1500 + new Random(7).nextInt(1000));
            assertThat(ingest.isAlive())
                    .as("the ingest must still be running when killed; log: "
                            + Files.readString(tmp.resolve("killed.log")))
                    .isTrue();
            ingest.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no rollback by the client
            assertThat(ingest.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(DbQueries.count(
                            db, "SELECT count(*) FROM ingest_run WHERE status = 'succeeded' AND kind = 'file'"))
                    .isZero();
            assertThat(DbQueries.count(db, "SELECT count(*) FROM service_request"))
                    .isZero();

            List<SourceReport> rerun = Ingest.run(db, input, Duration.ofSeconds(30), false, LOG);
            assertThat(rerun.get(0).status()).isEqualTo(SourceReport.Status.LOADED);
            assertThat(DbQueries.checksum(db)).isEqualTo(clean);
            assertThat(DbQueries.count(db, "SELECT count(*) FROM ingest_run WHERE status = 'aborted'"))
                    .as("the killed run is marked aborted")
                    .isEqualTo(1);
        }
    }

    @Test
    void reportsHopelessFilesClearlyAndLoadsTheRest() throws Exception {
        try (TestDatabase t = TestDatabase.create()) {
            ReferenceLoader.load(t.database(), SharedData.root());
            Path real = SharedData.root().resolve("311/export_2022-05-01.csv");
            List<String> lines = Files.readAllLines(real, StandardCharsets.UTF_8);
            Path empty = Files.write(tmp.resolve("a-empty.csv"), new byte[0]);
            Path headerOnly = Files.writeString(tmp.resolve("b-header-only.csv"), lines.get(0) + "\n");
            byte[] noise = new byte[20_000];
            new Random(42).nextBytes(noise);
            Path garbage = Files.write(tmp.resolve("c-garbage.csv"), noise);
            String cut = lines.get(11);
            Path truncated = Files.writeString(
                    tmp.resolve("d-truncated.csv"),
                    String.join("\n", lines.subList(0, 11)) + "\n" + cut.substring(0, cut.indexOf(',') + 3)
                            + ",\"half");
            List<SourceReport> reports = Ingest.run(
                    t.database(),
                    SourceInput.resolve(List.of(
                            empty.toString(),
                            headerOnly.toString(),
                            garbage.toString(),
                            truncated.toString(),
                            real.toString())),
                    Duration.ZERO,
                    false,
                    LOG);
            assertThat(reports)
                    .extracting(SourceReport::status)
                    .containsExactly(
                            SourceReport.Status.FAILED,
                            SourceReport.Status.LOADED,
                            SourceReport.Status.FAILED,
                            SourceReport.Status.LOADED,
                            SourceReport.Status.LOADED);
            assertThat(reports.get(0).message()).contains("a-empty.csv");
            assertThat(reports.get(1).rowsRead()).isZero();
            assertThat(reports.get(2).message()).contains("c-garbage.csv");
            assertThat(reports.get(3).rowsRead()).isEqualTo(11);
            assertThat(reports.get(3).rowsRejected()).isEqualTo(1);
            assertThat(reports.get(4).rowsRead()).isEqualTo(924);
            assertThat(DbQueries.count(t.database(), "SELECT count(*) FROM ingest_reject WHERE line_number = 12"))
                    .isEqualTo(1);
            assertThat(DbQueries.count(t.database(), "SELECT count(*) FROM ingest_run WHERE status = 'failed'"))
                    .isEqualTo(2);
        }
    }

    private static void waitForRunningRun(Database db, Process ingest) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (DbQueries.count(db, "SELECT count(*) FROM ingest_run WHERE status = 'running'") == 0) {
            assertThat(ingest.isAlive())
                    .as("the ingest process ended before it started a run")
                    .isTrue();
            assertThat(System.nanoTime()).as("no running ingest after 60 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
