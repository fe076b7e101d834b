-- Hexbins of one calendar year: each cell's totals for the year with its most counted type, for all
-- categories (category '') and for each category, so that a tile for a whole year without a type,
-- agency or district filter reads one row per cell instead of one per type and agency (a dense z12
-- tile: 96 rows instead of 7,300, 25 -> 4 ms on the machine of docs/benchmarks.md). The top type of
-- each status count is kept, as a status filter counts and ranks by it; ties go to the first type in
-- alphabetical order, as in the query over the rows by type. Filled by srmap_refresh_h3_year_cells
-- (R__functions.sql): for the years the finish rebuilds in rollup_h3_yearly, and once for every year
-- of a database loaded before this table.
CREATE TABLE rollup_h3_year_cell (
    res              smallint NOT NULL CHECK (res IN (6, 7, 8)),
    year             date NOT NULL,   -- January 1st of a New York calendar year
    cell             bigint NOT NULL, -- the H3 cell at res
    category         text NOT NULL,   -- '' for all categories
    n                integer NOT NULL,
    open_n           integer NOT NULL,
    closed_n         integer NOT NULL,
    top_type         text NOT NULL,   -- by n
    top_open_type    text,            -- by open_n; null when none is open
    top_closed_type  text             -- by closed_n; null when none is closed
);

CREATE INDEX rollup_h3_year_cell_idx ON rollup_h3_year_cell (res, cell, year, category);
