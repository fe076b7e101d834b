package org.srmap.ingest.load;

import java.io.BufferedWriter;
import java.io.IOException;
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
 * rare (each costs a round trip).
 */
final class CopySwitch implements AutoCloseable {
    private final Connection connection;
    private String current;
    private Writer out;

    CopySwitch(Connection connection) {
        this.connection = connection;
    }

    /** A writer into the COPY named by {@code copySql}, started now unless it is the current one. */
    Writer to(String copySql) throws SQLException, IOException {
        if (out != null && copySql.equals(current)) {
            return out;
        }
        end();
        PGConnection pg = connection.unwrap(PGConnection.class);
        out = new BufferedWriter(
                new OutputStreamWriter(new PGCopyOutputStream(pg, copySql, 1 << 16), StandardCharsets.UTF_8), 1 << 16);
        current = copySql;
        return out;
    }

    /** Ends the current COPY, if any; its rows are then visible to queries. */
    void end() throws IOException {
        if (out != null) {
            Writer w = out;
            out = null;
            current = null;
            w.close();
        }
    }

    @Override
    public void close() throws IOException {
        end();
    }
}
