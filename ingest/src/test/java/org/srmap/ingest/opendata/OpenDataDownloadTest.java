package org.srmap.ingest.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srmap.geocoder.geojson.GeoJsonFeatures;
import org.srmap.ingest.reference.ReferenceLoader;
import org.srmap.ingest.run.Ingest;
import org.srmap.ingest.run.SourceInput;
import org.srmap.ingest.run.SourceReport;
import org.srmap.ingest.testing.SharedData;
import org.srmap.sql.Database;
import org.srmap.sql.TestDatabase;

/**
 * Downloads everything from a stub serving the shared data the way NYC Open Data and the Census API
 * publish it, then loads the cache with the unchanged reference loader and ingest into PostGIS.
 */
class OpenDataDownloadTest {
    private static final PrintStream LOG = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    private static final LocalDate TODAY = LocalDate.of(2024, 5, 27);
    private static final int PAGE = 300;

    @TempDir
    static Path cache;

    private static OpenDataStub stub;
    private static TestDatabase testDb;
    private static Database db;
    private static OpenDataDownload.Report first;
    private static String progress;
    private static List<Map<String, String>> pages;

    @BeforeAll
    static void downloadAll() throws Exception {
        stub = new OpenDataStub(SharedData.root());
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        first = download(false, new PrintStream(lines, true, StandardCharsets.UTF_8));
        progress = lines.toString(StandardCharsets.UTF_8);
        pages = stub.requestsFor("/resource/erm2-nwe9.json");
        testDb = TestDatabase.create();
        db = testDb.database();
    }

    @AfterAll
    static void tearDown() {
        if (stub != null) {
            stub.close();
        }
        if (testDb != null) {
            testDb.close();
        }
    }

    @Test
    void writesEveryFileTheLoaderReadsAndNoTemporaryFiles() throws Exception {
        String requests = "311/erm2-nwe9_2024-05-20_2024-05-27.json";
        assertThat(first.downloaded())
                .containsExactly(
                        ReferenceLoader.BOROUGHS,
                        ReferenceLoader.DISTRICTS,
                        ReferenceLoader.NTAS,
                        ReferenceLoader.TRACTS,
                        ReferenceLoader.LIBRARIES,
                        requests);
        assertThat(first.cached()).isEmpty();
        try (Stream<Path> files = Files.walk(cache)) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(p -> cache.relativize(p).toString()))
                    .containsExactlyInAnyOrderElementsOf(first.downloaded());
        }
        assertThat(progress).contains("2,325 features", "8,804,190 people in the tracts");
    }

    @Test
    void loadsTheDownloadedReferenceDataIntoPostgis() throws Exception {
        ReferenceLoader.Report r = ReferenceLoader.load(db, cache);
        assertThat(r.boroughs()).isEqualTo(5);
        assertThat(r.districts()).isEqualTo(71);
        assertThat(r.ntas()).isEqualTo(262);
        assertThat(r.tracts()).isEqualTo(2325);
        assertThat(r.tractPopulation()).isEqualTo(8_804_190L);
        assertThat(r.districtPopulation()).isEqualTo(r.tractPopulation());
        assertThat(r.facilities()).isEqualTo(230);
        assertThat(r.problems().total()).isZero();
        assertThat(r.warnings()).singleElement().asString().contains("no cooling centers loaded");
    }

    @Test
    void keepsUnderEighteenPopulationFromTheCensusRows() {
        long u18 = GeoJsonFeatures.read(cache.resolve(ReferenceLoader.TRACTS)).stream()
                .mapToLong(f -> ((Number) f.properties().get("pop2020_u18")).longValue())
                .sum();
        long sharedU18 = GeoJsonFeatures.read(SharedData.root().resolve(ReferenceLoader.TRACTS)).stream()
                .mapToLong(f -> ((Number) f.properties().get("pop2020_u18")).longValue())
                .sum();
        assertThat(u18).isPositive().isEqualTo(sharedU18);
    }

    @Test
    void pagesThroughTheRecentRequestsWhichTheIngestThenLoads() throws Exception {
        assertThat(pages).extracting(q -> q.get("$offset")).containsExactly("0", "300", "600", "900");
        assertThat(pages).allSatisfy(q -> {
            assertThat(q.get("$where")).isEqualTo("created_date >= '2024-05-20T00:00:00'");
            assertThat(q.get("$order")).isEqualTo(":id");
        });
        ReferenceLoader.load(db, cache);
        List<SourceReport> reports = Ingest.run(
                db, SourceInput.resolve(List.of(cache.resolve("311").toString())), Duration.ZERO, false, LOG);
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.status()).as(r.message()).isEqualTo(SourceReport.Status.LOADED);
            assertThat(r.rowsRead()).isEqualTo(1000);
            assertThat(r.rowsLoaded()).isEqualTo(1000);
        });
    }

    @Test
    void fetchesNothingAgainWhenEverythingIsCachedUnlessAskedToRefresh() throws Exception {
        stub.requests.clear();
        OpenDataDownload.Report again = download(false, LOG);
        assertThat(again.downloaded()).isEmpty();
        assertThat(again.cached()).isEqualTo(first.downloaded());
        assertThat(stub.requests).isEmpty();

        OpenDataDownload.Report refreshed = download(true, LOG);
        assertThat(refreshed.downloaded()).isEqualTo(first.downloaded());
        assertThat(stub.requests).isNotEmpty();
    }

    private static OpenDataDownload.Report download(boolean refresh, PrintStream out) {
        DownloadSpec spec = new DownloadSpec(
                cache, stub.baseUri(), stub.baseUri(), 7, PAGE, Duration.ofSeconds(30), refresh, TODAY);
        return new OpenDataDownload(spec, out).run();
    }
}
