package org.srmap.ingest.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Normalises complaint types with the alias table kept in the database ({@code sql/}):
 * upper-case, internal spaces collapsed, then renamed types mapped to today's name
 * ({@code HEATING} -> {@code HEAT/HOT WATER}).
 */
public final class ComplaintTypes {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final int MAX_REMEMBERED = 10_000;

    private final Map<String, String> aliases;
    private final Map<String, String> remembered = new ConcurrentHashMap<>();

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

    /** The normalised type of a raw one; remembered, as a file holds a few hundred distinct types. */
    public String normalise(String raw) {
        String known = remembered.get(raw);
        if (known != null) {
            return known;
        }
        String key = clean(raw);
        String type = aliases.getOrDefault(key, key);
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(raw, type);
        return type;
    }

    static String clean(String raw) {
        return SPACES.matcher(raw.trim()).replaceAll(" ").toUpperCase(Locale.ROOT);
    }
}
