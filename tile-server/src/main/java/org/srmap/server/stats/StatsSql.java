package org.srmap.server.stats;

import org.srmap.server.filter.FilterSql;

/** The statistics query: one statement whose grouping columns are switched by bound flags. */
final class StatsSql {
    private StatsSql() {}

    private static String rows(String table, String dayColumn, String predicate) {
        return "SELECT r." + dayColumn + " AS day, r.complaint_type, r.agency, r.boro_cd, r.open_n, r.closed_n,"
                + " r.unplaced_n, r.unplaced_open_n FROM " + table + " r WHERE " + predicate;
    }

    /**
     * Counts and unplaced counts of the filter's requests, grouped by the columns whose flag is true
     * (the others are NULL in every row, so they group nothing) and by the period named (or none).
     * Whole months come from the monthly rollup, other days from the daily one; a request counts in
     * its computed district, else the reported one (district and borough NULL when neither is
     * known). Parameters: the monthly predicate; the daily predicate for the head days, then the tail
     * days; status twice; six flags (category, type, district, borough, agency, status); the period
     * ('day', 'week', 'month' or NULL); the row limit.
     */
    static final String STATS = "WITH rows AS (\n"
            + rows("rollup_district_monthly", "month", FilterSql.MONTHLY_ROLLUP_PREDICATE)
            + "\nUNION ALL\n"
            + rows("rollup_district_daily", "day", FilterSql.ROLLUP_PREDICATE)
            + "\nUNION ALL\n"
            + rows("rollup_district_daily", "day", FilterSql.ROLLUP_PREDICATE)
            + """
            ),
            by_status AS (
                SELECT u.day, u.complaint_type, u.agency, u.boro_cd, s.status,
                       CASE s.status WHEN 'open' THEN u.open_n ELSE u.closed_n END AS n,
                       CASE s.status WHEN 'open' THEN u.unplaced_open_n ELSE u.unplaced_n - u.unplaced_open_n END
                           AS unplaced
                  FROM rows u CROSS JOIN (VALUES ('open'), ('closed')) s(status)
                 WHERE ?::text IS NULL OR s.status = ?::text)
            SELECT CASE WHEN ?::boolean THEN ct.category END AS category,
                   CASE WHEN ?::boolean THEN b.complaint_type END AS type,
                   CASE WHEN ?::boolean THEN nullif(b.boro_cd, 0) END AS district,
                   CASE WHEN ?::boolean THEN nullif(b.boro_cd / 100, 0) END AS borough,
                   CASE WHEN ?::boolean THEN nullif(b.agency, '') END AS agency,
                   CASE WHEN ?::boolean THEN b.status END AS status,
                   CASE ?::text WHEN 'day' THEN b.day
                                WHEN 'week' THEN date_trunc('week', b.day)::date
                                WHEN 'month' THEN date_trunc('month', b.day)::date END AS period,
                   sum(b.n)::bigint AS count, sum(b.unplaced)::bigint AS unplaced
              FROM by_status b
              LEFT JOIN complaint_type ct ON ct.complaint_type = b.complaint_type
             GROUP BY 1, 2, 3, 4, 5, 6, 7
            HAVING sum(b.n) > 0
             ORDER BY 1, 2, 3, 4, 5, 6, 7
             LIMIT ?""";
}
