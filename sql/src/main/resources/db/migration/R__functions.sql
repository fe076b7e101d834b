-- SQL functions of srmap. A repeatable migration: Flyway re-applies it whenever it changes.

-- The category family of a normalised complaint type: the first matching category_rule.
CREATE OR REPLACE FUNCTION srmap_category_of(p_type text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(
        (SELECT category FROM category_rule WHERE p_type LIKE pattern ORDER BY priority LIMIT 1),
        'Other')
$$;

-- The ancestor of an H3 cell at a coarser resolution (as h3's cellToParent): the index with its
-- resolution field (bits 52-55) set to p_res and the digits of finer resolutions (3 bits each,
-- from bit 3 * (15 - p_res) down) set to 7, "unused". The tests hold it equal to h3-java.
CREATE OR REPLACE FUNCTION srmap_h3_parent(p_cell bigint, p_res integer) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT ((p_cell & ~(15::bigint << 52)) | (p_res::bigint << 52)) | ((1::bigint << (3 * (15 - p_res))) - 1)
$$;

-- The resolution-8 cells under an H3 cell of resolution p_res (at most 8), as h3's cellToChildren:
-- the index with resolution 8 and every combination of the digits of resolutions p_res + 1 to 8
-- (7 ^ (8 - p_res) of them; under a pentagon a few do not exist, and match nothing). Hexbin tiles
-- find a cell's daily rows through them, by the daily level's index on its resolution-8 cell.
-- ROWS 7 (a res-7 cell's count; 1 at res 8, 49 at 6): the default estimate of 1,000 made the
-- planner read the days of the whole city instead of looking the children up.
CREATE OR REPLACE FUNCTION srmap_h3_children_r8(p_cell bigint, p_res integer) RETURNS SETOF bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 7 AS $$
    SELECT (((p_cell & ~(15::bigint << 52)) | (8::bigint << 52)) & ~(((1::bigint << (3 * (8 - p_res))) - 1) << 21))
           | coalesce((SELECT bit_or(((k / (7 ^ (8 - p_res - j))::bigint) % 7) << (3 * (15 - p_res - j)))
                         FROM generate_series(1, 8 - p_res) j), 0)
      FROM generate_series(0, (7 ^ (8 - p_res))::bigint - 1) k
$$;

-- The data version the tile server keys its caches on: it grows with every run that changed data.
CREATE OR REPLACE FUNCTION srmap_data_version() RETURNS bigint
LANGUAGE sql STABLE AS $$
    SELECT coalesce(max(data_version), 0) FROM ingest_run WHERE status = 'succeeded'
$$;

-- Refresh one rollup table ('district' or 'h3') for every day rollup_pending lists for it, then
-- clear those days, in the caller's transaction. With p_bulk the table's keys are dropped first and
-- built once afterwards (for refreshes that rewrite most of the table). An SR without a point counts
-- in its reported district (unplaced_n) and in no H3 cell. The days are joined as a set (never
-- probed with = ANY, which is linear per row). Rows are written in day order, so that a date range
-- is a run of the table, not rows scattered over all of it: the H3 rollup's year for hexbins read
-- in 1.1 s instead of 6.0 s through its day index (10M requests, measured with CLUSTER).
CREATE OR REPLACE FUNCTION srmap_finish_rollup(p_rollup text, p_bulk boolean) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_days bigint;
    v_years date[]; -- the years of the refreshed months (January 1sts)
BEGIN
    IF p_rollup NOT IN ('district', 'h3') THEN
        RAISE EXCEPTION 'rollup must be district or h3, was %', p_rollup;
    END IF;
    CREATE TEMP TABLE IF NOT EXISTS rollup_days (day date PRIMARY KEY) ON COMMIT DROP;
    TRUNCATE rollup_days;
    INSERT INTO rollup_days SELECT day FROM rollup_pending WHERE rollup = p_rollup;
    GET DIAGNOSTICS v_days = ROW_COUNT;
    IF v_days = 0 THEN
        RETURN 0;
    END IF;
    ANALYZE rollup_days;
    CREATE TEMP TABLE IF NOT EXISTS rollup_months (month date PRIMARY KEY) ON COMMIT DROP;
    TRUNCATE rollup_months;
    INSERT INTO rollup_months SELECT DISTINCT date_trunc('month', day)::date FROM rollup_days;
    IF p_bulk THEN
        PERFORM srmap_rollup_indexes(p_rollup, false);
    END IF;
    IF p_rollup = 'district' THEN
        DELETE FROM rollup_district_daily r USING rollup_days d WHERE r.day = d.day;
        INSERT INTO rollup_district_daily (day, complaint_type, agency, boro_cd, n, open_n, closed_n, unplaced_n,
                                           unplaced_open_n)
        SELECT s.created_day, s.complaint_type, coalesce(s.agency, ''),
               coalesce(s.boro_cd, s.reported_boro_cd, 0),
               count(*), count(*) FILTER (WHERE NOT s.is_closed), count(*) FILTER (WHERE s.is_closed),
               count(*) FILTER (WHERE s.geom IS NULL), count(*) FILTER (WHERE s.geom IS NULL AND NOT s.is_closed)
          FROM service_request s JOIN rollup_days d ON s.created_day = d.day
         GROUP BY 1, 2, 3, 4
         ORDER BY 1;
        -- the months of those days, again from all their daily rows
        DELETE FROM rollup_district_monthly r USING rollup_months m WHERE r.month = m.month;
        INSERT INTO rollup_district_monthly (month, complaint_type, agency, boro_cd, n, open_n, closed_n,
                                             unplaced_n, unplaced_open_n)
        SELECT m.month, r.complaint_type, r.agency, r.boro_cd,
               sum(r.n), sum(r.open_n), sum(r.closed_n), sum(r.unplaced_n), sum(r.unplaced_open_n)
          FROM rollup_months m
          JOIN rollup_district_daily r ON date_trunc('month', r.day::timestamp)::date = m.month
         WHERE r.day >= (SELECT min(month) FROM rollup_months)
           AND r.day < (SELECT max(month) FROM rollup_months) + interval '1 month'
         GROUP BY 1, 2, 3, 4
         ORDER BY 1;
        -- the totals over types and agencies of those days and months
        DELETE FROM rollup_district_daily_total r USING rollup_days d WHERE r.day = d.day;
        INSERT INTO rollup_district_daily_total (day, boro_cd, n, open_n, closed_n, unplaced_n, unplaced_open_n)
        SELECT r.day, r.boro_cd, sum(r.n), sum(r.open_n), sum(r.closed_n), sum(r.unplaced_n), sum(r.unplaced_open_n)
          FROM rollup_days d JOIN rollup_district_daily r ON r.day = d.day
         GROUP BY 1, 2
         ORDER BY 1, 2;
        DELETE FROM rollup_district_monthly_total r USING rollup_months m WHERE r.month = m.month;
        INSERT INTO rollup_district_monthly_total (month, boro_cd, n, open_n, closed_n, unplaced_n,
                                                   unplaced_open_n)
        SELECT r.month, r.boro_cd, sum(r.n), sum(r.open_n), sum(r.closed_n), sum(r.unplaced_n),
               sum(r.unplaced_open_n)
          FROM rollup_months m JOIN rollup_district_monthly r ON r.month = m.month
         GROUP BY 1, 2
         ORDER BY 1, 2;
    ELSE
        DELETE FROM rollup_h3_daily r USING rollup_days d WHERE r.day = d.day;
        INSERT INTO rollup_h3_daily (day, complaint_type, agency, boro_cd, h3_r8, n, open_n, closed_n)
        SELECT s.created_day, s.complaint_type, coalesce(s.agency, ''),
               coalesce(s.boro_cd, s.reported_boro_cd, 0), s.h3_r8,
               count(*), count(*) FILTER (WHERE NOT s.is_closed), count(*) FILTER (WHERE s.is_closed)
          FROM service_request s JOIN rollup_days d ON s.created_day = d.day
         WHERE s.h3_r8 IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5
         ORDER BY 1;
        -- the months of those days at resolution 8 from the daily rows, then 7 and 6 from those. Joined
        -- on the month (a hash join; joined on a day range, it was a nested loop: 56 s at 10M in a bulk
        -- load, the day index dropped), the rows read bounded by the months' days (through the day index
        -- when there is one, as after a refresh of a few days).
        DELETE FROM rollup_h3_monthly r USING rollup_months m WHERE r.month = m.month;
        INSERT INTO rollup_h3_monthly (res, month, cell, complaint_type, agency, n, open_n, closed_n)
        SELECT 8, m.month, r.h3_r8, r.complaint_type, r.agency, sum(r.n), sum(r.open_n), sum(r.closed_n)
          FROM rollup_months m
          JOIN rollup_h3_daily r ON date_trunc('month', r.day::timestamp)::date = m.month
         WHERE r.day >= (SELECT min(month) FROM rollup_months)
           AND r.day < (SELECT max(month) FROM rollup_months) + interval '1 month'
         GROUP BY 2, 3, 4, 5
         ORDER BY 2, 3;
        INSERT INTO rollup_h3_monthly (res, month, cell, complaint_type, agency, n, open_n, closed_n)
        SELECT v.res, r.month, srmap_h3_parent(r.cell, v.res), r.complaint_type, r.agency,
               sum(r.n), sum(r.open_n), sum(r.closed_n)
          FROM rollup_months m
          JOIN rollup_h3_monthly r ON r.res = 8 AND r.month = m.month
         CROSS JOIN (VALUES (6), (7)) v(res)
         GROUP BY 1, 2, 3, 4, 5
         ORDER BY 1, 2, 3;
        -- the years of those months, again from all their monthly rows, then their cells' totals
        v_years := ARRAY(SELECT DISTINCT date_trunc('year', m.month::timestamp)::date FROM rollup_months m);
        DELETE FROM rollup_h3_yearly r WHERE r.year = ANY (v_years);
        INSERT INTO rollup_h3_yearly (res, year, cell, complaint_type, agency, n, open_n, closed_n)
        SELECT r.res, y.year, r.cell, r.complaint_type, r.agency, sum(r.n), sum(r.open_n), sum(r.closed_n)
          FROM unnest(v_years) y(year)
          JOIN rollup_h3_monthly r ON date_trunc('year', r.month::timestamp)::date = y.year
         GROUP BY 1, 2, 3, 4, 5
         ORDER BY 2, 1, 3;
        PERFORM srmap_refresh_h3_year_cells(v_years);
    END IF;
    DELETE FROM rollup_pending WHERE rollup = p_rollup;
    IF p_bulk THEN
        PERFORM srmap_rollup_indexes(p_rollup, true);
    END IF;
    RETURN v_days;
END
$$;

-- Rebuilds rollup_h3_year_cell (V16) for the given years (January 1sts; null: every year) from
-- rollup_h3_yearly, in the caller's transaction: each cell's totals of the year for all categories
-- ('') and for each category, with the type counted most by each status count (ties: the first in
-- alphabetical order).
CREATE OR REPLACE FUNCTION srmap_refresh_h3_year_cells(p_years date[]) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM rollup_h3_year_cell WHERE p_years IS NULL OR year = ANY (p_years);
    INSERT INTO rollup_h3_year_cell (res, year, cell, category, n, open_n, closed_n, top_type, top_open_type,
                                     top_closed_type)
    SELECT res, year, cell, category, sum(n), sum(open_n), sum(closed_n),
           (array_agg(complaint_type ORDER BY n DESC, complaint_type))[1],
           (array_agg(complaint_type ORDER BY open_n DESC, complaint_type) FILTER (WHERE open_n > 0))[1],
           (array_agg(complaint_type ORDER BY closed_n DESC, complaint_type) FILTER (WHERE closed_n > 0))[1]
      FROM (SELECT y.res, y.year, y.cell, v.category, y.complaint_type,
                   sum(y.n) AS n, sum(y.open_n) AS open_n, sum(y.closed_n) AS closed_n
              FROM rollup_h3_yearly y
              LEFT JOIN complaint_type ct ON ct.complaint_type = y.complaint_type
             CROSS JOIN LATERAL (VALUES (''), (ct.category)) v(category)
             WHERE (p_years IS NULL OR y.year = ANY (p_years)) AND v.category IS NOT NULL
             GROUP BY 1, 2, 3, 4, 5) t
     GROUP BY 1, 2, 3, 4
     ORDER BY 2, 1, 3, 4;
$$;

-- A database whose yearly level predates rollup_h3_year_cell gets its years once, here (a versioned
-- migration cannot call this script's functions).
SELECT srmap_refresh_h3_year_cells(NULL)
 WHERE EXISTS (SELECT 1 FROM rollup_h3_yearly) AND NOT EXISTS (SELECT 1 FROM rollup_h3_year_cell);

-- Recompute both daily rollups for the given New York calendar days, now.
CREATE OR REPLACE FUNCTION srmap_refresh_rollups(p_days date[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO rollup_pending (rollup, day)
    SELECT r, d FROM unnest(p_days) d CROSS JOIN (VALUES ('district'), ('h3')) v(r)
     WHERE d IS NOT NULL
    ON CONFLICT DO NOTHING;
    PERFORM srmap_finish_rollup('district', false);
    PERFORM srmap_finish_rollup('h3', false);
END
$$;

-- Bulk loads: drop the secondary indexes of service_request before a large upsert and build them
-- afterwards (a sorted build is several times faster than row-by-row maintenance). The builds are
-- named so that two connections can share them out. Must create exactly the indexes of
-- V1__schema.sql as V4 and V11 left them; MigrationTest compares them.
CREATE OR REPLACE FUNCTION srmap_service_request_index_names() RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT ARRAY['service_request_geom_idx', 'service_request_day_idx', 'service_request_geom_4_idx',
                 'service_request_geom_16_idx', 'service_request_geom_64_idx']
$$;

-- The secondary indexes of service_request that do not exist now, largest build first.
CREATE OR REPLACE FUNCTION srmap_missing_indexes() RETURNS SETOF text
LANGUAGE sql STABLE AS $$
    SELECT n FROM unnest(srmap_service_request_index_names()) WITH ORDINALITY AS i(n, o)
     WHERE to_regclass(n) IS NULL
     ORDER BY o
$$;

-- Builds one secondary index of service_request by name, unless it exists.
CREATE OR REPLACE FUNCTION srmap_build_index(p_name text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    CASE p_name
    WHEN 'service_request_geom_idx' THEN
        CREATE INDEX IF NOT EXISTS service_request_geom_idx ON service_request USING gist (geom);
    WHEN 'service_request_day_idx' THEN
        CREATE INDEX IF NOT EXISTS service_request_day_idx ON service_request (created_day);
    WHEN 'service_request_geom_4_idx' THEN
        CREATE INDEX IF NOT EXISTS service_request_geom_4_idx ON service_request USING gist (geom)
         WHERE unique_key % 4 = 0;
    WHEN 'service_request_geom_16_idx' THEN
        CREATE INDEX IF NOT EXISTS service_request_geom_16_idx ON service_request USING gist (geom)
         WHERE unique_key % 16 = 0;
    WHEN 'service_request_geom_64_idx' THEN
        CREATE INDEX IF NOT EXISTS service_request_geom_64_idx ON service_request USING gist (geom)
         WHERE unique_key % 64 = 0;
    ELSE
        RAISE EXCEPTION 'no index of service_request is named %', p_name;
    END CASE;
END
$$;

CREATE OR REPLACE FUNCTION srmap_service_request_indexes(p_create boolean) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_name text;
BEGIN
    FOREACH v_name IN ARRAY srmap_service_request_index_names() LOOP
        IF p_create THEN
            PERFORM srmap_build_index(v_name);
        ELSE
            EXECUTE format('DROP INDEX IF EXISTS %I', v_name);
        END IF;
    END LOOP;
END
$$;

-- The same for the rollups, whose refresh after a bulk load rewrites every day: their indexes are
-- built once afterwards. Must match the schema as V16 left it; MigrationTest checks.
CREATE OR REPLACE FUNCTION srmap_rollup_indexes(p_rollup text, p_create boolean) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF p_rollup = 'district' THEN
        IF p_create THEN
            CREATE INDEX IF NOT EXISTS rollup_district_daily_day_idx ON rollup_district_daily (day);
            CREATE INDEX IF NOT EXISTS rollup_district_daily_cd_idx ON rollup_district_daily (boro_cd, day);
            CREATE INDEX IF NOT EXISTS rollup_district_monthly_month_idx ON rollup_district_monthly (month);
            CREATE INDEX IF NOT EXISTS rollup_district_daily_total_day_idx ON rollup_district_daily_total (day);
            CREATE INDEX IF NOT EXISTS rollup_district_monthly_total_month_idx
                ON rollup_district_monthly_total (month);
        ELSE
            DROP INDEX IF EXISTS rollup_district_daily_day_idx;
            DROP INDEX IF EXISTS rollup_district_daily_cd_idx;
            DROP INDEX IF EXISTS rollup_district_monthly_month_idx;
            DROP INDEX IF EXISTS rollup_district_daily_total_day_idx;
            DROP INDEX IF EXISTS rollup_district_monthly_total_month_idx;
        END IF;
    ELSIF p_rollup = 'h3' THEN
        IF p_create THEN
            CREATE INDEX IF NOT EXISTS rollup_h3_daily_day_idx ON rollup_h3_daily (day);
            CREATE INDEX IF NOT EXISTS rollup_h3_daily_cd_idx ON rollup_h3_daily (boro_cd, day);
            CREATE INDEX IF NOT EXISTS rollup_h3_daily_cell_idx ON rollup_h3_daily (h3_r8, day);
            CREATE INDEX IF NOT EXISTS rollup_h3_monthly_cell_idx ON rollup_h3_monthly (res, cell, month);
            CREATE INDEX IF NOT EXISTS rollup_h3_yearly_cell_idx ON rollup_h3_yearly (res, cell, year);
            CREATE INDEX IF NOT EXISTS rollup_h3_year_cell_idx ON rollup_h3_year_cell (res, cell, year, category);
        ELSE
            DROP INDEX IF EXISTS rollup_h3_daily_day_idx;
            DROP INDEX IF EXISTS rollup_h3_daily_cd_idx;
            DROP INDEX IF EXISTS rollup_h3_daily_cell_idx;
            DROP INDEX IF EXISTS rollup_h3_monthly_cell_idx;
            DROP INDEX IF EXISTS rollup_h3_yearly_cell_idx;
            DROP INDEX IF EXISTS rollup_h3_year_cell_idx;
        END IF;
    ELSE
        RAISE EXCEPTION 'rollup must be district or h3, was %', p_rollup;
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION srmap_rollup_indexes(p_create boolean) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM srmap_rollup_indexes('district', p_create);
    PERFORM srmap_rollup_indexes('h3', p_create);
END
$$;
