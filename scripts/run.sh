#!/usr/bin/env bash
# `make run`: private cluster under .data/pg, migrations, demo data on an empty database, then serve.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --product kczy
eval "$(scripts/pg-cluster.sh start .data/pg)"
export PGHOST PGPORT PGUSER PGDATABASE
echo "run: PostgreSQL at PGHOST=$PGHOST PGPORT=$PGPORT PGUSER=$PGUSER PGDATABASE=$PGDATABASE"
bin=$(swift build --show-bin-path)/kczy
"$bin" migrate
if "$bin" demo-data --help >/dev/null 2>&1; then
    "$bin" demo-data --if-empty
fi
echo "run: serving on http://${KCZY_HOST:-127.0.0.1}:${KCZY_PORT:-8080} (Ctrl-C stops; 'make stop' stops PostgreSQL)"
exec "$bin" serve
