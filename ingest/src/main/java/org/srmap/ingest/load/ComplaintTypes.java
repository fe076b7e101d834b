package org.srmap.ingest.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Normalises complaint types with the alias table kept in the database ({@code sql/}):
 * upper-case, internal spaces collapsed, then renamed types mapped to today's name
 * ({@code HEATING} -> {@code HEAT/HOT WATER}).
 */
public final class ComplaintTypes {
    private final Map<String, String> aliases;

    public ComplaintTypes(Map<String, String> aliases) {
        this.aliases = Map.copyOf(aliases);
    }

    /** The alias table as the database holds it. */
    public static ComplaintTypes load(Connection c) throws SQLException {
        Map<String, String> aliases = new HashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(StageSql.LOAD_ALIASES)) {
            while (rs.next()) {
                aliases.put(rs.getString(1), rs.getString(2));
            }
        }
        return new ComplaintTypes(aliases);
    }

    public String normalise(String raw) {
        String key = clean(raw);
        return aliases.getOrDefault(key, key);
    }

    static String clean(String raw) {
        return raw.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }
}
