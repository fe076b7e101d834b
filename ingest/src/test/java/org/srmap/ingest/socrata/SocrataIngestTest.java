package org.srmap.ingest.socrata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.srmap.ingest.reference.ReferenceLoader;
import org.srmap.ingest.run.Ingest;
import org.srmap.ingest.run.SourceInput;
import org.srmap.ingest.run.SourceReport;
import org.srmap.ingest.testing.SharedData;
import org.srmap.sql.Database;
import org.srmap.sql.TestDatabase;

/** The live-API path, against a local stub serving the real SODA JSON sample. */
class SocrataIngestTest {
    private static final PrintStream LOG = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    private static final Instant START = Instant.parse("2024-05-27T00:00:00Z");

    private TestDatabase testDb;
    private Database db;
    private SocrataStub stub;

    @BeforeEach
    void setUp() throws Exception {
        testDb = TestDatabase.create();
        db = testDb.database();
        ReferenceLoader.load(db, SharedData.root());
        stub = new SocrataStub("erm2-nwe9", SharedData.exports311().resolve("soda-api_2024-05-26.json"), START);
    }

    @AfterEach
    void tearDown() {
        // setUp may have stopped early (no shared data outside CI): close what it opened
        if (stub != null) {
            stub.close();
        }
        if (testDb != null) {
            testDb.close();
        }
    }

    @Test
    void pagesThroughTheDatasetThenContinuesFromTheHighWaterMark() throws Exception {
        SourceReport first = ingest();
        assertThat(first.status()).isEqualTo(SourceReport.Status.LOADED);
        assertThat(first.rowsRead()).isEqualTo(1000);
        assertThat(first.merge().inserted()).isEqualTo(1000);
        assertThat(stub.requests).extracting(r -> r.get("$offset")).containsExactly("0", "300", "600", "900");
        assertThat(stub.requests).allSatisfy(r -> {
            assertThat(r.get("$order")).isEqualTo(":updated_at, :id");
            assertThat(r.get("$select")).isEqualTo(":*, *");
            assertThat(r).doesNotContainKey("$where");
        });
        assertThat(highWaterMark()).isEqualTo(START.plusSeconds(999));

        stub.requests.clear();
        SourceReport nothingNew = ingest();
        assertThat(nothingNew.rowsRead()).isZero();
        assertThat(stub.requests).singleElement().satisfies(r -> assertThat(r.get("$where"))
                .isEqualTo(":updated_at > '2024-05-27T00:16:39.000'"));

        Instant later = START.plusSeconds(5000);
        stub.update(5, "status", "Closed", later);
        stub.update(5, "resolution_action_updated_date", "2024-06-01T10:00:00.000", later);
        SourceReport updates = ingest();
        assertThat(updates.rowsRead()).isEqualTo(5);
        assertThat(updates.merge().updated()).isEqualTo(5);
        assertThat(highWaterMark()).isEqualTo(later);
    }

    @Test
    void reportsAnHttpErrorAsAFailedSourceAndKeepsNothingOfIt() throws Exception {
        stub.failWith(503);
        SourceReport failed = ingest();
        assertThat(failed.status()).isEqualTo(SourceReport.Status.FAILED);
        assertThat(failed.message()).contains("HTTP 503");
        try (Connection c = db.open();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM service_request")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    private SourceReport ingest() throws Exception {
        List<SourceInput> inputs;
        try (Connection c = db.open()) {
            inputs = List.copyOf(
                    SocrataSources.incremental(c, List.of("socrata:erm2-nwe9"), stub.baseUri(), 300, null, null));
        }
        List<SourceReport> reports = Ingest.run(db, inputs, Duration.ZERO, false, LOG);
        assertThat(reports).hasSize(1);
        return reports.get(0);
    }

    private Instant highWaterMark() throws Exception {
        try (Connection c = db.open();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT max(high_water_mark) FROM ingest_run WHERE kind = 'socrata' AND status = 'succeeded'")) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }
}
