#!/usr/bin/env bash
# Ingest benchmark: one generated Open Data export, three loaders, one run, one machine.
#   (a) PostgreSQL's own COPY of the CSV into an unindexed table of 41 text columns: the floor.
#   (b) What a GIS user would otherwise do: ogr2ogr CSV -> PostGIS, then an ST_Contains join
#       against the community districts.
#   (c) srmap ingest, end to end (parse, normalise, place, stage, upsert, rollups), peak RSS.
# Usage: bench/ingest.sh ROWS [SEED]     (as root on the project's machine; writes bench/work/)
# The rows get NYC's daily volume (about 9,600 SRs a day, 3.5M a year), ending 2024-12-31: 1M rows
# span 105 days, 10M rows 1,042 days. The generator's own default spreads any N over 2023-2024.
# Prints a Markdown table row for docs/benchmarks.md and keeps it in bench/work/ingest-ROWS.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
ROWS=${1:?usage: bench/ingest.sh ROWS [SEED]}
SEED=${2:-1}
WORK=$ROOT/bench/work
mkdir -p "$WORK"
PER_DAY=9600
DAYS=$(( (ROWS + PER_DAY - 1) / PER_DAY ))
TO=2024-12-31
FROM=$(date -d "$TO - $((DAYS - 1)) days" +%F)
CSV=$WORK/sr-$ROWS-$SEED-$FROM.csv
JAR=ingest/target/srmap-ingest.jar
# The JVM options of ./srmap (SRMAP_JAVA_OPTS), but a smaller heap: the ingest streams.
HEAP=${SRMAP_BENCH_HEAP:--Xmx512m -XX:+UseParallelGC}

command -v ogr2ogr >/dev/null || { echo "installing gdal-bin (ogr2ogr)" >&2; apt-get install -y -q gdal-bin >/dev/null; }
scripts/provision-db.sh >/dev/null
./srmap build >/dev/null
PG="psql -X -q -v ON_ERROR_STOP=1 -h localhost -U srmap"
export PGPASSWORD=srmap

if [[ ! -f $CSV ]]; then
  echo "generating $ROWS rows (seed $SEED, $FROM..$TO) -> $CSV" >&2
  java $HEAP -jar "$JAR" generate --rows "$ROWS" --seed "$SEED" --from "$FROM" --to "$TO" --defect-rate 0 \
    --out "$CSV" >&2
fi
BYTES=$(stat -c %s "$CSV")

fresh_db() {
  $PG -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1 TEMPLATE srmap_template"
}
seconds() { # runs "$@", prints elapsed seconds
  local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }' 
}
warm() { cat "$CSV" > /dev/null; }

# (a) COPY floor
fresh_db srmap_bench_copy
COLS=$(seq -s, -f "c%g text" 1 41)
$PG -d srmap_bench_copy -c "CREATE TABLE raw_copy ($COLS)"
warm
T_COPY=$(seconds $PG -d srmap_bench_copy -c "\\copy raw_copy FROM '$CSV' WITH (FORMAT csv, HEADER true)")
N_COPY=$($PG -d srmap_bench_copy -tAc "SELECT count(*) FROM raw_copy")

# (b) ogr2ogr + ST_Contains
fresh_db srmap_bench_ogr
SRMAP_DB_URL="jdbc:postgresql://localhost:5432/srmap_bench_ogr?user=srmap&password=srmap" \
  java $HEAP -jar "$JAR" load-reference "${SRMAP_SHARED_DATA:-$ROOT/../shared/data}" >/dev/null
warm
ogr_pipeline() {
  ogr2ogr -f PostgreSQL "PG:host=localhost dbname=srmap_bench_ogr user=srmap password=srmap" "$CSV" \
    -nln ogr_sr -oo X_POSSIBLE_NAMES=Longitude -oo Y_POSSIBLE_NAMES=Latitude -oo KEEP_GEOM_COLUMNS=NO \
    -a_srs EPSG:4326 -lco GEOMETRY_NAME=geom -gt 65536 --config PG_USE_COPY YES
  $PG -d srmap_bench_ogr -c "CREATE TABLE ogr_joined AS SELECT o.*, cd.boro_cd FROM ogr_sr o
                              LEFT JOIN community_district cd ON ST_Contains(cd.geom, o.geom)"
}
T_OGR=$(seconds ogr_pipeline)
N_OGR=$($PG -d srmap_bench_ogr -tAc "SELECT count(*) FROM ogr_joined")

# (c) srmap ingest
fresh_db srmap_bench_ours
export SRMAP_DB_URL="jdbc:postgresql://localhost:5432/srmap_bench_ours?user=srmap&password=srmap"
java $HEAP -jar "$JAR" load-reference "${SRMAP_SHARED_DATA:-$ROOT/../shared/data}" >/dev/null
warm
/usr/bin/time -f "%e %M" -o "$WORK/time-ours" java $HEAP -jar "$JAR" ingest "$CSV" > "$WORK/ingest-$ROWS.log" 2>&1
read -r T_OURS RSS_KB < "$WORK/time-ours"
N_OURS=$($PG -d srmap_bench_ours -tAc "SELECT count(*) FROM service_request")
unset SRMAP_DB_URL

row=$(awk -v rows="$ROWS" -v bytes="$BYTES" -v tc="$T_COPY" -v to="$T_OGR" -v tu="$T_OURS" -v rss="$RSS_KB" \
  -v nc="$N_COPY" -v no="$N_OGR" -v nu="$N_OURS" 'BEGIN {
    printf "| %\047d | %.0f MB | %.1f s (%\047d rows/s) | %.1f s | %.1f s (%\047d rows/s) | %.2fx | %.1fx | %.0f MB | %d / %d / %d |\n",
      rows, bytes/1e6, tc, rows/tc, to, tu, rows/tu, tc/tu, to/tu, rss/1024, nc, no, nu }')
{
  echo "| rows | file | COPY (floor) | ogr2ogr + ST_Contains | srmap ingest | srmap vs COPY throughput | srmap speed-up vs ogr2ogr | srmap peak RSS | rows loaded (COPY / ogr / srmap) |"
  echo "|---|---|---|---|---|---|---|---|---|"
  echo "$row"
} | tee "$WORK/ingest-$ROWS.md"
grep -A22 "^Timings" "$WORK/ingest-$ROWS.log" >&2 || true
