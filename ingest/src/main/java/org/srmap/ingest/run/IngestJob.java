package org.srmap.ingest.run;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.srmap.ingest.load.ComplaintTypes;
import org.srmap.ingest.load.DirectTally;
import org.srmap.ingest.load.Finisher;
import org.srmap.ingest.load.GazetteerAddress;
import org.srmap.ingest.load.IngestLock;
import org.srmap.ingest.load.LoadPlan;
import org.srmap.ingest.load.MergeResult;
import org.srmap.ingest.load.Merger;
import org.srmap.ingest.load.RunLog;
import org.srmap.ingest.load.Stager;
import org.srmap.ingest.locate.Locator;
import org.srmap.ingest.locate.Placement;
import org.srmap.ingest.normalize.Accepted;
import org.srmap.ingest.normalize.Normalized;
import org.srmap.ingest.normalize.Rejected;
import org.srmap.ingest.normalize.RowNormalizer;
import org.srmap.ingest.normalize.ServiceRequest;
import org.srmap.ingest.normalize.Warning;
import org.srmap.ingest.read.RowSource;
import org.srmap.ingest.read.SourceFormatException;
import org.srmap.sql.Database;

/**
 * Ingests sources one at a time, each in one transaction: read, normalise and place every row while
 * streaming it into staging, then merge, save rejects, note the rollup days to refresh and record
 * the run; after the commit the {@link Finisher} builds indexes and refreshes rollups on two
 * connections. A source that fails leaves the database as it was; one interrupted before its commit
 * too, one interrupted after it is finished by the next ingest.
 */
public final class IngestJob {
    private final Database db;
    private final IngestLock lock;
    private final Locator locator;
    private final ComplaintTypes types;
    private final RowNormalizer normalizer = new RowNormalizer();
    private final AddressKeys addressKeys = new AddressKeys();
    private final boolean terminal;
    private final PrintStream log;
    private final LoadPlan.Policy policy;

    public IngestJob(
            Database db, IngestLock lock, Locator locator, ComplaintTypes types, boolean terminal, PrintStream log) {
        this(db, lock, locator, types, terminal, log, LoadPlan.Policy.DEFAULT);
    }

    /** As above, choosing between the staged, direct and bulk paths by {@code policy}. */
    public IngestJob(
            Database db,
            IngestLock lock,
            Locator locator,
            ComplaintTypes types,
            boolean terminal,
            PrintStream log,
            LoadPlan.Policy policy) {
        this.policy = policy;
        this.db = db;
        this.lock = lock;
        this.locator = locator;
        this.types = types;
        this.terminal = terminal;
        this.log = log;
    }

    /** Ingests one source; never throws for bad data, only reports it. */
    public SourceReport ingest(SourceInput input) throws SQLException {
        long runId = RunLog.start(lock.connection(), input.kind(), input.name());
        ReasonCounts rejects = new ReasonCounts();
        ReasonCounts warnings = new ReasonCounts();
        Map<String, Double> timings = new LinkedHashMap<>();
        long[] rows = new long[2]; // read, loaded
        long started = System.nanoTime();
        Meter meter = new Meter();
        boolean committed = false;
        try (Connection c = db.open()) {
            c.setAutoCommit(false);
            LoadPlan plan = LoadPlan.choose(c, input.estimatedTextBytes(), policy);
            DirectTally direct;
            try (Stager stager = new Stager(c, plan, runId);
                    RowSource source = input.open(meter)) {
                String unknown = String.join(", ", source.info().unknownHeaders());
                if (!unknown.isEmpty()) {
                    warnings.add(
                            "unknown_header", source.info().unknownHeaders().size());
                    log.println("ingest " + input.name() + ": ignoring unknown columns: " + unknown);
                }
                Progress progress = new Progress(input.name(), input.size(), terminal, log);
                readAll(source, stager, meter, progress, rows, rejects, warnings);
                progress.done(meter.bytes(), rows[0]);
                stager.finish();
                warnings.add("nul_replaced", stager.nulsReplaced());
                direct = stager.direct();
            }
            String sha256 = meter.sha256Hex();
            String note = rows[0] == 0 ? "the source holds no rows" : null;
            timings.put("read+place+copy", seconds(started));
            Merger merger = new Merger(c, locator);
            MergeResult merge = merger.merge(runId, input.name(), plan, direct);
            timings.putAll(merger.timings());
            ReasonCounts counters = new ReasonCounts();
            counters.add("load.direct_rows", direct.rows());
            counters.add("load.bulk", plan.bulk() ? 1 : 0);
            rejects.asMap().forEach((k, v) -> counters.add("reject." + k, v));
            warnings.asMap().forEach((k, v) -> counters.add("warning." + k, v));
            timings.put("total", seconds(started));
            RunLog.succeed(
                    c,
                    runId,
                    new RunLog.RunFigures(
                            sha256,
                            meter.bytes(),
                            rows[0],
                            rows[1],
                            rejects.total(),
                            merge,
                            counters.toJson(),
                            RunLog.timingsJson(timings),
                            note,
                            input.highWaterMark().orElse(null)));
            c.commit();
            committed = true;
            timings.remove("total");
            timings.putAll(new Finisher(db).finish());
            timings.put("total", seconds(started));
            return new SourceReport(
                    input.name(),
                    runId,
                    SourceReport.Status.LOADED,
                    note,
                    meter.bytes(),
                    rows[0],
                    rows[1],
                    rejects,
                    warnings,
                    merge,
                    timings);
        } catch (SourceFormatException | IOException e) {
            String message = e instanceof SourceFormatException ? e.getMessage() : failure(input, rows[0], e);
            RunLog.fail(lock.connection(), runId, rows[0], message);
            return new SourceReport(
                    input.name(),
                    runId,
                    SourceReport.Status.FAILED,
                    message,
                    0,
                    rows[0],
                    rows[1],
                    rejects,
                    warnings,
                    null,
                    timings);
        } catch (SQLException | RuntimeException e) {
            if (!committed) { // after the commit the run is 'finishing': the next ingest finishes it
                RunLog.fail(lock.connection(), runId, rows[0], "failed: " + e);
            }
            throw e;
        }
    }

    /** Says why a read failed; a COPY the server refused is a database error, not a reading one. */
    private static String failure(SourceInput input, long rowsRead, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return input.name() + ": the database refused the rows after " + rowsRead + " rows: "
                        + sql.getMessage();
            }
        }
        return input.name() + ": reading failed after " + rowsRead + " rows: "
                + (e.getMessage() != null ? e.getMessage() : e.toString());
    }

    private void readAll(
            RowSource source,
            Stager stager,
            Meter meter,
            Progress progress,
            long[] rows,
            ReasonCounts rejects,
            ReasonCounts warnings)
            throws IOException, SQLException {
        try (NormalizingReader reader =
                new NormalizingReader(source, normalizer, source.info().name())) {
            List<Normalized> batch;
            while ((batch = reader.next()) != null) {
                for (Normalized n : batch) {
                    rows[0]++;
                    if (n instanceof Accepted a) {
                        stage(stager, a);
                        for (Warning w : a.warnings()) {
                            warnings.add(w.code());
                        }
                        rows[1]++;
                    } else if (n instanceof Rejected r) {
                        rejects.add(r.reason().code());
                        stager.reject(r.lineNumber(), r.reason().code(), r.detail(), r.rawText());
                    }
                }
                progress.tick(meter.bytes(), rows[0]);
            }
        }
    }

    private void stage(Stager stager, Accepted a) throws IOException, SQLException {
        ServiceRequest r = a.request();
        GazetteerAddress address = addressKeys.of(r.incidentAddress(), r.zip(), r.borough());
        boolean hasLocation = (r.latitude() != null && r.longitude() != null)
                || (r.xStatePlane() != null && r.yStatePlane() != null)
                || address.zipKey() != null;
        Placement p = locator.place(r);
        stager.add(
                a.lineNumber(),
                r,
                types.normalise(r.complaintType()),
                addressKeys.reportedBoroCd(r.communityBoard()),
                p,
                address,
                hasLocation);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
