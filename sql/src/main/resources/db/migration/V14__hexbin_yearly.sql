-- Hexbins: a yearly level of the H3 rollup, summed from the monthly one (every resolution, with
-- type and agency). A one-year hexbin tile summed its cells' twelve monthly rows of each type (a
-- dense z12 tile: 82,000 rows, 25-30 ms); whole calendar years now read one row per type (11,000
-- rows, 6-8 ms). Queries take whole years from here, the whole months before and after them from
-- the monthly level and the days at either end from the daily one. The finish rebuilds the years
-- of the months it refreshed.
CREATE TABLE rollup_h3_yearly (
    res             smallint NOT NULL CHECK (res IN (6, 7, 8)),
    year            date NOT NULL,   -- January 1st of a New York calendar year
    cell            bigint NOT NULL, -- the H3 cell at res
    complaint_type  text NOT NULL,
    agency          text NOT NULL,
    n               integer NOT NULL,
    open_n          integer NOT NULL,
    closed_n        integer NOT NULL
);

INSERT INTO rollup_h3_yearly (res, year, cell, complaint_type, agency, n, open_n, closed_n)
SELECT res, date_trunc('year', month)::date, cell, complaint_type, agency, sum(n), sum(open_n), sum(closed_n)
  FROM rollup_h3_monthly
 GROUP BY 1, 2, 3, 4, 5
 ORDER BY 2, 1, 3;

CREATE INDEX rollup_h3_yearly_cell_idx ON rollup_h3_yearly (res, cell, year);
