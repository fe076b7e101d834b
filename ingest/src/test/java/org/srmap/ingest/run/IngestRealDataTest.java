package org.srmap.ingest.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.srmap.ingest.load.MergeResult;
import org.srmap.ingest.reference.ReferenceLoader;
import org.srmap.ingest.testing.SharedData;
import org.srmap.sql.Database;
import org.srmap.sql.TestDatabase;

/** Loads every real 311 sample into a fresh PostGIS and checks the Done-when figures of the ingest. */
class IngestRealDataTest {
    private static final PrintStream LOG = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    private static TestDatabase testDb;
    private static Database db;
    private static List<SourceReport> reports;

    @BeforeAll
    static void loadEverything() throws Exception {
        Path data = SharedData.root();
        testDb = TestDatabase.create();
        db = testDb.database();
        ReferenceLoader.load(db, data);
        reports =
                Ingest.run(db, SourceInput.resolve(List.of(data.resolve("311").toString())), Duration.ZERO, false, LOG);
        IngestSummary.print(reports, LOG);
    }

    @AfterAll
    static void dropDatabase() {
        if (testDb != null) {
            testDb.close();
        }
    }

    @Test
    void loadsEveryRealFileAccountingForEveryRow() throws SQLException {
        assertThat(reports).hasSize(9);
        long inserted = 0;
        for (SourceReport r : reports) {
            assertThat(r.status()).as(r.name() + ": " + r.message()).isEqualTo(SourceReport.Status.LOADED);
            assertThat(r.rowsRead()).as(r.name()).isEqualTo(r.rowsLoaded() + r.rowsRejected());
            inserted += r.merge().inserted();
        }
        assertThat(DbQueries.count(db, "SELECT count(*) FROM service_request")).isEqualTo(inserted);
        assertThat(DbQueries.count(db, "SELECT count(*) FROM ingest_reject"))
                .isEqualTo(
                        reports.stream().mapToLong(SourceReport::rowsRejected).sum());
    }

    @ParameterizedTest
    @CsvSource({
        "export_excel-resaved_2018-10-21.csv, 6765",
        "export_legacy52_2013-12-25.csv, 2386",
        "export_2011-03.csv, 2000",
        "export_2014-2019.csv, 1000",
        "export_2022-05-01.csv, 924",
        "pandas-reexport_2023-12-07.csv, 1000",
        "soda-api_2025-10-12.csv, 1000",
        "soda-api_2024-05-26.json, 1000",
        "soda-api_2012.json, 1000",
    })
    void readsEveryRecordOfEachFormat(String file, long rows) {
        SourceReport r = reports.stream()
                .filter(x -> x.name().endsWith("/" + file))
                .findFirst()
                .orElseThrow();
        assertThat(r.rowsRead()).isEqualTo(rows);
    }

    @Test
    void placesAtLeast99PercentOfRowsThatCarryALocation() {
        long withLocation = sum(MergeResult::withLocation);
        long placed = sum(MergeResult::placedWithLocation);
        assertThat(withLocation).isGreaterThan(15_000);
        assertThat((double) placed / withLocation).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void computedDistrictAgreesWithReportedBoardFor985Percent() {
        long compared = sum(MergeResult::districtCompared);
        long agreed = sum(MergeResult::districtAgreed);
        assertThat(compared).isGreaterThan(10_000);
        assertThat((double) agreed / compared).isGreaterThanOrEqualTo(0.985);
    }

    @Test
    void reingestingEveryFileChangesNothing() throws Exception {
        String before = DbQueries.checksum(db);
        long runsBefore = DbQueries.count(db, "SELECT count(*) FROM ingest_run");
        List<SourceReport> again = Ingest.run(
                db,
                SourceInput.resolve(List.of(SharedData.root().resolve("311").toString())),
                Duration.ZERO,
                false,
                LOG);
        for (SourceReport r : again) {
            assertThat(r.merge().inserted() + r.merge().updated()).as(r.name()).isZero();
        }
        assertThat(DbQueries.checksum(db)).isEqualTo(before);
        assertThat(DbQueries.count(db, "SELECT count(*) FROM ingest_run")).isEqualTo(runsBefore + 9);
        assertThat(DbQueries.count(
                        db,
                        "SELECT count(*) FROM ingest_run WHERE status = 'succeeded' AND kind = 'file'"
                                + " AND data_version IS NULL"))
                .as("runs that changed nothing do not move the data version")
                .isEqualTo(9);
    }

    @Test
    void rollupsCountEveryRequestOnce() throws SQLException {
        long total = DbQueries.count(db, "SELECT count(*) FROM service_request");
        assertThat(DbQueries.count(db, "SELECT sum(n) FROM rollup_district_daily"))
                .isEqualTo(total);
        assertThat(DbQueries.count(db, "SELECT sum(n) FROM rollup_district_monthly"))
                .isEqualTo(total);
        assertThat(DbQueries.count(db, "SELECT sum(unplaced_n) FROM rollup_district_daily"))
                .isEqualTo(DbQueries.count(db, "SELECT count(*) FROM service_request WHERE geom IS NULL"));
        assertThat(DbQueries.count(db, "SELECT sum(n) FROM rollup_h3_daily"))
                .isEqualTo(DbQueries.count(db, "SELECT count(*) FROM service_request WHERE h3_r8 IS NOT NULL"));
        assertThat(DbQueries.count(db, "SELECT sum(open_n + closed_n) - sum(n) FROM rollup_district_daily"))
                .isZero();
        assertThat(DbQueries.count(db, "SELECT sum(unplaced_open_n) FROM rollup_district_daily"))
                .isEqualTo(DbQueries.count(
                        db, "SELECT count(*) FROM service_request WHERE geom IS NULL AND NOT is_closed"));
    }

    @Test
    void everyDistrictHasATileOutlineAtEveryZoom() throws SQLException {
        assertThat(DbQueries.count(db, "SELECT count(*) FROM district_shape"))
                .isEqualTo(17 * DbQueries.count(db, "SELECT count(*) FROM community_district"));
        assertThat(DbQueries.count(db, "SELECT count(*) FROM district_shape WHERE NOT ST_IsValid(geom)"))
                .isZero();
    }

    /**
     * The outlines cut in advance for each tile (district_tile) against ST_AsMVTGeom run on the fly
     * over every tile of the city's extent at the zoom, as the tile query did before (an enumeration
     * by the whole extent, not by each outline's box).
     */
    @ParameterizedTest
    @CsvSource({"4", "10", "12", "14"})
    void cutsEveryDistrictOutlineForEachTileItMeets(int z) throws SQLException {
        String onTheFly =
                """
                WITH k AS (SELECT 2 * pi() * 6378137 / (2 ^ %1$d) AS size, pi() * 6378137 AS half),
                box AS (SELECT ST_Extent(geom) AS b FROM district_shape WHERE z = %1$d),
                tiles AS (
                    SELECT x, y FROM k, box,
                           generate_series(floor((ST_XMin(b) + half) / size)::int,
                                           floor((ST_XMax(b) + half) / size)::int) x,
                           generate_series(floor((half - ST_YMax(b)) / size)::int,
                                           floor((half - ST_YMin(b)) / size)::int) y)
                SELECT t.x, t.y, ds.boro_cd, ST_AsMVTGeom(ds.geom, ST_TileEnvelope(%1$d, t.x, t.y), 4096, 64, true) AS geom
                  FROM tiles t JOIN district_shape ds ON ds.z = %1$d AND ds.geom && ST_TileEnvelope(%1$d, t.x, t.y)"""
                        .formatted(z);
        String cut = "SELECT x, y, boro_cd, geom FROM district_tile WHERE z = " + z;
        assertThat(DbQueries.count(db, "SELECT count(*) FROM (" + cut + ") c")).isGreaterThan(50);
        assertThat(DbQueries.count(
                        db,
                        "SELECT count(*) FROM (" + cut + ") c FULL JOIN (SELECT * FROM (" + onTheFly
                                + ") f WHERE f.geom IS NOT NULL) f USING (x, y, boro_cd)"
                                + " WHERE c.geom IS NULL OR f.geom IS NULL OR NOT ST_OrderingEquals(c.geom, f.geom)"))
                .isZero();
    }

    @Test
    void everyPlacedRequestsHexbinCellsHaveAnOutline() throws SQLException {
        assertThat(DbQueries.count(db, "SELECT count(*) FROM service_request WHERE h3_r8 IS NOT NULL"))
                .isGreaterThan(15_000);
        assertThat(
                        DbQueries.count(
                                db,
                                """
                        SELECT count(*) FROM service_request s CROSS JOIN generate_series(6, 8) r
                         WHERE s.h3_r8 IS NOT NULL
                           AND NOT EXISTS (SELECT 1 FROM h3_cell h
                                            WHERE h.cell = srmap_h3_parent(s.h3_r8, r) AND h.res = r)"""))
                .isZero();
    }

    @Test
    void everyPlacedRequestsResolution10CellHasItsCentre() throws SQLException {
        assertThat(DbQueries.count(db, "SELECT count(*) FROM service_request WHERE h3_r10 IS NOT NULL"))
                .isGreaterThan(15_000);
        assertThat(DbQueries.count(
                        db,
                        "SELECT count(*) FROM service_request s WHERE s.h3_r10 IS NOT NULL"
                                + " AND NOT EXISTS (SELECT 1 FROM h3_centre c WHERE c.cell = s.h3_r10)"))
                .isZero();
        assertThat(DbQueries.count(db, "SELECT count(*) FROM h3_centre")).isBetween(200_000L, 230_000L);
    }

    @Test
    void cellCentresAreH3sCentresOfTheirCells() throws SQLException, IOException {
        // every 997th centre, against h3-java's own cellToLatLng (the loader goes through geocoder's H3Cells)
        H3Core h3 = H3Core.newInstance();
        try (Connection c = db.open();
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT cell, ST_X(geom), ST_Y(geom) FROM h3_centre WHERE cell % 997 = 0")) {
            int n = 0;
            while (rs.next()) {
                long cell = rs.getLong(1);
                LatLng centre = h3.cellToLatLng(cell);
                assertThat(h3.getResolution(cell)).isEqualTo(10);
                assertThat(rs.getDouble(2)).isEqualTo(centre.lng);
                assertThat(rs.getDouble(3)).isEqualTo(centre.lat);
                n++;
            }
            assertThat(n).isGreaterThan(100);
        }
    }

    @Test
    void normalisesTheLegacyHeatingTypeToHeatHotWater() throws SQLException {
        assertThat(DbQueries.count(db, "SELECT count(*) FROM service_request WHERE complaint_type_raw = 'HEATING'"))
                .isGreaterThan(1000);
        assertThat(DbQueries.count(
                        db,
                        "SELECT count(*) FROM service_request WHERE complaint_type_raw = 'HEATING'"
                                + " AND complaint_type <> 'HEAT/HOT WATER'"))
                .isZero();
        assertThat(DbQueries.text(db, "SELECT category FROM complaint_type WHERE complaint_type = 'HEAT/HOT WATER'"))
                .isEqualTo("Heat & Hot Water");
    }

    @ParameterizedTest
    @CsvSource({
        // key, the published local time, the same instant in UTC
        "19937896, 2011-03-01T19:27:57Z", // 03/01/2011 02:27:57 PM, EST (UTC-5)
        "54049402, 2022-05-01T04:00:03Z", // 05/01/2022 12:00:03 AM, EDT (UTC-4)
    })
    void storesCreatedTimesAsInstantsFromNewYorkLocalTime(long key, String utc) throws SQLException {
        assertThat(DbQueries.text(
                        db,
                        "SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                                + " FROM service_request WHERE unique_key = " + key))
                .isEqualTo(utc);
    }

    @Test
    void districtPopulationComesFromTheCensusTracts() throws SQLException {
        assertThat(DbQueries.count(db, "SELECT sum(population) FROM census_tract"))
                .isEqualTo(8_804_190L);
        long districts = DbQueries.count(db, "SELECT sum(population) FROM community_district");
        assertThat(districts).isBetween(8_790_000L, 8_804_190L);
        assertThat(DbQueries.count(db, "SELECT count(*) FROM facility WHERE kind = 'cooling_center'"))
                .isEqualTo(736);
    }

    private static long sum(java.util.function.ToLongFunction<MergeResult> f) {
        return reports.stream().map(SourceReport::merge).mapToLong(f).sum();
    }
}
