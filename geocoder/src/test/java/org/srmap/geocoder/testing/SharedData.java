package org.srmap.geocoder.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real NYC data that tests read: {@code $SRMAP_SHARED_DATA} (Surefire sets it to the folder
 * beside the checkout), else {@code ../../shared/data} from the module directory. When a file is missing
 * the test fails under {@code CI=true} and is skipped otherwise.
 *
 * <p>Public only because tests in several packages use it.
 */
public final class SharedData {

    private SharedData() {}

    /**
     * A file or folder of the shared data, e.g. {@code boundaries/boroughs.geojson}; fails or skips the
     * calling test if it is absent.
     */
    public static Path require(String relativePath) {
        Path path = root().resolve(relativePath).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            String problem =
                    "real NYC data not found at " + path + " (set SRMAP_SHARED_DATA to the shared/data folder)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(problem + "; failing because CI=true");
            }
            assumeTrue(false, problem + "; skipping");
        }
        return path;
    }

    private static Path root() {
        String configured = System.getenv("SRMAP_SHARED_DATA");
        return configured == null || configured.isBlank() ? Path.of("../../shared/data") : Path.of(configured);
    }
}
