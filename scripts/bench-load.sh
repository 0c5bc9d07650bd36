#!/usr/bin/env bash
# Issue 7 load benchmark: the HTTP API under a constant request rate, and its insert throughput next to pgbench.
#
#   KCZY=path/to/release/kczy scripts/bench-load.sh
#
# Settings (environment):
#   KCZY                      release binary (default .build/release/kczy; this script never builds)
#   BENCH_RATE=200            open-loop request rate (requests/s)
#   BENCH_SECONDS=60          open-loop duration (after a 5 s warm-up at the same rate)
#   BENCH_PROBE_RATES=""      extra open-loop rates to probe the knee, e.g. "400 800" (BENCH_PROBE_SECONDS=20 each)
#   BENCH_CONCURRENCY="1 8"   closed-loop concurrencies C (wrk connections = pgbench clients)
#   BENCH_THROUGHPUT_SECONDS=30  length of each wrk and pgbench run
#   BENCH_POOL_SIZE=10        kczy's database pool size
#   BENCH_PROPOSALS=1         also time, with pgbench, the statement shapes proposed in BENCHMARKS.md (0: skip):
#                             app-cached-token (the current statements without the token lookup), proposed-2 (token
#                             lookup + one INSERT … SELECT with the audit settings and the enterprise check in CTEs)
#                             and proposed-1 (that statement alone)
#   BENCH_FSYNC=on            `off` starts the cluster with fsync=off (scripts/pg-cluster.sh --fast), to isolate
#                             commit cost; the reported figures use the default (fsync on, as in production)
#
# One private cluster under .data/bench-load-pg (scripts/pg-cluster.sh), the database kczy_load with migrations and
# the demo data, and `kczy serve --no-batch-worker` on a free loopback port (KCZY_RATE_LIMIT=0). Client, server and
# PostgreSQL share the machine. Then:
#   1. open loop: scripts/bench_load.py sends BENCH_RATE requests/s for BENCH_SECONDS: half POST /api/v1/needs
#      (enterprise bearer token, valid draft), a quarter GET /api/v1/needs/{id}, a quarter GET /api/v1/needs?limit=20.
#      Latency counts from each request's *scheduled* send time (no coordinated omission); p50/p90/p99/max, the
#      achieved rate and the errors (any status other than 201/200, any connection error or 5 s timeout).
#   2. closed loop, for each C: wrk -t2 -cC -dT with scripts/bench-load.lua, POST /api/v1/needs only → requests/s.
#   3. for each C: pgbench -n -cC -jmin(C,2) -TT -f insert.sql: the same single-row INSERT into need (same columns and
#      values, audit trigger included) straight into PostgreSQL → TPS; ratio = (2) / (3), goal ≥ 0.50. Also, for
#      reference, the same with -M prepared, and a script replaying every statement the API runs for one POST (token
#      lookup, BEGIN, audit settings, enterprise status, INSERT … RETURNING, COMMIT), the database's share of the cost.
#   Every closed-loop run also records the CPU time the server, PostgreSQL (postmaster and all its children) and the
#   client used, divided by the requests or transactions done: the machine has 2 cores, so CPU per request bounds TPS.
#   PostgreSQL runs with pg_stat_statements and track_wal_io_timing, so each run also records the statements and
#   their execution time per request, and the WAL syncs (commit fsyncs) per request and their mean duration.
# Results go to .data/tmp/bench-load/: summary.txt (tables, CPU and database figures), cpu.txt, db.txt, db-NAME.txt
# (top statements), open-loop*.json, wrk-C.txt, pgbench-NAME-C.txt, the SQL files and server.log.
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${BENCH_RATE:-200}
secs=${BENCH_SECONDS:-60}
probe_rates=${BENCH_PROBE_RATES:-}
probe_secs=${BENCH_PROBE_SECONDS:-20}
concurrencies=${BENCH_CONCURRENCY:-1 8}
tsecs=${BENCH_THROUGHPUT_SECONDS:-30}
pool=${BENCH_POOL_SIZE:-10}
proposals=${BENCH_PROPOSALS:-1}
KCZY=${KCZY:-.build/release/kczy}
[ -x "$KCZY" ] || { echo "bench-load: $KCZY is missing: swift build -c release --product kczy" >&2; exit 2; }
case "$KCZY" in */debug/*) echo "bench-load: warning: $KCZY looks like a debug build" >&2 ;; esac
missing=""
command -v wrk >/dev/null || missing="$missing wrk"
command -v pgbench >/dev/null || missing="$missing postgresql-contrib"
if [ -n "$missing" ]; then
    echo "bench-load: installing$missing with apt" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    # shellcheck disable=SC2086 # one word per package
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-upgrade $missing >/dev/null
fi

out=.data/tmp/bench-load
rm -rf "$out"
mkdir -p "$out"
dir=.data/bench-load-pg
server_pid=""
cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    scripts/pg-cluster.sh destroy "$dir" >/dev/null 2>&1 || true
}
trap cleanup EXIT
scripts/pg-cluster.sh destroy "$dir" >/dev/null 2>&1 || true
fast=""
[ "${BENCH_FSYNC:-on}" = off ] && fast=--fast
eval "$(KCZY_PGDATABASE=kczy_load scripts/pg-cluster.sh start "$dir" $fast)"
export PGHOST PGPORT PGUSER PGDATABASE
# pg_stat_statements (statements per request and their execution time) and WAL sync timing (the commit's fsync).
psql -Xq -d postgres -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" \
    -c "ALTER SYSTEM SET track_wal_io_timing = on"
scripts/pg-cluster.sh restart "$dir"
psql -Xq -c 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements'
postmaster=$(head -n 1 "$PGHOST/postmaster.pid")

echo "bench-load: migrating and loading the demo data"
"$KCZY" migrate >"$out/setup.log" 2>&1
"$KCZY" demo-data >>"$out/setup.log" 2>&1

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
KCZY_RATE_LIMIT=0 KCZY_HOST=127.0.0.1 KCZY_PORT=$port KCZY_POOL_SIZE=$pool KCZY_LOG_LEVEL=warning \
    "$KCZY" serve --no-batch-worker >"$out/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 150); do
    curl -fsS "$base/readyz" >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || { tail -n 20 "$out/server.log" >&2; exit 1; }
    sleep 0.2
done
token=$(curl -fsS -H 'Content-Type: application/json' -d '{"username":"enterprise","password":"kczy-enterprise-2026"}' \
    "$base/api/v1/auth/login" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
eid=$(psql -XtAc "SELECT organization_id FROM account WHERE username = 'enterprise'")
aid=$(psql -XtAc "SELECT id FROM account WHERE username = 'enterprise'")
hash=$(printf %s "$token" | sha256sum | cut -d' ' -f1)

# CPU seconds (user + system) used so far by the server, and by PostgreSQL: the postmaster, its live children and
# the children it already reaped (pgbench's backends exit before the second snapshot).
cpu_snapshot() {
    python3 - "$server_pid" "$postmaster" <<'PY'
import os, sys
hz = os.sysconf("SC_CLK_TCK")
server, pm = sys.argv[1], sys.argv[2]
def fields(pid):
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()  # state is fields[0]; ppid [1]; utime [11] … cstime [14]
s = fields(server)
p = fields(pm)
pg = sum(int(x) for x in p[11:15])
for d in os.listdir("/proc"):
    if d.isdigit() and d != pm:
        try:
            f = fields(d)
        except OSError:
            continue
        if f[1] == pm:
            pg += int(f[11]) + int(f[12])
print((int(s[11]) + int(s[12])) / hz, pg / hz)
PY
}
# cpu_per NAME BEFORE AFTER CLIENT_SECONDS COUNT: prints and records CPU milliseconds per request/transaction.
cpu_per() {
    python3 - "$@" <<'PY' | tee -a "$out/cpu.txt"
import sys
name, before, after, client, count = sys.argv[1], sys.argv[2].split(), sys.argv[3].split(), float(sys.argv[4]), float(sys.argv[5])
k, p = float(after[0]) - float(before[0]), float(after[1]) - float(before[1])
n = max(count, 1)
print(f"  cpu {name}: kczy {k / n * 1000:.3f} ms, postgres {p / n * 1000:.3f} ms, client {client / n * 1000:.3f} ms "
      f"per request (kczy {k:.1f} s, postgres {p:.1f} s, client {client:.1f} s)")
PY
}
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
db_reset() { psql -XqAt -c 'SELECT pg_stat_statements_reset()' -c "SELECT pg_stat_reset_shared('wal')" >/dev/null; }
# db_stats NAME COUNT: statements and execution time per request, WAL syncs per request and their mean duration
# (one summary line to db.txt, the statements to db-NAME.txt).
db_stats() {
    psql -XAt -F ' ' -c "SELECT calls, round(total_exec_time::numeric, 1), round(mean_exec_time::numeric, 3),
            left(regexp_replace(query, '\s+', ' ', 'g'), 100)
        FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat%' ORDER BY total_exec_time DESC LIMIT 12" \
        >"$out/db-$1.txt"
    psql -XAt -F ' ' -c "SELECT (SELECT sum(calls) FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat%'),
            (SELECT sum(total_exec_time) FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat%'),
            wal_sync, wal_sync_time FROM pg_stat_wal" | python3 -c '
import sys
name, n = sys.argv[1], max(float(sys.argv[2]), 1)
calls, exec_ms, syncs, sync_ms = (float(x or 0) for x in sys.stdin.read().split())
print(f"  db {name}: {calls / n:.2f} statements and {exec_ms / n:.3f} ms execution per request; "
      f"{syncs / n:.2f} WAL syncs per request, {sync_ms / max(syncs, 1):.2f} ms each")' "$1" "$2" | tee -a "$out/db.txt"
}

machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(sed -n 's/^PRETTY_NAME="\(.*\)"/\1/p' /etc/os-release), PostgreSQL $(psql -XtAc 'SHOW server_version' | cut -d' ' -f1) (fsync $(psql -XtAc 'SHOW fsync'), synchronous_commit $(psql -XtAc 'SHOW synchronous_commit'))"
{
    echo "date: $(date -u +%FT%TZ)  commit: $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes')  binary: $KCZY"
    echo "machine: $machine"
    echo "load average before: $(loadavg)"
} | tee "$out/summary.txt"

open_loop() {  # rate seconds name
    local before after n
    db_reset
    before=$(cpu_snapshot)
    /usr/bin/time -f '%U %S' -o "$out/time-$3.txt" python3 scripts/bench_load.py --url "$base" --token "$token" \
        --rate "$1" --duration "$2" --json "$out/$3.json" | tee "$out/$3.txt"
    after=$(cpu_snapshot)
    n=$(python3 -c "import json, sys; print(json.load(open(sys.argv[1]))['all']['requests'])" "$out/$3.json")
    cpu_per "open loop $1 req/s" "$before" "$after" "$(awk '{print $1 + $2}' "$out/time-$3.txt")" "$n"
    db_stats "$3" "$n"
    echo "  load average after: $(loadavg)"
}

echo "bench-load: warm-up (5 s at $rate req/s)"
python3 scripts/bench_load.py --url "$base" --token "$token" --rate "$rate" --duration 5 --seed 0 >/dev/null
echo "bench-load: open loop, $rate req/s for $secs s (load average $(loadavg))"
open_loop "$rate" "$secs" open-loop
for r in $probe_rates; do
    echo "bench-load: probe, open loop, $r req/s for $probe_secs s (load average $(loadavg))"
    open_loop "$r" "$probe_secs" "open-loop-$r"
done

# The same row as the API writes (same columns and values; the audit trigger fires as it does for the API).
columns="enterprise_id, title, description, technical_targets, tracks, disciplines, keywords, budget,
    ip_arrangement, expected_outcomes, deadline, confidential, accepts_out_of_province, experts_needed,
    preferred_expert_id"
values="$eid, '压测需求 pgbench 高精度传感器封装工艺', '用于负载测试的技术需求：提高传感器封装良率，降低温漂。',
    '良率 ≥ 98%，温漂 ≤ 0.01%/℃', '{equipment}', '{460}', '{传感器,封装,可靠性}', 500000, NULL, '{}', '2030-12-31',
    false, true, 1, NULL"
returning="RETURNING id, enterprise_id, status, status_reason, preferred_expert_id, title, description,
    technical_targets, tracks, disciplines, keywords, budget, deadline, confidential, accepts_out_of_province,
    expected_outcomes, ip_arrangement, experts_needed, created_at, updated_at"
token_lookup="SELECT a.id, a.username, a.display_name, a.role, a.organization_id, a.expert_id, t.csrf_token
FROM auth_token t JOIN account a ON a.id = t.account_id
WHERE t.token_hash = '$hash' AND t.revoked_at IS NULL AND t.expires_at > now() AND a.active;"
printf 'INSERT INTO need (%s)\nVALUES (%s);\n' "$columns" "$values" >"$out/insert.sql"
# Every statement the API sends for one POST /api/v1/needs, in order (each a round trip, as in the server).
cat >"$out/insert-app.sql" <<EOF
$token_lookup
BEGIN ISOLATION LEVEL READ COMMITTED;
SELECT set_config('kczy.actor_id', '$aid', true), set_config('kczy.request_id', 'pgbench', true);
SELECT status FROM organization WHERE id = $eid;
INSERT INTO need ($columns)
VALUES ($values)
$returning;
COMMIT;
EOF
# Proposed shape: the audit settings, the enterprise check and the insert in one statement (its own implicit
# transaction: set_config(…, true) lasts until its end, and the audit trigger fires inside it). Zero rows back means
# the enterprise is not approved; only then would the server ask why.
single="WITH audit AS (SELECT set_config('kczy.actor_id', '$aid', true), set_config('kczy.request_id', 'pgbench', true)),
    org AS (SELECT 1 FROM organization WHERE id = $eid AND status = 'approved')
INSERT INTO need ($columns)
SELECT $values FROM audit, org
$returning;"
printf '%s\n%s\n' "$token_lookup" "$single" >"$out/insert-proposed-2.sql"
printf '%s\n' "$single" >"$out/insert-proposed-1.sql"
# The current statements without the token lookup (an identity cache in the server).
sed '1,3d' "$out/insert-app.sql" >"$out/insert-app-cached-token.sql"
# The proposed single statement must write the audit row with the actor, as the API does.
psql -XqAt -f "$out/insert-proposed-1.sql" >/dev/null
actor=$(psql -XtAc "SELECT actor_id FROM audit_log WHERE entity = 'need' ORDER BY id DESC LIMIT 1")
[ "$actor" = "$aid" ] || { echo "bench-load: the proposed statement did not set the audit actor ($actor)" >&2; exit 1; }

# pgb NAME C pgbench-arguments…: runs pgbench, records TPS and CPU per transaction.
pgb() {
    local name=$1 c=$2 before after client tps
    shift 2
    echo "bench-load: pgbench -n -c $c -j $(( c < 2 ? c : 2 )) -T $tsecs $* (load average $(loadavg))"
    db_reset
    before=$(cpu_snapshot)
    /usr/bin/time -f '%U %S' -o "$out/time-$name-$c.txt" \
        pgbench -n -c "$c" -j $(( c < 2 ? c : 2 )) -T "$tsecs" "$@" >"$out/pgbench-$name-$c.txt" 2>&1
    after=$(cpu_snapshot)
    client=$(awk '{print $1 + $2}' "$out/time-$name-$c.txt")
    grep -E '^(tps|latency average|number of failed)' "$out/pgbench-$name-$c.txt" || true
    tps=$(awk '/^number of transactions actually processed/ {print $NF}' "$out/pgbench-$name-$c.txt")
    cpu_per "pgbench $name c=$c" "$before" "$after" "$client" "${tps:-0}"
    db_stats "pgbench-$name-$c" "${tps:-0}"
}
tps() { awk '/^tps/ {printf "%.0f", $3; exit}' "$out/pgbench-$1-$2.txt"; }

for c in $concurrencies; do
    echo "bench-load: closed loop, wrk -t$(( c < 2 ? c : 2 )) -c$c -d${tsecs}s POST /api/v1/needs (load average $(loadavg))"
    db_reset
    before=$(cpu_snapshot)
    KCZY_BENCH_TOKEN=$token /usr/bin/time -f '%U %S' -o "$out/time-wrk-$c.txt" \
        wrk -t$(( c < 2 ? c : 2 )) -c"$c" -d"${tsecs}s" --latency -s scripts/bench-load.lua "$base/api/v1/needs" \
        | tee "$out/wrk-$c.txt"
    after=$(cpu_snapshot)
    requests=$(awk '/requests in/ {print $1}' "$out/wrk-$c.txt")
    cpu_per "kczy POST c=$c" "$before" "$after" "$(awk '{print $1 + $2}' "$out/time-wrk-$c.txt")" "$requests"
    db_stats "wrk-$c" "$requests"
    pgb insert "$c" -f "$out/insert.sql"
    pgb insert-prepared "$c" -M prepared -f "$out/insert.sql"
    pgb app-statements "$c" -M prepared -f "$out/insert-app.sql"
    if [ "$proposals" = 1 ]; then
        pgb app-cached-token "$c" -M prepared -f "$out/insert-app-cached-token.sql"
        pgb proposed-2 "$c" -M prepared -f "$out/insert-proposed-2.sql"
        pgb proposed-1 "$c" -M prepared -f "$out/insert-proposed-1.sql"
    fi
done
echo "load average after: $(loadavg)" >>"$out/summary.txt"

python3 - "$out" "$rate" "$secs" "$tsecs" "$proposals" "$concurrencies" "$probe_rates" <<'PY' | tee -a "$out/summary.txt"
import json, re, sys
out, rate, secs, tsecs, proposals, concs, probes = sys.argv[1:8]
probes = probes.split()
def wrk(c):
    text = open(f"{out}/wrk-{c}.txt").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", text))
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    errors += sum(int(x) for x in m.groups()) if m else 0
    lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", text, re.M))
    return rps, errors, lat.get("50", "?"), lat.get("99", "?")
def tps(name, c):
    m = re.search(r"^tps = ([\d.]+)", open(f"{out}/pgbench-{name}-{c}.txt").read(), re.M)
    return float(m.group(1)) if m else float("nan")
def row(r, label):
    a = r["all"]
    return (f"| {label} | {a['requests']} | {a['errors']} | {r['achieved_rate']} | {a['p50_ms']} | {a['p90_ms']} | "
            f"{a['p99_ms']} | {a['max_ms']} | {'✔' if a['p99_ms'] < 50 and a['errors'] == 0 else '✘'} |")
print()
print("| open loop | requests | errors | achieved req/s | p50 ms | p90 ms | p99 ms | max ms | p99 < 50 ms, no errors |")
print("|---|---|---|---|---|---|---|---|---|")
r = json.load(open(f"{out}/open-loop.json"))
print(row(r, f"{rate} req/s × {secs} s (mix)"))
for k, s in r["by_kind"].items():
    print(f"| — {k} | {s['requests']} | {s['errors']} | | {s['p50_ms']} | {s['p90_ms']} | {s['p99_ms']} | {s['max_ms']} | |")
for p in probes:
    print(row(json.load(open(f"{out}/open-loop-{p}.json")), f"probe {p} req/s"))
print()
names = ["insert", "insert-prepared", "app-statements"]
if proposals == "1":
    names += ["app-cached-token", "proposed-2", "proposed-1"]
print("| C | kczy POST req/s (wrk) | wrk errors | wrk p50 / p99 | pgbench INSERT tps | **ratio** (goal ≥ 0.50) | "
      + " | ".join(f"pgbench {n} tps" for n in names[1:]) + " |")
print("|---" * (6 + len(names) - 1) + "|")
for c in concs.split():
    rps, err, p50, p99 = wrk(c)
    pg = tps("insert", c)
    print(f"| {c} | {rps:.0f} | {err} | {p50} / {p99} | {pg:.0f} | **{rps / pg:.2f}** {'✔' if rps / pg >= 0.5 else '✘'} | "
          + " | ".join(f"{tps(n, c):.0f}" for n in names[1:]) + " |")
print()
print(open(f"{out}/cpu.txt").read().rstrip())
print(open(f"{out}/db.txt").read().rstrip())
PY
echo "bench-load: results in $out/summary.txt"
