#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for pikir's tests and benchmarks, reached
# only through a Unix socket in its own folder (no TCP port, so several
# clusters on one machine never collide), with trust authentication.
#
#   scripts/pg-test-cluster.sh start   # initdb if needed, start; prints the URL
#   scripts/pg-test-cluster.sh url     # prints the URL (postgresql:///pikir?host=…&user=pikir)
#   scripts/pg-test-cluster.sh stop    # stops it and removes its folder
#
# PIKIR_PG_DIR chooses the folder (default: one per user and checkout under
# $TMPDIR). initdb refuses to run as root, so as root the cluster runs as the
# system user `pikir-pg` (created when missing); the database role is `pikir`,
# a superuser that the tests use to create and drop their own databases.
# PIKIR_PG_DURABLE=1 keeps fsync on (for benchmarks); by default the tests'
# cluster does not sync to disk.
set -euo pipefail

BIN=${PIKIR_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$BIN/initdb" ] || { echo "pg-test-cluster: no PostgreSQL server found (install Debian's postgresql)" >&2; exit 1; }
DIR=${PIKIR_PG_DIR:-${TMPDIR:-/tmp}/pikir-pg-$(id -u)-$(pwd | cksum | cut -d' ' -f1)}
URL="postgresql:///pikir?host=$DIR&user=pikir"

if [ "$(id -u)" = 0 ]; then
    OWNER=pikir-pg
    id "$OWNER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$OWNER"
    as_owner() { runuser -u "$OWNER" -- "$@"; }
else
    OWNER=$(id -un)
    as_owner() { "$@"; }
fi

case "${1:-}" in
start)
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
        rm -rf "$DIR"
        mkdir -p "$DIR"
        chown "$OWNER" "$DIR"
        chmod 755 "$DIR"
        as_owner "$BIN/initdb" -D "$DIR/data" -U pikir -A trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
            || { cat "$DIR/initdb.log" >&2; exit 1; }
    fi
    sync_options="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [ "${PIKIR_PG_DURABLE:-0}" = 1 ] && sync_options=""
    if ! as_owner "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
        as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
            -o "-k $DIR -c listen_addresses='' -c max_connections=200 $sync_options" start >/dev/null \
            || { cat "$DIR/server.log" >&2; exit 1; }
    fi
    "$BIN/psql" -X -q "postgresql:///postgres?host=$DIR&user=pikir" -tAc "SELECT 1 FROM pg_database WHERE datname = 'pikir'" | grep -q 1 \
        || "$BIN/createdb" -h "$DIR" -U pikir pikir
    echo "$URL"
    ;;
url)
    echo "$URL"
    ;;
stop)
    if [ -f "$DIR/data/PG_VERSION" ]; then
        as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$DIR"
    ;;
*)
    echo "usage: $0 start|url|stop" >&2
    exit 64
    ;;
esac
