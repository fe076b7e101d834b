package org.srmap.ingest.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.srmap.geocoder.geojson.GeoJsonFeatures;
import org.srmap.ingest.reference.ReferenceLoader;
import org.srmap.ingest.testing.SharedData;

/** How downloads fail: one clear message naming the dataset and the cause, and no partial file. */
class DownloadFailuresTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final String NTAS = "/resource/9nt8-h7nd.geojson";

    @TempDir
    Path cache;

    private static OpenDataStub stub;

    @BeforeAll
    static void startStub() throws Exception {
        stub = new OpenDataStub(SharedData.root());
    }

    @AfterAll
    static void stopStub() {
        if (stub != null) {
            stub.close();
        }
    }

    @BeforeEach
    void resetStub() {
        stub.reset();
    }

    @ParameterizedTest
    @CsvSource({"404", "500", "503"})
    void namesTheDatasetAndTheHttpStatus(int status) throws Exception {
        stub.answer(NTAS, status, "{\"message\":\"stub failure\"}");
        assertThatThrownBy(() -> download(Duration.ofSeconds(30)))
                .isInstanceOf(DownloadException.class)
                .hasMessageStartingWith("2020 neighborhood tabulation areas (9nt8-h7nd): ")
                .hasMessageContaining("answered HTTP " + status);
        assertNothingPartial();
        assertThat(cache.resolve(ReferenceLoader.NTAS)).doesNotExist();
        assertThat(cache.resolve(ReferenceLoader.DISTRICTS)).isRegularFile();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "<html><body>Down for maintenance</body></html> | the answer is not JSON (it starts with '<html>",
                "{\"type\":\"Feature\"}                          | the answer is not a GeoJSON FeatureCollection",
                "{\"type\":\"FeatureCollection\",\"features\":[]} | the FeatureCollection has no features",
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"ntaname\":\"X\"},"
                        + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[-73.9,40.7]}}]}"
                        + " | feature 0: no 'NTA2020' property",
                "`{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"nta2020\":\"A\","
                        + "\"ntaname\":\"X\",\"borocode\":\"1\",\"ntatype\":\"0\"},"
                        + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[2000000,700000]}}]}`"
                        + " | not usable GeoJSON",
            })
    void refusesABodyThatIsNotTheExpectedGeoJson(String body, String message) throws Exception {
        stub.answer(NTAS, 200, body);
        assertThatThrownBy(() -> download(Duration.ofSeconds(30)))
                .isInstanceOf(DownloadException.class)
                .hasMessageStartingWith("2020 neighborhood tabulation areas (9nt8-h7nd): ")
                .hasMessageContaining(message);
        assertNothingPartial();
        assertThat(cache.resolve(ReferenceLoader.NTAS)).doesNotExist();
    }

    @Test
    void givesUpOnAServerThatDoesNotAnswerInTime() throws Exception {
        stub.delay(NTAS, Duration.ofSeconds(3));
        assertThatThrownBy(() -> download(Duration.ofSeconds(1)))
                .isInstanceOf(DownloadException.class)
                .hasMessage("2020 neighborhood tabulation areas (9nt8-h7nd): 127.0.0.1:"
                        + stub.baseUri().getPort() + " did not answer within 1 s (--timeout allows longer)");
        assertNothingPartial();
        assertThat(cache.resolve(ReferenceLoader.NTAS)).doesNotExist();
    }

    @Test
    void saysSoWhenNothingListensAtTheAddress() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            port = s.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + port);
        DownloadSpec spec = new DownloadSpec(
                cache, nowhere, nowhere, 7, 1000, Duration.ofSeconds(5), false, LocalDate.of(2024, 5, 27));
        assertThatThrownBy(() -> new OpenDataDownload(spec, QUIET).run())
                .isInstanceOf(DownloadException.class)
                .hasMessageStartingWith("borough boundaries (gthc-hcne): cannot connect to 127.0.0.1:" + port);
    }

    @Test
    void fallsBackToTheDatasetIdThatWasReplaced() throws Exception {
        stub.move("/resource/5crt-au7u.geojson", "/resource/jp9i-3b7y.geojson");
        download(Duration.ofSeconds(30));
        assertThat(stub.requestsFor("/resource/5crt-au7u.geojson")).hasSize(1);
        assertThat(stub.requestsFor("/resource/jp9i-3b7y.geojson")).hasSize(1);
        assertThat(GeoJsonFeatures.read(cache.resolve(ReferenceLoader.DISTRICTS)))
                .hasSize(71)
                .allSatisfy(f -> assertThat(f.properties()).containsOnlyKeys("BoroCD"));
    }

    @Test
    void refusesCensusRowsWithoutTheirColumns() throws Exception {
        stub.answer(
                "/data/2020/dec/pl",
                200,
                "[[\"P1_001N\",\"state\",\"county\",\"tract\"],[\"5\",\"36\",\"005\",\"1\"]]");
        assertThatThrownBy(() -> download(Duration.ofSeconds(30)))
                .isInstanceOf(DownloadException.class)
                .hasMessageStartingWith("2020 census population, county 36005 (Census API /data/2020/dec/pl): ")
                .hasMessageContaining("no column P3_001N");
        assertThat(cache.resolve(ReferenceLoader.TRACTS)).doesNotExist();
        assertNothingPartial();
    }

    @Test
    void keepsNoHalfWrittenRequestFileWhenAPageFails() throws Exception {
        stub.answer("/resource/erm2-nwe9.json", 500, "{\"message\":\"query timed out\"}");
        assertThatThrownBy(() -> download(Duration.ofSeconds(30)))
                .isInstanceOf(DownloadException.class)
                .hasMessageStartingWith("311 service requests since 2024-05-20 (erm2-nwe9), rows from 0: ")
                .hasMessageContaining("HTTP 500");
        assertThat(cache.resolve("311")).isEmptyDirectory();
        assertThat(cache.resolve(ReferenceLoader.LIBRARIES)).isRegularFile();
    }

    private void download(Duration timeout) {
        DownloadSpec spec = new DownloadSpec(
                cache, stub.baseUri(), stub.baseUri(), 7, 1000, timeout, false, LocalDate.of(2024, 5, 27));
        new OpenDataDownload(spec, QUIET).run();
    }

    private void assertNothingPartial() throws Exception {
        try (Stream<Path> files = Files.walk(cache)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }
}
