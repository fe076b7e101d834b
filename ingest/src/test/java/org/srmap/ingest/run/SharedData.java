package org.srmap.ingest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Finds ../shared/data for tests: required under CI=true, otherwise the test is skipped without it. */
final class SharedData {
    private SharedData() {}

    static Path root() {
        String env = System.getenv("SRMAP_SHARED_DATA");
        Path dir = env != null && !env.isBlank() ? Path.of(env) : Path.of("../../shared/data");
        if (!Files.isDirectory(dir.resolve("311"))) {
            String message = "the shared NYC data is not at " + dir.toAbsolutePath()
                    + " (set SRMAP_SHARED_DATA or check out the project beside ../shared)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        return dir;
    }
}
