#!/usr/bin/env bash
# Load and database-fault benchmark (issue 6): the tile server under 64 connections on loopback.
#   steady   SECONDS (default 60) of mixed calls: vector tiles z10-z16 (districts and hexbins to z13,
#            request points from z14), /api/stats groupings and Open311 lists, searches and single
#            requests, each under a mix of filters; p50/p99 per kind, statuses, server RSS each second.
#   outage   with --outage only (it stops the machine's PostgreSQL, every database on it): the same
#            load for 40 s, PostgreSQL stopped (pg_ctlcluster stop -m fast) at 10 s and started again
#            at 25 s; what clients got meanwhile, when health turned red and green, and how long after
#            the restart the last failed answer came.
# The server runs with its defaults (pool 8, statement timeout 10 s, tile cache 256 MB, -Xmx1g)
# except the rate limits, which are off: the load comes from one address.
# Usage: bench/load.sh [DATABASE] [SECONDS] [--outage]   (as root on the project's machine)
#   DATABASE defaults to srmap_load, made when missing from 1M generated requests (the last 105
#   days of 2024 at NYC's daily volume, bench/ingest.sh's file) and the shared reference data.
# Prints Markdown for docs/reliability.md and keeps it in bench/work/load/report.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
DB=srmap_load SECS=60 OUTAGE=0 ARGS=()
for a in "$@"; do
  case $a in
    --outage) OUTAGE=1 ;;
    *) ARGS+=("$a") ;;
  esac
done
[[ ${#ARGS[@]} -ge 1 ]] && DB=${ARGS[0]}
[[ ${#ARGS[@]} -ge 2 ]] && SECS=${ARGS[1]}
[[ $DB =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "bench/load.sh: DATABASE must be a plain name, was '$DB'" >&2; exit 2; }
[[ $SECS =~ ^[1-9][0-9]*$ ]] || { echo "bench/load.sh: SECONDS must be a positive number, was '$SECS'" >&2; exit 2; }
WORK=$ROOT/bench/work/load
DATA=${SRMAP_SHARED_DATA:-$ROOT/../shared/data}
PORT=8095
PGVER=15
JAR=tile-server/target/srmap-tile-server.jar
INGEST=ingest/target/srmap-ingest.jar
export PGPASSWORD=srmap
PG="psql -X -q -v ON_ERROR_STOP=1 -h localhost -U srmap"
URL="jdbc:postgresql://localhost:5432/$DB?user=srmap&password=srmap"

scripts/provision-db.sh >/dev/null
./srmap build >/dev/null
rm -rf "$WORK" && mkdir -p "$WORK"

if [[ -z $($PG -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'") ]]; then
  ROWS=1000000 TO=2024-12-31
  FROM=$(date -d "$TO - 104 days" +%F)
  CSV=$ROOT/bench/work/sr-$ROWS-1-$FROM.csv
  if [[ ! -f $CSV ]]; then
    echo "generating $ROWS requests -> $CSV" >&2
    java -Xmx512m -jar "$INGEST" generate --rows $ROWS --seed 1 --from "$FROM" --to "$TO" --defect-rate 0 --out "$CSV" >&2
  fi
  echo "loading $DB" >&2
  $PG -d postgres -c "CREATE DATABASE $DB TEMPLATE srmap_template"
  SRMAP_DB_URL=$URL java -Xmx1g -jar "$INGEST" load-reference "$DATA" >/dev/null
  SRMAP_DB_URL=$URL java -Xmx1g -jar "$INGEST" ingest "$CSV" >/dev/null
fi
read -r N FIRST LAST <<< "$($PG -d "$DB" -tAF' ' -c "SELECT count(*), min(created_day), max(created_day) FROM service_request")"
echo "database $DB: $N requests, $FIRST..$LAST" >&2

# --- the calls: "kind URL" lines, drawn from at random by every connection
MID=$(date -d "$LAST - 30 days" +%F)
FILTERS=("" "from=$MID&to=$LAST" "category=Noise" "status=open" "category=Heat%20%26%20Hot%20Water&from=$FIRST&to=$LAST")
$PG -d "$DB" -tA > "$WORK/tiles.txt" <<SQL
SELECT z || ' ' || floor((ST_X(m) + 20037508.342789244) / (40075016.68557849 / 2 ^ z))::int
          || ' ' || floor((20037508.342789244 - ST_Y(m)) / (40075016.68557849 / 2 ^ z))::int
  FROM generate_series(10, 16) z
 CROSS JOIN LATERAL ST_Dump(ST_GeneratePoints((SELECT ST_Union(geom) FROM borough), 100, z)) p
 CROSS JOIN LATERAL ST_Transform(p.geom, 3857) m
SQL
$PG -d "$DB" -tA -c "SELECT unique_key FROM service_request WHERE unique_key % 997 = 0 LIMIT 200" > "$WORK/keys.txt"
$PG -d "$DB" -tA -c "SELECT DISTINCT complaint_type FROM service_request LIMIT 12" > "$WORK/types.txt"
{
  i=0
  while read -r z x y; do
    f=${FILTERS[$((i % ${#FILTERS[@]}))]}; i=$((i + 1))
    if (( z <= 13 )); then layers=districts,hexbins; else layers=requests; fi
    echo "tile /tiles/$layers/$z/$x/$y.mvt${f:+?$f}"
  done < "$WORK/tiles.txt"
  for g in category type district borough agency status month "district&group=month" "category&group=day"; do
    for f in "${FILTERS[@]}"; do echo "stats /api/stats?group=$g${f:+&$f}"; done
  done
  while read -r t; do
    code=$(echo "$t" | tr 'A-Z' 'a-z' | sed -E 's/[^a-z0-9]+/-/g; s/^-|-$//g')
    echo "open311 /open311/v2/requests.json?service_code=$code&page_size=50"
    echo "open311 /open311/v2/requests.json?service_code=$code&status=open&start_date=${MID}T00:00:00Z"
  done < "$WORK/types.txt"
  for p in "40.7128 -74.0060" "40.6782 -73.9442" "40.8448 -73.8648" "40.7282 -73.7949" "40.5795 -74.1502"; do
    read -r lat lon <<< "$p"
    echo "open311 /open311/v2/requests.json?lat=$lat&long=$lon&radius=800&page_size=50"
    echo "open311 /open311/v2/requests.json?lat=$lat&long=$lon&radius=2000&status=closed"
  done
  head -40 "$WORK/keys.txt" | while read -r k; do echo "open311 /open311/v2/requests/$k.json"; done
} > "$WORK/urls.txt"
awk '{ n[$1]++ } END { for (k in n) printf "%s %d, ", k, n[k]; print "" }' "$WORK/urls.txt" >&2

# --- the server
java -Xmx1g -jar "$JAR" --server.port=$PORT --srmap.db-url="$URL" \
  --srmap.rate-limit.siting=0 --srmap.rate-limit.stats=0 --srmap.rate-limit.exports=0 > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$PORT/actuator/health" >/dev/null && break
  sleep 0.5
done
curl -sf "http://localhost:$PORT/actuator/health" >/dev/null || { tail -20 "$WORK/server.log"; exit 1; }

{
  echo "Measured $(date -u +%F) at commit $(git rev-parse --short HEAD); $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load generator and PostgreSQL on the same machine."
  echo "Database $DB: $N requests, $FIRST..$LAST. Calls: $(awk '{ n[$1]++ } END { for (k in n) printf "%d %s URLs, ", n[k], k }' "$WORK/urls.txt" | sed 's/, $//'), drawn at random."
  echo
  echo "### Steady load: 64 connections, $SECS s"
  echo
  java bench/LoadBench.java "http://localhost:$PORT" "$WORK/urls.txt" "$SECS" 64 $SERVER "$WORK/steady"
  if (( OUTAGE )); then
    echo
    echo "### PostgreSQL stopped during the load: 64 connections, 40 s"
    echo
    java bench/LoadBench.java "http://localhost:$PORT" "$WORK/urls.txt" 40 64 $SERVER "$WORK/outage" \
      "10:pg_ctlcluster --skip-systemctl-redirect $PGVER main stop -m fast;25:pg_ctlcluster --skip-systemctl-redirect $PGVER main start"
  fi
} | tee "$WORK/report.md"
echo "server log: $(grep -c 'Exception\|ERROR' "$WORK/server.log" || true) lines with ERROR or Exception" | tee -a "$WORK/report.md"
