package org.srmap.server.siting;

import org.srmap.server.filter.FilterSql;

/** The siting API's queries; the filter is {@link FilterSql#REQUEST_PREDICATE}, bound by bindRequests. */
final class SitingSql {
    private SitingSql() {}

    /**
     * A request's building: its BBL, else its address, else the request itself (it cannot be told
     * apart from others).
     */
    private static final String BUILDING =
            "coalesce(nullif(s.bbl, ''), nullif(s.incident_address, ''), 'request:' || s.unique_key)";

    /** The placed requests by resolution-10 cell, district and building: cell, boro_cd, building, n. */
    static final String BY_CELL =
            """
            SELECT s.h3_r10 AS cell, coalesce(s.boro_cd, s.reported_boro_cd) AS boro_cd, %s AS building, count(*) AS n
            FROM service_request s
            WHERE s.geom IS NOT NULL AND s.h3_r10 IS NOT NULL AND %s
            GROUP BY 1, 2, 3"""
                    .formatted(BUILDING, FilterSql.REQUEST_PREDICATE);

    /** The placed requests by community district: unit, lat, lon, boro_cd, complaints, buildings, population. */
    static final String BY_DISTRICT =
            """
            WITH r AS (
                SELECT s.boro_cd, %s AS building, count(*) AS n
                FROM service_request s
                WHERE s.geom IS NOT NULL AND s.boro_cd IS NOT NULL AND %s
                GROUP BY 1, 2)
            SELECT cd.boro_cd::text AS unit, ST_Y(ST_PointOnSurface(cd.geom)) AS lat,
                   ST_X(ST_PointOnSurface(cd.geom)) AS lon, cd.boro_cd, sum(r.n) AS complaints,
                   count(*) AS buildings, coalesce(cd.population, 0) AS population
            FROM r JOIN community_district cd ON cd.boro_cd = r.boro_cd
            GROUP BY cd.boro_cd
            ORDER BY cd.boro_cd"""
                    .formatted(BUILDING, FilterSql.REQUEST_PREDICATE);

    /**
     * The placed requests by 2020 census tract (a point on a boundary in the first by GEOID): unit,
     * lat, lon, boro_cd, complaints, buildings, population.
     */
    static final String BY_TRACT =
            """
            WITH r AS (
                SELECT t.geoid, %s AS building, count(*) AS n
                FROM service_request s
                CROSS JOIN LATERAL (SELECT t.geoid FROM census_tract t WHERE ST_Intersects(t.geom, s.geom)
                                    ORDER BY t.geoid LIMIT 1) t
                WHERE s.geom IS NOT NULL AND %s
                GROUP BY 1, 2)
            SELECT t.geoid AS unit, ST_Y(ST_PointOnSurface(t.geom)) AS lat, ST_X(ST_PointOnSurface(t.geom)) AS lon,
                   t.boro_cd, sum(r.n) AS complaints, count(*) AS buildings, t.population
            FROM r JOIN census_tract t ON t.geoid = r.geoid
            GROUP BY t.geoid
            ORDER BY t.geoid"""
                    .formatted(BUILDING, FilterSql.REQUEST_PREDICATE);

    /** The requests of the filter and how many have no point (they cannot be demand). */
    static final String COUNTS =
            """
            SELECT count(*) AS requests, count(*) FILTER (WHERE s.geom IS NULL) AS unplaced
            FROM service_request s
            WHERE %s"""
                    .formatted(FilterSql.REQUEST_PREDICATE);

    /**
     * Facilities of the given kinds, optionally only those with wheelchair access and those open on
     * Saturday or Sunday (their hours name the day: "Sat 10a-5p" for cooling centers, "Fri - Sat:
     * 10:00 AM - 5:00 PM" for libraries).
     */
    static final String FACILITIES =
            """
            SELECT f.facility_id, f.name, f.kind, ST_Y(f.geom) AS lat, ST_X(f.geom) AS lon
            FROM facility f
            WHERE f.kind = ANY (?::text[]) AND (NOT ?::boolean OR f.wheelchair)
              AND (NOT ?::boolean OR f.hours ~* '(^|[^a-z])(sat|sun)')
            ORDER BY f.facility_id""";

    /** The borough (code 1-5) of each of the points bound as longitude and latitude arrays, by ordinal. */
    static final String BOROUGHS_OF_POINTS =
            """
            SELECT p.i, b.boro_code
            FROM unnest(?::float8[], ?::float8[]) WITH ORDINALITY AS p(lon, lat, i)
            JOIN borough b ON ST_Intersects(b.geom, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326))""";

    /**
     * The 2020 population of each cell, bound as an array of WKT polygons: each tract's population
     * shared by the area of the tract that the cell holds (areas in degrees: their ratio is what
     * counts, and over a tract it is the ratio of square metres to within a millionth). Cells that
     * meet no tract are left out (water).
     */
    static final String CELL_POPULATION =
            """
            WITH c AS (
                SELECT u.i, ST_GeomFromText(u.wkt, 4326) AS g
                FROM unnest(?::text[]) WITH ORDINALITY AS u(wkt, i))
            SELECT c.i, sum(t.population * ST_Area(ST_Intersection(t.geom, c.g)) / ST_Area(t.geom)) AS population
            FROM c JOIN census_tract t ON ST_Intersects(t.geom, c.g)
            WHERE t.population > 0
            GROUP BY c.i""";
}
