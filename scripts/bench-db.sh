#!/usr/bin/env bash
# Issue 2 benchmark: pool round trips vs pgbench -S, COPY vs psql \copy, on one private cluster, one run.
# Usage: scripts/bench-db.sh [seconds-per-run]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
dir=.data/bench-pg
scripts/pg-cluster.sh destroy "$dir" >/dev/null 2>&1 || true
eval "$(KCZY_PGDATABASE=bench scripts/pg-cluster.sh start "$dir")"
export PGHOST PGPORT PGUSER PGDATABASE
trap 'scripts/pg-cluster.sh destroy "$dir" >/dev/null 2>&1' EXIT

swift build -c release --product kczy-dbbench >/dev/null
bin=$(swift build -c release --show-bin-path)/kczy-dbbench
pgbench -q -i -s 10 >/dev/null 2>&1
echo "## simple select (pgbench_accounts, scale 10), ${secs}s each"
for c in 1 8; do
    j=$((c < 2 ? 1 : 2))
    pg=$(pgbench -n -S -c "$c" -j "$j" -T "$secs" 2>/dev/null | awk '/^tps/ {print int($3)}')
    ours=$("$bin" select --concurrency "$c" --seconds "$secs" | sed -E 's/.*tps=([0-9]+).*/\1/')
    pgp=$(pgbench -n -S -M prepared -c "$c" -j "$j" -T "$secs" 2>/dev/null | awk '/^tps/ {print int($3)}')
    echo "concurrency=$c pgbench_tps=$pg kczy_pool_tps=$ours ratio=$(awk -v a="$ours" -v b="$pg" 'BEGIN {printf "%.2f", a/b}')" \
        "pgbench_prepared_tps=$pgp ratio_prepared=$(awk -v a="$ours" -v b="$pgp" 'BEGIN {printf "%.2f", a/b}')"
done

echo "## COPY FROM STDIN, 1,000,000 rows"
file=$(mktemp /tmp/kczy-copy.XXXXXX.tsv)
python3 - "$file" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(1_000_000):
        f.write(f"{i}\t专家{i}\tkeyword-{i % 977}\t{i * 0.25}\n")
PY
chmod 644 "$file"
psql -qc "CREATE TABLE copy_bench (id int, name text, note text, score float8)"
start=$(date +%s.%N)
psql -qc "\\copy copy_bench FROM '$file'"
end=$(date +%s.%N)
psql_rate=$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.0f", 1000000 / (e - s)}')
echo "psql \\copy rows_per_s=$psql_rate"
ours=$("$bin" copy --file "$file" --table copy_bench)
echo "$ours"
raw=$(echo "$ours" | awk '/^copy rows/ {sub(/.*rows_per_s=/, ""); print}')
echo "ratio kczy/psql=$(awk -v a="$raw" -v b="$psql_rate" 'BEGIN {printf "%.2f", a/b}')"
rm -f "$file"
