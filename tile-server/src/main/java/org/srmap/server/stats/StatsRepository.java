package org.srmap.server.stats;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.srmap.server.filter.DateSplit;
import org.srmap.server.filter.Filter;
import org.srmap.server.filter.FilterSql;
import org.srmap.server.problem.BadRequestException;

/** Runs the statistics query. Blocking: call it on the JDBC scheduler. */
@Component
public final class StatsRepository {
    /** Most groups one answer may hold. */
    static final int MAX_ROWS = 100_000;

    private final JdbcTemplate jdbc;

    public StatsRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The measures {@code durations=true} adds to each group. */
    static final List<String> DURATION_COLUMNS =
            List.of("median_days", "p90_days", "closed_before_opened", "zero_duration");

    /**
     * The groups, each a map of its key columns (in the grouping's order), {@code count} and
     * {@code unplaced}, and with {@code durations} the {@link #DURATION_COLUMNS} too.
     */
    public List<Map<String, Object>> stats(Grouping g, Filter f, boolean durations) {
        // days and weeks cross month boundaries, so they are summed from the daily rows alone
        DateSplit dates = g.period() == null || g.period() == Grouping.Period.MONTH
                ? DateSplit.of(f.from(), f.to())
                : DateSplit.daysOnly(f.from(), f.to());
        List<String> columns = g.columns();
        List<Map<String, Object>> rows = jdbc.query(
                StatsSql.STATS,
                ps -> {
                    int i = 1;
                    i = FilterSql.bindDistrictRows(ps, i, f, dates);
                    ps.setString(i++, FilterSql.status(f));
                    ps.setString(i++, FilterSql.status(f));
                    for (Grouping.Dimension d : Grouping.Dimension.values()) {
                        ps.setBoolean(i++, g.dimensions().contains(d));
                    }
                    ps.setString(i++, g.period() == null ? null : g.period().id());
                    ps.setInt(i, MAX_ROWS + 1);
                },
                (rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (String c : columns) {
                        row.put(c, key(rs, c));
                    }
                    row.put("count", rs.getLong("count"));
                    row.put("unplaced", rs.getLong("unplaced"));
                    return row;
                });
        if (rows.size() > MAX_ROWS) {
            throw new BadRequestException(
                    "group", "more than " + MAX_ROWS + " groups; group by fewer columns or filter more narrowly");
        }
        if (durations) {
            Map<List<Object>, Map<String, Object>> measures = durations(g, f);
            for (Map<String, Object> row : rows) {
                List<Object> key = new ArrayList<>();
                columns.forEach(c -> key.add(row.get(c)));
                Map<String, Object> m = measures.get(key);
                row.put("median_days", m == null ? null : m.get("median_days"));
                row.put("p90_days", m == null ? null : m.get("p90_days"));
                row.put("closed_before_opened", m == null ? 0L : m.get("closed_before_opened"));
                row.put("zero_duration", m == null ? 0L : m.get("zero_duration"));
            }
        }
        return new ArrayList<>(rows);
    }

    /** Days to close by group key (the key columns' values in order), from the requests themselves. */
    private Map<List<Object>, Map<String, Object>> durations(Grouping g, Filter f) {
        List<String> columns = g.columns();
        Map<List<Object>, Map<String, Object>> byKey = new HashMap<>();
        jdbc.query(
                StatsSql.DURATIONS,
                ps -> {
                    int i = FilterSql.bindRequests(ps, 1, f);
                    for (Grouping.Dimension d : Grouping.Dimension.values()) {
                        ps.setBoolean(i++, g.dimensions().contains(d));
                    }
                    ps.setString(i, g.period() == null ? null : g.period().id());
                },
                rs -> {
                    List<Object> key = new ArrayList<>();
                    for (String c : columns) {
                        key.add(key(rs, c));
                    }
                    Map<String, Object> m = new HashMap<>();
                    double median = rs.getDouble("median_days");
                    m.put("median_days", rs.wasNull() ? null : median);
                    double p90 = rs.getDouble("p90_days");
                    m.put("p90_days", rs.wasNull() ? null : p90);
                    m.put("closed_before_opened", rs.getLong("closed_before_opened"));
                    m.put("zero_duration", rs.getLong("zero_duration"));
                    byKey.put(key, m);
                });
        return byKey;
    }

    /** A key column's value as the output shows it (a period as its first day, ISO). */
    private static Object key(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(isPeriod(column) ? "period" : column);
        return value instanceof Date d ? d.toLocalDate().toString() : value;
    }

    private static boolean isPeriod(String column) {
        for (Grouping.Period p : Grouping.Period.values()) {
            if (p.id().equals(column)) {
                return true;
            }
        }
        return false;
    }
}
