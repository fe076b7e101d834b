package org.srmap.ingest.generate;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared data folder for tests: {@code SRMAP_SHARED_DATA}, else {@code ../../shared/data}
 * relative to the module. Without it, tests fail under {@code CI=true} and are skipped elsewhere. The
 * calibration is loaded once per test JVM.
 */
final class SharedData {

    private static Calibration calibration;

    private SharedData() {}

    static Path dir() {
        String env = System.getenv("SRMAP_SHARED_DATA");
        Path dir = env == null || env.isBlank() ? Path.of("../../shared/data") : Path.of(env);
        if (!Files.isRegularFile(dir.resolve(Calibration.PROFILE))) {
            String message = "the shared data folder was not found at " + dir.toAbsolutePath()
                    + " (set SRMAP_SHARED_DATA to the folder holding calibration/, population/, boundaries/, 311/)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            assumeTrue(false, message);
        }
        return dir;
    }

    static synchronized Calibration calibration() {
        if (calibration == null) {
            calibration = Calibration.load(dir());
        }
        return calibration;
    }
}
