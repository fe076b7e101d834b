package org.srmap.ingest.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.srmap.ingest.load.LoadPlan;
import org.srmap.ingest.load.MergeResult;
import org.srmap.ingest.reference.ReferenceLoader;
import org.srmap.ingest.testing.SharedData;
import org.srmap.sql.Database;
import org.srmap.sql.TestDatabase;

/** The direct and bulk load paths end in exactly the tables the staged path builds. */
class IngestPathsTest {
    private static final PrintStream LOG = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    private static final LoadPlan.Policy DIRECT = new LoadPlan.Policy(0, Long.MAX_VALUE);
    private static final LoadPlan.Policy BULK = new LoadPlan.Policy(0, 0);

    /** What one load of every real sample produced. */
    private record Outcome(String checksum, String figures, long directRows, long bulkRuns, long pointsInDistrict) {}

    @Test
    void directAndBulkPathsLoadTheSameTablesAsTheStagedPath() throws Exception {
        Outcome staged = loadAll(LoadPlan.Policy.STAGED, false);
        Outcome direct = loadAll(DIRECT, false);
        Outcome bulk = loadAll(BULK, false);

        assertThat(staged.directRows()).isZero();
        assertThat(direct.directRows()).as("rows that took the direct path").isGreaterThan(15_000);
        assertThat(direct.bulkRuns()).isZero();
        assertThat(bulk.directRows()).isEqualTo(direct.directRows());
        assertThat(bulk.bulkRuns()).isEqualTo(9);

        assertThat(direct.checksum()).isEqualTo(staged.checksum());
        assertThat(bulk.checksum()).isEqualTo(staged.checksum());
        assertThat(direct.figures()).isEqualTo(staged.figures());
        assertThat(bulk.figures()).isEqualTo(staged.figures());
    }

    @Test
    void directPathStoresEveryPointInsideTheDistrictComputedForIt() throws Exception {
        Outcome direct = loadAll(DIRECT, false);
        assertThat(direct.pointsInDistrict()).isGreaterThan(15_000);
    }

    @Test
    void reingestingByTheDirectPathChangesNothing() throws Exception {
        Outcome twice = loadAll(DIRECT, true);
        Outcome once = loadAll(LoadPlan.Policy.STAGED, false);
        assertThat(twice.checksum()).isEqualTo(once.checksum());
    }

    private static Outcome loadAll(LoadPlan.Policy policy, boolean twice) throws Exception {
        try (TestDatabase testDb = TestDatabase.create()) {
            Database db = testDb.database();
            ReferenceLoader.load(db, SharedData.root());
            List<SourceInput> inputs =
                    SourceInput.resolve(List.of(SharedData.root().resolve("311").toString()));
            List<SourceReport> reports = Ingest.run(db, inputs, Duration.ZERO, false, LOG, policy);
            if (twice) {
                List<SourceReport> again = Ingest.run(db, inputs, Duration.ZERO, false, LOG, policy);
                for (SourceReport r : again) {
                    assertThat(r.merge().inserted() + r.merge().updated())
                            .as(r.name())
                            .isZero();
                }
            }
            return new Outcome(
                    DbQueries.checksum(db),
                    figures(reports),
                    DbQueries.count(
                            db, "SELECT coalesce(sum((counters->>'load.direct_rows')::bigint), 0) FROM ingest_run"),
                    DbQueries.count(db, "SELECT coalesce(sum((counters->>'load.bulk')::bigint), 0) FROM ingest_run"),
                    pointsInTheirDistrict(db));
        }
    }

    private static String figures(List<SourceReport> reports) {
        StringBuilder sb = new StringBuilder();
        for (SourceReport r : reports) {
            MergeResult m = r.merge();
            sb.append(r.name())
                    .append(": ")
                    .append(List.of(
                            r.rowsRead(),
                            r.rowsLoaded(),
                            r.rowsRejected(),
                            m.distinctKeys(),
                            m.inserted(),
                            m.updated(),
                            m.withLocation(),
                            m.placedWithLocation(),
                            m.unplaced(),
                            m.byLatLon(),
                            m.byStatePlane(),
                            m.byGazetteer(),
                            m.outsideDistricts(),
                            m.districtCompared(),
                            m.districtAgreed(),
                            m.daysRefreshed()))
                    .append('\n');
        }
        return sb.toString();
    }

    /** Placed rows whose stored point PostGIS finds inside the district the ingest computed, or -1. */
    private static long pointsInTheirDistrict(Database db) throws SQLException {
        long placed = DbQueries.count(db, "SELECT count(*) FROM service_request WHERE boro_cd IS NOT NULL");
        long inside = DbQueries.count(
                db,
                """
                SELECT count(*) FROM service_request s
                  JOIN community_district d ON d.boro_cd = s.boro_cd AND ST_DWithin(d.geom, s.geom, 0.001)""");
        return inside == placed ? inside : -1;
    }
}
