package org.srmap.server.tiles;

import org.srmap.server.filter.FilterSql;

/**
 * The tile queries, one constant per layer. PostGIS clips, quantises and encodes (ST_AsMVTGeom,
 * ST_AsMVT); the filter predicates come from {@link FilterSql}.
 */
final class TileSql {
    private TileSql() {}

    /**
     * Districts meeting the tile, from their outlines simplified for its zoom (district_shape), with
     * the filter's counts from {@link FilterSql#DISTRICT_ROWS}. Parameters: z, x, y; status twice;
     * the district rows; z.
     */
    static final String DISTRICTS =
            """
            WITH env AS (SELECT ST_TileEnvelope(?, ?, ?) AS e),
            counts AS (
                SELECT u.boro_cd,
                       sum(CASE ?::text WHEN 'open' THEN u.open_n WHEN 'closed' THEN u.closed_n ELSE u.n END) AS n,
                       sum(CASE ?::text WHEN 'open' THEN u.unplaced_open_n
                                        WHEN 'closed' THEN u.unplaced_n - u.unplaced_open_n
                                        ELSE u.unplaced_n END) AS unplaced
                  FROM ("""
                    + FilterSql.DISTRICT_ROWS
                    + """
            ) u
                 GROUP BY u.boro_cd),
            shapes AS (
                SELECT ds.boro_cd, cd.population, ST_AsMVTGeom(ds.geom, env.e, 4096, 64, true) AS geom
                  FROM district_shape ds
                  JOIN community_district cd ON cd.boro_cd = ds.boro_cd
                 CROSS JOIN env
                 WHERE ds.z = least(?, 16) AND ds.geom && env.e)
            SELECT ST_AsMVT(t, 'districts', 4096, 'geom')
              FROM (SELECT s.boro_cd, coalesce(c.n, 0)::int AS count,
                           CASE WHEN s.population > 0
                                THEN round(1000.0 * coalesce(c.n, 0) / s.population, 2)::float8 END AS rate,
                           coalesce(c.unplaced, 0)::int AS unplaced, s.geom
                      FROM shapes s LEFT JOIN counts c ON c.boro_cd = s.boro_cd
                     WHERE s.geom IS NOT NULL) t""";

    /**
     * The newest requests with a point in the tile, at most the cap; the number found up to cap + 1
     * (more than the cap: the tile is capped); and the one-feature layer a capped tile carries. The
     * tile's envelope is written out in the WHERE clause (not taken from a CTE) so that the planner
     * sees it and estimates the points in it. Parameters: z, x, y; the request predicate (either of
     * {@code predicate}); cap + 1; z, x, y; cap; cap.
     */
    static String requests(String predicate) {
        return """
                WITH hits AS MATERIALIZED (
                    SELECT s.unique_key, s.complaint_type, s.descriptor, s.status,
                           extract(epoch FROM s.created_at)::bigint AS created,
                           extract(epoch FROM s.closed_at)::bigint AS closed, s.geom
                      FROM service_request s
                     WHERE s.geom && ST_Transform(ST_TileEnvelope(?, ?, ?), 4326)
                       AND"""
                + predicate
                + """

                     ORDER BY s.created_at DESC, s.unique_key DESC
                     LIMIT ?),
                env AS (SELECT ST_TileEnvelope(?, ?, ?) AS e)
                SELECT (SELECT ST_AsMVT(h, 'requests', 4096, 'geom', 'id')
                          FROM (SELECT hits.unique_key AS id, hits.unique_key, ct.category, hits.complaint_type,
                                       hits.descriptor, hits.status, hits.created, hits.closed,
                                       ST_AsMVTGeom(ST_Transform(hits.geom, 3857), env.e, 4096, 64, true) AS geom
                                  FROM hits CROSS JOIN env
                                  LEFT JOIN complaint_type ct ON ct.complaint_type = hits.complaint_type
                                 ORDER BY hits.created DESC, hits.unique_key DESC
                                 LIMIT ?) h),
                       (SELECT count(*) FROM hits),
                       (SELECT ST_AsMVT(m, 'requests_capped', 4096, 'geom')
                          FROM (SELECT ?::int AS shown, ST_AsMVTGeom(ST_Centroid(env.e), env.e, 4096, 0, false) AS geom
                                  FROM env) m)""";
    }

    /** {@link #requests} with the day indexable: for date ranges up to {@link #SHORT_RANGE_DAYS}. */
    static final String REQUESTS = requests(FilterSql.REQUEST_PREDICATE);

    /** {@link #requests} found by place alone: for longer or open date ranges. */
    static final String REQUESTS_BY_PLACE = requests(FilterSql.REQUEST_PREDICATE_BY_PLACE);

    /**
     * The longest date range whose point tiles let PostgreSQL use the day index: a quarter (a dense
     * tile's 90 days of day entries cost about what finding it by place alone does).
     */
    static final int SHORT_RANGE_DAYS = 92;

    /**
     * The cells at resolution {@code res} meeting the tile, with the filter's count, the open count
     * among them and the type counted most (ties: the first in alphabetical order), from {@link
     * FilterSql#HEXBIN_ROWS} restricted to those cells. Parameters: z, x, y; res; status twice; the
     * hexbin rows.
     */
    static final String HEXBINS =
            """
            WITH env AS (SELECT t.e, ST_Transform(t.e, 4326) AS lonlat FROM (SELECT ST_TileEnvelope(?, ?, ?) AS e) t),
            tile_cells AS MATERIALIZED (
                SELECT h.cell, h.geom
                  FROM h3_cell h CROSS JOIN env
                 WHERE h.res = ? AND h.geom && env.lonlat),
            by_type AS (
                SELECT u.cell, u.complaint_type,
                       sum(CASE ?::text WHEN 'open' THEN u.open_n WHEN 'closed' THEN u.closed_n ELSE u.n END) AS n,
                       sum(CASE ?::text WHEN 'closed' THEN 0 ELSE u.open_n END) AS open_n
                  FROM ("""
                    + FilterSql.HEXBIN_ROWS
                    + """
            ) u
                 GROUP BY 1, 2),
            cells AS (
                SELECT cell, sum(n) AS n, sum(open_n) AS open_n,
                       (array_agg(complaint_type ORDER BY n DESC, complaint_type))[1] AS top_type
                  FROM by_type
                 WHERE n > 0
                 GROUP BY cell)
            SELECT ST_AsMVT(t, 'hexbins', 4096, 'geom')
              FROM (SELECT to_hex(c.cell) AS cell, c.n::int AS count, c.open_n::int AS open, c.top_type,
                           ST_AsMVTGeom(ST_Transform(tc.geom, 3857), env.e, 4096, 64, true) AS geom
                      FROM cells c
                      JOIN tile_cells tc ON tc.cell = c.cell
                     CROSS JOIN env) t
             WHERE t.geom IS NOT NULL""";
}
