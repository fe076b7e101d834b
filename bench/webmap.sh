#!/usr/bin/env bash
# The web map's default city-wide view, measured in headless Chromium on localhost (issue 4): when
# the first data is drawn and how many bytes the view transfers. Targets: first data within 2 s,
# at most 1.5 MB. The server runs the built jar with its own land and water only (no basemap from
# another host); its tile cache starts empty, so run 1 draws every tile from the database and
# runs 2.. are served from the cache, each in a fresh browser context (no browser cache).
# Usage: bench/webmap.sh DATABASE [RUNS]   (a loaded database, e.g. the demo's srmap or srmap_lat;
#        as root on the project's machine; writes bench/work/webmap/)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
DB=${1:?usage: bench/webmap.sh DATABASE [RUNS]}
RUNS=${2:-5}
WORK=$ROOT/bench/work/webmap
PORT=8094
JAR=tile-server/target/srmap-tile-server.jar
mkdir -p "$WORK"
[[ -x /usr/bin/chromium ]] || { echo "installing chromium" >&2; apt-get install -y -q chromium >/dev/null; }
[[ -d $WORK/node_modules/playwright-core ]] \
  || (cd "$WORK" && npm install --no-save --no-audit --no-fund --loglevel=error playwright-core@1.64.1 >&2)
./srmap build >/dev/null
SRMAP_DB_URL="jdbc:postgresql://localhost:5432/$DB?user=srmap&password=srmap" \
  java -Xmx1g -jar "$JAR" --server.port=$PORT --srmap.basemap-url= > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'); database $DB; commit $(git rev-parse --short HEAD)" \
  | tee "$WORK/report.txt"
cp "$ROOT/bench/webmap.mjs" "$WORK/" # ES modules resolve playwright-core beside the script
node "$WORK/webmap.mjs" "http://127.0.0.1:$PORT/" "$RUNS" | tee -a "$WORK/report.txt"
