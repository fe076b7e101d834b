package org.srmap.ingest.load;

import java.io.IOException;
import java.io.Writer;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the rows loaded straight into service_request teach the gazetteer. The sums live in the
 * {@link GazetteerAddress} of each row (no map lookup per row: a second hash lookup per row cost a
 * tenth of the read phase); the learner lists the addresses holding sums and writes them to
 * {@code gazetteer_stage} whenever {@link #MAX_ADDRESSES} are listed, so memory stays bounded on
 * any file. The merge folds that table into the gazetteer, summing rows that share a key.
 */
final class GazetteerLearner {
    static final int MAX_ADDRESSES = 100_000;

    private final List<GazetteerAddress> pending = new ArrayList<>();
    private final CopySwitch copy;
    private final CopyRow row = new CopyRow();

    GazetteerLearner(CopySwitch copy) {
        this.copy = copy;
    }

    /** Learns that the address lies at the point; an address without keys is ignored. */
    void learn(GazetteerAddress address, double lon, double lat) throws SQLException, IOException {
        if (!address.hasKey()) {
            return;
        }
        if (address.add(this, lon, lat)) {
            pending.add(address);
            if (pending.size() >= MAX_ADDRESSES) {
                flush();
            }
        }
    }

    /**
     * Writes the sums held so far to gazetteer_stage, under the ZIP key and under the borough key
     * (once when the two are equal).
     */
    void flush() throws SQLException, IOException {
        if (pending.isEmpty()) {
            return;
        }
        Writer out = copy.text(StageSql.COPY_GAZETTEER_STAGE);
        for (GazetteerAddress a : pending) {
            if (a.zipKey() != null) {
                write(out, a.zipKey(), a);
            }
            if (a.boroughKey() != null && !a.boroughKey().equals(a.zipKey())) {
                write(out, a.boroughKey(), a);
            }
            a.written();
        }
        pending.clear();
    }

    private void write(Writer out, String key, GazetteerAddress a) throws IOException {
        row.text(key).number(a.sumLon()).number(a.sumLat()).number(a.n()).writeTo(out);
    }
}
