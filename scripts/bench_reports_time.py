#!/usr/bin/env python3
"""Issue 6 report benchmark: response times of every report URL, and the query plans of the report SQL.

    scripts/bench_reports_time.py time  --kczy BIN [--src CHECKOUT] [--out DIR] [--warmup 3] [--requests 20]
                                        [--limit-ms 500] [--budget-s 30] [--only SUBSTRING]
    scripts/bench_reports_time.py plans [--out /tmp/report-plans] [--only SUBSTRING]

Both use the database named by the usual PG* variables (scripts/bench-reports.sh sets them to kczy_reports on the
dev cluster) and only the Python standard library plus `psql`.

time: starts `kczy serve` (release binary, --no-batch-worker, needs never expire so the data set stays as loaded,
KCZY_RATE_LIMIT=0) on a free port, logs in as the demo accounts `staff`, `unit` (unit admin) and `enterprise` twice
each: through POST /api/v1/auth/login (bearer token, for /api/...) and through the /login form (session cookie, for
pages; the form is protected by the `kczy_login_csrf` double-submit cookie, which we set ourselves). Then for every
URL of the table below and every role: one probe request (404 = "not present", skipped; 401/403 = "denied", skipped;
a redirect or any other status = reported, a 5xx = failure), `--warmup` untimed requests, and `--requests`
sequential timed ones on one keep-alive connection (time from sending the request to the last body byte); a URL
whose timed requests already took --budget-s seconds (30) stops after at least 5 (n in the table says how many). p50
is the median, p95 the nearest-rank 95th percentile (the 19th of 20), max the slowest. Exits 1 when a present URL's
p95 is over --limit-ms or a request failed. Results: OUT/timings.md and OUT/timings.json.

plans: runs EXPLAIN (ANALYZE, BUFFERS) of the report queries (copied from Sources/Storage/ReportStore.swift,
ReportStore+Needs.swift, ReportStore+Composition.swift, ServiceLogStore.swift, OutcomeStore+List.swift and
DispatchRecordStore.swift; keep them in sync) for staff, the `unit` account's unit and the `enterprise` account's
enterprise, saves each plan as text (NAME.ROLE.txt, with the SQL) and JSON into OUT, and flags: sequential scans of
big tables (over 10,000 rows) in tenant-restricted queries, nodes executed more than 1,000 times for 20 ms or more
(nested-loop inner sides, correlated subplans), sorts and hashes spilling to disk, other temp writes, JIT
compilation, and executions over 300 ms. OUT/findings.md has the table. Settings go through libpq: the service runs
with `SET jit TO off`, so this runs with PGOPTIONS='-c jit=off' unless PGOPTIONS is already set.
"""

import argparse
import http.client
import json
import math
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse

ROLES = {
    # role: demo-data login (password kczy-<username>-2026)
    "staff": "staff",
    "unit": "unit",
    "enterprise": "enterprise",
}
GROUPINGS = ["total", "year", "batch", "track", "region", "unit"]

# The URL table: (kind, path). kind "api" uses the bearer token, "page" the session cookie. Every URL is tried for
# every role; URLs the running build does not have answer 404 and are reported as "not present".
URLS = (
    [("api", f"/api/v1/reports/headline?group_by={g}") for g in GROUPINGS]
    + [("api", f"/api/v1/reports/headline?group_by={g}&format=csv") for g in GROUPINGS]
    + [
        ("api", "/api/v1/reports/composition"),
        ("api", "/api/v1/reports/composition?format=csv"),
        ("api", "/api/v1/reports/needs"),
        ("api", "/api/v1/reports/needs?format=csv"),
        ("api", "/api/v1/reports/talent-gap"),
        ("api", "/api/v1/reports/talent-gap?format=csv"),
        ("api", "/api/v1/service-logs/status?behind=true"),
        ("api", "/api/v1/service-logs/status"),
        ("api", "/api/v1/outcomes"),
        ("api", "/api/v1/outcomes?status=reported"),
        ("page", "/reports"),
    ]
    + [("page", f"/reports/headline?group_by={g}{f}") for g in GROUPINGS for f in ("", "&format=csv", "&format=json")]
    + [
        ("page", f"{p}{f}")
        for p in ("/reports/composition", "/reports/needs", "/reports/talent-gap")
        for f in ("", "?format=csv", "?format=json")
    ]
    # The start page of every role (it runs the headline, for staff also the needs funnel, and the service-day
    # warnings) and the two lists next to it.
    + [("page", "/dashboard"), ("page", "/assignments"), ("page", "/staff/outcomes")]
)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    """One keep-alive HTTP connection; reconnects when the server closes it."""

    def __init__(self, port):
        self.port = port
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            try:
                self.conn.request(method, path, body=body, headers=headers or {})
                resp = self.conn.getresponse()
                data = resp.read()
                if resp.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                return resp, data
            except (http.client.HTTPException, ConnectionError, OSError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")


def start_server(kczy, src, port, log_path):
    cmd = [kczy, "serve", "--host", "127.0.0.1", "--port", str(port), "--no-batch-worker",
           "--need-validity-days", "0", "--sql-dir", os.path.join(src, "sql"),
           "--templates-dir", os.path.join(src, "templates"), "--log-level", "warning"]
    log = open(log_path, "w")
    # The per-address rate limit (KCZY_RATE_LIMIT, builds after 04061b6) would answer 429 to a fast sequential
    # client; the benchmark measures the reports, so it is off (older builds ignore the variable).
    env = dict(os.environ, KCZY_RATE_LIMIT="0")
    proc = subprocess.Popen(cmd, cwd=src, stdout=log, stderr=subprocess.STDOUT, env=env)
    deadline = time.time() + 60
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"kczy serve exited with {proc.returncode}; see {log_path}")
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/healthz")
            if c.getresponse().status == 200:
                c.close()
                return proc
        except OSError:
            pass
        time.sleep(0.2)
    proc.terminate()
    raise SystemExit(f"kczy serve did not answer /healthz within 60 s; see {log_path}")


def login_api(client, username):
    body = json.dumps({"username": username, "password": f"kczy-{username}-2026"})
    resp, data = client.request("POST", "/api/v1/auth/login", body, {"Content-Type": "application/json"})
    if resp.status != 200:
        raise SystemExit(f"API login as {username}: {resp.status} {data[:200]!r}")
    return {"Authorization": "Bearer " + json.loads(data)["token"]}


def login_page(client, username):
    # The login form's CSRF protection is a double-submit cookie: any token of 32+ characters that the form echoes.
    token = secrets.token_urlsafe(32)
    form = urllib.parse.urlencode({"_csrf": token, "username": username, "password": f"kczy-{username}-2026"})
    resp, data = client.request("POST", "/login", form, {
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": f"kczy_login_csrf={token}"})
    session = None
    for name, value in resp.getheaders():
        if name.lower() == "set-cookie" and value.startswith("kczy_session=") and not value.startswith("kczy_session=;"):
            session = value.split(";", 1)[0]
    if resp.status != 303 or not session:
        raise SystemExit(f"page login as {username}: {resp.status} {data[:200]!r}")
    return {"Cookie": session}


def percentile(sorted_ms, p):
    """Nearest-rank percentile (p95 of 20 samples is the 19th)."""
    return sorted_ms[max(0, math.ceil(p / 100 * len(sorted_ms)) - 1)]


def cmd_time(args):
    port = free_port()
    os.makedirs(args.out, exist_ok=True)
    log_path = os.path.join(args.out, "serve.log")
    proc = start_server(args.kczy, args.src, port, log_path)
    rows = []
    failed = False
    try:
        auth = {}
        for role, user in ROLES.items():
            c = Client(port)
            auth[role] = {"api": login_api(c, user), "page": login_page(c, user)}
        for kind, path in URLS:
            if args.only and args.only not in path:
                continue
            for role in ROLES:
                client = Client(port)
                headers = dict(auth[role][kind])
                resp, data = client.request("GET", path, headers=headers)
                row = {"kind": kind, "path": path, "role": role, "status": resp.status, "bytes": len(data),
                       "content_type": (resp.getheader("Content-Type") or "").split(";")[0]}
                if resp.status == 404:
                    row["result"] = "not present"
                elif resp.status in (401, 403):
                    row["result"] = f"denied ({resp.status})"
                elif resp.status >= 500:
                    row["result"] = f"FAILED ({resp.status})"
                    failed = True
                elif resp.status != 200:
                    row["result"] = f"status {resp.status}"
                else:
                    for _ in range(args.warmup):
                        client.request("GET", path, headers=headers)
                    samples = []
                    for _ in range(args.requests):
                        t0 = time.perf_counter()
                        r, d = client.request("GET", path, headers=headers)
                        samples.append((time.perf_counter() - t0) * 1000)
                        if r.status != 200:
                            row["result"] = f"FAILED (status {r.status} during timing)"
                            failed = True
                            break
                        # A URL far over the limit needs no 20 samples to say so: stop after the time budget.
                        if sum(samples) > args.budget_s * 1000 and len(samples) >= 5:
                            break
                    if "result" not in row:
                        s = sorted(samples)
                        row.update(p50=statistics.median(s), p95=percentile(s, 95), max=s[-1], n=len(s))
                        over = row["p95"] > args.limit_ms
                        row["result"] = f"OVER {args.limit_ms} ms" if over else "ok"
                        failed |= over
                rows.append(row)
                timing = (f"p50 {row['p50']:7.1f}  p95 {row['p95']:7.1f}  max {row['max']:7.1f} ms  n={row['n']}"
                          if "p50" in row else "")
                print(f"{row['result']:<14} {role:<10} {path:<55} {row['status']} {row['bytes']:>9} B  {timing}",
                      flush=True)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    with open(os.path.join(args.out, "timings.json"), "w") as f:
        json.dump(rows, f, indent=1, ensure_ascii=False)
    md = ["| URL | role | status | bytes | p50 ms | p95 ms | max ms | n | result |",
          "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        if "p50" in r:
            md.append(f"| `{r['path']}` | {r['role']} | {r['status']} | {r['bytes']:,} | {r['p50']:.1f} | "
                      f"{r['p95']:.1f} | {r['max']:.1f} | {r['n']} | {r['result']} |")
        else:
            md.append(f"| `{r['path']}` | {r['role']} | {r['status']} | {r['bytes']:,} | – | – | – | – | {r['result']} |")
    with open(os.path.join(args.out, "timings.md"), "w") as f:
        f.write("\n".join(md) + "\n")
    timed = [r for r in rows if "p50" in r]
    absent = sorted({r["path"] for r in rows if r["result"] == "not present"})
    print(f"\n{len(timed)} URL/role pairs timed ({args.warmup} warm-up + {args.requests} requests each), "
          f"{sum(r['result'].startswith('OVER') for r in rows)} over {args.limit_ms} ms, "
          f"{sum(r['result'].startswith('FAILED') for r in rows)} failed, "
          f"{sum(r['result'].startswith('denied') for r in rows)} denied; not present: {', '.join(absent) or 'none'}")
    if timed:
        worst = max(timed, key=lambda r: r["p95"])
        print(f"slowest p95: {worst['p95']:.1f} ms ({worst['role']} {worst['path']}); table: {args.out}/timings.md")
    return 1 if failed else 0


# ---------------------------------------------------------------------------------------------------------------
# Report SQL, copied from the stores (the Swift interpolates the tenant condition and the grouping keys verbatim).

def tenant_condition(store, role, ids):
    if role == "staff":
        return "TRUE"
    if role == "unit":
        return f"e.unit_id = {ids['unit']}"
    if role == "enterprise":
        return f"a.enterprise_id = {ids['enterprise']}"
    raise ValueError(role)


def service_status_sql(tenant, year_start, as_of, only_behind="true", limit="20"):
    # ServiceLogStore.status as the staff dashboard calls it (behind only, 20 listed, with the total). The dates,
    # the flags and the optional assignment are bind parameters in Swift; here they are literals.
    materialized = "" if tenant == "TRUE" else "MATERIALIZED"
    return f"""
WITH s AS {materialized} (
    SELECT a.id, a.expert_id, a.enterprise_id, e.name AS expert_name,
           floor(90::float8 * (('{as_of}'::date - greatest(a.term_start, '{year_start}'::date)) + 1)::float8 / 365) AS expected,
           coalesce((SELECT sum(days) FROM service_log l WHERE l.assignment_id = a.id
                     AND l.served_on >= '{year_start}'::date AND l.served_on <= '{as_of}'::date), 0)::float8 AS served
    FROM assignment a JOIN expert e ON e.id = a.expert_id
    WHERE a.status = 'active' AND a.term_start <= '{as_of}'::date AND {tenant}
      AND (NULL::int8 IS NULL OR a.id = NULL::int8)
),
listed AS (
    SELECT s.*, count(*) OVER () AS total FROM s
    WHERE NOT {only_behind}::bool OR s.served < s.expected
    ORDER BY s.id LIMIT {limit}::int8
)
SELECT l.id, l.expert_id, l.expert_name, ent.name, l.served, l.expected, l.total
FROM listed l JOIN organization ent ON ent.id = l.enterprise_id
ORDER BY l.id"""


def composition_sql(tenant):
    # ReportStore.composition (ReportStore+Composition.swift).
    return f"""
WITH p AS (
    SELECT DISTINCT ON (a.expert_id) a.expert_id, e.degree, u.kind, u.out_of_province,
           extract(year FROM a.term_start)::int - e.birth_year AS age
    FROM assignment a JOIN expert e ON e.id = a.expert_id JOIN organization u ON u.id = e.unit_id
    WHERE {tenant}
    ORDER BY a.expert_id, a.term_start
)
SELECT 'degree', coalesce(degree, 'unknown'), count(*) FROM p GROUP BY 1, 2
UNION ALL
SELECT 'age', CASE WHEN age IS NULL THEN 'unknown' WHEN age <= 35 THEN 'le35' WHEN age <= 45 THEN '36_45'
                   WHEN age <= 55 THEN '46_55' ELSE 'gt55' END, count(*) FROM p GROUP BY 1, 2
UNION ALL
SELECT 'origin', CASE WHEN out_of_province THEN 'out' ELSE 'in' END, count(*) FROM p GROUP BY 1, 2
UNION ALL
SELECT 'unit_kind', kind, count(*) FROM p GROUP BY 1, 2"""


def outcome_list_sql(tenant, status="NULL", limit=20):
    # OutcomeStore.list (OutcomeStore+List.swift) as the dashboard (limit 20, any status) and the staff verification
    # queue (status 'reported') call it; status, assignment and before are bind parameters in Swift.
    return f"""
SELECT o.id, o.assignment_id, o.kind, o.title, o.achieved_on::text, o.status, o.status_reason, e.name,
       ent.name, o.trained_count, o.contract_value::float8,
       (SELECT filename FROM outcome_evidence v WHERE v.outcome_id = o.id ORDER BY v.id LIMIT 1)
FROM outcome o JOIN assignment a ON a.id = o.assignment_id JOIN expert e ON e.id = a.expert_id
JOIN organization ent ON ent.id = a.enterprise_id
WHERE {tenant}
  AND ({status}::text IS NULL OR o.status = {status})
  AND (NULL::int8 IS NULL OR o.assignment_id = NULL)
  AND (NULL::int8 IS NULL OR o.id < NULL)
ORDER BY o.id DESC LIMIT {limit}"""


def outcome_count_sql(tenant, status="'reported'"):
    # OutcomeStore.count: the staff dashboard's "awaiting verification" (staff: the outcome table alone).
    if tenant == "TRUE":
        return f"SELECT count(*) FROM outcome WHERE status = {status}"
    return f"""
SELECT count(*) FROM outcome o JOIN assignment a ON a.id = o.assignment_id JOIN expert e ON e.id = a.expert_id
WHERE o.status = {status} AND {tenant}"""


def dispatch_list_sql(tenant, limit=20):
    # DispatchRecordStore.list: the dashboard's and /assignments' dispatch list.
    return f"""
SELECT a.id, a.need_id, n.title, a.expert_id, e.name, u.name, a.enterprise_id, ent.name,
       a.term_start::text, (a.term_end - 1)::text, a.status, a.renews_assignment_id
FROM assignment a JOIN expert e ON e.id = a.expert_id JOIN organization u ON u.id = e.unit_id
JOIN organization ent ON ent.id = a.enterprise_id JOIN need n ON n.id = a.need_id
WHERE {tenant} AND (NULL::int8 IS NULL OR a.id < NULL)
ORDER BY a.id DESC LIMIT {limit}"""


# ---------------------------------------------------------------------------------------------------------------
# The headline (ReportStore+HeadlineSQL.swift), the needs funnel and the talent gap (ReportStore+Needs.swift).

EXPERT_JOIN = "JOIN expert e ON e.id = a.expert_id"
# grouping -> (dispatch key, its joins; outcome key (an id or code, cheap to group by), its joins; the label of
# that key, the label's join). All joined keys are NOT NULL foreign keys, so an inner join never drops a row and the
# joins a grouping does not need can be left out.
HEADLINE_SHAPES = {
    "total": ("'合计'", [], "'合计'", [], "o1.k", ""),
    "year": ("extract(year FROM a.term_start)::int::text", [],
             "extract(year FROM ou.achieved_on)::int", [], "o1.k::text", ""),
    "batch": ("coalesce(b.name, '直接选派')", ["LEFT JOIN match_batch b ON b.id = a.batch_id"],
              "a.batch_id", [], "coalesce(b.name, '直接选派')", "LEFT JOIN match_batch b ON b.id = o1.k"),
    "track": ("coalesce(t.name_zh, '未分类')",
              ["JOIN need n ON n.id = a.need_id", "LEFT JOIN industry_track t ON t.code = n.tracks[1]"],
              "n.tracks[1]", ["JOIN need n ON n.id = a.need_id"],
              "coalesce(t.name_zh, '未分类')", "LEFT JOIN industry_track t ON t.code = o1.k"),
    "region": ("r.name_zh", ["JOIN organization ent ON ent.id = a.enterprise_id", "JOIN region r ON r.code = ent.region_code"],
               "ent.region_code", ["JOIN organization ent ON ent.id = a.enterprise_id"],
               "r.name_zh", "JOIN region r ON r.code = o1.k"),
    "unit": ("u.name", [EXPERT_JOIN, "JOIN organization u ON u.id = e.unit_id"],
             "e.unit_id", [EXPERT_JOIN], "u.name", "JOIN organization u ON u.id = o1.k"),
}


def headline_sql(grouping, role, tenant):
    """The headline without the shared 7-join CTE: (1) people per group from the assignments with only the joins the
    grouping and the tenant need; (2) verified outcomes added up per cheap key (an id, code or year: few,
    well-estimated groups, no sort or spill) and kind, joined to their assignment only when the tenant or the key
    needs it (staff totals and years read the outcome index alone); (3) labelled, pivoted by kind and re-added by
    the label (two units with the same name still make one row, as before). No CTE is referenced twice, so (2) can
    run in parallel."""
    dispatch_key, dispatch_joins, outcome_key, outcome_joins, label, label_join = HEADLINE_SHAPES[grouping]
    tenant_joins = [EXPERT_JOIN] if role == "unit" else []
    # Every outcome has an assignment (NOT NULL foreign key), so staff totals and years need no join at all.
    assignment_join = "JOIN assignment a ON a.id = ou.assignment_id" if role != "staff" or outcome_joins or \
        "a." in outcome_key else ""

    def joins(extra):
        out = []
        for j in tenant_joins + extra:
            if j not in out:
                out.append(j)
        return "\n    ".join(out)

    sql = f"""
WITH d AS (
    SELECT {dispatch_key} AS g, count(DISTINCT a.expert_id) AS people
    FROM assignment a
    {joins(dispatch_joins)}
    WHERE {tenant}
    GROUP BY 1
),
o1 AS (
    SELECT {outcome_key} AS k, ou.kind, count(*) AS n, sum(ou.trained_count) AS trained,
           sum(ou.contract_value) AS value, sum(ou.amount_received) AS received
    FROM outcome ou
    {assignment_join}
    {joins(outcome_joins)}
    WHERE ou.status = 'verified' AND {tenant}
    GROUP BY 1, 2
),
o AS (
    SELECT {label} AS g,
        sum(o1.n) FILTER (WHERE o1.kind = 'project') AS projects,
        sum(o1.n) FILTER (WHERE o1.kind = 'achievement_transfer') AS transfers,
        sum(o1.n) FILTER (WHERE o1.kind = 'standard') AS standards,
        sum(o1.n) FILTER (WHERE o1.kind = 'new_product') AS products,
        sum(o1.n) FILTER (WHERE o1.kind = 'platform') AS platforms,
        sum(o1.trained) FILTER (WHERE o1.kind = 'staff_trained') AS trained,
        sum(o1.n) FILTER (WHERE o1.kind = 'contract') AS contracts,
        sum(o1.value) FILTER (WHERE o1.kind = 'contract') AS value,
        sum(o1.received) FILTER (WHERE o1.kind = 'contract') AS received,
        sum(o1.n) FILTER (WHERE o1.kind = 'patent') AS patents
    FROM o1
    {label_join}
    GROUP BY 1
)
SELECT coalesce(d.g, o.g), coalesce(d.people, 0), coalesce(o.projects, 0)::int8, coalesce(o.transfers, 0)::int8,
       coalesce(o.standards, 0)::int8, coalesce(o.products, 0)::int8, coalesce(o.platforms, 0)::int8,
       coalesce(o.trained, 0)::int8, coalesce(o.contracts, 0)::int8, coalesce(o.value, 0)::float8,
       coalesce(o.received, 0)::float8, coalesce(o.patents, 0)::int8
FROM d FULL JOIN o ON o.g = d.g
ORDER BY 1"""
    return "\n".join(line for line in sql.splitlines() if line.strip())


# The needs funnel with `IN (subquery)` instead of correlated EXISTS for proposals and assignments: PostgreSQL runs
# an IN as one hashed subplan (one scan of each table) instead of an index probe per need.
NEED_FUNNEL_SQL = """
SELECT coalesce(t.name_zh, '未分类'),
       count(*) FILTER (WHERE n.status NOT IN ('draft', 'withdrawn')
                          OR EXISTS (SELECT 1 FROM state_transition s WHERE s.entity = 'need'
                                     AND s.entity_id = n.id AND s.to_status = 'submitted')),
       count(*) FILTER (WHERE n.id IN (SELECT p.need_id FROM proposal p)),
       count(*) FILTER (WHERE n.id IN (SELECT a.need_id FROM assignment a)),
       count(*) FILTER (WHERE n.status = 'solved')
FROM need n LEFT JOIN industry_track t ON t.code = n.tracks[1]
GROUP BY 1 ORDER BY 1"""

# The talent gap with the available experts counted once per first-level discipline (one pass over the experts)
# instead of a correlated subquery that unnests every available expert's disciplines again for every result row.
TALENT_GAP_SQL = """
WITH gap AS (
    SELECT coalesce(left(n.disciplines[1], 3), '') AS d, coalesce(t.name_zh, '未分类') AS track, n.id
    FROM need n LEFT JOIN industry_track t ON t.code = n.tracks[1]
    WHERE n.status = 'open' AND NOT EXISTS (SELECT 1 FROM proposal p WHERE p.need_id = n.id)
),
avail AS (
    SELECT x.d, count(*) AS n
    FROM expert e CROSS JOIN LATERAL (SELECT DISTINCT left(x, 3) AS d FROM unnest(e.disciplines) x) x
    WHERE e.status = 'available'
    GROUP BY x.d
)
SELECT g.d, coalesce(dc.name_zh, '未填学科'), g.track, count(*), coalesce(min(av.n), 0)
FROM gap g LEFT JOIN discipline dc ON dc.code = g.d LEFT JOIN avail av ON av.d = g.d
GROUP BY g.d, dc.name_zh, g.track
ORDER BY count(*) DESC, g.d, g.track"""


def psql(sql, *extra):
    r = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-tA", *extra, "-c", sql],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"psql failed: {r.stderr.strip()}\n{sql[:400]}")
    return r.stdout


def walk(node, depth=0):
    yield node, depth
    for child in node.get("Plans", []):
        yield from walk(child, depth + 1)


def findings(plan_json, tenant_restricted, big_tables):
    """Problems worth a look in one EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) result."""
    root = plan_json[0]
    out = []
    total = root["Execution Time"]
    if total > 300:
        out.append(f"slow: {total:.0f} ms")
    for node, _ in walk(root["Plan"]):
        t = node["Node Type"]
        loops = node.get("Actual Loops", 1)
        rel = node.get("Relation Name")
        if t == "Seq Scan" and tenant_restricted and rel in big_tables:
            out.append(f"seq scan on {rel} ({big_tables[rel]:,} rows) in a tenant-restricted query "
                       f"(rows out {node.get('Actual Rows', 0) * loops:,}, removed by filter "
                       f"{node.get('Rows Removed by Filter', 0) * loops:,})")
        time_ms = node.get("Actual Total Time", 0) * loops
        if loops > 1000 and time_ms >= 20:
            what = f"{t}" + (f" on {rel}" if rel else "") + (f" ({node['Subplan Name']})" if node.get("Subplan Name") else "")
            out.append(f"{what} executed {loops:,} times (~{time_ms:.0f} ms in all)")
        if node.get("Sort Space Type") == "Disk":
            out.append(f"sort spilled to disk ({node.get('Sort Space Used')} kB, method {node.get('Sort Method')})")
        if node.get("Hash Batches", 1) > 1:
            out.append(f"hash spilled: {node['Hash Batches']} batches (original {node.get('Original Hash Batches')})")
        # BUFFERS counts include the children's; report what the node itself wrote.
        own = node.get("Temp Written Blocks", 0) - sum(c.get("Temp Written Blocks", 0) for c in node.get("Plans", []))
        if own > 0 and t != "Sort" and not (t == "Hash" and node.get("Hash Batches", 1) > 1):
            out.append(f"{t} wrote {own} temp blocks ({own * 8} kB)")
    if root.get("JIT"):
        j = root["JIT"]
        out.append(f"JIT compiled {j.get('Functions', '?')} functions in "
                   f"{j.get('Timing', {}).get('Total', 0):.0f} ms")
    # Keep each message once (nested nodes repeat temp writes), in order.
    seen = []
    for f in out:
        if f not in seen:
            seen.append(f)
    return total, seen


def cmd_plans(args):
    os.makedirs(args.out, exist_ok=True)
    ids = {}
    for role, user in (("unit", "unit"), ("enterprise", "enterprise")):
        ids[role] = int(psql(f"SELECT organization_id FROM account WHERE username = '{user}'").strip())
    today = psql("SELECT current_date::text").strip()
    year_start = today[:4] + "-01-01"
    big = {}
    for line in psql("SELECT relname, reltuples::bigint FROM pg_class WHERE relkind = 'r' "
                     "AND relnamespace = 'public'::regnamespace AND reltuples > 10000").splitlines():
        name, n = line.split("|")
        big[name] = int(n)

    queries = []  # (name, role, sql, tenant_restricted)
    for role in ("staff", "unit", "enterprise"):
        tenant = tenant_condition("report", role, ids)
        for g in GROUPINGS:
            queries.append((f"headline-{g}", role, headline_sql(g, role, tenant), role != "staff"))
        queries.append(("service-status", role, service_status_sql(tenant, year_start, today), role != "staff"))
        queries.append(("composition", role, composition_sql(tenant), role != "staff"))
        queries.append(("outcome-list", role, outcome_list_sql(tenant), role != "staff"))
        queries.append(("dispatch-list", role, dispatch_list_sql(tenant), role != "staff"))
    queries.append(("outcome-count-reported", "staff", outcome_count_sql("TRUE"), False))
    queries.append(("outcome-queue-reported", "staff", outcome_list_sql("TRUE", "'reported'", 100), False))
    queries.append(("needs", "staff", NEED_FUNNEL_SQL, False))
    queries.append(("talent-gap", "staff", TALENT_GAP_SQL, False))
    summary = ["| query | tenant | execution ms | findings |", "|---|---|---|---|"]
    for name, role, sql, restricted in queries:
        if args.only and args.only not in name:
            continue
        base = os.path.join(args.out, f"{name}.{role}")
        plan_text = psql("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        plan_json = json.loads(psql("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql))
        with open(base + ".txt", "w") as f:
            f.write(f"-- {name} as {role}\n{sql.strip()}\n\n{plan_text}")
        with open(base + ".json", "w") as f:
            json.dump(plan_json, f, indent=1, ensure_ascii=False)
        total, found = findings(plan_json, restricted, big)
        text_ms = float(re.search(r"Execution Time: ([0-9.]+) ms", plan_text).group(1))
        print(f"{name:<26} {role:<10} {text_ms:8.1f} / {total:8.1f} ms  " + ("; ".join(found) or "ok"), flush=True)
        summary.append(f"| {name} | {role} | {text_ms:.1f} / {total:.1f} | {'; '.join(found) or 'ok'} |")
    with open(os.path.join(args.out, "findings.md"), "w") as f:
        f.write("Execution time of two EXPLAIN ANALYZE runs (text, then JSON).\n\n" + "\n".join(summary) + "\n")
    print(f"plans and findings: {args.out}/ (findings.md)")
    return 0


def main():
    # A terminated run still stops its server (the `finally` in cmd_time).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("time")
    t.add_argument("--kczy", required=True)
    t.add_argument("--src", default=os.getcwd(), help="checkout with sql/ and templates/ for the binary")
    t.add_argument("--out", default="bench-out/reports")
    t.add_argument("--warmup", type=int, default=3)
    t.add_argument("--requests", type=int, default=20)
    t.add_argument("--limit-ms", type=float, default=500)
    t.add_argument("--budget-s", type=float, default=30,
                   help="stop timing a URL once its timed requests took this long (after at least 5)")
    t.add_argument("--only", help="time only URLs containing this text")
    p = sub.add_parser("plans")
    p.add_argument("--out", default="/tmp/report-plans")
    p.add_argument("--only", help="only queries whose name contains this text")
    args = ap.parse_args()
    sys.exit(cmd_time(args) if args.cmd == "time" else cmd_plans(args))


if __name__ == "__main__":
    main()
