package org.srmap.ingest.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.BitSet;

/**
 * The unique keys already in service_request plus those claimed by this run, as one bit per key
 * (NYC keys are 8-digit numbers: about 9 MB for the whole history). A key it cannot hold (negative
 * or past {@link Integer#MAX_VALUE}) is never claimed, so its row takes the staged path.
 */
final class KeySet {
    private final BitSet bits = new BitSet();

    /** Loads every key of service_request (streamed through a cursor). */
    static KeySet loadExisting(Connection connection) throws SQLException {
        KeySet keys = new KeySet();
        try (Statement st = connection.createStatement()) {
            st.setFetchSize(100_000);
            try (ResultSet rs = st.executeQuery(StageSql.SELECT_KEYS)) {
                while (rs.next()) {
                    long key = rs.getLong(1);
                    if (fits(key)) {
                        keys.bits.set((int) key);
                    }
                }
            }
        }
        return keys;
    }

    /** True, once, for a key neither in the table nor claimed before; it is then claimed. */
    boolean claim(long key) {
        if (!fits(key) || bits.get((int) key)) {
            return false;
        }
        bits.set((int) key);
        return true;
    }

    private static boolean fits(long key) {
        return key >= 0 && key < Integer.MAX_VALUE;
    }
}
