package org.srmap.server.tiles;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.srmap.server.filter.FilterSql;
import org.srmap.server.privacy.PrivacySql;

/**
 * The tile queries, one constant per layer. PostGIS clips, quantises and encodes (ST_AsMVTGeom,
 * ST_AsMVT); the filter predicates come from {@link FilterSql}.
 */
final class TileSql {
    private TileSql() {}

    /**
     * Districts meeting the tile, their outlines cut for it in advance up to zoom 16 (district_tile),
     * deeper from zoom 16's simplified outlines (district_shape), with the filter's counts from
     * {@code rows} ({@link FilterSql#DISTRICT_ROWS} or {@link FilterSql#DISTRICT_TOTAL_ROWS}).
     * Parameters: z, x, y; status twice; the district rows; z, x, y; z.
     */
    private static String districts(String rows) {
        return """
            WITH env AS (SELECT ST_TileEnvelope(?, ?, ?) AS e),
            counts AS (
                SELECT u.boro_cd,
                       sum(CASE ?::text WHEN 'open' THEN u.open_n WHEN 'closed' THEN u.closed_n ELSE u.n END) AS n,
                       sum(CASE ?::text WHEN 'open' THEN u.unplaced_open_n
                                        WHEN 'closed' THEN u.unplaced_n - u.unplaced_open_n
                                        ELSE u.unplaced_n END) AS unplaced
                  FROM ("""
                + rows
                + """
            ) u
                 GROUP BY u.boro_cd),
            shapes AS (
                SELECT dt.boro_cd, dt.geom
                  FROM district_tile dt
                 WHERE dt.z = ? AND dt.x = ? AND dt.y = ?
                UNION ALL
                SELECT ds.boro_cd, ST_AsMVTGeom(ds.geom, env.e, 4096, 64, true)
                  FROM district_shape ds CROSS JOIN env
                 WHERE ?::int > 16 AND ds.z = 16 AND ds.geom && env.e)
            SELECT ST_AsMVT(t, 'districts', 4096, 'geom')
              FROM (SELECT s.boro_cd, coalesce(c.n, 0)::int AS count,
                           CASE WHEN cd.population > 0
                                THEN round(1000.0 * coalesce(c.n, 0) / cd.population, 2)::float8 END AS rate,
                           coalesce(c.unplaced, 0)::int AS unplaced, s.geom
                      FROM shapes s
                      JOIN community_district cd ON cd.boro_cd = s.boro_cd
                      LEFT JOIN counts c ON c.boro_cd = s.boro_cd
                     WHERE s.geom IS NOT NULL
                     ORDER BY s.boro_cd) t""";
    }

    /** {@link #districts} counting from the rollup by type: for filters naming a category, type or agency. */
    static final String DISTRICTS = districts(FilterSql.DISTRICT_ROWS);

    /** {@link #districts} counting from the district totals: for every other filter. */
    static final String DISTRICT_TOTALS = districts(FilterSql.DISTRICT_TOTAL_ROWS);

    /**
     * The sample rates of point tiles, densest first: a request is in the 1-in-k sample when its
     * unique key is a multiple of k. Keys are issued in the order requests arrive, so each sample is
     * spread evenly over the city and the days, and each sample holds the sparser ones (zooming in
     * only adds points). Each k above 1 has a partial GiST index (srmap_build_index), so a sampled
     * tile reads about 1/k of the rows a full one would.
     */
    static final List<Integer> SAMPLES = List.of(1, 4, 16, 64);

    /**
     * The sparsest sample's requests in the tile (read up to a limit): how many the filter matches,
     * and how many the drawing statement would read for it (those of the date range bound here: the
     * filter's when its day is indexable, else none, so every one). Times the sample's rate, these
     * estimate the tile's and pick the sample to draw (cheap: a 64th of the tile's rows, through
     * their own index). Parameters: the request predicate; from and to of the rows read (null:
     * unbounded); z, x, y; the limit.
     */
    static final String REQUESTS_PROBE =
            """
            SELECT count(*) FILTER (WHERE %s) AS matching,
                   count(*) FILTER (WHERE s.created_day BETWEEN coalesce(?::date, '-infinity'::date)
                                                            AND coalesce(?::date, 'infinity'::date)) AS reads
              FROM (SELECT s.* FROM service_request s
                     WHERE s.unique_key %% %d = 0
                       AND s.geom && ST_Transform(ST_TileEnvelope(?, ?, ?), 4326)
                     LIMIT ?) s"""
                    .formatted(FilterSql.REQUEST_PREDICATE, SAMPLES.get(SAMPLES.size() - 1));

    /**
     * The newest requests of the 1-in-{@code oneIn} sample shown in the tile, at most the cap; the
     * number found up to cap + 1 (more than the cap: the layer was cut); and the one-feature layer
     * {@code requests_capped} that a cut or sampled layer carries (shown, one_in). A request is
     * shown at {@link PrivacySql#POINT}: a sensitive one at its cell's centre, which may lie outside
     * the tile its own point is in, so the requests are read in the tile's box grown by the
     * privacy margins (0 when nothing is generalised) and kept when their shown point is in the
     * tile: west and north edges in, east and south edges out, as tile numbers are counted, so a
     * point on an edge is in one tile, never two or none. The reading box is written out in the
     * WHERE clause (not taken from a CTE) so that the planner sees it and estimates the points in
     * it; OFFSET 0 keeps the shown point computed once per row. Parameters: the generalised types;
     * z, x, y; the margins of longitude and latitude; the request predicate (either of {@code
     * predicate}); z, x, y; cap + 1; z, x, y; cap; cap.
     */
    static String requests(String predicate, int oneIn) {
        return """
                WITH hits AS MATERIALIZED (
                    SELECT q.unique_key, q.complaint_type, q.descriptor, q.status, q.created, q.closed, q.geom
                      FROM (SELECT s.unique_key, s.complaint_type, s.descriptor, s.status, s.created_at,
                                   extract(epoch FROM s.created_at)::bigint AS created,
                                   extract(epoch FROM s.closed_at)::bigint AS closed,
                                   %s AS geom
                              FROM service_request s
                             WHERE s.geom && ST_Expand(ST_Transform(ST_TileEnvelope(?, ?, ?), 4326), ?::float8, ?::float8)"""
                        .formatted(PrivacySql.POINT)
                + (oneIn == 1 ? "" : "\n       AND s.unique_key % " + oneIn + " = 0")
                + "\n       AND"
                + predicate
                + """

                            OFFSET 0) q
                     CROSS JOIN (SELECT ST_Transform(ST_TileEnvelope(?, ?, ?), 4326) AS b) tile
                     WHERE ST_X(q.geom) >= ST_XMin(tile.b) AND ST_X(q.geom) < ST_XMax(tile.b)
                       AND ST_Y(q.geom) > ST_YMin(tile.b) AND ST_Y(q.geom) <= ST_YMax(tile.b)
                     ORDER BY q.created_at DESC, q.unique_key DESC
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
                          FROM (SELECT least((SELECT count(*) FROM hits), ?::int)::int AS shown,
                                       %d AS one_in,
                                       ST_AsMVTGeom(ST_Centroid(env.e), env.e, 4096, 0, false) AS geom
                                  FROM env) m)"""
                        .formatted(oneIn);
    }

    /**
     * {@link #requests} for each sample rate, with the day indexable: for date ranges up to {@link
     * #SHORT_RANGE_DAYS}.
     */
    static final Map<Integer, String> REQUESTS = bySample(FilterSql.REQUEST_PREDICATE);

    /** {@link #requests} for each sample rate, found by place alone: for longer or open date ranges. */
    static final Map<Integer, String> REQUESTS_BY_PLACE = bySample(FilterSql.REQUEST_PREDICATE_BY_PLACE);

    private static Map<Integer, String> bySample(String predicate) {
        return SAMPLES.stream().collect(Collectors.toUnmodifiableMap(k -> k, k -> requests(predicate, k)));
    }

    /**
     * The longest date range whose point tiles let PostgreSQL use the day index: a quarter (a dense
     * tile's 90 days of day entries cost about what finding it by place alone does).
     */
    static final int SHORT_RANGE_DAYS = 92;

    /** The tile's envelope (env) and the cells at a resolution meeting it. Parameters: z, x, y; res. */
    private static final String TILE_CELLS =
            """
            WITH env AS (SELECT t.e, ST_Transform(t.e, 4326) AS lonlat FROM (SELECT ST_TileEnvelope(?, ?, ?) AS e) t),
            tile_cells AS MATERIALIZED (
                SELECT h.cell, h.geom
                  FROM h3_cell h CROSS JOIN env
                 WHERE h.res = ? AND h.geom && env.lonlat)""";

    /**
     * The cells at resolution {@code res} meeting the tile, with the filter's count, the open count
     * among them and the type counted most (ties: the first in alphabetical order), from {@link
     * FilterSql#HEXBIN_ROWS} restricted to those cells. Parameters: z, x, y; res; status twice; the
     * hexbin rows.
     */
    static final String HEXBINS = TILE_CELLS
            + """
            ,
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

    /**
     * {@link #HEXBINS} for one whole calendar year and a filter naming no type, agency or district
     * ({@link org.srmap.server.filter.FilterSql#yearCellsAnswer}): each cell's row of the year in
     * rollup_h3_year_cell, for the filter's category or all (''), its count, open count and top
     * type those of the status. Parameters: z, x, y; res; status three times; res; the year's first
     * day; the category.
     */
    static final String HEXBIN_YEAR = TILE_CELLS
            + """

            SELECT ST_AsMVT(t, 'hexbins', 4096, 'geom')
              FROM (SELECT to_hex(c.cell) AS cell,
                           CASE ?::text WHEN 'open' THEN c.open_n WHEN 'closed' THEN c.closed_n ELSE c.n END AS count,
                           CASE ?::text WHEN 'closed' THEN 0 ELSE c.open_n END AS open,
                           CASE ?::text WHEN 'open' THEN c.top_open_type WHEN 'closed' THEN c.top_closed_type
                                        ELSE c.top_type END AS top_type,
                           ST_AsMVTGeom(ST_Transform(tc.geom, 3857), env.e, 4096, 64, true) AS geom
                      FROM rollup_h3_year_cell c
                      JOIN tile_cells tc ON tc.cell = c.cell
                     CROSS JOIN env
                     WHERE c.res = ? AND c.year = ? AND c.category = coalesce(?::text, '')) t
             WHERE t.geom IS NOT NULL AND t.count > 0""";
}
