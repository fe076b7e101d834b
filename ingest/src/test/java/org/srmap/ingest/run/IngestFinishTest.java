package org.srmap.ingest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.srmap.ingest.load.FinishFailedException;
import org.srmap.ingest.load.Finisher;
import org.srmap.ingest.load.LoadPlan;
import org.srmap.ingest.reference.ReferenceLoader;
import org.srmap.ingest.testing.SharedData;
import org.srmap.sql.Database;
import org.srmap.sql.TestDatabase;

/** The finish after an ingest's commit: indexes, rollups, publication, and recovery when it was cut short. */
class IngestFinishTest {
    private static final PrintStream LOG = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    private static final LoadPlan.Policy BULK = new LoadPlan.Policy(0, 0);
    private static final String INDEXES =
            "SELECT string_agg(indexdef, ';' ORDER BY indexname) FROM pg_indexes WHERE tablename IN"
                    + " ('service_request', 'rollup_district_daily', 'rollup_district_monthly', 'rollup_h3_daily')";

    /** Rollup rows sharing a key (the tables have no primary key since V5). */
    private static final String REPEATED_KEYS =
            """
            SELECT (SELECT count(*) FROM (SELECT 1 FROM rollup_district_daily
                                           GROUP BY day, complaint_type, agency, boro_cd HAVING count(*) > 1) d)
                 + (SELECT count(*) FROM (SELECT 1 FROM rollup_district_monthly
                                           GROUP BY month, complaint_type, agency, boro_cd HAVING count(*) > 1) m)
                 + (SELECT count(*) FROM (SELECT 1 FROM rollup_h3_daily
                                           GROUP BY day, complaint_type, agency, boro_cd, h3_r8 HAVING count(*) > 1) h)""";

    @Test
    void finishesWhatARunCutShortAfterItsCommitLeft() throws Exception {
        try (TestDatabase testDb = TestDatabase.create()) {
            Database db = testDb.database();
            ReferenceLoader.load(db, SharedData.root());
            List<SourceInput> inputs =
                    SourceInput.resolve(List.of(SharedData.root().resolve("311").toString()));
            Ingest.run(db, inputs, Duration.ZERO, false, LOG, BULK);
            String checksum = DbQueries.checksum(db);
            String indexes = DbQueries.text(db, INDEXES);
            long version = DbQueries.count(db, "SELECT srmap_data_version()");
            assertThat(DbQueries.count(db, "SELECT count(*) FROM rollup_pending"))
                    .isZero();
            assertThat(DbQueries.count(db, "SELECT count(*) FROM ingest_run WHERE status <> 'succeeded'"))
                    .isZero();
            assertThat(DbQueries.count(db, "SELECT count(*) FROM rollup_h3_daily"))
                    .isPositive();
            assertThat(DbQueries.count(db, REPEATED_KEYS))
                    .as("rollup keys that repeat")
                    .isZero();

            // The state a kill -9 between the commit and the end of the finish leaves behind.
            execute(
                    db,
                    "SELECT srmap_service_request_indexes(false)",
                    "SELECT srmap_rollup_indexes(false)",
                    "DELETE FROM rollup_district_daily WHERE day > '2015-01-01'",
                    "DELETE FROM rollup_district_monthly WHERE month > '2015-01-01'",
                    "TRUNCATE rollup_h3_daily",
                    "INSERT INTO rollup_pending SELECT r, d FROM (SELECT DISTINCT created_day FROM service_request) s(d)"
                            + " CROSS JOIN (VALUES ('district'), ('h3')) v(r)",
                    "UPDATE ingest_run SET status = 'finishing', data_version = NULL"
                            + " WHERE run_id = (SELECT max(run_id) FROM ingest_run WHERE kind = 'file')");
            assertThat(DbQueries.count(db, "SELECT srmap_data_version()"))
                    .as("a finishing run is not published")
                    .isLessThan(version);
            assertThat(DbQueries.checksum(db)).isNotEqualTo(checksum);

            Ingest.run(db, List.of(), Duration.ZERO, false, LOG);

            assertThat(DbQueries.checksum(db)).isEqualTo(checksum);
            assertThat(DbQueries.text(db, INDEXES)).isEqualTo(indexes);
            assertThat(DbQueries.count(db, "SELECT count(*) FROM rollup_pending"))
                    .isZero();
            assertThat(DbQueries.count(db, "SELECT count(*) FROM ingest_run WHERE status = 'finishing'"))
                    .isZero();
            assertThat(DbQueries.count(db, "SELECT srmap_data_version()")).isGreaterThan(version);
            assertThat(DbQueries.count(db, REPEATED_KEYS)).isZero();
        }
    }

    @Test
    void recordsTheFinishStepsInTheRunAndDoesNothingWhenNothingIsPending() throws Exception {
        try (TestDatabase testDb = TestDatabase.create()) {
            Database db = testDb.database();
            ReferenceLoader.load(db, SharedData.root());
            List<SourceInput> inputs = SourceInput.resolve(List.of(SharedData.root()
                    .resolve("311/export_excel-resaved_2018-10-21.csv")
                    .toString()));
            List<SourceReport> reports = Ingest.run(db, inputs, Duration.ZERO, false, LOG, BULK);
            assertThat(reports.get(0).timings())
                    .containsKeys("rollup district", "rollup h3", "index geom", "index day", "finish");
            assertThat(
                            DbQueries.text(
                                    db,
                                    "SELECT timings->>'rollup h3' FROM ingest_run WHERE kind = 'file' AND status = 'succeeded'"))
                    .isNotNull();
            long version = DbQueries.count(db, "SELECT srmap_data_version()");

            assertThat(new Finisher(db).finish()).isEmpty();
            assertThat(DbQueries.count(db, "SELECT srmap_data_version()")).isEqualTo(version);
        }
    }

    @Test
    void aFailedFinishKeepsTheRowsAndTheNextIngestFinishesIt() throws Exception {
        List<SourceInput> inputs = SourceInput.resolve(List.of(SharedData.root()
                .resolve("311/export_excel-resaved_2018-10-21.csv")
                .toString()));
        String clean;
        try (TestDatabase testDb = TestDatabase.create()) {
            ReferenceLoader.load(testDb.database(), SharedData.root());
            Ingest.run(testDb.database(), inputs, Duration.ZERO, false, LOG, BULK);
            clean = DbQueries.checksum(testDb.database());
        }
        try (TestDatabase testDb = TestDatabase.create()) {
            Database db = testDb.database();
            ReferenceLoader.load(db, SharedData.root());
            execute(
                    db,
                    "CREATE FUNCTION refuse_rollup() RETURNS trigger LANGUAGE plpgsql AS"
                            + " $$ BEGIN RAISE EXCEPTION 'no space left on device (simulated)'; END $$",
                    "CREATE TRIGGER refuse BEFORE INSERT ON rollup_h3_daily"
                            + " FOR EACH STATEMENT EXECUTE FUNCTION refuse_rollup()");

            assertThatThrownBy(() -> Ingest.run(db, inputs, Duration.ZERO, false, LOG, BULK))
                    .isInstanceOf(FinishFailedException.class)
                    .hasMessageContaining("rows are committed")
                    .hasMessageContaining("no space left on device (simulated)")
                    .hasMessageContaining("the next ./srmap ingest finishes it");
            assertThat(DbQueries.count(db, "SELECT count(*) FROM service_request"))
                    .isPositive();
            assertThat(DbQueries.count(db, "SELECT count(*) FROM ingest_run WHERE status = 'finishing'"))
                    .as("the run is neither failed nor published")
                    .isEqualTo(1);
            assertThat(DbQueries.count(db, "SELECT count(*) FROM rollup_pending WHERE rollup = 'h3'"))
                    .isPositive();

            execute(db, "DROP TRIGGER refuse ON rollup_h3_daily");
            Ingest.run(db, List.of(), Duration.ZERO, false, LOG);

            assertThat(DbQueries.checksum(db)).isEqualTo(clean);
            assertThat(DbQueries.count(
                            db, "SELECT count(*) FROM ingest_run WHERE status = 'succeeded' AND kind = 'file'"))
                    .isEqualTo(1);
            assertThat(DbQueries.count(db, "SELECT count(*) FROM rollup_pending"))
                    .isZero();
        }
    }

    private static void execute(Database db, String... statements) throws SQLException {
        try (Connection c = db.open();
                Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
