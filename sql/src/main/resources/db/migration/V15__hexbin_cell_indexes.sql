-- Hexbins: two lookups by cell.
-- The days at either end of a date range (a rolling year has a fortnight or two of them) were read
-- for the whole city and each row's parent cell computed: 50-70 ms of a dense one-year z12 tile.
-- Now each of the tile's cells looks up its resolution-8 cells' days (srmap_h3_children_r8) here.
CREATE INDEX rollup_h3_daily_cell_idx ON rollup_h3_daily (h3_r8, day);
-- A tile's cells were found by reading all 8,800 outlines (1.6 ms of every hexbin tile).
CREATE INDEX h3_cell_geom_idx ON h3_cell USING gist (geom);
