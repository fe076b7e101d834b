package org.srmap.ingest.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * The one COPY a connection can run at a time, switched between target tables on demand: asking
 * for another target ends the current COPY first. Callers batch rows per target so switches stay
 * rare (each costs a round trip). A COPY is in the text format or, for {@link #binary}, the binary
 * one, whose header and trailer this class writes.
 */
final class CopySwitch implements AutoCloseable {
    private final Connection connection;
    private String current;
    private OutputStream raw;
    private Writer text;

    CopySwitch(Connection connection) {
        this.connection = connection;
    }

    /** A writer into the text-format COPY named by {@code copySql}, started now unless current. */
    Writer text(String copySql) throws SQLException, IOException {
        if (text != null && copySql.equals(current)) {
            return text;
        }
        start(copySql);
        text = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 16);
        return text;
    }

    /** A stream into the binary COPY named by {@code copySql} (after its header), started now unless current. */
    OutputStream binary(String copySql) throws SQLException, IOException {
        if (raw != null && text == null && copySql.equals(current)) {
            return raw;
        }
        start(copySql);
        raw.write(BinaryRow.HEADER);
        return raw;
    }

    /** Ends the current COPY, if any; its rows are then visible to queries. */
    void end() throws IOException {
        if (raw == null) {
            return;
        }
        OutputStream r = raw;
        Writer t = text;
        raw = null;
        text = null;
        current = null;
        if (t != null) {
            t.close();
        } else {
            r.write(BinaryRow.TRAILER);
            r.close();
        }
    }

    @Override
    public void close() throws IOException {
        end();
    }

    private void start(String copySql) throws SQLException, IOException {
        end();
        PGConnection pg = connection.unwrap(PGConnection.class);
        raw = new PGCopyOutputStream(pg, copySql, 1 << 16);
        current = copySql;
    }
}
