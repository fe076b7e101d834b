package org.srmap.server.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.srmap.server.problem.HttpProblem;
import org.srmap.server.problem.NotFoundException;

/**
 * Runs the configured ingest command ({@code srmap.admin.ingest-command}) as a child process, one at
 * a time, its output kept in a log file. The ingest itself is crash-safe and takes its own lock, so a
 * second ingest started elsewhere is refused by the ingest and reported here as a failed run.
 */
@Component
public final class IngestTrigger {
    /** Lines of the run's output its status shows. */
    static final int TAIL_LINES = 20;

    private static final Logger LOG = LoggerFactory.getLogger(IngestTrigger.class);

    private final List<String> command;
    private Run last;

    public IngestTrigger(AdminSettings settings) {
        this.command = settings.ingestCommand();
    }

    /** Starts the command; 404 when none is configured, 409 while the last run still runs. */
    public synchronized Map<String, Object> start() {
        if (command.isEmpty()) {
            throw new NotFoundException("no ingest command is configured on this server (srmap.admin.ingest-command)");
        }
        if (last != null && last.process.isAlive()) {
            throw new HttpProblem(
                    HttpStatus.CONFLICT,
                    "the ingest started at " + last.started + " is still running (GET /admin/ingest)",
                    Map.of());
        }
        try {
            Path log = Files.createTempFile("srmap-ingest-", ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            last = new Run(process, log, Instant.now());
            LOG.info("started the ingest {} (pid {}), output in {}", command, process.pid(), log);
            return status();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the ingest command " + command + ": " + e.getMessage(), e);
        }
    }

    /** The last run: state (idle, running, succeeded, failed), times, exit code, the output's end. */
    public synchronized Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("command", command);
        if (last == null) {
            status.put("state", "idle");
            return status;
        }
        boolean alive = last.process.isAlive();
        status.put("state", alive ? "running" : last.process.exitValue() == 0 ? "succeeded" : "failed");
        status.put("pid", last.process.pid());
        status.put("started", last.started.toString());
        if (!alive) {
            status.put("exit_code", last.process.exitValue());
        }
        status.put("log", last.log.toString());
        status.put("output_tail", tail(last.log));
        return status;
    }

    private static List<String> tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return List.copyOf(lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }

    private record Run(Process process, Path log, Instant started) {}
}
