-- Hexbins: a monthly level of the H3 rollup, kept at each resolution the zoom levels draw (6, 7 and
-- 8), without the district. A one-year hexbin tile summed the year's 2.7M daily rows of the whole
-- city (0.5-1.0 s at 10M requests); here a tile reads only its own cells' months (a year at
-- resolution 7 has 195k rows citywide, 319k if the district were kept). Queries take whole months
-- from here and the days at either end from rollup_h3_daily; a district filter reads the daily
-- level alone, through its district index. The finish rebuilds the months of the days it refreshed.
CREATE TABLE rollup_h3_monthly (
    res             smallint NOT NULL CHECK (res IN (6, 7, 8)),
    month           date NOT NULL,   -- the first day of a New York calendar month
    cell            bigint NOT NULL, -- the H3 cell at res
    complaint_type  text NOT NULL,
    agency          text NOT NULL,
    n               integer NOT NULL,
    open_n          integer NOT NULL,
    closed_n        integer NOT NULL
);

INSERT INTO rollup_h3_monthly (res, month, cell, complaint_type, agency, n, open_n, closed_n)
SELECT 8, date_trunc('month', day)::date, h3_r8, complaint_type, agency, sum(n), sum(open_n), sum(closed_n)
  FROM rollup_h3_daily
 GROUP BY 2, 3, 4, 5
 ORDER BY 2, 3;

INSERT INTO rollup_h3_monthly (res, month, cell, complaint_type, agency, n, open_n, closed_n)
SELECT v.res, r.month,
       -- srmap_h3_parent(r.cell, v.res), which R__functions defines only after the versioned migrations
       ((r.cell & ~(15::bigint << 52)) | (v.res::bigint << 52)) | ((1::bigint << (3 * (15 - v.res))) - 1),
       r.complaint_type, r.agency,
       sum(r.n), sum(r.open_n), sum(r.closed_n)
  FROM rollup_h3_monthly r CROSS JOIN (VALUES (6), (7)) v(res)
 WHERE r.res = 8
 GROUP BY 1, 2, 3, 4, 5
 ORDER BY 1, 2, 3;

CREATE INDEX rollup_h3_monthly_cell_idx ON rollup_h3_monthly (res, cell, month);
CREATE INDEX rollup_h3_daily_cd_idx ON rollup_h3_daily (boro_cd, day);
