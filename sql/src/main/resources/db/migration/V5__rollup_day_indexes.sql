-- The rollups' primary keys (day, complaint_type, agency, district or cell) only restated what the
-- GROUP BY that fills them guarantees, and their builds on text keys were the largest part of a bulk
-- refresh: 9.5 s for the H3 rollup of 10M SRs against 3.2 s for an index on day alone (measured on a
-- copy; docs/benchmarks.md). The queries to come select a date range first, then filter by type,
-- agency or district, which an index on day serves. IngestFinishTest checks that no key repeats.
ALTER TABLE rollup_district_daily DROP CONSTRAINT rollup_district_daily_pkey;
ALTER TABLE rollup_h3_daily DROP CONSTRAINT rollup_h3_daily_pkey;
CREATE INDEX rollup_district_daily_day_idx ON rollup_district_daily (day);
CREATE INDEX rollup_h3_daily_day_idx ON rollup_h3_daily (day);
