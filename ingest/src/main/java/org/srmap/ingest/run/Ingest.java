package org.srmap.ingest.run;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.srmap.geocoder.district.Districts;
import org.srmap.ingest.load.ComplaintTypes;
import org.srmap.ingest.load.Finisher;
import org.srmap.ingest.load.IngestLock;
import org.srmap.ingest.load.LoadPlan;
import org.srmap.ingest.locate.Locator;
import org.srmap.ingest.reference.ReferenceGeography;
import org.srmap.sql.Database;

/** Ingests a list of sources under the ingest lock, one transaction each, and reports on each. */
public final class Ingest {
    private Ingest() {}

    /**
     * Runs the ingest. Throws {@link org.srmap.ingest.load.IngestBusyException} when another ingest
     * holds the lock beyond {@code wait}.
     */
    public static List<SourceReport> run(
            Database db, List<SourceInput> inputs, Duration wait, boolean terminal, PrintStream log)
            throws SQLException {
        return run(db, inputs, wait, terminal, log, LoadPlan.Policy.DEFAULT);
    }

    /** As above, choosing each source's load path by {@code policy}. */
    public static List<SourceReport> run(
            Database db,
            List<SourceInput> inputs,
            Duration wait,
            boolean terminal,
            PrintStream log,
            LoadPlan.Policy policy)
            throws SQLException {
        try (IngestLock lock = IngestLock.acquire(db, wait)) {
            Map<String, Double> leftover = new Finisher(db).finish();
            if (!leftover.isEmpty()) {
                log.printf(
                        Locale.ROOT,
                        "ingest: finished the indexes and rollups an interrupted run left (%.1f s)%n",
                        leftover.get("finish"));
            }
            Districts districts;
            ComplaintTypes types;
            try (Connection c = db.open()) {
                districts = ReferenceGeography.districts(c);
                types = ComplaintTypes.load(c);
            }
            IngestJob job = new IngestJob(db, lock, new Locator(districts), types, terminal, log, policy);
            List<SourceReport> reports = new ArrayList<>();
            for (SourceInput input : inputs) {
                SourceReport report = job.ingest(input);
                reports.add(report);
                if (report.status() == SourceReport.Status.FAILED) {
                    log.println("ingest " + input.name() + ": FAILED: " + report.message());
                } else {
                    log.printf(
                            Locale.ROOT,
                            "ingest %s: %,d rows read, %,d loaded, %,d rejected (run %d)%n",
                            input.name(),
                            report.rowsRead(),
                            report.rowsLoaded(),
                            report.rowsRejected(),
                            report.runId());
                }
            }
            return reports;
        }
    }
}
