#!/usr/bin/env python3
"""Issue 6 report benchmark: response times of every report URL, and the query plans of the report SQL.

    scripts/bench_reports_time.py time  --kczy BIN [--src CHECKOUT] [--out DIR] [--warmup 3] [--requests 20]
                                        [--limit-ms 500] [--budget-s 30] [--only SUBSTRING]
    scripts/bench_reports_time.py plans --kczy BIN [--src CHECKOUT] [--out /tmp/report-plans] [--only SUBSTRING]
                                        [--min-ms 5] [--server-log FILE]

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

plans: the plans of the SQL the service really runs, so nothing here can drift from the stores. Starts `kczy serve`
with auto_explain on its connections (PGOPTIONS: session_preload_libraries=auto_explain, every statement logged
with EXPLAIN ANALYZE and BUFFERS as JSON into the cluster's server.log; the bench connects as the superuser, which
may set these) and the report cache off, requests every report URL once per role (one format per report), and for
every statement of at least --min-ms (5) saves its plan as JSON into OUT and flags: sequential scans of big tables
(over 10,000 rows) in tenant-restricted requests, nodes executed more than 1,000 times for 20 ms or more (nested-loop
inner sides, correlated subplans), sorts and hashes spilling to disk, other temp writes, JIT compilation, and
executions over 300 ms. OUT/findings.md has the table.
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


def start_server(kczy, src, port, log_path, env_extra=None):
    cmd = [kczy, "serve", "--host", "127.0.0.1", "--port", str(port), "--no-batch-worker",
           "--need-validity-days", "0", "--sql-dir", os.path.join(src, "sql"),
           "--templates-dir", os.path.join(src, "templates"), "--log-level", "warning"]
    log = open(log_path, "w")
    # The per-address rate limit (KCZY_RATE_LIMIT, builds after 04061b6) would answer 429 to a fast sequential
    # client; the benchmark measures the reports, so it is off (older builds ignore the variable).
    env = dict(os.environ, KCZY_RATE_LIMIT="0", **(env_extra or {}))
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


def stop_server(proc):
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


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
        stop_server(proc)
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


AUTO_EXPLAIN = ("-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=0 "
                "-c auto_explain.log_analyze=on -c auto_explain.log_buffers=on -c auto_explain.log_format=json")


def logged_plans(text):
    """(duration ms, plan JSON) of every auto_explain entry in a piece of the server log."""
    out = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = re.search(r"duration: ([0-9.]+) ms  plan:$", lines[i])
        i += 1
        if not m:
            continue
        body = []
        while i < len(lines) and (lines[i].startswith("\t") or lines[i].startswith("  ")):
            body.append(lines[i])
            i += 1
        try:
            out.append((float(m.group(1)), json.loads("\n".join(body))))
        except json.JSONDecodeError:
            pass
    return out


def cmd_plans(args):
    """Plans of the SQL the service really runs: `kczy serve` with auto_explain on its connections (JSON plans with
    ANALYZE and BUFFERS into the cluster's server log), one request per report URL and role with the report cache
    off, and the findings for every statement of each request that took at least --min-ms."""
    os.makedirs(args.out, exist_ok=True)
    data_dir = psql("SHOW data_directory").strip()
    server_log = args.server_log or os.path.join(data_dir, "server.log")
    if not os.path.exists(server_log):
        raise SystemExit(f"no server log at {server_log} (pass --server-log)")
    big = {}
    for line in psql("SELECT relname, reltuples::bigint FROM pg_class WHERE relkind = 'r' "
                     "AND relnamespace = 'public'::regnamespace AND reltuples > 10000").splitlines():
        name, n = line.split("|")
        big[name] = int(n)
    port = free_port()
    env_extra = {"PGOPTIONS": (os.environ.get("PGOPTIONS", "") + " " + AUTO_EXPLAIN).strip(),
                 "KCZY_REPORT_CACHE_SECONDS": "0"}
    proc = start_server(args.kczy, args.src, port, os.path.join(args.out, "serve.log"), env_extra)
    summary = ["| URL | role | statement | execution ms | findings |", "|---|---|---|---|---|"]
    count = 0
    try:
        auth = {}
        for role, user in ROLES.items():
            c = Client(port)
            auth[role] = {"api": login_api(c, user), "page": login_page(c, user)}
        # One format per report is enough: CSV and JSON run the same statements as the page.
        urls = [(k, p) for k, p in URLS if "format=" not in p]
        for kind, path in urls:
            if args.only and args.only not in path:
                continue
            for role in ROLES:
                with open(server_log, "rb") as f:
                    f.seek(0, os.SEEK_END)
                    start = f.tell()
                resp, _ = Client(port).request("GET", path, headers=dict(auth[role][kind]))
                if resp.status != 200:
                    continue
                time.sleep(0.2)  # the log is written by the backend; give it a moment
                with open(server_log, "rb") as f:
                    f.seek(start)
                    piece = f.read().decode("utf-8", "replace")
                for duration, plan in logged_plans(piece):
                    if duration < args.min_ms:
                        continue
                    count += 1
                    query = " ".join(plan.get("Query Text", "").split())
                    name = re.sub(r"[^a-z0-9]+", "-", f"{path}.{role}.{count}".lower()).strip("-")
                    with open(os.path.join(args.out, name + ".json"), "w") as f:
                        json.dump(plan, f, indent=1, ensure_ascii=False)
                    _, found = findings([{"Plan": plan["Plan"], "Execution Time": duration}], role != "staff", big)
                    print(f"{role:<10} {path:<45} {duration:8.1f} ms  {query[:60]}  " + ("; ".join(found) or "ok"),
                          flush=True)
                    summary.append(f"| `{path}` | {role} | `{query[:80]}` | {duration:.1f} | "
                                   f"{'; '.join(found) or 'ok'} |")
    finally:
        stop_server(proc)
    with open(os.path.join(args.out, "findings.md"), "w") as f:
        f.write(f"Statements of at least {args.min_ms} ms, as auto_explain logged them (EXPLAIN ANALYZE, BUFFERS).\n\n"
                + "\n".join(summary) + "\n")
    print(f"{count} plans and findings: {args.out}/ (findings.md)")
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
    p.add_argument("--kczy", required=True)
    p.add_argument("--src", default=os.getcwd(), help="checkout with sql/ and templates/ for the binary")
    p.add_argument("--out", default="/tmp/report-plans")
    p.add_argument("--only", help="only URLs containing this text")
    p.add_argument("--min-ms", type=float, default=5, help="report statements that took at least this long")
    p.add_argument("--server-log", help="the cluster's log file (default: server.log in its data directory)")
    args = ap.parse_args()
    sys.exit(cmd_time(args) if args.cmd == "time" else cmd_plans(args))


if __name__ == "__main__":
    main()
