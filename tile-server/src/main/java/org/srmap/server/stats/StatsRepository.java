package org.srmap.server.stats;

import java.sql.Date;
import java.util.ArrayList;
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

    /** The groups, each a map of its key columns (in the grouping's order), {@code count} and {@code unplaced}. */
    public List<Map<String, Object>> stats(Grouping g, Filter f) {
        // days and weeks cross month boundaries, so they are summed from the daily rows alone
        DateSplit dates = g.period() == null || g.period() == Grouping.Period.MONTH
                ? DateSplit.of(f.from(), f.to())
                : DateSplit.daysOnly(f.from(), f.to());
        List<String> columns = g.columns();
        List<Map<String, Object>> rows = jdbc.query(
                StatsSql.STATS,
                ps -> {
                    int i = 1;
                    i = FilterSql.bindRollup(ps, i, f, dates.monthFrom(), dates.monthTo());
                    i = FilterSql.bindRollup(ps, i, f, dates.headFrom(), dates.headTo());
                    i = FilterSql.bindRollup(ps, i, f, dates.tailFrom(), dates.tailTo());
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
                        Object value = rs.getObject(isPeriod(c) ? "period" : c);
                        row.put(c, value instanceof Date d ? d.toLocalDate().toString() : value);
                    }
                    row.put("count", rs.getLong("count"));
                    row.put("unplaced", rs.getLong("unplaced"));
                    return row;
                });
        if (rows.size() > MAX_ROWS) {
            throw new BadRequestException(
                    "group", "more than " + MAX_ROWS + " groups; group by fewer columns or filter more narrowly");
        }
        return new ArrayList<>(rows);
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
