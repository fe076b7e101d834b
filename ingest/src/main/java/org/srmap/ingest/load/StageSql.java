package org.srmap.ingest.load;

/**
 * The SQL of one ingest transaction, one named constant per statement. Staging tables are
 * temporary and dropped at commit, so a killed ingest leaves nothing behind.
 */
final class StageSql {
    private StageSql() {}

    /**
     * For this transaction only: room for the temporary tables, and memory enough that the merge's
     * sorts, hashes and its index on sr_changed stay off disk at 10M rows (the rollups and the bulk
     * index builds run after the commit, in the Finisher's own sessions).
     */
    static final String SESSION_SETTINGS =
            "SET LOCAL temp_buffers = '256MB'; SET LOCAL work_mem = '256MB'; SET LOCAL maintenance_work_mem = '1GB'";

    static final String CREATE_STAGE =
            """
            CREATE TEMP TABLE sr_stage (
                unique_key bigint NOT NULL,
                created_at timestamptz NOT NULL, created_day date NOT NULL, closed_at timestamptz,
                due_at timestamptz, updated_at timestamptz, version_at timestamptz NOT NULL,
                agency text, agency_name text, complaint_type_raw text NOT NULL, complaint_type text NOT NULL,
                descriptor text, status text NOT NULL, location_type text, incident_address text,
                street_name text, cross_street_1 text, cross_street_2 text, intersection_street_1 text,
                intersection_street_2 text, address_type text, city text, landmark text, facility_type text,
                park_facility_name text, zip text, bbl text, channel text, resolution text, borough text,
                reported_board text, reported_boro_cd smallint, boro_cd smallint, boro_code smallint,
                location_source text, geom geometry(Point, 4326), h3_r8 bigint, h3_r10 bigint,
                address_key text, address_key_boro text, has_location boolean NOT NULL,
                row_hash uuid NOT NULL, line_number bigint NOT NULL
            ) ON COMMIT DROP""";

    /** Address sums learned from the rows loaded straight into service_request (GazetteerLearner). */
    static final String CREATE_GAZETTEER_STAGE =
            """
            CREATE TEMP TABLE gazetteer_stage (
                address_key text NOT NULL, sum_lon double precision NOT NULL,
                sum_lat double precision NOT NULL, n integer NOT NULL
            ) ON COMMIT DROP""";

    static final String COPY_GAZETTEER_STAGE = "COPY gazetteer_stage FROM STDIN";

    static final String SELECT_KEYS = "SELECT unique_key FROM service_request";

    static final String CREATE_REJECT_STAGE =
            """
            CREATE TEMP TABLE reject_stage (
                line_number bigint NOT NULL, reason text NOT NULL, detail text, raw_text text
            ) ON COMMIT DROP""";

    static final String COPY_STAGE = "COPY sr_stage FROM STDIN (FORMAT binary)";

    static final String COPY_REJECTS = "COPY reject_stage FROM STDIN";

    /** Temporary tables are never auto-analysed; without statistics the merge plans run blind. */
    static final String ANALYZE_STAGE = "ANALYZE sr_stage";

    static final String ANALYZE_CHANGED = "ANALYZE sr_changed";

    /** Distinct staged keys that were not loaded straight into service_request by this run (?). */
    static final String COUNT_DISTINCT_KEYS =
            """
            SELECT count(DISTINCT s.unique_key)
              FROM sr_stage s
              LEFT JOIN service_request sr ON sr.unique_key = s.unique_key AND sr.ingest_run_id = ?
             WHERE sr.unique_key IS NULL""";

    /**
     * The staged rows that change the table: per key the newest version (ties: the later line),
     * kept when the key is new, or its published fields differ and it is not older. A key this run
     * (?) loaded straight into service_request still counts as new.
     */
    static final String CREATE_CHANGED =
            "CREATE TEMP TABLE sr_changed (line_number bigint NOT NULL, is_new boolean NOT NULL) ON COMMIT DROP";

    static final String FIND_CHANGED =
            """
            INSERT INTO sr_changed (line_number, is_new)
            SELECT n.line_number, sr.unique_key IS NULL OR sr.ingest_run_id = ?
              FROM (SELECT DISTINCT ON (unique_key) unique_key, line_number, row_hash, version_at
                      FROM sr_stage ORDER BY unique_key, version_at DESC, line_number DESC) n
              LEFT JOIN service_request sr ON sr.unique_key = n.unique_key
             WHERE sr.unique_key IS NULL OR (sr.row_hash <> n.row_hash AND n.version_at >= sr.version_at)""";

    static final String INDEX_CHANGED = "CREATE UNIQUE INDEX ON sr_changed (line_number)";

    static final String COUNT_CHANGED =
            "SELECT count(*) FILTER (WHERE is_new), count(*) FILTER (WHERE NOT is_new) FROM sr_changed";

    /**
     * Every new or changed SR with real coordinates teaches the gazetteer its address, under its
     * ZIP key and its borough key (rows without a ZIP only have the latter).
     */
    static final String LEARN_GAZETTEER =
            """
            INSERT INTO gazetteer (address_key, sum_lon, sum_lat, n)
            SELECT k, sum(lon), sum(lat), count(*)
              FROM (SELECT s.address_key AS k, ST_X(s.geom) AS lon, ST_Y(s.geom) AS lat
                      FROM sr_stage s JOIN sr_changed c USING (line_number)
                     WHERE s.location_source IN ('latlon', 'stateplane')
                    UNION ALL
                    SELECT s.address_key_boro, ST_X(s.geom), ST_Y(s.geom)
                      FROM sr_stage s JOIN sr_changed c USING (line_number)
                     WHERE s.location_source IN ('latlon', 'stateplane')
                       AND s.address_key_boro IS DISTINCT FROM s.address_key) keys
             WHERE k IS NOT NULL
             GROUP BY k
            ON CONFLICT (address_key) DO UPDATE
               SET sum_lon = gazetteer.sum_lon + excluded.sum_lon,
                   sum_lat = gazetteer.sum_lat + excluded.sum_lat,
                   n = gazetteer.n + excluded.n""";

    /** The same for the sums the rows loaded straight into service_request taught. */
    static final String LEARN_GAZETTEER_DIRECT =
            """
            INSERT INTO gazetteer (address_key, sum_lon, sum_lat, n)
            SELECT address_key, sum(sum_lon), sum(sum_lat), sum(n) FROM gazetteer_stage GROUP BY address_key
            ON CONFLICT (address_key) DO UPDATE
               SET sum_lon = gazetteer.sum_lon + excluded.sum_lon,
                   sum_lat = gazetteer.sum_lat + excluded.sum_lat,
                   n = gazetteer.n + excluded.n""";

    /** Address-only rows take the gazetteer's point for their ZIP key. */
    static final String PLACE_BY_GAZETTEER =
            """
            UPDATE sr_stage s
               SET geom = ST_SetSRID(ST_MakePoint(g.lon, g.lat), 4326), location_source = 'gazetteer'
              FROM gazetteer_point g
             WHERE s.geom IS NULL AND s.address_key IS NOT NULL AND s.address_key = g.address_key""";

    /** Then, still unplaced, the point for their borough key. */
    static final String PLACE_BY_GAZETTEER_BOROUGH =
            """
            UPDATE sr_stage s
               SET geom = ST_SetSRID(ST_MakePoint(g.lon, g.lat), 4326), location_source = 'gazetteer'
              FROM gazetteer_point g
             WHERE s.geom IS NULL AND s.address_key_boro IS NOT NULL AND s.address_key_boro = g.address_key""";

    static final String SELECT_GAZETTEER_PLACED =
            "SELECT line_number, ST_X(geom), ST_Y(geom) FROM sr_stage WHERE location_source = 'gazetteer'";

    static final String CREATE_FIX =
            """
            CREATE TEMP TABLE sr_fix (
                line_number bigint PRIMARY KEY, boro_cd smallint, boro_code smallint,
                h3_r8 bigint, h3_r10 bigint
            ) ON COMMIT DROP""";

    static final String COPY_FIX = "COPY sr_fix FROM STDIN";

    static final String APPLY_FIX =
            """
            UPDATE sr_stage s
               SET boro_cd = f.boro_cd, boro_code = f.boro_code, h3_r8 = f.h3_r8, h3_r10 = f.h3_r10
              FROM sr_fix f
             WHERE s.line_number = f.line_number""";

    static final String PLACEMENT_COUNTS =
            """
            SELECT count(*) FILTER (WHERE has_location),
                   count(*) FILTER (WHERE has_location AND geom IS NOT NULL),
                   count(*) FILTER (WHERE geom IS NULL),
                   count(*) FILTER (WHERE location_source = 'latlon'),
                   count(*) FILTER (WHERE location_source = 'stateplane'),
                   count(*) FILTER (WHERE location_source = 'gazetteer'),
                   count(*) FILTER (WHERE geom IS NOT NULL AND boro_cd IS NULL),
                   count(*) FILTER (WHERE boro_cd IS NOT NULL AND reported_boro_cd IS NOT NULL),
                   count(*) FILTER (WHERE boro_cd = reported_boro_cd)
              FROM sr_stage""";

    /** Calendar days whose rollups change: the new versions' days and the replaced versions' days. */
    static final String CREATE_DAYS =
            """
            CREATE TEMP TABLE sr_days ON COMMIT DROP AS
            SELECT s.created_day AS day FROM sr_stage s JOIN sr_changed c USING (line_number)
            UNION
            SELECT sr.created_day FROM sr_changed c
              JOIN sr_stage s USING (line_number)
              JOIN service_request sr ON sr.unique_key = s.unique_key
             WHERE NOT c.is_new""";

    static final String ADD_DIRECT_DAYS = "INSERT INTO sr_days SELECT unnest(?::date[])";

    static final String ADD_COMPLAINT_TYPES =
            """
            INSERT INTO complaint_type (complaint_type, category)
            SELECT t, srmap_category_of(t)
              FROM (SELECT DISTINCT s.complaint_type AS t
                      FROM sr_stage s JOIN sr_changed c USING (line_number)) types
            ON CONFLICT (complaint_type) DO NOTHING""";

    static final String ADD_DIRECT_COMPLAINT_TYPES =
            """
            INSERT INTO complaint_type (complaint_type, category)
            SELECT t, srmap_category_of(t) FROM unnest(?::text[]) t
            ON CONFLICT (complaint_type) DO NOTHING""";

    private static final String SR_COLUMNS =
            """
            unique_key, created_at, created_day, closed_at, due_at, updated_at, version_at, agency,
            agency_name, complaint_type_raw, complaint_type, descriptor, status, location_type,
            incident_address, street_name, cross_street_1, cross_street_2, intersection_street_1,
            intersection_street_2, address_type, city, landmark, facility_type, park_facility_name, zip,
            bbl, channel, resolution, borough, reported_board, reported_boro_cd, boro_cd, boro_code,
            location_source, geom, h3_r8, h3_r10, row_hash""";

    static final String UPSERT = "INSERT INTO service_request (" + SR_COLUMNS + ", ingest_run_id)\n"
            + "SELECT " + SR_COLUMNS.replaceAll("(\\w+)", "s.$1") + ", ?\n"
            + "  FROM sr_stage s JOIN sr_changed c USING (line_number)\n"
            + "ON CONFLICT (unique_key) DO UPDATE SET\n"
            + SR_COLUMNS.replaceAll("(\\w+)", "$1 = excluded.$1")
            + ", ingest_run_id = excluded.ingest_run_id";

    /** Rows with new keys, straight into service_request: the staged columns up to row_hash. */
    static final String COPY_DIRECT =
            "COPY service_request (" + SR_COLUMNS + ", ingest_run_id) FROM STDIN (FORMAT binary)";

    /** The planner's row estimate of service_request: cheap, and exact enough to choose bulk mode. */
    static final String ESTIMATED_ROWS =
            "SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = 'service_request'::regclass";

    static final String DROP_INDEXES = "SELECT srmap_service_request_indexes(false)";

    static final String COUNT_DAYS = "SELECT count(DISTINCT day) FROM sr_days";

    /** The days this run touched, for the Finisher to refresh in both rollups after the commit. */
    static final String ADD_PENDING_ROLLUPS =
            """
            INSERT INTO rollup_pending (rollup, day)
            SELECT v.rollup, d.day FROM (SELECT DISTINCT day FROM sr_days) d
             CROSS JOIN (VALUES ('district'), ('h3')) v(rollup)
            ON CONFLICT DO NOTHING""";

    static final String SAVE_REJECTS =
            """
            INSERT INTO ingest_reject (run_id, source, line_number, reason, detail, raw_text)
            SELECT ?, ?, line_number, reason, detail, raw_text FROM reject_stage ORDER BY line_number""";

    static final String LOAD_ALIASES = "SELECT raw_type, complaint_type FROM complaint_type_alias";
}
