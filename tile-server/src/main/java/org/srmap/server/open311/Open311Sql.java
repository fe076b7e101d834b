package org.srmap.server.open311;

/** The GeoReport queries, one constant each. */
final class Open311Sql {
    private Open311Sql() {}

    static final String SERVICES = "SELECT complaint_type, category FROM complaint_type ORDER BY complaint_type";

    /**
     * Requests newest first. Parameters (each twice: presence, then value): keys; types; start;
     * end; status ('open' or 'closed'); updated after; then a box (west, south, east, north, NULL
     * for none) and a circle (lon, lat, radius in metres, NULL for none); limit; offset.
     */
    static final String REQUESTS =
            """
            SELECT s.unique_key, s.is_closed, s.resolution, s.complaint_type, s.descriptor,
                   coalesce(s.agency_name, s.agency) AS agency, s.created_at,
                   coalesce(s.updated_at, s.closed_at) AS updated_at, s.due_at, s.incident_address, s.zip,
                   ST_Y(s.geom) AS lat, ST_X(s.geom) AS lon
              FROM service_request s
             WHERE (cardinality(?::bigint[]) = 0 OR s.unique_key = ANY (?::bigint[]))
               AND (cardinality(?::text[]) = 0 OR s.complaint_type = ANY (?::text[]))
               AND (?::timestamptz IS NULL OR s.created_at >= ?::timestamptz)
               AND (?::timestamptz IS NULL OR s.created_at <= ?::timestamptz)
               AND (?::text IS NULL OR s.is_closed = (?::text = 'closed'))
               AND (?::timestamptz IS NULL OR coalesce(s.updated_at, s.closed_at, s.created_at) > ?::timestamptz)
               AND (?::float8 IS NULL OR s.geom && ST_MakeEnvelope(?::float8, ?::float8, ?::float8, ?::float8, 4326))
               AND (?::float8 IS NULL OR ST_DWithin(s.geom::geography,
                                                    ST_SetSRID(ST_MakePoint(?::float8, ?::float8), 4326)::geography,
                                                    ?::float8, false))
             ORDER BY s.created_at DESC, s.unique_key DESC
             LIMIT ? OFFSET ?""";
}
