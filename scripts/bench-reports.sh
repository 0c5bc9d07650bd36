#!/usr/bin/env bash
# Issue 6 report benchmark: 100,000 experts, 50,000 assignments and 500,000 outcomes; every report page must answer
# in under 500 ms (p95), and the report queries' plans are checked.
#
#   scripts/bench-reports.sh [all|load|time|plans]...     default: all (load, then time, then plans)
#
#   load    drop and recreate database $BENCH_DB on the dev cluster, `kczy migrate`, `kczy demo-data` (the demo
#           logins), then scripts/bench_reports_load.sql (set-based, deterministic) and VACUUM ANALYZE
#   time    scripts/bench_reports_time.py time: start `kczy serve` on a free port, log in as staff, a unit admin and
#           an enterprise (API bearer tokens and page sessions), time every report URL (3 warm-up + 20 requests);
#           exits non-zero when a present URL's p95 is over 500 ms
#   plans   scripts/bench_reports_time.py plans: `kczy serve` with auto_explain, one request per report URL and role,
#           the logged EXPLAIN (ANALYZE, BUFFERS) plans of the statements the service ran into $PLANS, with findings
#           (sequential scans of big tables in tenant queries, big nested loops and subplans, sorts on disk, JIT,
#           slow queries) in $PLANS/findings.md
#
# Environment (all optional):
#   KCZY        the kczy release binary (default: .build/release/kczy of this checkout; never built here)
#   KCZY_SRC    checkout whose sql/ and templates/ go with KCZY (default: the checkout KCZY was built in, when it is
#               <checkout>/.build/release/kczy, else this one)
#   BENCH_DB    database name (default kczy_reports; `load` drops and recreates it)
#   PG_DIR      cluster directory for scripts/pg-cluster.sh (default .data/dev; started when it is not running)
#   TODAY       the date the data set is generated for, YYYY-MM-DD (default: today, UTC); `kczy serve` uses the
#               real date for the service-day status, so keep the default unless reproducing an old run
#   OUT         where results go (default bench-out/reports); PLANS: plan files (default /tmp/report-plans)
#   KCZY_REPORT_CACHE_SECONDS  passed to `kczy serve`: 0 times every request against the database (cold); the
#               default (30) serves repeated program-wide reports from the cache, which the timing's repeats then hit
#   WARMUP, REQUESTS, LIMIT_MS, BUDGET_S   timing settings (3, 20, 500 ms, 30 s: a URL whose timed requests took
#               BUDGET_S seconds stops after at least 5 of them)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

db=${BENCH_DB:-kczy_reports}
out=${OUT:-bench-out/reports}
plans=${PLANS:-/tmp/report-plans}
today=${TODAY:-$(date -u +%F)}
KCZY=${KCZY:-$repo/.build/release/kczy}
[ -x "$KCZY" ] || { echo "bench-reports: no kczy binary at $KCZY (set KCZY; build with swift build -c release --product kczy)" >&2; exit 1; }
KCZY=$(readlink -f "$KCZY")
if [ -z "${KCZY_SRC:-}" ]; then
    case "$KCZY" in
    */.build/release/kczy | */.build/*/release/kczy) KCZY_SRC=${KCZY%%/.build/*} ;;
    *) KCZY_SRC=$repo ;;
    esac
fi
[ -d "$KCZY_SRC/sql" ] && [ -d "$KCZY_SRC/templates" ] || { echo "bench-reports: $KCZY_SRC has no sql/ and templates/" >&2; exit 1; }
mkdir -p "$out"

eval "$(KCZY_PGDATABASE=postgres scripts/pg-cluster.sh start "${PG_DIR:-.data/dev}")"
export PGHOST PGPORT PGUSER
export PGDATABASE=$db

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", b - a}'; }

load() {
    echo "## load: $db (binary $KCZY, sql and templates of $KCZY_SRC, today $today)"
    local t0 t1 t2 t3 t4
    t0=$(now)
    psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" -c "CREATE DATABASE \"$db\"" 2>/dev/null
    "$KCZY" migrate --sql-dir "$KCZY_SRC/sql" --log-level warning >/dev/null
    t1=$(now)
    "$KCZY" demo-data --today "$today" --sql-dir "$KCZY_SRC/sql" --log-level warning | grep "^demo-data:"
    t2=$(now)
    psql -X -v ON_ERROR_STOP=1 -v today="$today" -f scripts/bench_reports_load.sql
    t3=$(now)
    psql -X -q -v ON_ERROR_STOP=1 -c "VACUUM (ANALYZE)"
    t4=$(now)
    {
        echo "load_migrate_seconds=$(secs "$t0" "$t1") demo_data_seconds=$(secs "$t1" "$t2") bulk_sql_seconds=$(secs "$t2" "$t3") vacuum_analyze_seconds=$(secs "$t3" "$t4") total_seconds=$(secs "$t0" "$t4")"
        psql -X -tA -F ' ' -v ON_ERROR_STOP=1 <<'SQL'
SELECT 'units=' || count(*) FILTER (WHERE kind <> 'enterprise')
    || ' (out of province ' || count(*) FILTER (WHERE kind <> 'enterprise' AND out_of_province) || ')'
    || ' enterprises=' || count(*) FILTER (WHERE kind = 'enterprise')
    || ' (approved ' || count(*) FILTER (WHERE kind = 'enterprise' AND status = 'approved') || ')' FROM organization;
SELECT 'experts=' || count(*) || ' phd=' || round(100.0 * count(*) FILTER (WHERE degree = 'phd') / count(*), 1) || '%'
    || ' dispatched=' || count(*) FILTER (WHERE status = 'dispatched')
    || ' available=' || count(*) FILTER (WHERE status = 'available') FROM expert;
SELECT 'needs=' || count(*) || ' open=' || count(*) FILTER (WHERE status = 'open') FROM need;
SELECT 'batches=' || count(*) FROM match_batch;
SELECT 'proposals=' || count(*) FROM proposal;
SELECT 'assignments=' || count(*) || ' active=' || count(*) FILTER (WHERE status = 'active')
    || ' renewals=' || count(renews_assignment_id) || ' direct=' || count(*) FILTER (WHERE batch_id IS NULL) FROM assignment;
SELECT 'outcomes=' || count(*) || ' verified=' || round(100.0 * count(*) FILTER (WHERE status = 'verified') / count(*), 1) || '%'
    || ' rejected=' || count(*) FILTER (WHERE status = 'rejected') FROM outcome;
SELECT 'service_logs=' || count(*) FROM service_log;
SELECT 'assessments=' || count(*) FROM assessment;
SELECT 'state_transitions=' || count(*) FROM state_transition;
SELECT 'tenants: unit ' || a.organization_id || ' has ' || (SELECT count(*) FROM expert WHERE unit_id = a.organization_id)
    || ' experts and ' || (SELECT count(*) FROM assignment x JOIN expert e ON e.id = x.expert_id WHERE e.unit_id = a.organization_id)
    || ' assignments' FROM account a WHERE a.username = 'unit';
SELECT 'tenants: enterprise ' || a.organization_id || ' has '
    || (SELECT count(*) FROM assignment WHERE enterprise_id = a.organization_id) || ' assignments'
    FROM account a WHERE a.username = 'enterprise';
SELECT 'db_size=' || pg_size_pretty(pg_database_size(current_database()));
SQL
    } | tee "$out/load.txt"
}

time_reports() {
    echo "## time: report URLs against $db"
    python3 scripts/bench_reports_time.py time --kczy "$KCZY" --src "$KCZY_SRC" --out "$out" --budget-s "${BUDGET_S:-30}" \
        --warmup "${WARMUP:-3}" --requests "${REQUESTS:-20}" --limit-ms "${LIMIT_MS:-500}"
}

plans_reports() {
    echo "## plans: EXPLAIN (ANALYZE, BUFFERS) into $plans"
    python3 scripts/bench_reports_time.py plans --kczy "$KCZY" --src "$KCZY_SRC" --out "$plans"
}

[ $# -gt 0 ] || set -- all
status=0
for step in "$@"; do
    case "$step" in
    all) load; time_reports || status=$?; plans_reports ;;
    load) load ;;
    time) time_reports || status=$? ;;
    plans) plans_reports ;;
    *) echo "bench-reports: unknown step $step (all, load, time, plans)" >&2; exit 2 ;;
    esac
done
exit $status
