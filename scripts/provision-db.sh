#!/usr/bin/env bash
# Provision PostgreSQL + PostGIS for srmap and print the JDBC URL to use on stdout.
#
# With SRMAP_DB_URL set, that server is used as it is (it must already have PostGIS available).
# Otherwise the local PostgreSQL 15 is used: the packages are installed through apt when missing
# (root on Debian), the cluster is started when it is down, and then, idempotently:
#   role srmap (password srmap, CREATEDB), database srmap with the postgis extension, and a
#   template database srmap_template with postgis, from which tests clone throw-away databases
#   without needing superuser rights.
# The local cluster also gets a configuration sized for the machine (conf.d/srmap.conf: shared
# buffers an eighth of RAM, larger WAL and work memory); PostgreSQL's defaults (128 MB of shared
# buffers) make a bulk load several times slower. SRMAP_DB_TUNE=0 leaves the configuration alone.
# Everything else goes to stderr, so callers can do: SRMAP_DB_URL=$(scripts/provision-db.sh).
set -euo pipefail

say() { echo "srmap db: $*" >&2; }
die() { echo "srmap db: ERROR: $*" >&2; exit 1; }

if [[ -n "${SRMAP_DB_URL:-}" ]]; then
  say "using SRMAP_DB_URL as given"
  echo "$SRMAP_DB_URL"
  exit 0
fi

PGVER=15
PORT=5432
EXT_CONTROL=/usr/share/postgresql/$PGVER/extension/postgis.control

need_packages=()
command -v pg_ctlcluster >/dev/null 2>&1 && [[ -x /usr/lib/postgresql/$PGVER/bin/postgres ]] || need_packages+=("postgresql-$PGVER")
[[ -f "$EXT_CONTROL" ]] || need_packages+=("postgresql-$PGVER-postgis-3")

if (( ${#need_packages[@]} > 0 )); then
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    die "PostgreSQL $PGVER with PostGIS 3 is needed. Install the Debian packages: ${need_packages[*]} (as root: apt-get install ${need_packages[*]}), or point SRMAP_DB_URL at a PostgreSQL server that has PostGIS, e.g. jdbc:postgresql://host:5432/srmap?user=srmap&password=secret"
  fi
  say "installing ${need_packages[*]} through apt (once; a few minutes)"
  export DEBIAN_FRONTEND=noninteractive
  log=/tmp/srmap-apt.log
  { apt-get update -q && apt-get install -y -q "${need_packages[@]}"; } >"$log" 2>&1 \
    || { tail -n 20 "$log" >&2; die "apt-get install ${need_packages[*]} failed (log: $log); install it by hand or set SRMAP_DB_URL"; }
fi

if ! pg_lsclusters -h 2>/dev/null | awk -v v=$PGVER '$1==v && $2=="main"' | grep -q .; then
  say "creating PostgreSQL $PGVER cluster 'main'"
  pg_createcluster "$PGVER" main --port "$PORT" >&2 || die "could not create a PostgreSQL cluster"
fi
tune_cluster() {
  local conf_dir=/etc/postgresql/$PGVER/main/conf.d
  [[ ${SRMAP_DB_TUNE:-1} != 0 && -d $conf_dir && -w $conf_dir ]] || return 0
  local mem_mb shared_mb cache_mb
  mem_mb=$(awk '/^MemTotal:/ {print int($2 / 1024)}' /proc/meminfo)
  # Two fifths of the memory for PostgreSQL's own buffers (at most 16 GB): on the project's machines
  # the page cache did not keep the database (1 GB of file pages cached with 19 GB free), so every
  # heap page outside shared_buffers was a disk read (85-90 us each, a dense point tile 0.9 s).
  shared_mb=$(( mem_mb * 2 / 5 )); (( shared_mb > 16384 )) && shared_mb=16384; (( shared_mb < 128 )) && shared_mb=128
  cache_mb=$(( mem_mb * 3 / 4 ))
  local wanted
  wanted=$(cat <<CONF
# Written by srmap's scripts/provision-db.sh for bulk loads and tile queries; SRMAP_DB_TUNE=0 to opt out.
shared_buffers = ${shared_mb}MB
wal_buffers = 64MB
max_wal_size = 8GB
checkpoint_timeout = 15min
work_mem = 64MB
maintenance_work_mem = 512MB
# Solid-state disk and a page cache of most of the memory: an index probe costs little more than a
# sequential read, so joins of a small staged set probe service_request's key instead of scanning it.
random_page_cost = 1.1
effective_cache_size = ${cache_mb}MB
CONF
)
  if [[ "$(cat "$conf_dir/srmap.conf" 2>/dev/null)" != "$wanted" ]]; then
    say "configuring PostgreSQL for this machine ($conf_dir/srmap.conf: shared_buffers ${shared_mb}MB); restarting it"
    printf '%s\n' "$wanted" > "$conf_dir/srmap.conf"
    TUNED_NOW=1
  fi
}
TUNED_NOW=0
tune_cluster

if (( TUNED_NOW )) && pg_lsclusters -h | awk -v v=$PGVER '$1==v && $2=="main" {print $4}' | grep -q online; then
  pg_ctlcluster --skip-systemctl-redirect "$PGVER" main restart >&2 \
    || die "PostgreSQL $PGVER did not restart with $conf_dir/srmap.conf; see /var/log/postgresql/postgresql-$PGVER-main.log"
fi
if ! pg_lsclusters -h | awk -v v=$PGVER '$1==v && $2=="main" {print $4}' | grep -q online; then
  say "starting PostgreSQL $PGVER cluster 'main'"
  pg_ctlcluster --skip-systemctl-redirect "$PGVER" main start >&2 \
    || die "PostgreSQL $PGVER did not start; see /var/log/postgresql/postgresql-$PGVER-main.log"
fi
PORT=$(pg_lsclusters -h | awk -v v=$PGVER '$1==v && $2=="main" {print $3}')

as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
psql_admin() { PGOPTIONS='-c client_min_messages=warning' as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PORT" -d "${1}" -c "$2" >&2; }

for i in $(seq 1 30); do
  as_postgres pg_isready -q -p "$PORT" && break
  sleep 1
  [[ $i -eq 30 ]] && die "PostgreSQL on port $PORT did not accept connections within 30 s"
done

psql_admin postgres "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'srmap') THEN
    CREATE ROLE srmap LOGIN CREATEDB PASSWORD 'srmap';
  END IF; END \$\$;"
for db in srmap srmap_template; do
  if ! as_postgres psql -X -tA -p "$PORT" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
    say "creating database $db"
    psql_admin postgres "CREATE DATABASE $db OWNER srmap"
  fi
  psql_admin "$db" "CREATE EXTENSION IF NOT EXISTS postgis" \
    || die "CREATE EXTENSION postgis failed in $db; install postgresql-$PGVER-postgis-3"
done
psql_admin postgres "UPDATE pg_database SET datistemplate = true WHERE datname = 'srmap_template'"

echo "jdbc:postgresql://localhost:$PORT/srmap?user=srmap&password=srmap"
