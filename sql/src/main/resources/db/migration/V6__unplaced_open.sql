-- The district tiles filter by status (open or closed) and show how many of the counted requests
-- have no point; the rollup kept unplaced requests only in total. Open ones get their own count
-- (closed ones are the difference), filled here for the days already rolled up.
ALTER TABLE rollup_district_daily ADD COLUMN unplaced_open_n integer NOT NULL DEFAULT 0;

UPDATE rollup_district_daily r
   SET unplaced_open_n = u.k
  FROM (SELECT s.created_day AS day, s.complaint_type, coalesce(s.agency, '') AS agency,
               coalesce(s.boro_cd, s.reported_boro_cd, 0) AS boro_cd, count(*) AS k
          FROM service_request s
         WHERE s.geom IS NULL AND NOT s.is_closed
         GROUP BY 1, 2, 3, 4) u
 WHERE r.day = u.day AND r.complaint_type = u.complaint_type AND r.agency = u.agency AND r.boro_cd = u.boro_cd;

ALTER TABLE rollup_district_daily ALTER COLUMN unplaced_open_n DROP DEFAULT;
