package org.srmap.server.geocode;

/** The geocoding queries, one constant each. */
final class GeocodeSql {
    private GeocodeSql() {}

    /** The gazetteer's points for any of the keys. Parameter: the keys. */
    static final String POINTS =
            "SELECT address_key, lon, lat FROM gazetteer_point WHERE address_key = ANY (?::text[])";

    /**
     * The district, borough and neighbourhood (2020 NTA) covering a point; NULLs where none does.
     * Parameters: lon, lat.
     */
    static final String REVERSE =
            """
            WITH p AS (SELECT ST_SetSRID(ST_MakePoint(?, ?), 4326) AS g)
            SELECT (SELECT cd.boro_cd FROM community_district cd WHERE ST_Covers(cd.geom, p.g)
                     ORDER BY cd.boro_cd LIMIT 1) AS district,
                   b.boro_code, b.name AS borough_name, n.nta_code, n.name AS nta_name
              FROM p
              LEFT JOIN LATERAL (SELECT boro_code, name FROM borough WHERE ST_Covers(geom, p.g)
                                  ORDER BY boro_code LIMIT 1) b ON true
              LEFT JOIN LATERAL (SELECT nta_code, name FROM nta WHERE ST_Covers(geom, p.g)
                                  ORDER BY nta_code LIMIT 1) n ON true""";
}
