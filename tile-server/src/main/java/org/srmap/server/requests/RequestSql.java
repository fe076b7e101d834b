package org.srmap.server.requests;

import org.srmap.server.filter.FilterSql;
import org.srmap.server.privacy.PrivacySql;

/**
 * The queries of the requests API, one constant each. A request is shown where and as {@link
 * PrivacySql} says: a sensitive one at its cell's centre, its street without the house number.
 */
final class RequestSql {
    private RequestSql() {}

    /**
     * What is shown of request {@code s}, as {@code shown(geom, address, generalised)}: a lateral
     * subquery. Parameters: the generalised types, three times.
     */
    private static final String SHOWN = "CROSS JOIN LATERAL (SELECT " + PrivacySql.POINT + " AS geom, "
            + PrivacySql.ADDRESS + " AS address, " + PrivacySql.GENERALISED + " AS generalised) shown";

    private static final String COLUMNS =
            """
            s.unique_key, s.created_at, s.closed_at, s.updated_at, s.status, s.agency, ct.category, s.complaint_type,
            s.descriptor, s.location_type, shown.address AS incident_address, s.zip, s.borough,
            coalesce(s.boro_cd, s.reported_boro_cd) AS district, s.reported_board, s.channel, s.resolution,
            ST_Y(shown.geom) AS lat, ST_X(shown.geom) AS lon, shown.generalised""";

    /** One request by key. Parameters: the generalised types three times; the key. */
    static final String BY_KEY = "SELECT " + COLUMNS + ", NULL::float8 AS metres FROM service_request s " + SHOWN
            + " LEFT JOIN complaint_type ct ON ct.complaint_type = s.complaint_type WHERE s.unique_key = ?";

    /**
     * How many requests are shown within a radius of a point, and one page of them, nearest first
     * (ties by key); a page past the end is one row with the total and nulls. Distances are from the
     * point each request is shown at ({@link PrivacySql#POINT}), never its own when it is
     * generalised: a distance to the own point would give it away to three searches. They are on
     * the sphere PostGIS uses for geography without spheroid (within 0.5% of the ellipsoid's at
     * NYC). A box around the point (degrees, from the radius, grown by the privacy margins) lets the
     * GiST index choose the candidates; OFFSET 0 keeps each one's shown point computed once.
     * Parameters: lon, lat; box half-height and half-width in degrees; radius; the margins of
     * latitude and longitude; the generalised types; the request predicate; the generalised types
     * three times; limit; offset.
     */
    static final String NEARBY =
            """
            WITH p AS (SELECT ST_SetSRID(ST_MakePoint(?, ?), 4326) AS g, ?::float8 AS dlat, ?::float8 AS dlon,
                              ?::float8 AS radius, ?::float8 AS mlat, ?::float8 AS mlon),
            hits AS (
                SELECT q.unique_key, ST_Distance(q.geom::geography, p.g::geography, false) AS metres
                  FROM (SELECT s.unique_key, %s AS geom
                          FROM service_request s, p
                         WHERE s.geom && ST_MakeEnvelope(ST_X(p.g) - p.dlon - p.mlon, ST_Y(p.g) - p.dlat - p.mlat,
                                                         ST_X(p.g) + p.dlon + p.mlon, ST_Y(p.g) + p.dlat + p.mlat,
                                                         4326)
                           AND"""
                            .formatted(PrivacySql.POINT)
                    + FilterSql.REQUEST_PREDICATE
                    + """

                        OFFSET 0) q, p
                 WHERE ST_DWithin(q.geom::geography, p.g::geography, p.radius, false)
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
            """
                    + SHOWN
                    + """

                  LEFT JOIN complaint_type ct ON ct.complaint_type = s.complaint_type
                 ORDER BY h.metres, h.unique_key
                 LIMIT ? OFFSET ?) x ON true
             ORDER BY x.metres, x.unique_key""";
}
