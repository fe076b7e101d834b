package org.srmap.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code srmap generate} on a folder without the shared calibration: one message naming what is missing. */
class GenerateCommandTest {
    @TempDir
    Path data;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedErr;

    @BeforeEach
    void captureStderr() {
        savedErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(savedErr);
    }

    @Test
    void namesEveryMissingCalibrationFileOfADownloadedCache() throws Exception {
        Files.createDirectories(data.resolve("311"));
        Files.createDirectories(data.resolve("boundaries"));
        Files.writeString(data.resolve("boundaries/boroughs.geojson"), "{}");
        Path out = data.resolve("out.csv");

        int code = Main.run("generate", "--rows", "10", "--data", data.toString(), "--out", out.toString());

        assertThat(code).isEqualTo(Main.EXIT_USAGE);
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message)
                .startsWith("srmap: " + data.toAbsolutePath() + " lacks calibration/profile_2020-2024_16M_rows.txt, ")
                .contains(
                        "calibration/daily_temperatures_2017-2018.csv",
                        "calibration/district_heat_complaints_2017-2018.geojson",
                        "population/census_tracts_2020_pop.geojson",
                        "boundaries/community_districts_2013.geojson",
                        "NYC Open Data does not publish")
                .doesNotContain("boundaries/boroughs.geojson", ", 311:", "Exception");
        assertThat(out).doesNotExist();
    }
}
