#!/usr/bin/env bash
# Headless-browser tests (pytest + Playwright driving Debian's Chromium) against a real kczy server.
#
#   PGHOST=… PGPORT=… PGUSER=… scripts/browser-test.sh [extra pytest arguments]
#
# Run from the repository root with PostgreSQL reachable through the PG* variables (for example after
# `eval "$(scripts/pg-cluster.sh start .data/dev)"`). The kczy binary must already be built; KCZY overrides its path.
# Installs what is missing (chromium and a CJK font with apt, a Python venv in .venv-browser with pytest and
# playwright), creates a fresh database kczy_browser with the demo data, serves it on a free loopback port, runs
# `pytest -q Tests/browser` with KCZY_BASE_URL set, and stops the server on exit. Exits with pytest's status.
# Screenshots (each role's home page, and every page of a failed test) go to .data/tmp/browser/.
set -euo pipefail

root=$(pwd)
if [ ! -d "$root/Tests/browser" ]; then
    echo "browser-test: run from the repository root" >&2
    exit 2
fi
KCZY=${KCZY:-$(swift build --show-bin-path)/kczy}
if [ ! -x "$KCZY" ]; then
    echo "browser-test: $KCZY is missing: build kczy first (swift build --product kczy)" >&2
    exit 2
fi

# --- Chromium and a font with Chinese glyphs (Debian's packages; Playwright's own browser builds can't be fetched).
if [ ! -x /usr/bin/chromium ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    packages=(chromium fonts-wqy-microhei)
    echo "browser-test: installing ${packages[*]} with apt" >&2
    if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >/dev/null 2>&1; then
        $sudo apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >/dev/null
    fi
fi

# --- Python venv with pytest and playwright (no `playwright install`: Debian's chromium is used).
venv="$root/.venv-browser"
if ! "$venv/bin/python" -c 'import pytest, playwright' >/dev/null 2>&1; then
    echo "browser-test: creating $venv (pytest, playwright)" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check pytest playwright
fi

# --- A fresh database with the demo accounts.
export PGDATABASE=kczy_browser
# --force ends connections left by an earlier run's server that was not stopped.
dropdb --if-exists --force kczy_browser
createdb kczy_browser
mkdir -p "$root/.data/tmp"
setup_log="$root/.data/tmp/browser-setup.log"
if ! { "$KCZY" migrate && "$KCZY" demo-data --if-empty; } >"$setup_log" 2>&1; then
    echo "browser-test: migrate or demo-data failed; its output ($setup_log):" >&2
    tail -n 30 "$setup_log" >&2
    exit 1
fi

# --- The server on a free loopback port.
free_port() {
    local p
    for _ in $(seq 1 50); do
        p=$((18080 + RANDOM % 2000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            echo "$p"
            return 0
        fi
    done
    echo "browser-test: no free port found" >&2
    return 1
}
port=$(free_port)
log="$root/.data/tmp/browser-server.log"
server_pid=""
stop_server() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$server_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -9 "$server_pid" 2>/dev/null || true
    fi
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

KCZY_HOST=127.0.0.1 KCZY_PORT=$port "$KCZY" serve >"$log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"

ready=""
deadline=$((SECONDS + 30))
while [ "$SECONDS" -lt "$deadline" ]; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "browser-test: kczy serve exited early; its log ($log):" >&2
        tail -n 30 "$log" >&2
        exit 1
    fi
    if "$venv/bin/python" - "$base/readyz" <<'PY' 2>/dev/null; then
import sys, urllib.request
sys.exit(0 if urllib.request.urlopen(sys.argv[1], timeout=2).status == 200 else 1)
PY
        ready=1
        break
    fi
    sleep 0.2
done
if [ -z "$ready" ]; then
    echo "browser-test: $base/readyz did not answer 200 within 30 s; server log ($log):" >&2
    tail -n 30 "$log" >&2
    exit 1
fi
echo "browser-test: kczy serving $base (database kczy_browser, log $log)"

# --- The tests. `set -e` must not skip the exit code, so capture it explicitly.
status=0
PYTHONDONTWRITEBYTECODE=1 KCZY_BASE_URL=$base "$venv/bin/python" -m pytest -q -p no:cacheprovider Tests/browser "$@" || status=$?
exit "$status"
