#!/usr/bin/env bash
# Provision PostgreSQL + PostGIS for srmap and print the JDBC URL to use on stdout.
#
# With SRMAP_DB_URL set, that server is used as it is (it must already have PostGIS available).
# Otherwise the local PostgreSQL 15 is used: the packages are installed through apt when missing
# (root on Debian), the cluster is started when it is down, and then, idempotently:
#   role srmap (password srmap, CREATEDB), database srmap with the postgis extension, and a
#   template database srmap_template with postgis, from which tests clone throw-away databases
#   without needing superuser rights.
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
