-- Privacy: the centre of every resolution-10 H3 cell a placed request can fall in (the box the
-- ingest places points in, widened by 0.01 degrees), filled by load-reference (HexbinCentres in the
-- ingest; PostgreSQL has no H3). The tile server shows a request of a sensitive type (residential
-- noise, in-apartment housing complaints: srmap.privacy.sensitive-types) at the centre of its
-- service_request.h3_r10 instead of its own point, in every layer and API. About 216,000 rows.
CREATE TABLE h3_centre (
    cell  bigint PRIMARY KEY,   -- an H3 cell at resolution 10
    geom  geometry(Point, 4326) NOT NULL
);
