package org.srmap.ingest.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.srmap.ingest.cli.Main;
import org.srmap.ingest.reference.ReferenceLoader;
import org.srmap.ingest.testing.SharedData;

/** {@code srmap download} as the user sees it: exit codes and one-line messages, never a stack trace. */
class DownloadCommandTest {
    @TempDir
    Path cache;

    private OpenDataStub stub;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedErr;

    @BeforeEach
    void setUp() throws Exception {
        stub = new OpenDataStub(SharedData.root());
        savedErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        // setUp may have stopped early (no shared data outside CI): restore only what it changed
        if (savedErr != null) {
            System.setErr(savedErr);
        }
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void downloadsIntoTheGivenDirectoryAndExitsZero() {
        int code = run("--days", "3");
        assertThat(code).as(stderr()).isZero();
        assertThat(cache.resolve(ReferenceLoader.TRACTS)).isRegularFile();
        assertThat(stub.requestsFor("/resource/erm2-nwe9.json"))
                .singleElement()
                .satisfies(q -> assertThat(q.get("$where")).startsWith("created_date >= '"));
        assertThat(stderr()).contains("srmap download: 2020 census tracts (63ge-mke6)");
    }

    @Test
    void reportsAFailedDownloadInOneLineWithExitCodeOne() {
        stub.answer("/resource/63ge-mke6.geojson", 500, "{\"message\":\"internal error\"}");
        int code = run();
        assertThat(code).isEqualTo(1);
        assertThat(stderr())
                .contains("srmap download: 2020 census tracts (63ge-mke6): 127.0.0.1/resource/63ge-mke6.geojson"
                        + " answered HTTP 500")
                .doesNotContain("Exception", "\tat ", "internal error: ");
    }

    @ParameterizedTest
    @CsvSource({"--days, 0, days must be 1..365, was 0", "--page-size, 60000, 'pageSize must be 1..50000, was 60000'"})
    void refusesBadOptionsWithExitCodeTwo(String option, String value, String message) {
        int code = run(option, value);
        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("srmap: " + message).doesNotContain("Exception");
    }

    private int run(String... extra) {
        String[] base = {
            "download",
            "--to",
            cache.toString(),
            "--base-url",
            stub.baseUri().toString(),
            "--census-url",
            stub.baseUri().toString()
        };
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Main.run(args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
