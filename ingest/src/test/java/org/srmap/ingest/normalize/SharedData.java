package org.srmap.ingest.normalize;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the project's shared real data: {@code $SRMAP_SHARED_DATA} (set by Surefire), else {@code ../../shared/data}
 * from the module folder. When it is missing, data tests fail under CI ({@code CI=true}) and are skipped elsewhere.
 */
final class SharedData {
    private SharedData() {}

    /** The folder of the real 311 exports. */
    static Path exports311() {
        String configured = System.getenv("SRMAP_SHARED_DATA");
        Path base = configured == null || configured.isBlank() ? Path.of("../../shared/data") : Path.of(configured);
        Path folder = base.resolve("311").toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            String message = "the real 311 exports are not at " + folder
                    + "; set SRMAP_SHARED_DATA to the shared/data folder beside the checkout";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return folder;
    }
}
