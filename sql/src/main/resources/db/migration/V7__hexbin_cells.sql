-- Hexbin tiles: the H3 rollup gains the request's district (computed, else reported, as in the
-- district rollup), so that hexbins honour the district filter like every other layer; and the
-- outlines of the cells hexbins draw, at the resolutions the zoom levels use, filled by
-- load-reference for a box around the city (the tile server joins them; PostgreSQL has no H3).
ALTER TABLE rollup_h3_daily ADD COLUMN boro_cd smallint;

TRUNCATE rollup_h3_daily;
INSERT INTO rollup_h3_daily (day, complaint_type, agency, boro_cd, h3_r8, n, open_n, closed_n)
SELECT s.created_day, s.complaint_type, coalesce(s.agency, ''), coalesce(s.boro_cd, s.reported_boro_cd, 0),
       s.h3_r8, count(*), count(*) FILTER (WHERE NOT s.is_closed), count(*) FILTER (WHERE s.is_closed)
  FROM service_request s
 WHERE s.h3_r8 IS NOT NULL
 GROUP BY 1, 2, 3, 4, 5;

ALTER TABLE rollup_h3_daily ALTER COLUMN boro_cd SET NOT NULL;

CREATE TABLE h3_cell (
    cell  bigint PRIMARY KEY,
    res   smallint NOT NULL CHECK (res BETWEEN 0 AND 15),
    geom  geometry(Polygon, 4326) NOT NULL
);
