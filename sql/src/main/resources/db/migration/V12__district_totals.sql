-- District totals: the district rollup summed over complaint types and agencies, by day and by
-- month. A district tile (or the choropleth) filtered by dates, status and districts alone needs
-- only these: a year is 71 districts x 12 months = 852 rows here, against about 86,000 monthly rows
-- by type; a month's days 2,200 rows against about 100,000. The finish rebuilds the totals of the
-- days and months it refreshed, like the monthly level.
CREATE TABLE rollup_district_daily_total (
    day              date NOT NULL,
    boro_cd          smallint NOT NULL,
    n                integer NOT NULL,
    open_n           integer NOT NULL,
    closed_n         integer NOT NULL,
    unplaced_n       integer NOT NULL,
    unplaced_open_n  integer NOT NULL
);

CREATE TABLE rollup_district_monthly_total (
    month            date NOT NULL,   -- the first day of a New York calendar month
    boro_cd          smallint NOT NULL,
    n                integer NOT NULL,
    open_n           integer NOT NULL,
    closed_n         integer NOT NULL,
    unplaced_n       integer NOT NULL,
    unplaced_open_n  integer NOT NULL
);

INSERT INTO rollup_district_daily_total
SELECT day, boro_cd, sum(n), sum(open_n), sum(closed_n), sum(unplaced_n), sum(unplaced_open_n)
  FROM rollup_district_daily
 GROUP BY 1, 2
 ORDER BY 1, 2;

INSERT INTO rollup_district_monthly_total
SELECT month, boro_cd, sum(n), sum(open_n), sum(closed_n), sum(unplaced_n), sum(unplaced_open_n)
  FROM rollup_district_monthly
 GROUP BY 1, 2
 ORDER BY 1, 2;

CREATE INDEX rollup_district_daily_total_day_idx ON rollup_district_daily_total (day);
CREATE INDEX rollup_district_monthly_total_month_idx ON rollup_district_monthly_total (month);
