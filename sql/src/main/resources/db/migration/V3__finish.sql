-- An ingest commits its rows first and finishes afterwards, on two connections at once: it builds
-- the secondary indexes a bulk load dropped and refreshes the rollups of the days it touched. Until
-- then its run is 'finishing' and has no data version, so caches keyed on srmap_data_version() never
-- see rows whose rollups are stale. The next ingest finishes what a killed one left.
ALTER TABLE ingest_run DROP CONSTRAINT ingest_run_status_check;
ALTER TABLE ingest_run ADD CONSTRAINT ingest_run_status_check
    CHECK (status IN ('running', 'finishing', 'succeeded', 'failed', 'aborted'));

-- Days whose rollup rows no longer match service_request, per rollup table.
CREATE TABLE rollup_pending (
    rollup  text NOT NULL CHECK (rollup IN ('district', 'h3')),
    day     date NOT NULL,
    PRIMARY KEY (rollup, day)
);
