package org.srmap.server.stats;

import org.srmap.server.filter.FilterSql;

/** The statistics query: one statement whose grouping columns are switched by bound flags. */
final class StatsSql {
    private StatsSql() {}

    /**
     * Counts and unplaced counts of the filter's requests, grouped by the columns whose flag is true
     * (the others are NULL in every row, so they group nothing) and by the period named (or none).
     * Whole months come from the monthly rollup, other days from the daily one; a request counts in
     * its computed district, else the reported one (district and borough NULL when neither is
     * known). Parameters: the district rows ({@link FilterSql#DISTRICT_ROWS}); status twice; six flags (category, type, district, borough, agency, status); the period
     * ('day', 'week', 'month' or NULL); the row limit.
     */
    static final String STATS = "WITH rows AS (\n"
            + FilterSql.DISTRICT_ROWS
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
                   CASE WHEN ?::boolean THEN nullif(b.boro_cd, 0)::int END AS district,
                   CASE WHEN ?::boolean THEN nullif(b.boro_cd / 100, 0)::int END AS borough,
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

    /**
     * Days to close per group, from the requests themselves: the median and 90th percentile
     * (interpolated, as percentile_cont) of closed requests whose closing follows their creation,
     * and how many were left out because they closed before they opened or in the same second.
     * Grouped like {@link #STATS}. Parameters: the request predicate; six flags; the period.
     */
    static final String DURATIONS =
            """
            WITH r AS (
                SELECT s.complaint_type, coalesce(s.agency, '') AS agency,
                       coalesce(s.boro_cd, s.reported_boro_cd, 0) AS boro_cd, s.created_day,
                       extract(epoch FROM s.closed_at - s.created_at) / 86400.0 AS days
                  FROM service_request s
                 WHERE s.is_closed AND s.closed_at IS NOT NULL
                   AND"""
                    + FilterSql.REQUEST_PREDICATE
                    + """
            )
            SELECT CASE WHEN ?::boolean THEN ct.category END AS category,
                   CASE WHEN ?::boolean THEN r.complaint_type END AS type,
                   CASE WHEN ?::boolean THEN nullif(r.boro_cd, 0)::int END AS district,
                   CASE WHEN ?::boolean THEN nullif(r.boro_cd / 100, 0)::int END AS borough,
                   CASE WHEN ?::boolean THEN nullif(r.agency, '') END AS agency,
                   CASE WHEN ?::boolean THEN 'closed' END AS status,
                   CASE ?::text WHEN 'day' THEN r.created_day
                                WHEN 'week' THEN date_trunc('week', r.created_day)::date
                                WHEN 'month' THEN date_trunc('month', r.created_day)::date END AS period,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY r.days) FILTER (WHERE r.days > 0) AS median_days,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY r.days) FILTER (WHERE r.days > 0) AS p90_days,
                   count(*) FILTER (WHERE r.days < 0) AS closed_before_opened,
                   count(*) FILTER (WHERE r.days = 0) AS zero_duration
              FROM r
              LEFT JOIN complaint_type ct ON ct.complaint_type = r.complaint_type
             GROUP BY 1, 2, 3, 4, 5, 6, 7""";
}
