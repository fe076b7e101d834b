package org.srmap.server.places;

/** The queries of the places, one constant each. */
final class PlacesSql {
    private PlacesSql() {}

    /**
     * The boroughs as one GeoJSON FeatureCollection, simplified by about 10 m and with coordinates
     * of 5 decimals (1 m): the land of the page's own base map, drawn at city scale.
     */
    static final String BOROUGHS =
            """
            SELECT json_build_object(
                     'type', 'FeatureCollection',
                     'features', coalesce(json_agg(json_build_object(
                         'type', 'Feature',
                         'properties', json_build_object('boro_code', b.boro_code, 'name', b.name),
                         'geometry', ST_AsGeoJSON(ST_Multi(ST_SimplifyPreserveTopology(b.geom, 0.0001)), 5)::json)
                       ORDER BY b.boro_code), '[]'::json))::text
              FROM borough b""";

    /** Every community district with its borough and 2020 population, by BoroCD. */
    static final String DISTRICTS =
            """
            SELECT cd.boro_cd, cd.boro_code, b.name AS borough, cd.joint_interest, cd.population
              FROM community_district cd
              LEFT JOIN borough b ON b.boro_code = cd.boro_code
             ORDER BY cd.boro_cd""";
}
