package org.srmap.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MigrationTest {
    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void migratingTwiceAppliesNothingTheSecondTime() {
        assertThat(db.database().migrate().migrationsExecuted).isZero();
    }

    @ParameterizedTest
    @CsvSource({
        "HEAT/HOT WATER, Heat & Hot Water",
        "NOISE - RESIDENTIAL, Noise",
        "ILLEGAL PARKING, Vehicles & Parking",
        "DERELICT VEHICLES, Vehicles & Parking",
        "DOF PROPERTY - PAYMENT ISSUE, Finance & Property",
        "DAMAGED TREE, Trees & Parks",
        "SOMETHING NEW, Other",
    })
    void assignsCategoryFamilies(String type, String category) throws SQLException {
        try (Connection c = db.database().open();
                PreparedStatement ps = c.prepareStatement("SELECT srmap_category_of(?)")) {
            ps.setString(1, type);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(category);
            }
        }
    }

    @Test
    void refreshesRollupsForTheGivenDaysOnly() throws SQLException {
        try (Connection c = db.database().open();
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO ingest_run (kind, source, status) VALUES ('file', 'test', 'succeeded')");
            st.execute("INSERT INTO service_request (unique_key, created_at, created_day, version_at, agency,"
                    + " complaint_type_raw, complaint_type, status, reported_boro_cd, boro_cd, geom, h3_r8,"
                    + " row_hash, ingest_run_id) VALUES"
                    + " (1, '2024-01-05 10:00-05', '2024-01-05', '2024-01-05 10:00-05', 'HPD', 'HEAT/HOT WATER',"
                    + "  'HEAT/HOT WATER', 'Open', 307, 307, ST_SetSRID(ST_MakePoint(-74.0, 40.65), 4326), 42,"
                    + "  gen_random_uuid(), 1),"
                    + " (2, '2024-01-05 11:00-05', '2024-01-05', '2024-01-05 11:00-05', 'HPD', 'HEAT/HOT WATER',"
                    + "  'HEAT/HOT WATER', 'Closed', 307, NULL, NULL, NULL, gen_random_uuid(), 1),"
                    + " (3, '2024-01-06 11:00-05', '2024-01-06', '2024-01-06 11:00-05', NULL, 'RODENT',"
                    + "  'RODENT', 'Open', NULL, NULL, NULL, NULL, gen_random_uuid(), 1)");
            st.execute("SELECT srmap_refresh_rollups(ARRAY['2024-01-05']::date[])");
            try (ResultSet rs = st.executeQuery(
                    "SELECT boro_cd, n, open_n, closed_n, unplaced_n FROM rollup_district_daily ORDER BY day")) {
                assertThat(rs.next()).isTrue();
                assertThat(new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)})
                        .containsExactly(307, 2, 1, 1, 1);
                assertThat(rs.next()).as("2024-01-06 was not asked for").isFalse();
            }
            try (ResultSet rs = st.executeQuery(
                    "SELECT month, n, unplaced_n, unplaced_open_n FROM rollup_district_monthly WHERE boro_cd = 307")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("2024-01-01");
                assertThat(new int[] {rs.getInt(2), rs.getInt(3), rs.getInt(4)}).containsExactly(2, 1, 0);
                assertThat(rs.next()).isFalse();
            }
            try (ResultSet rs = st.executeQuery("SELECT sum(n) FROM rollup_h3_daily")) {
                rs.next();
                assertThat(rs.getInt(1)).as("only the placed SR has a cell").isEqualTo(1);
            }
        }
    }

    private static final String EMPTY_REQUESTS_AND_ROLLUPS = "TRUNCATE service_request, rollup_district_daily,"
            + " rollup_district_monthly, rollup_district_daily_total, rollup_district_monthly_total,"
            + " rollup_h3_daily, rollup_h3_monthly, rollup_h3_yearly, rollup_h3_year_cell";

    /** The columns the generated requests of these tests fill, followed by their SELECT. */
    private static final String GENERATED_REQUESTS = "INSERT INTO service_request (unique_key, created_at,"
            + " created_day, version_at, agency, complaint_type_raw, complaint_type, status, reported_boro_cd,"
            + " boro_cd, geom, h3_r8, row_hash, ingest_run_id)\n";

    @ParameterizedTest
    @CsvSource({
        "rollup_district_daily, day",
        "rollup_district_monthly, month",
        "rollup_district_daily_total, day",
        "rollup_district_monthly_total, month",
        "rollup_h3_daily, day"
    })
    void writesRollupRowsInDateOrder(String table, String column) throws SQLException {
        try (Connection c = db.database().open();
                Statement st = c.createStatement()) {
            st.execute(EMPTY_REQUESTS_AND_ROLLUPS);
            // requests over 90 days, inserted in an order unrelated to their day
            st.execute(
                    GENERATED_REQUESTS
                            + """
                    SELECT 1000 + i, d + time '12:00', d, d + time '12:00', 'HPD', t, t, 'Open', 307, 307,
                           ST_SetSRID(ST_MakePoint(-74.0, 40.65), 4326), 613229523021856767 + i % 3 * 4096,
                           md5(i::text)::uuid, 1
                      FROM generate_series(1, 2000) i,
                           LATERAL (SELECT date '2024-01-01' + (i * 37) % 90 AS d,
                                           (ARRAY['HEAT/HOT WATER', 'RODENT', 'NOISE'])[1 + i % 3] AS t) x""");
            st.execute("SELECT srmap_refresh_rollups(ARRAY(SELECT DISTINCT created_day FROM service_request))");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE " + column + " < previous), count(*)"
                    + " FROM (SELECT " + column + ", lag(" + column + ") OVER (ORDER BY ctid) AS previous FROM "
                    + table + ") t")) {
                rs.next();
                assertThat(rs.getLong(2)).as("rows").isGreaterThan(2);
                assertThat(rs.getLong(1))
                        .as("rows stored after a later " + column)
                        .isZero();
            }
            st.execute(EMPTY_REQUESTS_AND_ROLLUPS);
        }
    }

    @Test
    void keepsTheMonthlyHexbinLevelEqualToTheDailyRowsAtEachResolution() throws SQLException {
        try (Connection c = db.database().open();
                Statement st = c.createStatement()) {
            st.execute(EMPTY_REQUESTS_AND_ROLLUPS);
            // one of the two types has a category (the ingest files each type it meets)
            st.execute("INSERT INTO complaint_type VALUES ('HEAT/HOT WATER', srmap_category_of('HEAT/HOT WATER'))"
                    + " ON CONFLICT DO NOTHING");
            // 600 requests over three months of two years in cells of two res-7 parents; then one
            // month changes
            refreshThenCloseOneDay(
                    st,
                    """
                    SELECT 5000 + i, d + time '12:00', d, d + time '12:00', 'HPD', t, t,
                           CASE WHEN i % 4 = 0 THEN 'Closed' ELSE 'Open' END, 307, 307,
                           ST_SetSRID(ST_MakePoint(-74.0, 40.65), 4326),
                           (ARRAY[613229523021856767, 613229523017662463, 613229522510151679])[1 + i % 3],
                           md5(i::text)::uuid, 1
                      FROM generate_series(1, 600) i,
                           LATERAL (SELECT date '2023-12-01' + (i * 37) % 91 AS d,
                                           (ARRAY['HEAT/HOT WATER', 'RODENT'])[1 + i % 2] AS t) x""");
            try (ResultSet rs = st.executeQuery(MONTHLY_HEXBINS_MINUS_DAILY)) {
                rs.next();
                assertThat(rs.getLong(1)).as("monthly rows").isGreaterThan(12);
                assertThat(rs.getLong(2)).as("res-7 cells").isEqualTo(2);
                assertThat(rs.getLong(3))
                        .as("rows differing from the daily sums")
                        .isZero();
            }
            try (ResultSet rs = st.executeQuery(YEARLY_HEXBINS_MINUS_MONTHLY)) {
                rs.next();
                assertThat(rs.getLong(1)).as("years").isEqualTo(2);
                assertThat(rs.getLong(2))
                        .as("yearly rows differing from the monthly sums")
                        .isZero();
            }
            try (ResultSet rs = st.executeQuery(YEAR_CELLS_MINUS_YEARLY)) {
                rs.next();
                assertThat(rs.getLong(1)).as("year cells").isGreaterThan(6);
                assertThat(rs.getLong(2)).as("categories, '' among them").isEqualTo(2);
                assertThat(rs.getLong(3))
                        .as("cells with a type none of whose requests is open")
                        .isPositive();
                assertThat(rs.getLong(4))
                        .as("year cells differing from the yearly rows summed, with their top types")
                        .isZero();
            }
            st.execute(EMPTY_REQUESTS_AND_ROLLUPS);
            st.execute("DELETE FROM complaint_type WHERE complaint_type = 'HEAT/HOT WATER'");
        }
    }

    @Test
    void keepsTheDistrictTotalsEqualToTheRowsByType() throws SQLException {
        try (Connection c = db.database().open();
                Statement st = c.createStatement()) {
            st.execute(EMPTY_REQUESTS_AND_ROLLUPS);
            // 900 requests over three months, three types, two districts, a sixth without a point;
            // then one day's requests close
            refreshThenCloseOneDay(
                    st,
                    """
                    SELECT 9000 + i, d + time '12:00', d, d + time '12:00', 'HPD', t, t,
                           CASE WHEN i % 4 = 0 THEN 'Closed' ELSE 'Open' END, 307, (ARRAY[307, 308])[1 + i % 2],
                           CASE WHEN i % 6 = 0 THEN NULL ELSE ST_SetSRID(ST_MakePoint(-74.0, 40.65), 4326) END,
                           613229523021856767, md5(i::text)::uuid, 1
                      FROM generate_series(1, 900) i,
                           LATERAL (SELECT date '2024-01-01' + (i * 37) % 91 AS d,
                                           (ARRAY['HEAT/HOT WATER', 'RODENT', 'NOISE'])[1 + i % 3] AS t) x""");
            for (String[] level : new String[][] {
                {"rollup_district_daily", "rollup_district_daily_total", "day"},
                {"rollup_district_monthly", "rollup_district_monthly_total", "month"}
            }) {
                try (ResultSet rs = st.executeQuery(TOTALS_MINUS_BY_TYPE.formatted(level[0], level[1], level[2]))) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(level[1] + " rows").isGreaterThan(5);
                    assertThat(rs.getLong(2)).as(level[1] + " unplaced").isPositive();
                    assertThat(rs.getLong(3))
                            .as(level[1] + " rows differing from the sums by type")
                            .isZero();
                }
            }
            st.execute(EMPTY_REQUESTS_AND_ROLLUPS);
        }
    }

    /**
     * Rows of a totals table, its unplaced requests, and its rows not equal to the level by type
     * summed over types and agencies (placeholders: the level by type, the totals, their day column).
     */
    private static final String TOTALS_MINUS_BY_TYPE =
            """
            WITH by_type AS (
                SELECT %3$s, boro_cd, sum(n)::int AS n, sum(open_n)::int AS open_n, sum(closed_n)::int AS closed_n,
                       sum(unplaced_n)::int AS unplaced_n, sum(unplaced_open_n)::int AS unplaced_open_n
                  FROM %1$s GROUP BY 1, 2),
            totals AS (SELECT %3$s, boro_cd, n, open_n, closed_n, unplaced_n, unplaced_open_n FROM %2$s)
            SELECT (SELECT count(*) FROM totals), (SELECT sum(unplaced_n) FROM totals),
                   (SELECT count(*) FROM ((SELECT * FROM by_type EXCEPT ALL SELECT * FROM totals)
                                          UNION ALL (SELECT * FROM totals EXCEPT ALL SELECT * FROM by_type)) d)""";

    /**
     * Inserts the generated requests ({@link #GENERATED_REQUESTS} with this SELECT), refreshes every
     * day of the rollups, closes the requests of 2024-02-10 and refreshes that day alone.
     */
    private static void refreshThenCloseOneDay(Statement st, String select) throws SQLException {
        st.execute(GENERATED_REQUESTS + select);
        st.execute("SELECT srmap_refresh_rollups(ARRAY(SELECT DISTINCT created_day FROM service_request))");
        st.execute("UPDATE service_request SET status = 'Closed', closed_at = created_at + interval '1 day'"
                + " WHERE created_day = '2024-02-10'");
        st.execute("SELECT srmap_refresh_rollups(ARRAY['2024-02-10']::date[])");
    }

    /** Monthly rows, distinct res-7 cells, and rows not equal to the daily level summed in Java's stead. */
    private static final String MONTHLY_HEXBINS_MINUS_DAILY =
            """
            WITH daily AS (
                SELECT v.res, date_trunc('month', r.day)::date AS month,
                       srmap_h3_parent(r.h3_r8, v.res) AS cell, r.complaint_type, r.agency,
                       sum(r.n)::int AS n, sum(r.open_n)::int AS open_n, sum(r.closed_n)::int AS closed_n
                  FROM rollup_h3_daily r CROSS JOIN (VALUES (6), (7), (8)) v(res)
                 GROUP BY 1, 2, 3, 4, 5),
            monthly AS (SELECT res::int, month, cell, complaint_type, agency, n, open_n, closed_n
                          FROM rollup_h3_monthly)
            SELECT (SELECT count(*) FROM monthly),
                   (SELECT count(DISTINCT cell) FROM monthly WHERE res = 7),
                   (SELECT count(*) FROM ((SELECT * FROM daily EXCEPT ALL SELECT * FROM monthly)
                                          UNION ALL (SELECT * FROM monthly EXCEPT ALL SELECT * FROM daily)) d)""";

    /** Years of the yearly level, and its rows not equal to the monthly level summed by year. */
    private static final String YEARLY_HEXBINS_MINUS_MONTHLY =
            """
            WITH monthly AS (
                SELECT res, date_trunc('year', month)::date AS year, cell, complaint_type, agency,
                       sum(n)::int AS n, sum(open_n)::int AS open_n, sum(closed_n)::int AS closed_n
                  FROM rollup_h3_monthly GROUP BY 1, 2, 3, 4, 5),
            yearly AS (SELECT res, year, cell, complaint_type, agency, n, open_n, closed_n FROM rollup_h3_yearly)
            SELECT (SELECT count(DISTINCT year) FROM yearly),
                   (SELECT count(*) FROM ((SELECT * FROM monthly EXCEPT ALL SELECT * FROM yearly)
                                          UNION ALL (SELECT * FROM yearly EXCEPT ALL SELECT * FROM monthly)) d)""";

    /**
     * Year cells, their categories, those whose top type differs from their top open type, and the
     * year cells not equal to the yearly level summed per cell, for all categories ('') and each,
     * with each status count's top type (ties: the first in alphabetical order) found by DISTINCT ON
     * instead of the function's array_agg.
     */
    private static final String YEAR_CELLS_MINUS_YEARLY =
            """
            WITH typed AS (
                SELECT y.res::int AS res, y.year, y.cell, ct.category, y.complaint_type, y.n, y.open_n, y.closed_n
                  FROM rollup_h3_yearly y LEFT JOIN complaint_type ct ON ct.complaint_type = y.complaint_type),
            by_type AS (
                SELECT res, year, cell, '' AS category, complaint_type,
                       sum(n) AS n, sum(open_n) AS o, sum(closed_n) AS c
                  FROM typed GROUP BY 1, 2, 3, 5
                UNION ALL
                SELECT res, year, cell, category, complaint_type, sum(n), sum(open_n), sum(closed_n)
                  FROM typed WHERE category IS NOT NULL GROUP BY 1, 2, 3, 4, 5),
            top_n AS (SELECT DISTINCT ON (res, year, cell, category) res, year, cell, category, complaint_type
                        FROM by_type ORDER BY res, year, cell, category, n DESC, complaint_type),
            top_o AS (SELECT DISTINCT ON (res, year, cell, category) res, year, cell, category, complaint_type
                        FROM by_type WHERE o > 0 ORDER BY res, year, cell, category, o DESC, complaint_type),
            top_c AS (SELECT DISTINCT ON (res, year, cell, category) res, year, cell, category, complaint_type
                        FROM by_type WHERE c > 0 ORDER BY res, year, cell, category, c DESC, complaint_type),
            expected AS (
                SELECT t.res, t.year, t.cell, t.category, t.n, t.o, t.c, tn.complaint_type AS top,
                       tob.complaint_type AS top_open, tc.complaint_type AS top_closed
                  FROM (SELECT res, year, cell, category, sum(n)::int AS n, sum(o)::int AS o, sum(c)::int AS c
                          FROM by_type GROUP BY 1, 2, 3, 4) t
                  JOIN top_n tn USING (res, year, cell, category)
                  LEFT JOIN top_o tob USING (res, year, cell, category)
                  LEFT JOIN top_c tc USING (res, year, cell, category)),
            actual AS (
                SELECT res::int, year, cell, category, n, open_n, closed_n, top_type, top_open_type, top_closed_type
                  FROM rollup_h3_year_cell)
            SELECT (SELECT count(*) FROM actual), (SELECT count(DISTINCT category) FROM actual),
                   (SELECT count(*) FROM actual WHERE top_open_type IS DISTINCT FROM top_type),
                   (SELECT count(*) FROM ((SELECT * FROM expected EXCEPT ALL SELECT * FROM actual)
                                          UNION ALL (SELECT * FROM actual EXCEPT ALL SELECT * FROM expected)) d)""";

    @ParameterizedTest
    @CsvSource({
        "srmap_service_request_indexes, service_request, service_request_pkey",
        "srmap_rollup_indexes, rollup_district_daily|rollup_district_monthly|rollup_district_daily_total"
                + "|rollup_district_monthly_total|rollup_h3_daily|rollup_h3_monthly|rollup_h3_yearly"
                + "|rollup_h3_year_cell, ''",
    })
    void dropsAndRebuildsExactlyTheIndexesOfTheSchema(String function, String tables, String kept) throws SQLException {
        try (Connection c = db.database().open();
                Statement st = c.createStatement()) {
            String before = indexDefinitions(c, tables.split("\\|"));
            st.execute("SELECT " + function + "(false)");
            String dropped = indexDefinitions(c, tables.split("\\|"));
            assertThat(dropped).doesNotContain("gist").doesNotContain("_idx");
            if (kept.isEmpty()) {
                assertThat(dropped).isEmpty();
            } else {
                assertThat(dropped).contains(kept);
            }
            st.execute("SELECT " + function + "(true)");
            assertThat(indexDefinitions(c, tables.split("\\|"))).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "SELECT srmap_finish_rollup('zip', false) | rollup must be district or h3, was zip",
                "SELECT srmap_build_index('service_request_pkey') | no index of service_request is named service_request_pkey",
                "SELECT srmap_rollup_indexes('nta', true) | rollup must be district or h3, was nta",
            })
    void refusesUnknownRollupsAndIndexes(String sql, String message) throws SQLException {
        try (Connection c = db.database().open();
                Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute(sql)).hasMessageContaining(message);
        }
    }

    private static String indexDefinitions(Connection c, String[] tables) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INDEX_DEFINITIONS)) {
            ps.setArray(1, c.createArrayOf("text", tables));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static final String INDEX_DEFINITIONS = "SELECT coalesce(string_agg(indexdef, ';' ORDER BY indexname), '')"
            + " FROM pg_indexes WHERE tablename = ANY (?)";

    @Test
    void rejectsUrlsThatAreNotPostgres() {
        assertThatThrownBy(() -> Database.at("jdbc:mysql://x/y?password=secret"))
                .hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("secret");
    }

    @ParameterizedTest
    @CsvSource({
        "'jdbc:postgresql://localhost:5432/srmap?user=a', 'jdbc:postgresql://localhost:5432/t1?user=a'",
        "'jdbc:postgresql://h/srmap', 'jdbc:postgresql://h/t1'",
        "'jdbc:postgresql://h:1?user=a', 'jdbc:postgresql://h:1/t1?user=a'",
    })
    void replacesTheDatabaseNameInUrls(String url, String expected) {
        assertThat(TestDatabase.withDatabaseName(url, "t1")).isEqualTo(expected);
    }
}
