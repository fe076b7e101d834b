-- District outlines ready for tiles: in Web Mercator and simplified by one tile unit of each zoom.
-- Transforming and simplifying the 83,041 vertices of the districts took 105-110 ms of every
-- city-wide district tile; srmap_refresh_district_shapes() does it once: here for districts already
-- loaded, and in load-reference after every load. (Defined here, not in R__functions, because this
-- migration needs it before the repeatable one runs.)
CREATE TABLE district_shape (
    boro_cd  smallint NOT NULL,
    z        smallint NOT NULL CHECK (z BETWEEN 0 AND 16),
    geom     geometry(MultiPolygon, 3857) NOT NULL,
    PRIMARY KEY (z, boro_cd)
);
CREATE INDEX district_shape_geom_idx ON district_shape USING gist (geom);

-- District outlines for tiles: Web Mercator, simplified by one tile unit (1/4096 of a tile's width)
-- at every zoom up to 16 (deeper zooms use 16's), made valid again (simplifying can let rings cross).
-- Outlines a zoom's simplification empties are left out.
CREATE OR REPLACE FUNCTION srmap_refresh_district_shapes() RETURNS void
LANGUAGE sql AS $$
    DELETE FROM district_shape;
    INSERT INTO district_shape (boro_cd, z, geom)
    SELECT boro_cd, z, geom
      FROM (SELECT cd.boro_cd, z.z,
                   ST_Multi(ST_CollectionExtract(ST_MakeValid(
                       ST_SimplifyPreserveTopology(ST_Transform(cd.geom, 3857),
                                                   2 * pi() * 6378137 / (2 ^ z.z) / 4096)), 3)) AS geom
              FROM community_district cd CROSS JOIN generate_series(0, 16) z(z)) s
     WHERE NOT ST_IsEmpty(geom);
$$;

SELECT srmap_refresh_district_shapes();
