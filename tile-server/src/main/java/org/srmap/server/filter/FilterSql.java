package org.srmap.server.filter;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;

/**
 * The filter as SQL: one predicate over the daily rollups ({@code r}), one over the service
 * requests themselves ({@code s}), with the same meaning (tests hold them equal), and the code
 * that binds a {@link Filter} to either. Every value is a bound parameter; a predicate whose value
 * is absent folds away under custom plans.
 */
public final class FilterSql {
    private FilterSql() {}

    /**
     * The predicate over any table, given the SQL of its day, complaint type, district and agency
     * (column expressions of this class, never input).
     */
    private static final String PREDICATE =
            """
                (?::date IS NULL OR %1$s >= ?::date)
            AND (?::date IS NULL OR %1$s <= ?::date)
            AND (?::text IS NULL OR %2$s IN (SELECT ct.complaint_type FROM complaint_type ct
                                              WHERE ct.category = ?::text))
            AND (cardinality(?::text[]) = 0 OR %2$s = ANY (?::text[]))
            AND (cardinality(?::int[]) = 0 OR %3$s = ANY (?::int[]))
            AND (?::text IS NULL OR %4$s = ?::text)""";

    /** Day, category, types, districts and agency over a daily rollup aliased {@code r}. */
    public static final String ROLLUP_PREDICATE =
            PREDICATE.formatted("r.day", "r.complaint_type", "r.boro_cd", "r.agency");

    /** The same over a monthly rollup aliased {@code r}, whose dates are bound as first days of months. */
    public static final String MONTHLY_ROLLUP_PREDICATE =
            PREDICATE.formatted("r.month", "r.complaint_type", "r.boro_cd", "r.agency");

    /**
     * The same over service_request aliased {@code s} (a request counts in its computed district,
     * else its reported one, as in the rollup), and the status.
     */
    public static final String REQUEST_PREDICATE = requestPredicate("s.created_day");

    /**
     * {@link #REQUEST_PREDICATE} with the day hidden from its index: for point tiles over long date
     * ranges, where PostgreSQL would otherwise AND the bitmap of the tile's few thousand points
     * with one of millions of days (a year: 3.5 million entries, 190 ms, against 120-150 ms for the
     * whole dense tile found by place alone).
     */
    public static final String REQUEST_PREDICATE_BY_PLACE = requestPredicate("(s.created_day + 0)");

    private static String requestPredicate(String day) {
        return PREDICATE.formatted(
                        day, "s.complaint_type", "coalesce(s.boro_cd, s.reported_boro_cd, 0)", "coalesce(s.agency, '')")
                + "\nAND (?::text IS NULL OR s.is_closed = (?::text = 'closed'))";
    }

    /**
     * The district rollup rows a filter selects, as a subquery of columns day, complaint_type,
     * agency, boro_cd, n, open_n, closed_n, unplaced_n, unplaced_open_n: the whole months of its date
     * range from the monthly level (day is then the month's first day), the days before and after
     * them from the daily level. Bound by {@link #bindDistrictRows}.
     */
    public static final String DISTRICT_ROWS =
            districtRows("rollup_district_monthly", "month", MONTHLY_ROLLUP_PREDICATE)
                    + "\nUNION ALL\n" + districtRows("rollup_district_daily", "day", ROLLUP_PREDICATE)
                    + "\nUNION ALL\n" + districtRows("rollup_district_daily", "day", ROLLUP_PREDICATE);

    /** Dates and districts over a level of district totals aliased {@code r}, its day or month given. */
    private static final String TOTAL_PREDICATE =
            """
                (?::date IS NULL OR %1$s >= ?::date)
            AND (?::date IS NULL OR %1$s <= ?::date)
            AND (cardinality(?::int[]) = 0 OR r.boro_cd = ANY (?::int[]))""";

    /**
     * {@link #DISTRICT_ROWS} for filters without category, types or agency, from the district totals
     * (summed over types and agencies; complaint_type and agency are null): a year is 852 monthly
     * rows instead of about 86,000. Bound by {@link #bindDistrictTotalRows}.
     */
    public static final String DISTRICT_TOTAL_ROWS = districtTotalRows("rollup_district_monthly_total", "month")
            + "\nUNION ALL\n" + districtTotalRows("rollup_district_daily_total", "day")
            + "\nUNION ALL\n" + districtTotalRows("rollup_district_daily_total", "day");

    private static String districtTotalRows(String table, String dayColumn) {
        return "SELECT r." + dayColumn + " AS day, NULL::text AS complaint_type, NULL::text AS agency, r.boro_cd,"
                + " r.n, r.open_n, r.closed_n, r.unplaced_n, r.unplaced_open_n FROM " + table + " r WHERE "
                + TOTAL_PREDICATE.formatted("r." + dayColumn);
    }

    /** Whether {@link #DISTRICT_TOTAL_ROWS} answers the filter: it names no category, type or agency. */
    public static boolean totalsAnswer(Filter f) {
        return f.category() == null && f.types().isEmpty() && f.agency() == null;
    }

    /**
     * The first day of the one whole calendar year the filter's dates span, when it names no type,
     * agency or district (hexbins then read each cell's year in rollup_h3_year_cell); else null.
     */
    public static LocalDate yearCellsAnswer(Filter f) {
        boolean plain =
                f.types().isEmpty() && f.agency() == null && f.districts().isEmpty();
        if (!plain || f.from() == null || f.to() == null || f.from().getDayOfYear() != 1) {
            return null;
        }
        return f.to().equals(f.from().withDayOfYear(f.from().lengthOfYear())) ? f.from() : null;
    }

    /**
     * Binds {@link #DISTRICT_TOTAL_ROWS} for the filter, its dates cut by {@code dates}; returns the
     * next index.
     */
    public static int bindDistrictTotalRows(PreparedStatement ps, int index, Filter f, DateSplit dates)
            throws SQLException {
        int i = bindTotal(ps, index, f, dates.monthFrom(), dates.monthTo());
        i = bindTotal(ps, i, f, dates.headFrom(), dates.headTo());
        return bindTotal(ps, i, f, dates.tailFrom(), dates.tailTo());
    }

    private static int bindTotal(PreparedStatement ps, int index, Filter f, LocalDate from, LocalDate to)
            throws SQLException {
        int i = bindDates(ps, index, from, to);
        return twice(ps, i, districts(ps, f), Types.ARRAY);
    }

    /** Binds the two dates of a predicate, each twice (null: unbounded); returns the next index. */
    private static int bindDates(PreparedStatement ps, int index, LocalDate from, LocalDate to) throws SQLException {
        for (int k = 0; k < 2; k++) {
            bindDay(ps, index + k, from);
            bindDay(ps, index + 2 + k, to);
        }
        return index + 4;
    }

    /**
     * Binds a day as a {@code date} (null as a null date). PgJDBC sends a java.sql.Date as of no
     * type, so it asks the server to describe the statement once it prepares it, and for a
     * described statement whose result has no bounded size (a tile's bytea, JSON rows) it sends a
     * Sync and waits for its answer before each later execution: one more round trip per tile
     * (0.45-0.55 ms on a one-year z13 district tile of 1.6 ms, seen with strace and JFR).
     */
    public static void bindDay(PreparedStatement ps, int index, LocalDate day) throws SQLException {
        if (day == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setObject(index, day);
        }
    }

    private static Array districts(PreparedStatement ps, Filter f) throws SQLException {
        return ps.getConnection().createArrayOf("int4", f.districts().toArray());
    }

    /**
     * The H3 rollup rows a filter selects in the cells of a CTE {@code tile_cells(cell)} that the
     * enclosing query defines, at a resolution bound first in each part, as a subquery of columns
     * cell, complaint_type, n, open_n, closed_n: whole calendar years from the yearly level, the
     * whole months before and after them from the monthly level, the days before and after those
     * from the daily level (cells derived from its resolution-8 ones). The yearly and monthly levels
     * have no district: a filter naming districts reads the daily level alone. Bound by {@link
     * #bindHexbinRows}.
     */
    public static final String HEXBIN_ROWS = hexbinRows("rollup_h3_yearly", "year")
            + "\nUNION ALL\n" + hexbinRows("rollup_h3_monthly", "month")
            + "\nUNION ALL\n" + hexbinRows("rollup_h3_monthly", "month")
            + "\nUNION ALL\n" + dailyHexbinRows() + "\nUNION ALL\n" + dailyHexbinRows();

    /**
     * The rows of a level without district (yearly, monthly) in the tile's cells. Parameters: res;
     * from and to of the part (an empty range skips the part); the rollup predicate.
     */
    private static String hexbinRows(String table, String dateColumn) {
        return "SELECT r.cell, r.complaint_type, r.n, r.open_n, r.closed_n FROM " + table + " r"
                + " WHERE r.res = ? AND ?::date <= ?::date AND r.cell IN (SELECT cell FROM tile_cells) AND"
                + PREDICATE.formatted("r." + dateColumn, "r.complaint_type", "NULL::int", "r.agency");
    }

    /**
     * The daily rows of the tile's cells: without a district filter, each cell's found through its
     * resolution-8 cells (the level's index on cell and day: the days at either end of a range);
     * with one, the districts' rows (its index on district and day: the whole range), each lifted
     * to the resolution. Parameters, for each of the two in turn: res; from and to of the part (an
     * empty range skips it); the districts (which of the two runs); the rollup predicate.
     */
    private static String dailyHexbinRows() {
        return "SELECT c.cell, r.complaint_type, r.n, r.open_n, r.closed_n FROM tile_cells c"
                + " CROSS JOIN LATERAL srmap_h3_children_r8(c.cell, ?) ch(child)"
                + " JOIN rollup_h3_daily r ON r.h3_r8 = ch.child"
                + " WHERE ?::date <= ?::date AND cardinality(?::int[]) = 0 AND " + ROLLUP_PREDICATE
                + "\nUNION ALL\n"
                + "SELECT d.cell, d.complaint_type, d.n, d.open_n, d.closed_n"
                + " FROM (SELECT srmap_h3_parent(r.h3_r8, ?) AS cell, r.complaint_type, r.n, r.open_n, r.closed_n"
                + " FROM rollup_h3_daily r"
                + " WHERE ?::date <= ?::date AND cardinality(?::int[]) > 0 AND " + ROLLUP_PREDICATE + ") d"
                + " WHERE d.cell IN (SELECT cell FROM tile_cells)";
    }

    /**
     * Binds {@link #HEXBIN_ROWS} for cells at {@code res} and the filter; returns the next index.
     * A filter naming districts reads the daily level for its whole range.
     */
    public static int bindHexbinRows(PreparedStatement ps, int index, Filter f, int res) throws SQLException {
        DateSplit dates =
                f.districts().isEmpty() ? DateSplit.of(f.from(), f.to()) : DateSplit.daysOnly(f.from(), f.to());
        YearSplit years = YearSplit.of(dates);
        int i = bindHexbinPart(ps, index, f, res, years.yearFrom(), years.yearTo(), false);
        i = bindHexbinPart(ps, i, f, res, years.headFrom(), years.headTo(), false);
        i = bindHexbinPart(ps, i, f, res, years.tailFrom(), years.tailTo(), false);
        for (int way = 0; way < 2; way++) { // the head days by cell, then by district
            i = bindHexbinPart(ps, i, f, res, dates.headFrom(), dates.headTo(), true);
        }
        for (int way = 0; way < 2; way++) { // the tail days
            i = bindHexbinPart(ps, i, f, res, dates.tailFrom(), dates.tailTo(), true);
        }
        return i;
    }

    /**
     * One part of {@link #HEXBIN_ROWS}: the resolution, the part's range, the districts (of the
     * daily parts only), the filter.
     */
    private static int bindHexbinPart(
            PreparedStatement ps, int index, Filter f, int res, LocalDate from, LocalDate to, boolean districts)
            throws SQLException {
        int i = index;
        ps.setInt(i++, res);
        bindDay(ps, i++, from);
        bindDay(ps, i++, to);
        if (districts) {
            ps.setObject(i++, districts(ps, f), Types.ARRAY);
        }
        return bindRollup(ps, i, f, from, to);
    }

    private static String districtRows(String table, String dayColumn, String predicate) {
        return "SELECT r." + dayColumn + " AS day, r.complaint_type, r.agency, r.boro_cd, r.n, r.open_n, r.closed_n,"
                + " r.unplaced_n, r.unplaced_open_n FROM " + table + " r WHERE " + predicate;
    }

    /**
     * Binds {@link #DISTRICT_ROWS} for the filter, its dates cut by {@code dates}; returns the next
     * index.
     */
    public static int bindDistrictRows(PreparedStatement ps, int index, Filter f, DateSplit dates) throws SQLException {
        int i = bindRollup(ps, index, f, dates.monthFrom(), dates.monthTo());
        i = bindRollup(ps, i, f, dates.headFrom(), dates.headTo());
        return bindRollup(ps, i, f, dates.tailFrom(), dates.tailTo());
    }

    /** Binds {@link #ROLLUP_PREDICATE} from parameter {@code index}; returns the next index. */
    public static int bindRollup(PreparedStatement ps, int index, Filter f) throws SQLException {
        return bindRollup(ps, index, f, f.from(), f.to());
    }

    /**
     * Binds {@link #ROLLUP_PREDICATE} or {@link #MONTHLY_ROLLUP_PREDICATE} with the filter's values
     * but the dates given (null: unbounded); returns the next index.
     */
    public static int bindRollup(PreparedStatement ps, int index, Filter f, LocalDate from, LocalDate to)
            throws SQLException {
        int i = bindDates(ps, index, from, to);
        i = twice(ps, i, f.category(), Types.VARCHAR);
        i = twice(ps, i, ps.getConnection().createArrayOf("text", f.types().toArray()), Types.ARRAY);
        i = twice(ps, i, districts(ps, f), Types.ARRAY);
        return twice(ps, i, f.agency(), Types.VARCHAR);
    }

    /**
     * Binds {@link #REQUEST_PREDICATE} or {@link #REQUEST_PREDICATE_BY_PLACE} from parameter {@code
     * index}; returns the next index.
     */
    public static int bindRequests(PreparedStatement ps, int index, Filter f) throws SQLException {
        int i = bindRollup(ps, index, f);
        return twice(ps, i, f.status() == null ? null : f.status().code(), Types.VARCHAR);
    }

    /** The status as the rollups' count columns are chosen by: 'open', 'closed' or null for all. */
    public static String status(Filter f) {
        return f.status() == null ? null : f.status().code();
    }

    private static int twice(PreparedStatement ps, int index, Object value, int sqlType) throws SQLException {
        for (int k = 0; k < 2; k++) {
            if (value == null) {
                ps.setNull(index + k, sqlType);
            } else {
                ps.setObject(index + k, value, sqlType);
            }
        }
        return index + 2;
    }
}
