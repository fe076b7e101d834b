package org.srmap.ingest.load;

import java.io.IOException;
import java.io.Writer;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * What the rows loaded straight into service_request teach the gazetteer, summed per address key in
 * memory and written to {@code gazetteer_stage} whenever {@link #MAX_KEYS} keys are held (so memory
 * stays bounded on any file); the merge folds that table into the gazetteer.
 */
final class GazetteerLearner {
    static final int MAX_KEYS = 100_000;

    private final Map<String, double[]> sums = new HashMap<>();
    private final CopySwitch copy;
    private final CopyRow row = new CopyRow();

    GazetteerLearner(CopySwitch copy) {
        this.copy = copy;
    }

    /** Learns that {@code key} lies at the point; a null key is ignored. */
    void learn(String key, double lon, double lat) throws SQLException, IOException {
        if (key == null) {
            return;
        }
        double[] s = sums.computeIfAbsent(key, k -> new double[3]);
        s[0] += lon;
        s[1] += lat;
        s[2]++;
        if (sums.size() >= MAX_KEYS) {
            flush();
        }
    }

    /** Writes the sums held so far to gazetteer_stage. */
    void flush() throws SQLException, IOException {
        if (sums.isEmpty()) {
            return;
        }
        Writer out = copy.text(StageSql.COPY_GAZETTEER_STAGE);
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            double[] s = e.getValue();
            row.text(e.getKey()).number(s[0]).number(s[1]).number((long) s[2]).writeTo(out);
        }
        sums.clear();
    }
}
