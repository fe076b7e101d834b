package org.srmap.server.requests;

import org.srmap.server.filter.FilterSql;

/** The queries of the requests API, one constant each. */
final class RequestSql {
    private RequestSql() {}

    private static final String COLUMNS =
            """
            s.unique_key, s.created_at, s.closed_at, s.updated_at, s.status, s.agency, ct.category, s.complaint_type,
            s.descriptor, s.location_type, s.incident_address, s.zip, s.borough,
            coalesce(s.boro_cd, s.reported_boro_cd) AS district, s.reported_board, s.channel, s.resolution,
            ST_Y(s.geom) AS lat, ST_X(s.geom) AS lon""";

    /** One request by key. Parameter: the key. */
    static final String BY_KEY = "SELECT " + COLUMNS + ", NULL::float8 AS metres"
            + " FROM service_request s LEFT JOIN complaint_type ct ON ct.complaint_type = s.complaint_type"
            + " WHERE s.unique_key = ?";

    /**
     * How many requests lie within a radius of a point, and one page of them, nearest first (ties by
     * key); a page past the end is one row with the total and nulls. Distances are on the sphere PostGIS uses for geography without spheroid (within
     * 0.5% of the ellipsoid's at NYC). A box around the point (degrees, from the radius) lets the GiST
     * index choose the candidates. Parameters: lon, lat; box half-height and half-width in degrees;
     * radius; the request predicate; limit; offset.
     */
    static final String NEARBY =
            """
            WITH p AS (SELECT ST_SetSRID(ST_MakePoint(?, ?), 4326) AS g, ?::float8 AS dlat, ?::float8 AS dlon,
                              ?::float8 AS radius),
            hits AS (
                SELECT s.unique_key, ST_Distance(s.geom::geography, p.g::geography, false) AS metres
                  FROM service_request s, p
                 WHERE s.geom && ST_MakeEnvelope(ST_X(p.g) - p.dlon, ST_Y(p.g) - p.dlat,
                                                 ST_X(p.g) + p.dlon, ST_Y(p.g) + p.dlat, 4326)
                   AND ST_DWithin(s.geom::geography, p.g::geography, p.radius, false)
                   AND"""
                    + FilterSql.REQUEST_PREDICATE
                    + """
            )
            SELECT t.total, x.*
              FROM (SELECT count(*) AS total FROM hits) t
              LEFT JOIN LATERAL (
                SELECT """
                    + " "
                    + COLUMNS
                    + """
            , h.metres
                  FROM hits h
                  JOIN service_request s ON s.unique_key = h.unique_key
                  LEFT JOIN complaint_type ct ON ct.complaint_type = s.complaint_type
                 ORDER BY h.metres, h.unique_key
                 LIMIT ? OFFSET ?) x ON true
             ORDER BY x.metres, x.unique_key""";
}
