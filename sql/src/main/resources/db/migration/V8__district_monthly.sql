-- A monthly level of the district rollup. A one-year district tile summed about a million daily
-- rows (250-320 ms at 10M requests); the same year has 86,267 monthly rows (32-37 ms). Queries take
-- whole months from here and the days at either end from rollup_district_daily; the finish
-- rebuilds the months of the days it refreshed from the daily rows.
CREATE TABLE rollup_district_monthly (
    month            date NOT NULL,   -- the first day of a New York calendar month
    complaint_type   text NOT NULL,
    agency           text NOT NULL,
    boro_cd          smallint NOT NULL,
    n                integer NOT NULL,
    open_n           integer NOT NULL,
    closed_n         integer NOT NULL,
    unplaced_n       integer NOT NULL,
    unplaced_open_n  integer NOT NULL
);

INSERT INTO rollup_district_monthly
SELECT date_trunc('month', day)::date, complaint_type, agency, boro_cd,
       sum(n), sum(open_n), sum(closed_n), sum(unplaced_n), sum(unplaced_open_n)
  FROM rollup_district_daily
 GROUP BY 1, 2, 3, 4;

CREATE INDEX rollup_district_monthly_month_idx ON rollup_district_monthly (month);
