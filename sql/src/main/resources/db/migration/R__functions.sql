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
CREATE OR REPLACE FUNCTION srmap_refresh_rollups(p_days date[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM rollup_district_daily WHERE day = ANY (p_days);
    INSERT INTO rollup_district_daily (day, complaint_type, agency, boro_cd, n, open_n, closed_n, unplaced_n)
    SELECT created_day, complaint_type, coalesce(agency, ''),
           coalesce(boro_cd, reported_boro_cd, 0),
           count(*), count(*) FILTER (WHERE NOT is_closed), count(*) FILTER (WHERE is_closed),
           count(*) FILTER (WHERE geom IS NULL)
      FROM service_request
     WHERE created_day = ANY (p_days)
     GROUP BY 1, 2, 3, 4;

    DELETE FROM rollup_h3_daily WHERE day = ANY (p_days);
    INSERT INTO rollup_h3_daily (day, complaint_type, agency, h3_r8, n, open_n, closed_n)
    SELECT created_day, complaint_type, coalesce(agency, ''), h3_r8,
           count(*), count(*) FILTER (WHERE NOT is_closed), count(*) FILTER (WHERE is_closed)
      FROM service_request
     WHERE created_day = ANY (p_days) AND h3_r8 IS NOT NULL
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
