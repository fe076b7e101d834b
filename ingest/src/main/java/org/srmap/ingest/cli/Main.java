package org.srmap.ingest.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.srmap.ingest.load.FinishFailedException;
import org.srmap.ingest.load.IngestBusyException;
import org.srmap.ingest.opendata.DownloadException;
import org.srmap.ingest.reference.NoReferenceDataException;
import org.srmap.sql.DatabaseUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the srmap batch commands. Exit codes: 0 done; 1 a source or download failed or the
 * reject rate was exceeded; 2 bad usage or input; 3 the database is unavailable or busy; 70 a bug (the
 * stack trace goes to a file, never to the user's terminal).
 */
@Command(
        name = "srmap",
        mixinStandardHelpOptions = true,
        version = "srmap 0.1.0",
        description = "NYC 311 service-request map server: batch commands.",
        subcommands = {
            IngestCommand.class,
            LoadReferenceCommand.class,
            GenerateCommand.class,
            DownloadCommand.class,
            SitingCommand.class
        })
public final class Main {
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_DATABASE = 3;
    static final int EXIT_BUG = 70;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> handle(e, commandLine));
        return cli.execute(args);
    }

    private static int handle(Exception e, CommandLine commandLine) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof DatabaseUnavailableException
                || e instanceof IngestBusyException
                || e instanceof FinishFailedException
                || e instanceof NoReferenceDataException) {
            err.println("srmap: " + e.getMessage());
            return EXIT_DATABASE;
        }
        if (e instanceof BadInputException) {
            err.println("srmap: " + e.getMessage());
            return EXIT_USAGE;
        }
        if (e instanceof DownloadException) {
            err.println("srmap download: " + e.getMessage());
            return EXIT_FAILED;
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        String where;
        try {
            Path file = Files.createTempFile("srmap-crash-", ".txt");
            Files.writeString(file, trace.toString(), StandardCharsets.UTF_8);
            where = "details in " + file;
        } catch (IOException io) {
            where = "could not write the details: " + io.getMessage();
        }
        err.println("srmap: internal error: " + e + " (this is a bug; " + where + ")");
        return EXIT_BUG;
    }
}
