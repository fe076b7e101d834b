-- The (complaint_type, created_day) index of service_request served type filters over raw rows. Every
-- such query has a narrower path: points at high zoom and radius searches go through the GiST index
-- (a tile or a radius holds a few thousand rows to filter by type), statistics and low zooms read the
-- rollups, and date ranges use service_request_day_idx. Its build took 18 of the 117 seconds of
-- finishing work of a 10M-row load (docs/benchmarks.md), so it goes until a measured query needs it.
DROP INDEX IF EXISTS service_request_type_day_idx;
