package org.srmap.server.open311;

import org.srmap.server.privacy.PrivacySql;

/**
 * The GeoReport queries, one constant each. A request is shown where and as {@link PrivacySql}
 * says: a sensitive one at its cell's centre, its street without the house number.
 */
final class Open311Sql {
    private Open311Sql() {}

    static final String SERVICES = "SELECT complaint_type, category FROM complaint_type ORDER BY complaint_type";

    /**
     * Requests newest first. Parameters: the generalised types twice (shown point, address); then
     * each twice (presence, then value): keys; types; start; end; status ('open' or 'closed');
     * updated after; then a box (NULL for none; else west, south, east, north; the margins of
     * longitude and latitude; west, south, east, north again) and a circle (lon, lat, radius in
     * metres, NULL for none); limit; offset. The box and circle select by the point each request is
     * shown at ({@code shown.geom}); the box grown by the margins lets the GiST index pick the
     * candidates by their own point.
     */
    static final String REQUESTS =
            """
            SELECT s.unique_key, s.is_closed, s.resolution, s.complaint_type, s.descriptor,
                   coalesce(s.agency_name, s.agency) AS agency, s.created_at,
                   coalesce(s.updated_at, s.closed_at) AS updated_at, s.due_at, shown.address AS incident_address,
                   s.zip, ST_Y(shown.geom) AS lat, ST_X(shown.geom) AS lon
              FROM service_request s
             CROSS JOIN LATERAL (SELECT %s AS geom, %s AS address) shown
             WHERE (cardinality(?::bigint[]) = 0 OR s.unique_key = ANY (?::bigint[]))
               AND (cardinality(?::text[]) = 0 OR s.complaint_type = ANY (?::text[]))
               AND (?::timestamptz IS NULL OR s.created_at >= ?::timestamptz)
               AND (?::timestamptz IS NULL OR s.created_at <= ?::timestamptz)
               AND (?::text IS NULL OR s.is_closed = (?::text = 'closed'))
               AND (?::timestamptz IS NULL OR coalesce(s.updated_at, s.closed_at, s.created_at) > ?::timestamptz)
               AND (?::float8 IS NULL
                    OR (s.geom && ST_Expand(ST_MakeEnvelope(?::float8, ?::float8, ?::float8, ?::float8, 4326),
                                            ?::float8, ?::float8)
                        AND shown.geom && ST_MakeEnvelope(?::float8, ?::float8, ?::float8, ?::float8, 4326)))
               AND (?::float8 IS NULL OR ST_DWithin(shown.geom::geography,
                                                    ST_SetSRID(ST_MakePoint(?::float8, ?::float8), 4326)::geography,
                                                    ?::float8, false))
             ORDER BY s.created_at DESC, s.unique_key DESC
             LIMIT ? OFFSET ?"""
                    .formatted(PrivacySql.POINT, PrivacySql.ADDRESS);
}
