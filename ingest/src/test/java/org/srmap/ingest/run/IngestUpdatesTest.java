package org.srmap.ingest.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.srmap.ingest.load.LoadPlan;
import org.srmap.ingest.reference.ReferenceLoader;
import org.srmap.ingest.testing.SharedData;
import org.srmap.sql.Database;
import org.srmap.sql.TestDatabase;

/** A newer version of an SR replaces the stored one; an older or identical one changes nothing. */
class IngestUpdatesTest {
    private static final PrintStream LOG = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    private static TestDatabase testDb;
    private static Database db;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadReference() throws Exception {
        testDb = TestDatabase.create();
        db = testDb.database();
        ReferenceLoader.load(db, SharedData.root());
    }

    @AfterAll
    static void dropDatabase() {
        if (testDb != null) {
            testDb.close();
        }
    }

    @BeforeEach
    void emptyTables() throws Exception {
        try (Connection c = db.open();
                Statement st = c.createStatement()) {
            st.execute(
                    "TRUNCATE service_request, rollup_district_daily, rollup_district_monthly, rollup_h3_daily, gazetteer");
        }
    }

    @ParameterizedTest
    @CsvSource({"staged", "direct", "bulk"})
    void replacesAnSrWithItsNewerVersionOnly(String path) throws Exception {
        policy = policyNamed(path);
        List<List<String>> real = CsvFiles.read(SharedData.root().resolve("311/export_2022-05-01.csv"));
        List<String> header = real.get(0);
        List<String> open = real.stream()
                .skip(1)
                .filter(r -> r.get(header.indexOf("Status")).equals("In Progress"))
                .findFirst()
                .orElseThrow();
        long key = Long.parseLong(open.get(header.indexOf("Unique Key")));

        Path v1 = tmp.resolve("v1.csv");
        CsvFiles.write(v1, header, List.of(open));
        assertThat(ingest(v1).merge().inserted()).isEqualTo(1);
        assertThat(status(key)).isEqualTo("In Progress");

        List<String> closed = new ArrayList<>(open);
        closed.set(header.indexOf("Status"), "Closed");
        closed.set(header.indexOf("Closed Date"), "05/03/2022 09:15:00 AM");
        closed.set(header.indexOf("Resolution Action Updated Date"), "05/03/2022 09:15:00 AM");
        closed.set(header.indexOf("Resolution Description"), "The condition was corrected.");
        Path v2 = tmp.resolve("v2.csv");
        CsvFiles.write(v2, header, List.of(closed));
        SourceReport second = ingest(v2);
        assertThat(second.merge().updated()).isEqualTo(1);
        assertThat(status(key)).isEqualTo("Closed");
        assertThat(DbQueries.count(db, "SELECT sum(closed_n) FROM rollup_district_daily WHERE day = '2022-05-01'"))
                .isEqualTo(1);

        SourceReport stale = ingest(v1);
        assertThat(stale.merge().unchanged())
                .as("the older version does not replace the newer")
                .isEqualTo(1);
        assertThat(status(key)).isEqualTo("Closed");

        String before = DbQueries.checksum(db);
        assertThat(ingest(v2).merge().unchanged()).isEqualTo(1);
        assertThat(DbQueries.checksum(db)).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource({"staged", "direct", "bulk"})
    void keepsTheNewestOfDuplicateKeysInOneFile(String path) throws Exception {
        policy = policyNamed(path);
        List<List<String>> real = CsvFiles.read(SharedData.root().resolve("311/export_2014-2019.csv"));
        List<String> header = real.get(0);
        List<String> row = real.get(1);
        List<String> newer = new ArrayList<>(row);
        newer.set(header.indexOf("Resolution Action Updated Date"), "12/31/2019 11:00:00 PM");
        newer.set(header.indexOf("Descriptor"), "Newest descriptor");
        Path file = tmp.resolve("dupes.csv");
        CsvFiles.write(file, header, List.of(newer, row));
        SourceReport r = ingest(file);
        assertThat(r.rowsLoaded()).isEqualTo(2);
        assertThat(r.merge().distinctKeys()).isEqualTo(1);
        assertThat(DbQueries.text(
                        db,
                        "SELECT descriptor FROM service_request WHERE unique_key = "
                                + row.get(header.indexOf("Unique Key"))))
                .isEqualTo("Newest descriptor");
    }

    private LoadPlan.Policy policy;

    private static LoadPlan.Policy policyNamed(String path) {
        return switch (path) {
            case "staged" -> LoadPlan.Policy.STAGED;
            case "direct" -> new LoadPlan.Policy(0, Long.MAX_VALUE);
            case "bulk" -> new LoadPlan.Policy(0, 0);
            default -> throw new IllegalArgumentException(path);
        };
    }

    private SourceReport ingest(Path file) throws Exception {
        List<SourceReport> reports =
                Ingest.run(db, SourceInput.resolve(List.of(file.toString())), Duration.ZERO, false, LOG, policy);
        assertThat(reports).hasSize(1);
        return reports.get(0);
    }

    private static String status(long key) throws Exception {
        return DbQueries.text(db, "SELECT status FROM service_request WHERE unique_key = " + key);
    }
}
