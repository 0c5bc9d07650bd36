#!/usr/bin/env bash
# Backup round trip: pg_dump -Fc of the database the PG* variables name, pg_restore into a new database,
# then the exact row count (count(*), not statistics) of every table in schema public, source against
# restore. Prints a table of the counts; exits non-zero on any difference or error.
#
#   eval "$(scripts/pg-cluster.sh start .data/pg)"; scripts/backup-test.sh
#   PGHOST=db.internal PGUSER=kczy PGDATABASE=kczy PGPASSWORD=... scripts/backup-test.sh
#
# The source is counted inside the very snapshot pg_dump dumps (pg_export_snapshot), so the comparison is
# exact even while the service keeps writing. The role needs CREATEDB (the check database is dropped at
# the end). pg_dump and pg_restore come from /usr/lib/postgresql/<server major>/bin, or the nearest newer
# version installed.
# Settings: KCZY_BACKUP_KEEP_DUMP=FILE keeps the dump; KCZY_BACKUP_KEEP_DB=1 keeps the restored database;
# KCZY_RESTORE_JOBS parallel restore jobs (default 2).
set -euo pipefail

: "${PGDATABASE:?set PGDATABASE (and PGHOST, PGPORT, PGUSER as needed) to the database to back up}"
source_db=$PGDATABASE
restore_db="${source_db}_restore_check_$$"
work=$(mktemp -d)
psql_() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }
seconds_since() { local now=${EPOCHREALTIME/./}; printf '%d.%d' $(((now - $1) / 1000000)) $(((now - $1) / 100000 % 10)); }

# Client tools no older than the server: the same major version, else the nearest newer one.
major=$(($(psql_ -c "SHOW server_version_num") / 10000))
bindir="" best=""
for dir in /usr/lib/postgresql/*/bin; do
    version=$(basename "$(dirname "$dir")")
    version=${version%%.*}
    if [ -x "$dir/pg_dump" ] && [ "$version" -ge "$major" ] && { [ -z "$best" ] || [ "$version" -lt "$best" ]; }; then
        best=$version bindir=$dir
    fi
done
if [ -z "$bindir" ]; then
    echo "backup-test: no pg_dump for PostgreSQL $major or newer under /usr/lib/postgresql" >&2
    exit 2
fi

cleanup() {
    local status=$?
    if [ -n "${SNAP_PID:-}" ]; then kill "$SNAP_PID" 2>/dev/null || true; fi
    if [ "${KCZY_BACKUP_KEEP_DB:-0}" != 1 ]; then
        psql_ -d "$source_db" -c "DROP DATABASE IF EXISTS \"$restore_db\"" 2>/dev/null || true
    fi
    rm -rf "$work"
    if [ "$status" != 0 ]; then echo "backup-test: FAILED (exit $status)" >&2; fi
    exit "$status"
}
trap cleanup EXIT

# One query that writes the counting statement for every table in schema public; \gexec runs it.
count_sql="SELECT coalesce(string_agg(format('SELECT %L, count(*) FROM public.%I', c.relname, c.relname),
    ' UNION ALL ' ORDER BY c.relname), 'SELECT NULL, NULL WHERE false')
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') \\gexec"

# A session holding the snapshot that pg_dump then uses; the source is counted inside it.
coproc SNAP { psql -X -q -v ON_ERROR_STOP=1 -At -F '|' 2>&1; }
echo "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SELECT pg_export_snapshot();" >&"${SNAP[1]}"
read -r -t 30 snapshot <&"${SNAP[0]}"

start=${EPOCHREALTIME/./}
"$bindir/pg_dump" --format=custom --snapshot="$snapshot" --file="$work/dump" "$source_db"
dump_time=$(seconds_since "$start")

printf '%s\nSELECT %s;\n' "$count_sql" "'--end--'" >&"${SNAP[1]}"
complete=0
while read -r -t 3600 line <&"${SNAP[0]}"; do
    if [ "$line" = "--end--" ]; then complete=1; break; fi
    echo "$line"
done > "$work/source.txt"
if [ "$complete" != 1 ]; then
    echo "backup-test: counting the source failed:" >&2
    cat "$work/source.txt" >&2
    exit 1
fi
printf 'COMMIT;\n\\q\n' >&"${SNAP[1]}"

# A new database with the source's encoding and locale (pg_trgm needs a UTF-8 ctype for Chinese text).
read -r encoding collate ctype < <(psql_ -F ' ' -c "SELECT pg_encoding_to_char(encoding), datcollate, datctype
    FROM pg_database WHERE datname = current_database()")
psql_ -c "CREATE DATABASE \"$restore_db\" TEMPLATE template0 ENCODING '$encoding'
    LC_COLLATE '$collate' LC_CTYPE '$ctype'"
start=${EPOCHREALTIME/./}
"$bindir/pg_restore" --exit-on-error --no-owner --no-privileges --jobs="${KCZY_RESTORE_JOBS:-2}" \
    --dbname="$restore_db" "$work/dump"
restore_time=$(seconds_since "$start")
echo "$count_sql" | psql_ -F '|' -d "$restore_db" > "$work/restored.txt"

if [ -n "${KCZY_BACKUP_KEEP_DUMP:-}" ]; then cp "$work/dump" "$KCZY_BACKUP_KEEP_DUMP"; fi
echo "backup-test: $source_db -> $restore_db with $bindir: dump $(du -h "$work/dump" | cut -f1) in ${dump_time}s," \
    "restore in ${restore_time}s"

# Every table on both sides, with the same count.
python3 - "$work/source.txt" "$work/restored.txt" <<'EOF'
import sys


def load(path):
    rows = {}
    for line in open(path, encoding="utf-8"):
        name, _, count = line.rstrip("\n").rpartition("|")
        if not name or not count.isdigit():
            sys.exit(f"backup-test: unexpected output in {path}: {line.strip()}")
        rows[name] = int(count)
    return rows


source, restored = load(sys.argv[1]), load(sys.argv[2])
width = max([len(t) for t in source.keys() | restored.keys()] + [5])
print(f"{'table':<{width}}  {'source':>10}  {'restored':>10}  check")
good = bad = 0
for table in sorted(source.keys() | restored.keys()):
    a, b = source.get(table), restored.get(table)
    good, bad = (good + 1, bad) if a == b else (good, bad + 1)
    show = ["missing" if n is None else str(n) for n in (a, b)]
    print(f"{table:<{width}}  {show[0]:>10}  {show[1]:>10}  {'ok' if a == b else 'MISMATCH'}")
print(f"{'total':<{width}}  {sum(source.values()):>10}  {sum(restored.values()):>10}")
if not source:
    print("backup-test: schema public of the source has no tables")
print(f"backup-test: {good} passed, {bad} failed")
sys.exit(1 if bad or not source else 0)
EOF
