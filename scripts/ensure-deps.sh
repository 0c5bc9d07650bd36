#!/usr/bin/env bash
# Installs the system packages kczy needs when they are missing (Debian/Ubuntu, apt).
# Usage: scripts/ensure-deps.sh [extra-package …]
set -euo pipefail

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql postgresql-contrib)
command -v psql >/dev/null 2>&1 || need+=(postgresql-client)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
pkg-config --exists libpq 2>/dev/null || need+=(libpq-dev)
for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done

# The OpenAPI conformance test validates the served document with openapi-spec-validator (PyPI).
if ! python3 -c "import openapi_spec_validator" >/dev/null 2>&1; then
    python3 -m pip install -q openapi-spec-validator >&2 || echo "ensure-deps: could not install openapi-spec-validator" >&2
fi

if [ ${#need[@]} -gt 0 ]; then
    echo "ensure-deps: installing ${need[*]}" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
    # Installing packages can upgrade PostgreSQL in place; running private clusters must be restarted.
    for d in .data/pg; do
        [ -e "$d/postmaster.pid" ] && scripts/pg-cluster.sh restart "$d" || true
    done
fi
