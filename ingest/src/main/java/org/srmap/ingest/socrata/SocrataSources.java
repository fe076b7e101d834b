package org.srmap.ingest.socrata;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds Socrata sources that continue where the last successful run of the same dataset stopped:
 * its recorded high-water mark becomes the next {@code :updated_at >} filter.
 */
public final class SocrataSources {
    /** The argument prefix naming a dataset on the command line: {@code socrata:erm2-nwe9}. */
    public static final String PREFIX = "socrata:";

    private static final String LAST_MARK =
            """
            SELECT max(high_water_mark) FROM ingest_run
             WHERE kind = 'socrata' AND source = ? AND status IN ('finishing', 'succeeded')""";

    private SocrataSources() {}

    /** True for a command-line argument naming a Socrata dataset. */
    public static boolean isDatasetArgument(String arg) {
        return arg.startsWith(PREFIX);
    }

    /**
     * One input per dataset argument. With {@code since} null each continues from its last run's
     * high-water mark (everything on the first run); otherwise from {@code since}.
     */
    public static List<SocrataInput> incremental(
            Connection c, List<String> datasetArguments, URI baseUri, int pageSize, Instant since, String appToken)
            throws SQLException {
        List<SocrataInput> inputs = new ArrayList<>();
        for (String arg : datasetArguments) {
            String id = arg.substring(PREFIX.length());
            Instant from = since != null ? since : lastMark(c, SocrataInput.sourceName(id));
            inputs.add(new SocrataInput(baseUri, id, pageSize, from, appToken));
        }
        return inputs;
    }

    private static Instant lastMark(Connection c, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LAST_MARK)) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp t = rs.getTimestamp(1);
                return t == null ? null : t.toInstant();
            }
        }
    }
}
