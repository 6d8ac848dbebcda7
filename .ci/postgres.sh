#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster for the tests and benchmarks, and prints its Npgsql connection string.
# Installs Debian's postgresql package when no server binaries are found (needs root and the Debian mirror).
# usage: export RASID_TEST_PG="$(bash .ci/postgres.sh start)"   ...   bash .ci/postgres.sh stop
# The cluster lives in $RASID_PG_DIR (default /tmp/rasid-pg) and runs as the postgres user on a free port.
set -euo pipefail
dir="${RASID_PG_DIR:-/tmp/rasid-pg}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }
case "${1:-start}" in
  start)
    if [ -z "$bin" ]; then
      echo "postgres.sh: installing postgresql from Debian" >&2
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
      bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
    fi
    if [ -f "$dir/port" ] && as_postgres "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      port="$(cat "$dir/port")"
    else
      rm -rf "$dir"; mkdir -p "$dir"; chown postgres "$dir"
      # A free port: nothing answers on it (bash's /dev/tcp, no other tool needed).
      port=""
      for p in $(shuf -i 20000-60000 -n 50); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port="$p"; break; fi
      done
      [ -n "$port" ] || { echo "postgres.sh: no free port found" >&2; exit 1; }
      as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
      as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >&2
      echo "$port" >"$dir/port"
      as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE rasid_test" >&2
    fi
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=rasid_test;Pooling=false"
    ;;
  stop)
    [ -d "$dir/data" ] && as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast stop >&2 || true
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 1 ;;
esac
