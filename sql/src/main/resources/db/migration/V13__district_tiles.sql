-- District outlines already cut for each tile: what ST_AsMVTGeom makes of every simplified outline
-- (district_shape) for every tile it meets, zooms 0 to 16. A district tile detoasted and clipped
-- its outlines on every request (a z11 tile of 31 districts: about 7 of its 8 ms); now it reads
-- them by the tile's key and only counts. Deeper zooms still clip zoom 16's outlines. Rebuilt with
-- the outlines by srmap_refresh_district_shapes(), redefined here to do both.
CREATE TABLE district_tile (
    z        smallint NOT NULL CHECK (z BETWEEN 0 AND 16),
    x        integer NOT NULL,
    y        integer NOT NULL,
    boro_cd  smallint NOT NULL,
    geom     geometry NOT NULL, -- in the tile's own coordinates: extent 4096, buffer 64
    PRIMARY KEY (z, x, y, boro_cd)
);

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

    DELETE FROM district_tile;
    -- every tile of each outline's bounding box that the box meets (as the tile query's &&), cut
    INSERT INTO district_tile (z, x, y, boro_cd, geom)
    SELECT ds.z, t.x, t.y, ds.boro_cd, t.geom
      FROM district_shape ds
     CROSS JOIN LATERAL (SELECT 2 * pi() * 6378137 / (2 ^ ds.z) AS size, (2 ^ ds.z)::int - 1 AS last) k
     CROSS JOIN LATERAL (
            SELECT x, y, ST_AsMVTGeom(ds.geom, ST_TileEnvelope(ds.z, x, y), 4096, 64, true) AS geom
              FROM generate_series(greatest(0, floor((ST_XMin(ds.geom) + pi() * 6378137) / k.size)::int),
                                   least(k.last, floor((ST_XMax(ds.geom) + pi() * 6378137) / k.size)::int)) x,
                   generate_series(greatest(0, floor((pi() * 6378137 - ST_YMax(ds.geom)) / k.size)::int),
                                   least(k.last, floor((pi() * 6378137 - ST_YMin(ds.geom)) / k.size)::int)) y
             WHERE ds.geom && ST_TileEnvelope(ds.z, x, y)) t
     WHERE t.geom IS NOT NULL
     ORDER BY 1, 2, 3, 4;
$$;

SELECT srmap_refresh_district_shapes();
