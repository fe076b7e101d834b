package org.srmap.ingest.reference;

/** The SQL of the reference load, one named constant per statement. */
final class ReferenceSql {
    private ReferenceSql() {}

    static final String CLEAR = "TRUNCATE borough, community_district, nta, census_tract, facility, h3_cell, h3_centre";

    /** Resolution-10 cell centres, as text rows: cell, EWKT point. */
    static final String COPY_H3_CENTRE = "COPY h3_centre (cell, geom) FROM STDIN";

    /** A hexbin cell's outline, given as WKB. */
    static final String INSERT_H3_CELL = "INSERT INTO h3_cell (cell, res, geom) VALUES (?, ?, ST_GeomFromWKB(?, 4326))";

    private static final String MULTI = "ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_GeomFromWKB(?, 4326)), 3))";

    static final String INSERT_BOROUGH = "INSERT INTO borough (boro_code, name, geom) VALUES (?, ?, " + MULTI + ")";

    static final String INSERT_DISTRICT =
            "INSERT INTO community_district (boro_cd, boro_code, joint_interest, geom) VALUES (?, ?, ?, " + MULTI + ")";

    static final String INSERT_NTA =
            "INSERT INTO nta (nta_code, name, boro_code, nta_type, geom) VALUES (?, ?, ?, ?, " + MULTI + ")";

    static final String INSERT_TRACT = "INSERT INTO census_tract (geoid, boro_ct, nta_code, population,"
            + " population_u18, geom) VALUES (?, ?, ?, ?, ?, " + MULTI + ")";

    static final String INSERT_FACILITY =
            """
            INSERT INTO facility (facility_id, kind, subtype, name, address, borough, zip, wheelchair, hours,
                                  address_key, geom, properties)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326), ?::jsonb)""";

    /** Each tract belongs to the district containing its interior point. */
    static final String TRACT_DISTRICTS =
            """
            UPDATE census_tract t SET boro_cd = cd.boro_cd
              FROM community_district cd
             WHERE ST_Contains(cd.geom, ST_PointOnSurface(t.geom))""";

    /** The districts' outlines for tiles (V9). */
    static final String DISTRICT_SHAPES = "SELECT srmap_refresh_district_shapes()";

    static final String DISTRICT_POPULATION =
            """
            UPDATE community_district cd
               SET population = coalesce(p.pop, 0), population_u18 = coalesce(p.u18, 0)
              FROM community_district d
              LEFT JOIN (SELECT boro_cd, sum(population) AS pop, sum(population_u18) AS u18
                           FROM census_tract GROUP BY boro_cd) p ON p.boro_cd = d.boro_cd
             WHERE cd.boro_cd = d.boro_cd""";

    static final String FACILITY_DISTRICTS =
            """
            UPDATE facility f SET boro_cd = cd.boro_cd
              FROM community_district cd
             WHERE ST_Contains(cd.geom, f.geom)""";

    static final String RECORD_RUN =
            """
            INSERT INTO ingest_run (kind, source, status, finished_at, rows_read, rows_loaded, data_version, counters)
            VALUES ('reference', ?, 'succeeded', now(), ?, ?, nextval('data_version_seq'), ?::jsonb)""";

    static final String POPULATION_TOTALS =
            "SELECT (SELECT sum(population) FROM census_tract), (SELECT sum(population) FROM community_district)";
}
