#!/usr/bin/env bash
# Ingest faults: SIGKILL at random points of a 1M-row ingest, each followed by a re-run, compared
# with an uninterrupted load of the same file; and two ingests at once.
#   clean   one uninterrupted ingest into a fresh database: the reference checksum and counts.
#   kill N  for each of KILLS trials: a fresh database, the ingest started, kill -9 after a random
#           share (seeded) of the clean run's time, what the database holds then, the re-run, and
#           its checksum, duplicates and reject accounting against the clean run.
#   busy    a second ingest started while one runs: it must refuse (exit 3) with a clear message.
# The file is generated with the generator's defects (1% of rows), so rejects are exercised too.
# Usage: bench/ingest-faults.sh [ROWS=1000000] [KILLS=5] [SEED=1]   (as root; writes bench/work/)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
ROWS=${1:-1000000}
KILLS=${2:-5}
SEED=${3:-1}
WORK=$ROOT/bench/work
LOGS=$WORK/ingest-faults-logs
mkdir -p "$LOGS"
PER_DAY=9600
DAYS=$(( (ROWS + PER_DAY - 1) / PER_DAY ))
TO=2024-12-31
FROM=$(date -d "$TO - $((DAYS - 1)) days" +%F)
CSV=$WORK/sr-$ROWS-$SEED-$FROM-defects.csv
JAR=ingest/target/srmap-ingest.jar
HEAP=${SRMAP_BENCH_HEAP:--Xmx512m -XX:+UseParallelGC}
DATA=${SRMAP_SHARED_DATA:-$ROOT/../shared/data}

scripts/provision-db.sh >/dev/null
./srmap build >/dev/null
PG="psql -X -q -v ON_ERROR_STOP=1 -h localhost -U srmap"
export PGPASSWORD=srmap
url() { echo "jdbc:postgresql://localhost:5432/$1?user=srmap&password=srmap"; }

if [[ ! -f $CSV ]]; then
  echo "generating $ROWS rows (seed $SEED, $FROM..$TO, with defects) -> $CSV" >&2
  java $HEAP -jar "$JAR" generate --rows "$ROWS" --seed "$SEED" --from "$FROM" --to "$TO" --out "$CSV" >&2
fi

# One database with the reference data, cloned for every trial (CREATE DATABASE ... TEMPLATE).
REF=srmap_faults_ref
$PG -d postgres -c "DROP DATABASE IF EXISTS $REF WITH (FORCE)" -c "CREATE DATABASE $REF TEMPLATE srmap_template"
SRMAP_DB_URL=$(url $REF) java $HEAP -jar "$JAR" load-reference "$DATA" > "$LOGS/load-reference.log" 2>&1
fresh_db() {
  $PG -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1 TEMPLATE $REF"
}
ingest() { # DB LOG [extra args]: starts the ingest in the background; its pid in PID
  local db=$1 log=$2; shift 2
  SRMAP_DB_URL=$(url "$db") java $HEAP -jar "$JAR" ingest "$CSV" "$@" > "$log" 2>&1 &
  PID=$!
}
q() { $PG -d "$1" -tAc "$2"; }

# Every column of every request but ingest_run_id, the rollups and the gazetteer (its points to
# 1 cm: sums in another order differ in their last bits), as one digest of per-row digests.
CHECKSUM="SELECT md5(
  coalesce((SELECT string_agg(md5(t::text), '' ORDER BY t.unique_key)
              FROM (SELECT s.unique_key, s.created_at, s.created_day, s.closed_at, s.due_at, s.updated_at,
                           s.version_at, s.agency, s.complaint_type_raw, s.complaint_type, s.descriptor,
                           s.status, s.incident_address, s.zip, s.bbl, s.resolution, s.reported_board,
                           s.reported_boro_cd, s.boro_cd, s.boro_code, s.location_source, ST_AsText(s.geom),
                           s.h3_r8, s.h3_r10, s.row_hash FROM service_request s) t), '')
  || coalesce((SELECT string_agg(md5(r::text), '' ORDER BY day, complaint_type, agency, boro_cd)
                 FROM rollup_district_daily r), '')
  || coalesce((SELECT string_agg(md5(m::text), '' ORDER BY month, complaint_type, agency, boro_cd)
                 FROM rollup_district_monthly m), '')
  || coalesce((SELECT string_agg(md5(h::text), '' ORDER BY day, complaint_type, agency, boro_cd, h3_r8)
                 FROM rollup_h3_daily h), '')
  || coalesce((SELECT string_agg(md5(concat_ws(',', g.address_key, g.n, round((g.sum_lon / g.n)::numeric, 7),
                                                round((g.sum_lat / g.n)::numeric, 7))), '' ORDER BY g.address_key)
                 FROM gazetteer g), ''))"
# The last succeeded run's rejects, as (line, reason), in one digest, and its accounting. A killed run
# that had committed its rows ('finishing') is finished by the re-run and keeps its own rejects; the
# re-run reads the file again and records its rejects too.
LAST="(SELECT max(run_id) FROM ingest_run WHERE status = 'succeeded' AND kind = 'file')"
REJECTS="SELECT md5(coalesce(string_agg(line_number || ':' || reason, '|' ORDER BY line_number, reason), ''))
           FROM ingest_reject WHERE run_id = $LAST"
ACCOUNT="SELECT rows_read || ' ' || rows_loaded || ' ' || rows_rejected || ' '
                || (SELECT count(*) FROM ingest_reject j WHERE j.run_id = r.run_id)
           FROM ingest_run r WHERE run_id = $LAST"
# Reject rows that no succeeded run counts: an aborted run's must have been rolled back with it.
UNCOUNTED="SELECT (SELECT count(*) FROM ingest_reject)
                  - (SELECT coalesce(sum(rows_rejected), 0) FROM ingest_run WHERE status = 'succeeded')"
DUPLICATES="SELECT count(*) - count(DISTINCT unique_key) FROM service_request"

# clean
fresh_db srmap_faults_clean
cat "$CSV" > /dev/null
T0=$(date +%s.%N)
ingest srmap_faults_clean "$LOGS/clean.log"
wait "$PID" || { echo "the clean ingest failed: $LOGS/clean.log" >&2; exit 1; }
T_CLEAN=$(awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
C_SUM=$(q srmap_faults_clean "$CHECKSUM")
C_REJ=$(q srmap_faults_clean "$REJECTS")
read -r C_READ C_LOADED C_REJECTED C_REJROWS <<< "$(q srmap_faults_clean "$ACCOUNT")"
C_ROWS=$(q srmap_faults_clean "SELECT count(*) FROM service_request")
echo "clean: $T_CLEAN s, $C_ROWS requests, read $C_READ = loaded $C_LOADED + rejected $C_REJECTED, checksum $C_SUM" >&2

REPORT=$WORK/ingest-faults.md
{
  echo "Clean run: $ROWS rows read $C_READ, loaded $C_LOADED, rejected $C_REJECTED ($C_REJROWS in ingest_reject), $C_ROWS requests stored, $T_CLEAN s."
  echo
  echo "| trial | killed after | the killed run was | requests stored then | re-run | re-run status | checksum equal | duplicates | its rejects equal | read = loaded + rejected | reject rows no run counts |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
} > "$REPORT"

RANDOM=$SEED
failures=0
for trial in $(seq 1 "$KILLS"); do
  db=srmap_faults_$trial
  fresh_db "$db"
  # a point between 3% and 97% of the clean run's time, the JVM's start included
  share=$(( 3 + RANDOM % 95 ))
  after=$(awk -v t="$T_CLEAN" -v s="$share" 'BEGIN { printf "%.1f", t * s / 100 }')
  ingest "$db" "$LOGS/killed-$trial.log"
  sleep "$after"
  if kill -0 "$PID" 2>/dev/null; then
    kill -9 "$PID"
    wait "$PID" 2>/dev/null || true
    stage=$(q "$db" "SELECT coalesce(string_agg(status, ','), 'not started yet') FROM ingest_run WHERE kind = 'file'")
  else
    wait "$PID" || true
    stage="already finished"
  fi
  stored=$(q "$db" "SELECT count(*) FROM service_request")
  T0=$(date +%s.%N)
  ingest "$db" "$LOGS/rerun-$trial.log"
  rerun_exit=0
  wait "$PID" || rerun_exit=$?
  T_RERUN=$(awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  runs=$(q "$db" "SELECT string_agg(status, ',' ORDER BY run_id) FROM ingest_run WHERE kind = 'file'")
  sum=$(q "$db" "$CHECKSUM")
  dup=$(q "$db" "$DUPLICATES")
  rej=$(q "$db" "$REJECTS")
  uncounted=$(q "$db" "$UNCOUNTED")
  read -r R_READ R_LOADED R_REJECTED R_REJROWS <<< "$(q "$db" "$ACCOUNT")"
  same=$([[ $sum == "$C_SUM" ]] && echo yes || echo NO)
  same_rej=$([[ $rej == "$C_REJ" ]] && echo yes || echo NO)
  adds=$([[ $R_READ == $((R_LOADED + R_REJECTED)) && $R_REJROWS == "$R_REJECTED" ]] && echo yes || echo NO)
  [[ $same == yes && $same_rej == yes && $adds == yes && $dup == 0 && $uncounted == 0 && $rerun_exit == 0 ]] || failures=$((failures + 1))
  echo "| $trial | $after s ($share%) | $stage | $stored | $T_RERUN s, exit $rerun_exit | $runs | $same | $dup | $same_rej | $adds ($R_READ = $R_LOADED + $R_REJECTED) | $uncounted |" \
    | tee -a "$REPORT" >&2
  $PG -d postgres -c "DROP DATABASE $db WITH (FORCE)"
done

# busy: a second ingest while the first runs
fresh_db srmap_faults_busy
ingest srmap_faults_busy "$LOGS/busy-first.log"
first=$PID
until [[ $(q srmap_faults_busy "SELECT count(*) FROM ingest_run WHERE status = 'running'") != 0 ]]; do sleep 0.2; done
T0=$(date +%s.%N)
second_exit=0
SRMAP_DB_URL=$(url srmap_faults_busy) java $HEAP -jar "$JAR" ingest "$CSV" --wait 2 > "$LOGS/busy-second.log" 2>&1 \
  || second_exit=$?
T_SECOND=$(awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
wait "$first" || true
message=$(grep -m1 "another ingest" "$LOGS/busy-second.log" || echo "(no message)")
first_status=$(q srmap_faults_busy "SELECT string_agg(status, ',' ORDER BY run_id) FROM ingest_run WHERE kind = 'file'")
[[ $second_exit == 3 && $first_status == succeeded ]] || failures=$((failures + 1))
{
  echo
  echo "Two at once: the second ingest (--wait 2) ended after $T_SECOND s with exit $second_exit: \`$message\`;"
  echo "the first finished: $first_status."
} | tee -a "$REPORT" >&2

for db in srmap_faults_busy srmap_faults_clean $REF; do $PG -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"; done
echo "report: $REPORT; failures: $failures" >&2
exit $(( failures > 0 ))
