package org.srmap.ingest.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the project's shared real data: {@code $SRMAP_SHARED_DATA} (set by Surefire), else
 * {@code ../../shared/data} from the module folder. When it is missing, data tests fail under CI
 * ({@code CI=true}) and are skipped elsewhere.
 */
public final class SharedData {
    private SharedData() {}

    /** The shared data folder (boundaries/, population/, facilities/, 311/, ...). */
    public static Path root() {
        String env = System.getenv("SRMAP_SHARED_DATA");
        Path dir = (env != null && !env.isBlank() ? Path.of(env) : Path.of("../../shared/data"))
                .toAbsolutePath()
                .normalize();
        if (!Files.isDirectory(dir.resolve("311"))) {
            String message = "the shared NYC data is not at " + dir
                    + " (set SRMAP_SHARED_DATA to the shared/data folder beside the checkout)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        return dir;
    }

    /** The folder of the real 311 exports. */
    public static Path exports311() {
        return root().resolve("311");
    }
}
