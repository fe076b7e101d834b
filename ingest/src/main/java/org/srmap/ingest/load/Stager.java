package org.srmap.ingest.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.srmap.ingest.locate.Placement;
import org.srmap.ingest.normalize.ServiceRequest;

/**
 * Streams a source's rows into the database inside the caller's transaction. Under a direct
 * {@link LoadPlan}, a row whose key is new goes by COPY straight into {@code service_request};
 * every other accepted row (a key already loaded or repeated, an address waiting for the
 * gazetteer, or any row of a staged plan) goes into the temporary {@code sr_stage} for the merge,
 * rejected rows into {@code reject_stage}. One connection runs one COPY at a time, so staged rows
 * and rejects are buffered in batches between switches. Memory stays flat: every buffer is bounded.
 *
 * <p>Both paths write the same leading columns, and the row hash is the digest of exactly those,
 * so a row loaded either way compares equal when it comes again.
 */
public final class Stager implements AutoCloseable {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final int REJECT_BATCH = 5_000;
    private static final int STAGE_BUFFER_BYTES = 8 << 20;
    private static final int MAX_RAW_CHARS = 64 * 1024;

    private final LoadPlan plan;
    private final long runId;
    private final CopySwitch copy;
    private final BinaryRow row = new BinaryRow();
    private final KeySet keys;
    private final GazetteerLearner learner;
    private final DirectTally tally = new DirectTally();
    private final ByteArrayOutputStream stageBuffer = new ByteArrayOutputStream();
    private final List<String[]> pendingRejects = new ArrayList<>();
    private long staged;

    /**
     * Creates the staging tables in {@code connection}, which must not be in auto-commit mode; for
     * a direct plan reads the table's keys, and for a bulk plan drops its secondary indexes.
     */
    public Stager(Connection connection, LoadPlan plan, long runId) throws SQLException {
        this.plan = plan;
        this.runId = runId;
        this.copy = new CopySwitch(connection);
        this.learner = new GazetteerLearner(copy);
        try (Statement st = connection.createStatement()) {
            st.execute(StageSql.SESSION_SETTINGS);
            st.execute(StageSql.CREATE_STAGE);
            st.execute(StageSql.CREATE_REJECT_STAGE);
            st.execute(StageSql.CREATE_GAZETTEER_STAGE);
            if (plan.bulk()) {
                st.execute(StageSql.DROP_INDEXES);
            }
        }
        this.keys = plan.direct() ? KeySet.loadExisting(connection) : null;
    }

    /** Loads or stages one accepted service request. */
    public void add(
            long lineNumber,
            ServiceRequest r,
            String complaintType,
            int reportedBoroCd,
            Placement p,
            GazetteerAddress address,
            boolean hasLocation)
            throws SQLException, IOException {
        LocalDate day = LocalDate.ofInstant(r.created(), NEW_YORK);
        row.int8(r.uniqueKey())
                .timestamptz(r.created())
                .date(day)
                .timestamptz(r.closed())
                .timestamptz(r.due())
                .timestamptz(r.updated())
                .timestamptz(versionOf(r))
                .text(r.agency())
                .text(r.agencyName())
                .text(r.complaintType())
                .text(complaintType)
                .text(r.descriptor())
                .text(r.status())
                .text(r.locationType())
                .text(r.incidentAddress())
                .text(r.streetName())
                .text(r.crossStreet1())
                .text(r.crossStreet2())
                .text(r.intersectionStreet1())
                .text(r.intersectionStreet2())
                .text(r.addressType())
                .text(r.city())
                .text(r.landmark())
                .text(r.facilityType())
                .text(r.parkFacilityName())
                .text(r.zip())
                .text(r.bbl())
                .text(r.channel())
                .text(r.resolution())
                .text(r.borough())
                .text(r.communityBoard())
                .int2OrNull(reportedBoroCd)
                .int2OrNull(p.boroCd())
                .int2OrNull(p.boroCode())
                .text(p.placed() ? p.source().code() : null)
                .point(p.placed() ? p.lon() : Double.NaN, p.placed() ? p.lat() : Double.NaN)
                .int8OrNull(p.h3r8())
                .int8OrNull(p.h3r10());
        UUID hash = row.digest();
        boolean awaitsGazetteer = !p.placed() && address.hasKey();
        if (keys != null && !awaitsGazetteer && keys.claim(r.uniqueKey())) {
            row.uuid(hash).int8(runId).writeTo(copy.binary(StageSql.COPY_DIRECT));
            tally.count(hasLocation, p, reportedBoroCd, day, complaintType);
            if (p.placed()) {
                learner.learn(address, p.lon(), p.lat());
            }
            return;
        }
        row.text(address.zipKey())
                .text(address.boroughKey())
                .bool(hasLocation)
                .uuid(hash)
                .int8(lineNumber);
        if (keys == null) {
            row.writeTo(copy.binary(StageSql.COPY_STAGE));
        } else {
            row.writeTo(stageBuffer);
            if (stageBuffer.size() >= STAGE_BUFFER_BYTES) {
                flushStage();
            }
        }
        staged++;
    }

    /** Stages one rejected row for the rejects table. */
    public void reject(long lineNumber, String reason, String detail, String rawText) throws SQLException, IOException {
        String raw =
                rawText != null && rawText.length() > MAX_RAW_CHARS ? rawText.substring(0, MAX_RAW_CHARS) : rawText;
        pendingRejects.add(new String[] {Long.toString(lineNumber), reason, detail, raw});
        if (pendingRejects.size() >= REJECT_BATCH) {
            flushRejects();
        }
    }

    /** Ends the COPY streams; every row is then visible to the merge. Returns the rows staged. */
    public long finish() throws SQLException, IOException {
        flushStage();
        flushRejects();
        learner.flush();
        copy.end();
        return staged;
    }

    /** What the rows loaded straight into service_request add to the run's figures. */
    public DirectTally direct() {
        return tally;
    }

    /** NUL characters replaced by U+FFFD so PostgreSQL can store the text. */
    public int nulsReplaced() {
        return row.nulsReplaced();
    }

    @Override
    public void close() throws IOException {
        copy.close();
    }

    /** Which of two versions of an SR is newer: its last update, else its close, else its creation. */
    static Instant versionOf(ServiceRequest r) {
        if (r.updated() != null) {
            return r.updated();
        }
        return r.closed() != null && r.closed().isAfter(r.created()) ? r.closed() : r.created();
    }

    private void flushStage() throws SQLException, IOException {
        if (stageBuffer.size() > 0) {
            stageBuffer.writeTo(copy.binary(StageSql.COPY_STAGE));
            stageBuffer.reset();
        }
    }

    private void flushRejects() throws SQLException, IOException {
        if (pendingRejects.isEmpty()) {
            return;
        }
        Writer out = copy.text(StageSql.COPY_REJECTS);
        CopyRow line = new CopyRow();
        for (String[] r : pendingRejects) {
            line.number(Long.parseLong(r[0])).text(r[1]).text(r[2]).text(r[3]).writeTo(out);
        }
        pendingRejects.clear();
    }
}
