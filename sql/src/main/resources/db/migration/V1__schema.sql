-- srmap schema, version 1. Every instant is timestamptz (converted from New York local time by the
-- ingest); every geometry is WGS84 (EPSG:4326). ARCHITECTURE.md explains each index.

CREATE EXTENSION IF NOT EXISTS postgis;

-- Reference geography ---------------------------------------------------------------------------

CREATE TABLE borough (
    boro_code  smallint PRIMARY KEY CHECK (boro_code BETWEEN 1 AND 5),
    name       text NOT NULL,
    geom       geometry(MultiPolygon, 4326) NOT NULL
);

CREATE TABLE community_district (
    boro_cd         smallint PRIMARY KEY CHECK (boro_cd BETWEEN 101 AND 599),
    boro_code       smallint NOT NULL CHECK (boro_code BETWEEN 1 AND 5),
    joint_interest  boolean NOT NULL,   -- parks, airports: 164, 226-228, 355, 356, 480-484, 595
    population      integer,            -- 2020 census, sum of the tracts whose interior point lies inside
    population_u18  integer,
    geom            geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX community_district_geom_idx ON community_district USING gist (geom);

CREATE TABLE nta (
    nta_code   text PRIMARY KEY,
    name       text NOT NULL,
    boro_code  smallint,
    nta_type   smallint,                -- 0 = residential
    geom       geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX nta_geom_idx ON nta USING gist (geom);

CREATE TABLE census_tract (
    geoid           text PRIMARY KEY,
    boro_ct         text,
    nta_code        text,
    boro_cd         smallint,           -- district containing the tract's interior point
    population      integer NOT NULL,
    population_u18  integer,
    geom            geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX census_tract_geom_idx ON census_tract USING gist (geom);

CREATE TABLE facility (
    facility_id  text PRIMARY KEY,      -- '<source>:<id within source>'
    kind         text NOT NULL,         -- cooling_center, library
    subtype      text,                  -- e.g. 'Senior Center', 'Library'
    name         text NOT NULL,
    address      text,
    borough      text,
    zip          text,
    wheelchair   boolean,
    hours        text,
    boro_cd      smallint,
    address_key  text,                  -- AddressNormalizer's key; facilities also place SRs
    geom         geometry(Point, 4326) NOT NULL,
    properties   jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX facility_geom_idx ON facility USING gist (geom);
CREATE INDEX facility_address_key_idx ON facility (address_key);

-- Complaint types: raw spellings -> normalised type -> category family ------------------------

-- Raw spellings (upper-cased, spaces collapsed) that changed name over the years.
CREATE TABLE complaint_type_alias (
    raw_type        text PRIMARY KEY,
    complaint_type  text NOT NULL
);

-- Ordered LIKE rules assigning a category family to a normalised complaint type.
CREATE TABLE category_rule (
    priority  integer PRIMARY KEY,
    pattern   text NOT NULL,
    category  text NOT NULL
);

-- Every normalised complaint type ever loaded, with its category (filled by the ingest).
CREATE TABLE complaint_type (
    complaint_type  text PRIMARY KEY,
    category        text NOT NULL
);
CREATE INDEX complaint_type_category_idx ON complaint_type (category);

-- Ingest runs and rejects ------------------------------------------------------------------------

CREATE SEQUENCE data_version_seq;

CREATE TABLE ingest_run (
    run_id                 bigserial PRIMARY KEY,
    kind                   text NOT NULL CHECK (kind IN ('file', 'socrata', 'reference')),
    source                 text NOT NULL,
    source_sha256          text,
    source_bytes           bigint,
    status                 text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'aborted')),
    started_at             timestamptz NOT NULL DEFAULT now(),
    finished_at            timestamptz,
    rows_read              bigint NOT NULL DEFAULT 0,
    rows_loaded            bigint NOT NULL DEFAULT 0,
    rows_inserted          bigint NOT NULL DEFAULT 0,
    rows_updated           bigint NOT NULL DEFAULT 0,
    rows_unchanged         bigint NOT NULL DEFAULT 0,
    rows_rejected          bigint NOT NULL DEFAULT 0,
    rows_with_location     bigint NOT NULL DEFAULT 0,
    rows_placed            bigint NOT NULL DEFAULT 0,
    rows_unplaced          bigint NOT NULL DEFAULT 0,
    district_compared      bigint NOT NULL DEFAULT 0,
    district_agreed        bigint NOT NULL DEFAULT 0,
    counters               jsonb NOT NULL DEFAULT '{}',   -- rejects by reason, warnings, placement
    timings                jsonb NOT NULL DEFAULT '{}',   -- seconds per stage
    data_version           bigint,                        -- set when the run changed the data
    high_water_mark        timestamptz,                   -- Socrata: newest :updated_at seen
    message                text
);
CREATE INDEX ingest_run_status_idx ON ingest_run (status, run_id);

CREATE TABLE ingest_reject (
    reject_id    bigserial PRIMARY KEY,
    run_id       bigint NOT NULL REFERENCES ingest_run ON DELETE CASCADE,
    source       text NOT NULL,
    line_number  bigint NOT NULL,
    reason       text NOT NULL,
    detail       text,
    raw_text     text
);
CREATE INDEX ingest_reject_run_idx ON ingest_reject (run_id);

-- Service requests ------------------------------------------------------------------------------

CREATE TABLE service_request (
    unique_key             bigint PRIMARY KEY,
    created_at             timestamptz NOT NULL,
    created_day            date NOT NULL,        -- New York calendar day of created_at
    closed_at              timestamptz,
    due_at                 timestamptz,
    updated_at             timestamptz,          -- Resolution Action Updated Date
    version_at             timestamptz NOT NULL, -- coalesce(updated, closed, created): newer wins
    agency                 text,
    agency_name            text,
    complaint_type_raw     text NOT NULL,
    complaint_type         text NOT NULL,        -- normalised; see complaint_type_alias
    descriptor             text,
    status                 text NOT NULL,
    is_closed              boolean GENERATED ALWAYS AS (status = 'Closed') STORED,
    location_type          text,
    incident_address       text,
    street_name            text,
    cross_street_1         text,
    cross_street_2         text,
    intersection_street_1  text,
    intersection_street_2  text,
    address_type           text,
    city                   text,
    landmark               text,
    facility_type          text,
    park_facility_name     text,
    zip                    text,
    bbl                    text,
    channel                text,
    resolution             text,
    borough                text,
    reported_board         text,                 -- the Community Board field as published
    reported_boro_cd       smallint,             -- parsed from it (null when Unspecified/invalid)
    boro_cd                smallint,             -- district containing the point (null if unplaced)
    boro_code              smallint,
    location_source        text CHECK (location_source IN ('latlon', 'stateplane', 'gazetteer')),
    geom                   geometry(Point, 4326),
    h3_r8                  bigint,
    h3_r10                 bigint,
    row_hash               uuid NOT NULL,        -- digest of what was staged for it (Stager)
    ingest_run_id          bigint NOT NULL       -- the run that last wrote it (no FK: a trigger per row
                                                 -- would cost a third of the load time)
);
CREATE INDEX service_request_geom_idx ON service_request USING gist (geom);
CREATE INDEX service_request_day_idx ON service_request (created_day);
CREATE INDEX service_request_type_day_idx ON service_request (complaint_type, created_day);

-- Daily rollups (what low zooms and statistics read instead of raw rows) -----------------------

-- boro_cd 0 = the SR has neither a point nor a usable reported board.
CREATE TABLE rollup_district_daily (
    day             date NOT NULL,
    complaint_type  text NOT NULL,
    agency          text NOT NULL,        -- '' when missing
    boro_cd         smallint NOT NULL,
    n               integer NOT NULL,
    open_n          integer NOT NULL,
    closed_n        integer NOT NULL,
    unplaced_n      integer NOT NULL,     -- counted in the reported district, no point
    PRIMARY KEY (day, complaint_type, agency, boro_cd)
);
CREATE INDEX rollup_district_daily_cd_idx ON rollup_district_daily (boro_cd, day);

CREATE TABLE rollup_h3_daily (
    day             date NOT NULL,
    complaint_type  text NOT NULL,
    agency          text NOT NULL,
    h3_r8           bigint NOT NULL,
    n               integer NOT NULL,
    open_n          integer NOT NULL,
    closed_n        integer NOT NULL,
    PRIMARY KEY (day, complaint_type, agency, h3_r8)
);

-- Address -> point, learned from SRs that carry coordinates; with the facilities' addresses it
-- places SRs that have an address but no coordinates. The point is the mean of the points seen.
CREATE TABLE gazetteer (
    address_key  text PRIMARY KEY,       -- AddressKey.compact(): 'HOUSE|STREET|ZIP-or-BOROUGH'
    sum_lon      double precision NOT NULL,
    sum_lat      double precision NOT NULL,
    n            integer NOT NULL CHECK (n > 0)
);

-- What the ingest consults to place an address: learned SR points first, then facilities.
CREATE VIEW gazetteer_point AS
SELECT address_key, sum_lon / n AS lon, sum_lat / n AS lat FROM gazetteer
UNION ALL
(SELECT DISTINCT ON (f.address_key) f.address_key, ST_X(f.geom), ST_Y(f.geom)
   FROM facility f
  WHERE f.address_key IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM gazetteer g WHERE g.address_key = f.address_key)
  ORDER BY f.address_key, f.facility_id);
