-- SQL functions of srmap. A repeatable migration: Flyway re-applies it whenever it changes.

-- The category family of a normalised complaint type: the first matching category_rule.
CREATE OR REPLACE FUNCTION srmap_category_of(p_type text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(
        (SELECT category FROM category_rule WHERE p_type LIKE pattern ORDER BY priority LIMIT 1),
        'Other')
$$;

-- The data version the tile server keys its caches on: it grows with every run that changed data.
CREATE OR REPLACE FUNCTION srmap_data_version() RETURNS bigint
LANGUAGE sql STABLE AS $$
    SELECT coalesce(max(data_version), 0) FROM ingest_run WHERE status = 'succeeded'
$$;

-- Recompute both daily rollups for the given New York calendar days from service_request.
-- An SR without a point counts in its reported district (unplaced_n) and in no H3 cell.
-- The days are joined as a set (never probed with = ANY, which is linear per row).
CREATE OR REPLACE FUNCTION srmap_refresh_rollups(p_days date[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    CREATE TEMP TABLE IF NOT EXISTS rollup_days (day date PRIMARY KEY) ON COMMIT DROP;
    TRUNCATE rollup_days;
    INSERT INTO rollup_days SELECT DISTINCT d FROM unnest(p_days) d WHERE d IS NOT NULL;
    ANALYZE rollup_days;

    DELETE FROM rollup_district_daily r USING rollup_days d WHERE r.day = d.day;
    INSERT INTO rollup_district_daily (day, complaint_type, agency, boro_cd, n, open_n, closed_n, unplaced_n)
    SELECT s.created_day, s.complaint_type, coalesce(s.agency, ''),
           coalesce(s.boro_cd, s.reported_boro_cd, 0),
           count(*), count(*) FILTER (WHERE NOT s.is_closed), count(*) FILTER (WHERE s.is_closed),
           count(*) FILTER (WHERE s.geom IS NULL)
      FROM service_request s JOIN rollup_days d ON s.created_day = d.day
     GROUP BY 1, 2, 3, 4;

    DELETE FROM rollup_h3_daily r USING rollup_days d WHERE r.day = d.day;
    INSERT INTO rollup_h3_daily (day, complaint_type, agency, h3_r8, n, open_n, closed_n)
    SELECT s.created_day, s.complaint_type, coalesce(s.agency, ''), s.h3_r8,
           count(*), count(*) FILTER (WHERE NOT s.is_closed), count(*) FILTER (WHERE s.is_closed)
      FROM service_request s JOIN rollup_days d ON s.created_day = d.day
     WHERE s.h3_r8 IS NOT NULL
     GROUP BY 1, 2, 3, 4;
END
$$;

-- Bulk loads: drop the secondary indexes of service_request before a large upsert and build them
-- afterwards (a sorted build is several times faster than row-by-row maintenance). Must create
-- exactly the indexes of V1__schema.sql; MigrationTest compares them.
CREATE OR REPLACE FUNCTION srmap_service_request_indexes(p_create boolean) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF p_create THEN
        CREATE INDEX IF NOT EXISTS service_request_geom_idx ON service_request USING gist (geom);
        CREATE INDEX IF NOT EXISTS service_request_day_idx ON service_request (created_day);
        CREATE INDEX IF NOT EXISTS service_request_type_day_idx ON service_request (complaint_type, created_day);
    ELSE
        DROP INDEX IF EXISTS service_request_geom_idx;
        DROP INDEX IF EXISTS service_request_day_idx;
        DROP INDEX IF EXISTS service_request_type_day_idx;
    END IF;
END
$$;

-- The same for the rollups, whose refresh after a bulk load rewrites every day: the primary keys
-- and the district index are built once afterwards. Must match V1__schema.sql; MigrationTest checks.
CREATE OR REPLACE FUNCTION srmap_rollup_indexes(p_create boolean) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF p_create THEN
        IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'rollup_district_daily_pkey') THEN
            ALTER TABLE rollup_district_daily
                ADD CONSTRAINT rollup_district_daily_pkey PRIMARY KEY (day, complaint_type, agency, boro_cd);
        END IF;
        CREATE INDEX IF NOT EXISTS rollup_district_daily_cd_idx ON rollup_district_daily (boro_cd, day);
        IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'rollup_h3_daily_pkey') THEN
            ALTER TABLE rollup_h3_daily
                ADD CONSTRAINT rollup_h3_daily_pkey PRIMARY KEY (day, complaint_type, agency, h3_r8);
        END IF;
    ELSE
        ALTER TABLE rollup_district_daily DROP CONSTRAINT IF EXISTS rollup_district_daily_pkey;
        DROP INDEX IF EXISTS rollup_district_daily_cd_idx;
        ALTER TABLE rollup_h3_daily DROP CONSTRAINT IF EXISTS rollup_h3_daily_pkey;
    END IF;
END
$$;
