#!/usr/bin/env bash
# The siting benchmark (issue 5): MCLP, 10,000 demand cells x 1,000 candidates, k = 50 and 100,
# greedy + swap (with its LP bound) against the exact MIP in the same run. No database needed.
# Usage: bench/siting.sh [RADIUS_METRES=800] [MIP_TIME_LIMIT_SECONDS=300]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
DATA=${SRMAP_SHARED_DATA:-$ROOT/../shared/data}
if [[ ! -f ingest/target/srmap-ingest.jar || -n $(find siting/src geocoder/src -newer ingest/target/srmap-ingest.jar -print -quit) ]]; then
  mvn -B -q -ntp -DskipTests -Dspotless.check.skip=true -pl ingest -am package >/tmp/srmap-bench-build.log 2>&1 \
    || { tail -20 /tmp/srmap-bench-build.log; exit 1; }
fi
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); commit $(git rev-parse --short HEAD)"
vmstat 1 2 | tail -1 | awk '{print "cpu steal before the run: " $17 "%"}'
exec java -Xmx4g -cp "ingest/target/srmap-ingest.jar:ingest/target/lib/*" bench/SitingBench.java "$DATA" "${1:-800}" "${2:-300}"
