#!/usr/bin/env bash
# Tile server benchmark (issue 3): one database, one machine, one run, every baseline beside it.
#   ours, cache off   ./srmap serve with srmap.tile-cache-bytes=0: every tile is a query
#   ours, cache on    the same server with its cache, warmed by one pass over the tile list
#   (a) pgbench       the server's own tile SQL (tiles.TileSqlScript prints it, bound by the same code)
#                     straight against PostgreSQL: the floor for the cache-off path
#   (b) nginx         the same tile bytes (as our server sent them, gzipped) served from disk: the
#                     ceiling for the cached path
#   (c) raw points    the martin / pg_tileserv way: ST_AsMVT over the raw points of the tile, same
#                     filter, z10-z12, against our aggregated tile for the same tiles (5 per zoom)
# Tiles: about 200 per zoom, random points over the five boroughs (ST_GeneratePoints, seeded), one year of
# requests (2024). Layers: districts and hexbins at z10-z13 (the zooms that aggregate), requests at
# z14-z16. Each measurement runs SECONDS (default 10) with wrk (pgbench for (a)): concurrency 1 for
# latency, 8 connections on 2 threads for requests/s; each server first gets WARM_SECS (default 90)
# of every layer and zoom, and the uncached runs one unmeasured pass over their tiles in order. The
# server's overhead compares mean latencies: the p50 of a zoom with a handful of distinct tiles (z10
# has five) jumps between their costs as the random mix shifts.
# Usage: bench/tiles.sh DATABASE [SECONDS]   (DATABASE loaded with >= 10M requests, e.g. by
#        bench/ingest.sh 10000000; as root on the project's machine; writes bench/work/tiles/);
#        bench/tiles.sh DATABASE SECONDS --report prints the last run's tables again.
# Prints Markdown tables for docs/benchmarks.md and keeps them in bench/work/tiles/report.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
DB=${1:?usage: bench/tiles.sh DATABASE [SECONDS]}
SECS=${2:-10}
FROM=2024-01-01
TO=2024-12-31
Q="from=$FROM&to=$TO"
LAYERS="districts:10 districts:11 districts:12 districts:13 hexbins:10 hexbins:11 hexbins:12 hexbins:13
requests:14 requests:15 requests:16"
WORK=$ROOT/bench/work/tiles
PORT_OFF=8091 PORT_ON=8092 PORT_NGINX=8093
JAR=tile-server/target/srmap-tile-server.jar
export PGPASSWORD=srmap
PSQL="psql -X -q -v ON_ERROR_STOP=1 -h localhost -U srmap -d $DB"
# what every server connection runs (DatabaseConfig), for pgbench's connections too
export PGOPTIONS="-c jit=off -c plan_cache_mode=force_custom_plan -c statement_timeout=120s"

# The tables, from the arrays of results (bench/tiles.sh DATABASE SECONDS --report prints them again
# from bench/work/tiles/results.sh).
report() {
  echo "Measured $(date -u -r "$WORK/machine.txt" +%F) at commit $(cat "$WORK/commit.txt"); $(head -1 "$WORK/machine.txt"); $(tail -1 "$WORK/machine.txt")."
  echo "Each cell: $SECS s of wrk (pgbench for the SQL floor) over about 200 random tiles per zoom, filter \`$Q\`."
  echo
  echo "| layer | z | uncached p50 / p99 / mean ms (c=1) | pgbench same SQL p50 / p99 / mean ms | server overhead (mean) | uncached req/s (c=8) | pgbench tps (c=8) | cached p50 / p99 ms (c=1) | cached req/s (c=8) | nginx req/s (c=8) | cached / nginx |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  for lz in $LAYERS; do
    read -r o50 o99 _ obad oavg <<< "${OFF1[$lz]}"
    read -r _ _ orps obad8 _ <<< "${OFF8[$lz]}"
    read -r g50 g99 _ gavg <<< "${PG1[$lz]}"
    read -r _ _ gtps <<< "${PG8[$lz]}"
    read -r c50 c99 _ cbad _ <<< "${ON1[$lz]}"
    read -r _ _ crps _ <<< "${ON8[$lz]}"
    read -r _ _ nrps _ <<< "${NG8[$lz]}"
    awk -v l="${lz%%:*}" -v z="${lz##*:}" -v o50="$o50" -v o99="$o99" -v g50="$g50" -v g99="$g99" -v orps="$orps" \
        -v oavg="${oavg:-0}" -v gavg="${gavg:-0}" \
        -v gtps="$gtps" -v c50="$c50" -v c99="$c99" -v crps="$crps" -v nrps="$nrps" -v bad=$((obad + obad8 + cbad)) 'BEGIN {
      printf "| %s | %s | %s / %s / %s | %s / %s / %s | %+.0f%% | %s | %.0f | %s / %s | %s | %s | %.2fx |%s\n", l, z,
        o50, o99, oavg, g50, g99, gavg, (oavg / gavg - 1) * 100, orps, gtps, c50, c99, crps, nrps, crps / nrps,
        (bad > 0 ? " non-2xx: " bad : "") }'
  done
  echo
  echo "CPU steal through the run (vmstat every 5 s): $(awk '$NF ~ /^[0-9]+$/ && NR > 3 { s += $NF; n++; if ($NF > m) m = $NF }
    END { printf "mean %.0f%%, max %d%% of %d samples", s / n, m, n }' "$WORK/vmstat.txt")."
  echo
  echo "Peak RSS of the server (-Xmx1g): $RSS_OFF MB uncached, $RSS_ON MB cached. Answers by status:"
  echo
  echo '```'
  cat "$WORK"/statuses-*.txt
  echo '```'
  echo
  echo "| z | raw points ST_AsMVT, mean ms (5 tiles, each twice) | ours (districts,hexbins) uncached mean ms, same tiles in the same order | ratio |"
  echo "|---|---|---|---|"
  for z in 10 11 12; do
    read -r _ _ _ _ mean <<< "${OURS_RAW[$z]}"
    awk -v z=$z -v raw="${RAW[$z]}" -v ours="$mean" 'BEGIN { printf "| %s | %.0f | %s | %.0fx |\n", z, raw, ours, raw / ours }'
  done
}

if [[ ${3:-} == --report ]]; then
  source "$WORK/results.sh"
  report
  exit 0
fi

for tool in wrk nginx; do
  command -v $tool >/dev/null || { echo "installing $tool" >&2; apt-get install -y -q "${tool/nginx/nginx-light}" >/dev/null; }
done
rm -rf "$WORK" && mkdir -p "$WORK"
PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | tail -1)
./srmap build >/dev/null # once: the servers below run this jar, never a rebuild of sources edited meanwhile


# --- the tiles
$PSQL <<SQL
DROP TABLE IF EXISTS bench_tile;
DROP SEQUENCE IF EXISTS bench_seq;
CREATE SEQUENCE bench_seq;
CREATE TABLE bench_tile AS
SELECT z, row_number() OVER (PARTITION BY z ORDER BY p.path) AS i,
       floor((ST_X(m) + 20037508.342789244) / (40075016.68557849 / 2 ^ z))::int AS x,
       floor((20037508.342789244 - ST_Y(m)) / (40075016.68557849 / 2 ^ z))::int AS y
  FROM generate_series(10, 16) z
 CROSS JOIN LATERAL ST_Dump(ST_GeneratePoints((SELECT ST_Union(geom) FROM borough), 200, z)) p
 CROSS JOIN LATERAL ST_Transform(p.geom, 3857) m;
SQL
for z in $(seq 10 16); do
  $PSQL -tAc "SELECT x || '/' || y FROM bench_tile WHERE z = $z ORDER BY i" > "$WORK/tiles-$z.txt"
done

cat > "$WORK/urls.lua" <<'LUA'
local urls = {}
for line in io.lines(os.getenv("URLS")) do urls[#urls + 1] = line end
local n = 0
-- SEQUENTIAL set: each connection walks the list in order (a warm-up pass that reads every tile)
local sequential = os.getenv("SEQUENTIAL") ~= nil
request = function()
  n = n + 1
  local url = sequential and urls[(n - 1) % #urls + 1] or urls[math.random(#urls)]
  return wrk.format("GET", url, {["Accept-Encoding"] = "gzip"})
end
LUA

url_list() { # layer z prefix -> file of paths
  sed "s|^|$3/$1/$2/|; s|$|.mvt?${Q//&/\\&}|" "$WORK/tiles-$2.txt" > "$WORK/urls-$1-$2.txt"
}

# wrk PORT URLS CONNECTIONS THREADS -> "p50_ms p99_ms req_per_s non2xx mean_ms"
run_wrk() {
  local out
  out=$(URLS=$2 wrk -t"$4" -c"$3" -d"${SECS}s" --latency -s "$WORK/urls.lua" "http://127.0.0.1:$1" 2>&1)
  echo "$out" >> "$WORK/wrk.log"
  echo "$out" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) } $1 == "Latency" && !avg { avg = ms($2) }
    /^Requests\/sec/ { rps = $2 } /Non-2xx/ { bad = $NF }
    END { printf "%.1f %.1f %.0f %d %.1f\n", p50, p99, rps, bad + 0, avg }'
}
# one pass over every tile of the list in order, unmeasured: each tile's pages are then in PostgreSQL's
# buffers or the page cache, as in steady state (a random sample of the list misses some)
warm() { SEQUENTIAL=1 run_wrk "$1" "$2" 1 1 > /dev/null; }

start_server() { # port extra-args...
  local port=$1; shift
  SRMAP_DB_URL="jdbc:postgresql://localhost:5432/$DB?user=srmap&password=srmap" \
    java -Xmx1g -jar "$JAR" --server.port="$port" "$@" > "$WORK/server-$port.log" 2>&1 &
  echo $! > "$WORK/server-$port.pid"
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && return 0
    sleep 1
  done
  echo "the server on port $port did not start; see $WORK/server-$port.log" >&2
  exit 1
}
statuses() { # the server's answers by status and route, from its metrics (Spring's, and the cached
  # tiles answered in front of Spring, tiles.TileHitHandler)
  curl -sf "http://127.0.0.1:$1/actuator/prometheus" \
    | sed -n 's/^\(http_server_requests_seconds\|srmap_tile_hits_direct\)_\(count\|total\){\(.*\)} \(.*\)$/\4 \1 \3/p' \
    | grep -v 'uri="/actuator' || true
}
server_pid() { pgrep -f "srmap-tile-server.jar --server.port=$1" | head -1; }
peak_rss_mb() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$(server_pid "$1")/status"; }
stop_servers() {
  for p in $PORT_OFF $PORT_ON; do
    pid=$(server_pid $p || true)
    [[ -n ${pid:-} ]] && kill "$pid" 2>/dev/null || true
  done
  [[ -f $WORK/nginx.pid ]] && nginx -c "$WORK/nginx.conf" -s stop 2>/dev/null || true
}
trap stop_servers EXIT
# CPU steal (time the hypervisor gave this machine's vCPUs to others) through the run: on these
# virtual machines it ranged from 2% to 36% within minutes, and every latency moves with it
vmstat 5 > "$WORK/vmstat.txt" &
VMSTAT_PID=$!
trap 'kill $VMSTAT_PID 2>/dev/null; stop_servers' EXIT

{ git rev-parse --short HEAD | tr -d '\n'; git diff --quiet HEAD || echo -n " with uncommitted changes"; echo; } > "$WORK/commit.txt"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GB, $(lscpu | sed -n 's/^Model name: *//p')" > "$WORK/machine.txt"
echo "database: $DB, $($PSQL -tAc "SELECT count(*) FROM service_request") requests, $($PSQL -tAc \
  "SELECT count(*) FROM service_request WHERE created_day BETWEEN '$FROM' AND '$TO'") in $FROM..$TO" >> "$WORK/machine.txt"
cat "$WORK/machine.txt" >&2
# the database into PostgreSQL's buffers, as a server that has run a while has it (a sequential scan
# would pass through a small ring of buffers and keep nothing)
psql -X -q -h localhost -U postgres -d "$DB" -c "CREATE EXTENSION IF NOT EXISTS pg_prewarm" \
  -c "SELECT sum(pg_prewarm(c.oid)) FROM pg_class c WHERE c.relkind IN ('r', 'i', 'm')
        AND c.relnamespace = 'public'::regnamespace" >/dev/null

# The JIT compiles the server's hot paths over its first minute or two under load: on a 2-core machine
# of 2026-11-23, C2 still took half a core after 17 s of district tiles (46%, 31%, 6% over the next
# 30 s) and a district z10 tile took 4.25 ms then, 3.3 ms after 90 s. Each server gets WARM_SECS of
# every layer and zoom before its first measurement.
WARM_SECS=${WARM_SECS:-90}
warm_up() { # port
  URLS="$WORK/urls-all.txt" wrk -t2 -c2 -d"${WARM_SECS}s" -s "$WORK/urls.lua" "http://127.0.0.1:$1" >/dev/null 2>&1
}
for lz in $LAYERS; do
  url_list "${lz%%:*}" "${lz##*:}" /tiles
done
cat "$WORK"/urls-*-1[0-6].txt > "$WORK/urls-all.txt"

# --- ours, cache off, and (a) pgbench on the same SQL
start_server $PORT_OFF --srmap.tile-cache-bytes=0
warm_up $PORT_OFF
declare -A OFF1 OFF8 PG1 PG8 ON1 ON8 NG8
for lz in $LAYERS; do
  layer=${lz%%:*} z=${lz##*:}
  echo "cache off: $layer z$z" >&2
  warm $PORT_OFF "$WORK/urls-$layer-$z.txt" # PostgreSQL's buffers and the JIT
  # c=1: the server and pgbench both walk the tiles in the list's order (a random order of the
  # tiles), so that their means cover the same tiles, not two random samples of them
  OFF1[$lz]=$(SEQUENTIAL=1 run_wrk $PORT_OFF "$WORK/urls-$layer-$z.txt" 1 1)
  OFF8[$lz]=$(run_wrk $PORT_OFF "$WORK/urls-$layer-$z.txt" 8 2)
  java -cp "$JAR" -Dloader.main=org.srmap.server.tiles.TileSqlScript \
    org.springframework.boot.loader.launch.PropertiesLauncher "$layer" "$z" "$FROM" "$TO" > "$WORK/tile-$layer-$z.sql"
  n=$(wc -l < "$WORK/tiles-$z.txt")
  for c in 1 8; do
    { if [[ $c == 1 ]]; then # in order, as the server's c=1 run
        echo "SELECT x, y FROM bench_tile WHERE z = $z AND i = (SELECT (nextval('bench_seq') - 1) % $n + 1) \\gset"
      else
        echo "\\set i random(1, $n)"
        echo "SELECT x, y FROM bench_tile WHERE z = $z AND i = :i \\gset"
      fi
      cat "$WORK/tile-$layer-$z.sql"
    } > "$WORK/pgbench-$layer-$z-$c.sql"
    $PSQL -c "ALTER SEQUENCE bench_seq RESTART"
    rm -f "$WORK"/pgbench_log.*
    (cd "$WORK" && $PGBENCH -n -M prepared -h localhost -U srmap -f "pgbench-$layer-$z-$c.sql" -T "$SECS" \
      -c $c -j $(( c > 1 ? 2 : 1 )) -l "$DB" > "pgbench-$layer-$z-$c.out" 2>&1)
    r=$(cat "$WORK"/pgbench_log.* | awk '{ print $3 / 1000 }' | sort -n | awk '{ a[NR] = $1 }
      END { printf "%.1f %.1f", a[int(NR * 0.5) + 1], a[int(NR * 0.99) + 1] }')
    tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgbench-$layer-$z-$c.out")
    avg=$(sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' "$WORK/pgbench-$layer-$z-$c.out")
    if [[ $c == 1 ]]; then PG1[$lz]="$r $tps $avg"; else PG8[$lz]="$r $tps $avg"; fi
  done
done
RSS_OFF=$(peak_rss_mb $PORT_OFF)
statuses $PORT_OFF > "$WORK/statuses-uncached.txt"
kill "$(server_pid $PORT_OFF)"

# --- ours, cache on (warmed), and (b) nginx on the same bytes
start_server $PORT_ON
mkdir -p "$WORK/www"
for lz in $LAYERS; do
  layer=${lz%%:*} z=${lz##*:}
  while read -r path; do
    file="$WORK/www/${path%%\?*}"
    mkdir -p "$(dirname "$file")"
    curl -sf -H 'Accept-Encoding: gzip' -o "$file" "http://127.0.0.1:$PORT_ON$path" || : > "$file"
  done < "$WORK/urls-$layer-$z.txt"
done
cat > "$WORK/nginx.conf" <<NGINX
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$PORT_NGINX;
    root $WORK/www;
    location / {
      default_type application/vnd.mapbox-vector-tile;
      add_header Content-Encoding gzip;
    }
  }
}
NGINX
nginx -c "$WORK/nginx.conf"
warm_up $PORT_ON
for _ in 1 2 3; do run_wrk $PORT_ON "$WORK/urls-all.txt" 8 2 > /dev/null; done # and at 8 connections
for lz in $LAYERS; do
  layer=${lz%%:*} z=${lz##*:}
  echo "cache on, nginx: $layer z$z" >&2
  ON1[$lz]=$(run_wrk $PORT_ON "$WORK/urls-$layer-$z.txt" 1 1)
  ON8[$lz]=$(run_wrk $PORT_ON "$WORK/urls-$layer-$z.txt" 8 2)
  sed 's|?.*||' "$WORK/urls-$layer-$z.txt" > "$WORK/nginx-$layer-$z.txt"
  NG8[$lz]=$(run_wrk $PORT_NGINX "$WORK/nginx-$layer-$z.txt" 8 2)
done
RSS_ON=$(peak_rss_mb $PORT_ON)
statuses $PORT_ON > "$WORK/statuses-cached.txt"
nginx -c "$WORK/nginx.conf" -s stop
kill "$(server_pid $PORT_ON)"

# --- (c) raw points, martin / pg_tileserv style, against ours uncached on the same tiles
start_server $PORT_OFF --srmap.tile-cache-bytes=0
warm_up $PORT_OFF
declare -A RAW OURS_RAW
for z in 10 11 12; do
  cat > "$WORK/raw-$z.sql" <<SQL
SELECT x, y FROM bench_tile WHERE z = $z AND i = (SELECT (nextval('bench_seq') - 1) % 5 + 1) \\gset
SELECT ST_AsMVT(t, 'requests', 4096, 'geom') FROM (
  SELECT s.unique_key, s.complaint_type, s.descriptor, s.status,
         extract(epoch FROM s.created_at)::bigint AS created, extract(epoch FROM s.closed_at)::bigint AS closed,
         ST_AsMVTGeom(ST_Transform(s.geom, 3857), ST_TileEnvelope($z, :x, :y), 4096, 64, true) AS geom
    FROM service_request s
   WHERE s.geom && ST_Transform(ST_TileEnvelope($z, :x, :y), 4326)
     AND s.created_day BETWEEN '$FROM' AND '$TO') t;
SQL
  echo "raw points z$z" >&2
  $PSQL -c "ALTER SEQUENCE bench_seq RESTART"
  (cd "$WORK" && $PGBENCH -n -M prepared -h localhost -U srmap -f "raw-$z.sql" -t 10 -c 1 "$DB" > "raw-$z.out" 2>&1)
  RAW[$z]=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$WORK/raw-$z.out")
  head -5 "$WORK/tiles-$z.txt" | sed "s|^|/tiles/districts,hexbins/$z/|; s|$|.mvt?${Q//&/\\&}|" > "$WORK/urls-ours-$z.txt"
  warm $PORT_OFF "$WORK/urls-ours-$z.txt"
  OURS_RAW[$z]=$(SEQUENTIAL=1 run_wrk $PORT_OFF "$WORK/urls-ours-$z.txt" 1 1)
done
kill "$(server_pid $PORT_OFF)"
$PSQL -c "DROP TABLE bench_tile"

declare -p OFF1 OFF8 PG1 PG8 ON1 ON8 NG8 RAW OURS_RAW RSS_OFF RSS_ON > "$WORK/results.sh"
report | tee "$WORK/report.md"
