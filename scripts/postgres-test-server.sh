#!/usr/bin/env bash
# Sourced by .ci/run (run it alone to set up a local server too): installs PostgreSQL from Debian's packages if
# missing, starts the cluster on 127.0.0.1, creates the role and database the store tests use, and exports
# ARBITER_TEST_POSTGRES. Idempotent: a second run only checks. Needs root (CI runs as root).
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
pg_version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$pg_version main"; then
  pg_createcluster "$pg_version" main >/dev/null
fi
pg_port=$(pg_lsclusters -h | awk -v v="$pg_version" '$1==v && $2=="main" {print $3}')
if ! pg_lsclusters -h | awk -v v="$pg_version" '$1==v && $2=="main" {print $4}' | grep -qx online; then
  pg_ctlcluster "$pg_version" main start
fi
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$pg_port" && break; sleep 1; done
pg_isready -h 127.0.0.1 -p "$pg_port"
psql_admin() { runuser -u postgres -- psql -p "$pg_port" -v ON_ERROR_STOP=1 -tAc "$1"; }
[ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname='arbiter_test'")" = 1 ] ||
  psql_admin "CREATE ROLE arbiter_test LOGIN PASSWORD 'arbiter_test'" >/dev/null
[ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname='arbiter_test'")" = 1 ] ||
  psql_admin "CREATE DATABASE arbiter_test OWNER arbiter_test" >/dev/null
export ARBITER_TEST_POSTGRES="Host=127.0.0.1;Port=${pg_port};Username=arbiter_test;Password=arbiter_test;Database=arbiter_test"
echo "PostgreSQL ${pg_version} on 127.0.0.1:${pg_port}, ARBITER_TEST_POSTGRES set"
