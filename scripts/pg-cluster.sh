#!/usr/bin/env bash
# Private, throwaway PostgreSQL cluster for development and tests.
#
#   scripts/pg-cluster.sh start   [DIR] [--fast]  initdb if needed, start, create the database, print settings
#   scripts/pg-cluster.sh stop    [DIR]           stop (fast shutdown)
#   scripts/pg-cluster.sh restart [DIR]           restart (used by the reconnect test)
#   scripts/pg-cluster.sh env     [DIR]           print the PG* settings as shell exports
#   scripts/pg-cluster.sh destroy [DIR]           stop and delete the cluster
#
# DIR defaults to .data/pg. The server listens on a Unix socket inside its data directory only
# (listen_addresses=''), uses UTF-8 with the C.UTF-8 locale, and runs as an unprivileged user: as root it
# runs as `postgres` (postgres refuses to run as root). When that user cannot enter DIR (a clone under
# /root), the cluster lives under /tmp and DIR becomes a symlink to it. --fast turns off fsync for tests.
set -euo pipefail

cmd=${1:-}
dir=${2:-.data/pg}
fast=${3:-}
db=${KCZY_PGDATABASE:-kczy}
port=${KCZY_PGPORT:-5432}

pgbin() {
    local b
    b=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -z "$b" ] || [ ! -x "$b/initdb" ]; then
        echo "pg-cluster: installing PostgreSQL with apt" >&2
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql postgresql-contrib libpq-dev pkg-config >&2
        b=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    fi
    echo "$b"
}

# Runs a command as the cluster owner.
as_owner() {
    # From / so the owner never tries to enter a working directory it may not read (a clone under /root).
    if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# Resolves DIR to the real data directory, creating the /tmp fallback when the owner cannot enter DIR.
resolve_dir() {
    mkdir -p "$(dirname "$dir")"
    if [ -L "$dir" ]; then readlink -f "$dir"; return; fi
    if [ -d "$dir" ]; then (cd "$dir" && pwd); return; fi
    local abs
    abs="$(cd "$(dirname "$dir")" && pwd)/$(basename "$dir")"
    if [ "$(id -u)" -eq 0 ]; then
        mkdir -p "$abs"
        chown postgres:postgres "$abs"
        if ! runuser -u postgres -- test -w "$abs" 2>/dev/null || [ ${#abs} -gt 80 ]; then
            rmdir "$abs"
            local tmp
            tmp=$(mktemp -d /tmp/kczy-pg.XXXXXX)
            chmod 755 "$tmp"
            chown postgres:postgres "$tmp"
            ln -s "$tmp" "$abs"
            abs=$tmp
        fi
    else
        mkdir -p "$abs"
    fi
    echo "$abs"
}

print_env() {
    local real=$1
    echo "export PGHOST=$real PGPORT=$port PGUSER=postgres PGDATABASE=$db"
}

case "$cmd" in
start)
    bin=$(pgbin)
    real=$(resolve_dir)
    if [ ! -f "$real/PG_VERSION" ]; then
        as_owner "$bin/initdb" -D "$real" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    opts="-c listen_addresses='' -c unix_socket_directories='$real' -c port=$port -c max_connections=200"
    opts="$opts -c shared_buffers=128MB -c wal_level=replica -c max_wal_senders=5"
    [ "$fast" = "--fast" ] && opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    if ! as_owner "$bin/pg_ctl" -D "$real" status >/dev/null 2>&1; then
        as_owner "$bin/pg_ctl" -D "$real" -l "$real/server.log" -o "$opts" -w -t 60 start >/dev/null
    fi
    if ! psql -h "$real" -p "$port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1; then
        psql -h "$real" -p "$port" -U postgres -d postgres -qc "CREATE DATABASE \"$db\"" >/dev/null
    fi
    print_env "$real"
    ;;
stop)
    [ -e "$dir" ] || exit 0
    bin=$(pgbin)
    real=$(resolve_dir)
    as_owner "$bin/pg_ctl" -D "$real" -m fast -w status >/dev/null 2>&1 && as_owner "$bin/pg_ctl" -D "$real" -m fast -w stop >/dev/null
    true
    ;;
restart)
    bin=$(pgbin)
    real=$(resolve_dir)
    as_owner "$bin/pg_ctl" -D "$real" -l "$real/server.log" -m fast -w -t 60 restart >/dev/null
    ;;
env)
    print_env "$(resolve_dir)"
    ;;
destroy)
    [ -e "$dir" ] || [ -L "$dir" ] || exit 0
    "$0" stop "$dir" || true
    real=$(readlink -f "$dir")
    rm -rf "$real"
    [ -L "$dir" ] && rm -f "$dir"
    true
    ;;
*)
    sed -n '2,16p' "$0"
    exit 2
    ;;
esac
