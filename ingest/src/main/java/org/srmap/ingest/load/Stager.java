package org.srmap.ingest.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.srmap.ingest.locate.Placement;
import org.srmap.ingest.normalize.ServiceRequest;

/**
 * Streams accepted rows into the temporary table {@code sr_stage} and rejected ones into
 * {@code reject_stage} with COPY, inside the caller's transaction. Memory stays flat: rows go to
 * the server as they come; rejects are buffered only up to {@link #REJECT_BATCH}.
 */
public final class Stager implements AutoCloseable {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final int REJECT_BATCH = 5_000;
    private static final int MAX_RAW_CHARS = 64 * 1024;

    private final Connection connection;
    private final CopyRow row = new CopyRow();
    private final List<String[]> pendingRejects = new ArrayList<>();
    private Writer stageOut;
    private long staged;

    /** Creates the staging tables in {@code connection}, which must not be in auto-commit mode. */
    public Stager(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement st = connection.createStatement()) {
            st.execute(StageSql.SESSION_SETTINGS);
            st.execute(StageSql.CREATE_STAGE);
            st.execute(StageSql.CREATE_REJECT_STAGE);
        }
    }

    /** Stages one accepted service request. */
    public void add(
            long lineNumber,
            ServiceRequest r,
            String complaintType,
            int reportedBoroCd,
            Placement p,
            String addressKey,
            String boroughAddressKey,
            boolean hasLocation)
            throws SQLException, IOException {
        Writer out = stageWriter();
        row.number(lineNumber);
        int published = row.position();
        row.number(r.uniqueKey())
                .text(instant(r.created()))
                .text(LocalDate.ofInstant(r.created(), NEW_YORK).toString())
                .text(instant(r.closed()))
                .text(instant(r.due()))
                .text(instant(r.updated()))
                .text(instant(versionOf(r)))
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
                .numberOrNull(reportedBoroCd)
                .numberOrNull(p.boroCd())
                .numberOrNull(p.boroCode())
                .text(p.placed() ? p.source().code() : null)
                .number(p.placed() ? p.lon() : Double.NaN)
                .number(p.placed() ? p.lat() : Double.NaN)
                .numberOrNull(p.h3r8())
                .numberOrNull(p.h3r10())
                .text(addressKey)
                .text(boroughAddressKey)
                .bool(hasLocation);
        row.text(row.digestFrom(published).toString()).writeTo(out);
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

    /** Ends the COPY streams; the staged rows are then visible to the merge. */
    public long finish() throws SQLException, IOException {
        flushRejects();
        endStageCopy();
        return staged;
    }

    /** NUL characters replaced by U+FFFD so PostgreSQL can store the text. */
    public int nulsReplaced() {
        return row.nulsReplaced();
    }

    @Override
    public void close() throws IOException {
        if (stageOut != null) {
            stageOut.close();
            stageOut = null;
        }
    }

    /** Which of two versions of an SR is newer: its last update, else its close, else its creation. */
    static Instant versionOf(ServiceRequest r) {
        if (r.updated() != null) {
            return r.updated();
        }
        return r.closed() != null && r.closed().isAfter(r.created()) ? r.closed() : r.created();
    }

    private Writer stageWriter() throws SQLException {
        if (stageOut == null) {
            PGConnection pg = connection.unwrap(PGConnection.class);
            stageOut = new BufferedWriter(
                    new OutputStreamWriter(
                            new PGCopyOutputStream(pg, StageSql.COPY_STAGE, 1 << 16), StandardCharsets.UTF_8),
                    1 << 16);
        }
        return stageOut;
    }

    private void endStageCopy() throws IOException {
        if (stageOut != null) {
            stageOut.close();
            stageOut = null;
        }
    }

    private void flushRejects() throws SQLException, IOException {
        if (pendingRejects.isEmpty()) {
            return;
        }
        endStageCopy();
        PGConnection pg = connection.unwrap(PGConnection.class);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(
                new PGCopyOutputStream(pg, StageSql.COPY_REJECTS, 1 << 16), StandardCharsets.UTF_8))) {
            CopyRow line = new CopyRow();
            for (String[] r : pendingRejects) {
                line.number(Long.parseLong(r[0]))
                        .text(r[1])
                        .text(r[2])
                        .text(r[3])
                        .writeTo(out);
            }
        }
        pendingRejects.clear();
    }

    private static String instant(Instant i) {
        return i == null ? null : i.toString();
    }
}
