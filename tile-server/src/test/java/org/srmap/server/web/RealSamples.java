package org.srmap.server.web;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.srmap.sql.Database;
import org.srmap.sql.TestDatabase;

/**
 * A fresh database loaded with the real NYC data of {@code ../shared/data} (the reference data and
 * every 311 sample) the way a person loads it: by running the ingest's command line ({@code
 * srmap-ingest.jar load-reference} and {@code ingest}) in a process of its own. The tile server
 * does not depend on the ingest module; its end-to-end tests use the built command, as the demo
 * does. Without the shared data or the built jar the tests fail under {@code CI=true} and are
 * skipped otherwise.
 */
public final class RealSamples implements AutoCloseable {
    private final TestDatabase db;

    private RealSamples(TestDatabase db) {
        this.db = db;
    }

    public static RealSamples load() throws IOException, InterruptedException {
        Path data = Path.of(System.getenv().getOrDefault("SRMAP_SHARED_DATA", "../../shared/data"));
        Path jar = Path.of(System.getProperty("srmap.ingest.jar", "../ingest/target/srmap-ingest.jar"));
        require(Files.isDirectory(data.resolve("311")), "no shared data at " + data.toAbsolutePath());
        require(Files.isRegularFile(jar), "no ingest jar at " + jar.toAbsolutePath() + " (mvn -pl ingest package)");
        TestDatabase db = TestDatabase.create();
        try {
            run(jar, db, "load-reference", data.toString());
            run(jar, db, "ingest", data.resolve("311").toString());
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            db.close();
            throw e;
        }
        return new RealSamples(db);
    }

    public String url() {
        return db.database().url();
    }

    /** The database, to check answers against with SQL of the test's own. */
    public Database database() {
        return db.database();
    }

    @Override
    public void close() {
        db.close();
    }

    private static void run(Path jar, TestDatabase db, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                jar.toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("srmap-ingest-", ".log");
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SRMAP_DB_URL", db.database().url());
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("srmap-ingest " + args[0] + " took over 5 minutes; its log: " + log);
        }
        if (p.exitValue() != 0) {
            fail("srmap-ingest " + String.join(" ", args) + " exited with " + p.exitValue() + ":\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        Files.delete(log);
    }

    private static void require(boolean ok, String problem) {
        if (ok) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(problem + "; failing because CI=true");
        }
        Assumptions.abort(problem);
    }
}
