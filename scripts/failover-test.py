#!/usr/bin/env python3
"""kczy across a PostgreSQL failover (issue #7, item 3).

    KCZY=/path/to/kczy scripts/failover-test.py      (default: $(swift build --show-bin-path)/kczy)

Builds a primary (A) and a streaming replica (B, `pg_basebackup -R`) as private clusters on Unix sockets under
/tmp, with fsync on. `kczy serve` connects with one multi-host URI,

    postgresql:///kczy?host=/tmp/kfo.X/a,/tmp/kfo.X/b&port=5432,5433&target_session_attrs=read-write&...

(libpq also accepts the percent-encoded form postgresql://%2Ftmp%2Fkfo.X%2Fa:5432,%2Ftmp%2Fkfo.X%2Fb:5433/kczy).
After the demo data, a few threads of an enterprise create needs through POST /api/v1/needs at a steady rate,
each request with a client timeout, recording every acknowledged write (2xx and its id). Mid-run the primary is
stopped with `pg_ctl stop -m immediate` and, after a short delay standing in for a failover manager, the replica
is promoted (`pg_ctl promote`). Checks: kczy serves writes again within 10 s of the stop, every acknowledged id
is on the promoted server, no request hung past its client timeout, failures during the window are 5xx, and
afterwards kczy's connections are on the new primary.

Why synchronous replication. With asynchronous replication the primary answers COMMIT once the WAL is flushed on
its own disk; the replica may not have received those last records yet. kczy returns 201 after COMMIT, so a
need acknowledged a few milliseconds before the primary dies can be missing on the promoted replica: an
acknowledged write lost. Here the primary runs with `synchronous_standby_names = '*'` and `synchronous_commit = on`
(remote flush), so COMMIT returns only once the replica has flushed the commit record, and every 201 the client
saw is on B before it was sent. The setting is made with ALTER SYSTEM on A *after* the base backup, so B does not
inherit it: once promoted, B has no standby and must not wait for one (otherwise every write would hang).

Environment knobs: KCZY_FO_THREADS (4), KCZY_FO_RATE (writes/s in all, 30), KCZY_FO_CLIENT_TIMEOUT (s, 8),
KCZY_FO_PROMOTE_DELAY (s between stop and promote, 1), KCZY_FO_RECOVERY_LIMIT (s, 10), KCZY_KEEP_LOGS.
Python 3 standard library only; everything is removed on exit, even on failure. Exits 0 when every check passes.
"""
import glob
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from datetime import date, timedelta

from ops_harness import REPO, T0, Abort, api_call, check, free_port, kczy_binary, log, results, tail

THREADS = int(os.environ.get("KCZY_FO_THREADS", "4"))
RATE = float(os.environ.get("KCZY_FO_RATE", "30"))
CLIENT_TIMEOUT = float(os.environ.get("KCZY_FO_CLIENT_TIMEOUT", "8"))
PROMOTE_DELAY = float(os.environ.get("KCZY_FO_PROMOTE_DELAY", "1"))
RECOVERY_LIMIT = float(os.environ.get("KCZY_FO_RECOVERY_LIMIT", "10"))
WARMUP_S = 4.0
AFTER_S = 12.0

procs = []
clusters = []  # data directories to stop on exit
tmpdir = None


def pg_bin():
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: int(d.split("/")[-2]))
    if not dirs or not os.access(os.path.join(dirs[-1], "initdb"), os.X_OK):
        raise Abort("PostgreSQL server binaries not found (apt-get install postgresql)")
    return dirs[-1]


def as_owner(args, check_rc=True, timeout=120):
    """Runs a PostgreSQL server tool as `postgres` when we are root (the server refuses to run as root)."""
    cmd = (["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []) + args
    out = subprocess.run(cmd, capture_output=True, text=True, cwd="/", timeout=timeout)
    if check_rc and out.returncode != 0:
        raise Abort(f"{' '.join(args)} failed: {out.stderr.strip()}")
    return out


def psql(sock, port, query, db="kczy", conninfo=None):
    target = ["-d", conninfo] if conninfo else ["-h", sock, "-p", str(port), "-U", "postgres", "-d", db]
    out = subprocess.run(["psql", *target, "-XtA", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", query],
                         capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        raise Abort(f"psql failed: {out.stderr.strip()} ({query[:200]})")
    return [line.split("\t") for line in out.stdout.splitlines() if line != ""]


def server_opts(sock, port, extra=""):
    return (f"-c listen_addresses='' -c unix_socket_directories='{sock}' -c port={port} -c max_connections=100 "
            f"-c wal_level=replica -c max_wal_senders=5 -c hot_standby=on -c fsync=on {extra}")


def start_server(bin_dir, data, port):
    as_owner([f"{bin_dir}/pg_ctl", "-D", data, "-l", f"{data}/server.log", "-o", server_opts(data, port),
              "-w", "-t", "60", "start"])


def cleanup():
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):  # finish cleaning up whatever arrives now
        signal.signal(sig, signal.SIG_IGN)
    for p in procs:
        if p.poll() is None:
            try:
                p.send_signal(signal.SIGTERM)
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait(timeout=5)
            except ProcessLookupError:
                pass
    if clusters:
        try:
            b = pg_bin()
            for d in clusters:
                if os.path.exists(os.path.join(d, "postmaster.pid")):
                    as_owner([f"{b}/pg_ctl", "-D", d, "-m", "immediate", "-w", "stop"], check_rc=False, timeout=60)
        except Exception as e:
            print(f"cleanup: stopping clusters failed: {e}", file=sys.stderr)
    if tmpdir and os.path.isdir(tmpdir):
        if os.environ.get("KCZY_KEEP_LOGS"):
            keep = tempfile.mkdtemp(prefix="kczy-failover-logs.")
            for f in glob.glob(os.path.join(tmpdir, "*.log")) + glob.glob(os.path.join(tmpdir, "*", "server.log")):
                shutil.copy(f, os.path.join(keep, f.replace(tmpdir, "").strip("/").replace("/", "-")))
            print(f"logs kept in {keep}")
        shutil.rmtree(tmpdir, ignore_errors=True)


def on_signal(signum, _frame):
    raise KeyboardInterrupt(f"signal {signum}")


def api(port, method, path, body=None, token=None, timeout=30):
    return api_call(f"http://127.0.0.1:{port}", method, path, body, token, timeout)


class Load:
    """THREADS threads creating needs at RATE per second in all; every request is recorded."""

    def __init__(self, port, token):
        self.port, self.token = port, token
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.records = []  # dicts: t_start, t_end, status, id, title, error
        self.threads = [threading.Thread(target=self.worker, args=(n,), daemon=True) for n in range(THREADS)]
        self.deadline = (date.today() + timedelta(days=365)).isoformat()

    def start(self):
        for t in self.threads:
            t.start()

    def join(self):
        self.stop.set()
        for t in self.threads:
            t.join(CLIENT_TIMEOUT + 5)

    def worker(self, n):
        interval = THREADS / RATE
        next_at = time.monotonic() + n * interval / THREADS
        seq = 0
        while not self.stop.is_set():
            now = time.monotonic()
            if now < next_at:
                time.sleep(next_at - now)
            next_at += interval
            seq += 1
            title = f"故障切换测试需求 {n}-{seq}"
            self.records.append(self.one(title))

    def one(self, title):
        body = json.dumps({
            "title": title, "description": "故障切换期间提交的需求，确认写入后必须在新主库上找到。",
            "tracks": ["new_materials"], "discipline_codes": ["43055"], "keywords": ["故障切换"],
            "budget": 100000, "deadline": self.deadline, "experts_needed": 1}, ensure_ascii=False).encode()
        rec = {"title": title, "t_start": time.monotonic(), "status": None, "id": None, "error": None}
        try:
            c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=CLIENT_TIMEOUT)
            c.request("POST", "/api/v1/needs", body=body,
                      headers={"Content-Type": "application/json", "Authorization": f"Bearer {self.token}"})
            r = c.getresponse()
            raw = r.read()
            rec["status"] = r.status
            if 200 <= r.status < 300:
                rec["id"] = json.loads(raw)["id"]
            else:
                try:
                    rec["code"] = json.loads(raw)["error"]["code"]
                except (ValueError, KeyError, TypeError):
                    rec["code"] = None
            c.close()
        except socket.timeout:
            rec["error"] = "timeout"
        except Exception as e:
            rec["error"] = f"{type(e).__name__}: {e}"
        rec["t_end"] = time.monotonic()
        return rec


def main():
    global tmpdir
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, on_signal)
    kczy = kczy_binary()
    if not os.access(kczy, os.X_OK):
        raise Abort(f"kczy binary {kczy} not found (set KCZY or build first)")
    bin_dir = pg_bin()
    tmpdir = tempfile.mkdtemp(prefix="kfo.", dir="/tmp")
    os.chmod(tmpdir, 0o755)
    if os.geteuid() == 0:
        shutil.chown(tmpdir, "postgres", "postgres")
    a, b = os.path.join(tmpdir, "a"), os.path.join(tmpdir, "b")
    log(f"kczy {kczy}; PostgreSQL {bin_dir}; temp dir {tmpdir}")

    # Primary A, then replica B from a base backup of it.
    as_owner([f"{bin_dir}/initdb", "-D", a, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"])
    clusters.append(a)
    start_server(bin_dir, a, 5432)
    psql(a, 5432, "CREATE DATABASE kczy", db="postgres")
    as_owner([f"{bin_dir}/pg_basebackup", "-h", a, "-p", "5432", "-U", "postgres", "-D", b, "-R", "-X", "stream",
              "-c", "fast"])
    clusters.append(b)
    start_server(bin_dir, b, 5433)
    psql(a, 5432, "ALTER SYSTEM SET synchronous_standby_names = '*'", db="postgres")
    psql(a, 5432, "SELECT pg_reload_conf()", db="postgres")
    state = None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        rows = psql(a, 5432, "SELECT state, sync_state FROM pg_stat_replication", db="postgres")
        state = rows[0] if rows else None
        if state == ["streaming", "sync"]:
            break
        time.sleep(0.2)
    sc = psql(a, 5432, "SHOW synchronous_commit", db="postgres")[0][0]
    if not check(state == ["streaming", "sync"] and sc in ("on", "remote_apply"),
                 "replica streams synchronously", f"pg_stat_replication {state}, synchronous_commit {sc}"):
        raise Abort("no synchronous replica")

    uri = (f"postgresql:///kczy?host={a},{b}&port=5432,5433&target_session_attrs=read-write&user=postgres"
           f"&connect_timeout=2")
    port_seen = psql(None, None, "SHOW port", conninfo=uri)[0][0]
    check(port_seen == "5432", "libpq takes the multi-host Unix-socket URI and picks the primary",
          f"{uri} -> port {port_seen}")

    env = {k: v for k, v in os.environ.items() if not k.startswith(("PG", "KCZY_", "DATABASE_URL"))}
    env.update(KCZY_DATABASE_URL=uri, KCZY_LOG_FORMAT="json", KCZY_LOG_LEVEL="info")
    sql_dir, templates = os.path.join(REPO, "sql"), os.path.join(REPO, "templates")
    t = time.monotonic()
    for args in (["migrate"], ["demo-data", "--no-history"]):
        out = subprocess.run([kczy, *args, "--sql-dir", sql_dir], env=env, cwd=tmpdir, capture_output=True,
                             text=True, timeout=300)
        if out.returncode != 0:
            raise Abort(f"kczy {args[0]} failed: {out.stderr.strip()[-2000:]}")
    log(f"migrated and loaded the demo data through the URI in {time.monotonic() - t:.1f}s")

    port = free_port()
    log_path = os.path.join(tmpdir, "kczy.log")
    logf = open(log_path, "wb")
    server = subprocess.Popen([kczy, "serve", "--host", "127.0.0.1", "--port", str(port), "--sql-dir", sql_dir,
                               "--templates-dir", templates], env=env, cwd=tmpdir, stdout=logf,
                              stderr=subprocess.STDOUT, start_new_session=True)
    procs.append(server)
    deadline = time.monotonic() + 60
    while True:
        if server.poll() is not None:
            raise Abort(f"kczy serve exited with {server.returncode}:\n{tail(log_path)}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as r:
                if r.status == 200:
                    break
        except (urllib.error.URLError, OSError):
            pass
        if time.monotonic() > deadline:
            raise Abort(f"kczy serve not ready:\n{tail(log_path)}")
        time.sleep(0.2)
    status, body = api(port, "POST", "/api/v1/auth/login", {"username": "enterprise", "password": "kczy-enterprise-2026"})
    if status != 200:
        raise Abort(f"login: {status} {body}")
    token = body["token"]
    before = int(psql(a, 5432, "SELECT count(*) FROM need")[0][0])

    load = Load(port, token)
    log(f"write load: {THREADS} threads, {RATE:.0f}/s in all, client timeout {CLIENT_TIMEOUT:.0f}s")
    load.start()
    time.sleep(WARMUP_S)
    # Recovery is measured from the moment the stop begins (conservative); "sent after the stop" means sent after
    # pg_ctl returned, when A is certainly gone.
    t_stop = time.monotonic()
    as_owner([f"{bin_dir}/pg_ctl", "-D", a, "-m", "immediate", "-w", "stop"])
    t_gone = time.monotonic()
    log(f"primary A stopped (immediate) in {t_gone - t_stop:.2f}s")
    time.sleep(PROMOTE_DELAY)
    t_p = time.monotonic()
    as_owner([f"{bin_dir}/pg_ctl", "-D", b, "-w", "-t", "60", "promote"])
    t_promoted = time.monotonic()
    log(f"replica B promoted at stop+{t_promoted - t_stop:.2f}s (promote took {t_promoted - t_p:.2f}s)")
    time.sleep(AFTER_S)
    load.join()
    t_end = time.monotonic()
    recs = load.records

    # ---- measurements
    ok = [r for r in recs if r["status"] is not None and 200 <= r["status"] < 300 and r["id"]]
    failed = [r for r in recs if r not in ok]
    hung = [r for r in recs if r["error"] == "timeout" or r["t_end"] - r["t_start"] >= CLIENT_TIMEOUT]
    transport = [r for r in recs if r["error"] and r["error"] != "timeout"]
    non5xx = [r for r in failed if r["status"] is not None and not 500 <= r["status"] < 600]
    lat = [r["t_end"] - r["t_start"] for r in recs]
    err_lat = [r["t_end"] - r["t_start"] for r in failed]
    after = [r for r in ok if r["t_start"] >= t_gone]
    first_new_ok = min((r["t_end"] for r in after), default=None)
    first_ok_end = min((r["t_end"] for r in ok if r["t_end"] >= t_stop), default=None)
    last_fail_end = max((r["t_end"] for r in failed), default=None)
    recovery = None if first_new_ok is None else first_new_ok - t_stop
    acked_window = [r for r in ok if r["t_start"] < t_gone and r["t_end"] > t_stop]

    # ---- durability: every acknowledged id on the promoted server, with the title that was sent
    ids = [r["id"] for r in ok]
    rows = psql(b, 5433, "SELECT id, title FROM need WHERE id = ANY('{%s}'::bigint[])" % ",".join(map(str, ids))) \
        if ids else []
    found = {int(r[0]): r[1] for r in rows}
    missing = [r["id"] for r in ok if r["id"] not in found]
    wrong = [r["id"] for r in ok if r["id"] in found and found[r["id"]] != r["title"]]
    # Writes that failed for the client but committed anyway (ambiguous outcome: allowed, reported).
    failed_titles = [r["title"] for r in failed]
    ambiguous = int(psql(b, 5433, "SELECT count(*) FROM need WHERE title = ANY(%s)" %
                         ("ARRAY[" + ",".join("'" + t.replace("'", "''") + "'" for t in failed_titles) + "]::text[]")
                         )[0][0]) if failed_titles else 0
    total_after = int(psql(b, 5433, "SELECT count(*) FROM need")[0][0])

    # ---- where kczy's connections are now
    b_conns = int(psql(b, 5433, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'kczy'",
                       db="postgres")[0][0])
    port_now = psql(None, None, "SHOW port", conninfo=uri)[0][0]
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=5) as r:
            ready = r.status
    except urllib.error.HTTPError as e:
        ready = e.code
    except OSError as e:
        ready = str(e)

    def fmt(x):
        return "n/a" if x is None else f"{x:.2f}s"

    by_status = {}
    for r in recs:
        key = str(r["status"]) + (f" {r.get('code')}" if r.get("code") else "") if r["status"] else r["error"]
        by_status[key] = by_status.get(key, 0) + 1
    log(f"{len(recs)} requests in {t_end - t_stop + WARMUP_S:.1f}s: {by_status}")

    check(recovery is not None and recovery <= RECOVERY_LIMIT, f"writes served again within {RECOVERY_LIMIT:.0f}s",
          f"first 201 for a request sent after the stop at stop+{fmt(recovery)} (pg_ctl stop returned at "
          f"stop+{t_gone - t_stop:.2f}s); first 201 of any request completing after the stop at "
          f"stop+{fmt(None if first_ok_end is None else first_ok_end - t_stop)}; last failure ended at "
          f"stop+{fmt(None if last_fail_end is None else last_fail_end - t_stop)}; promote done at "
          f"stop+{t_promoted - t_stop:.2f}s")
    check(len(ok) > 0 and not missing and not wrong, "every acknowledged write is on the promoted server",
          f"{len(ok)} acknowledged, {len(ok) - len(missing)} found ({len(missing)} missing {missing[:10]}, "
          f"{len(wrong)} with another title); {len(acked_window)} were in flight across the stop; "
          f"{ambiguous} of {len(failed)} failed requests committed anyway; needs {before} -> {total_after}")
    check(not hung and not transport, "no request hung or was dropped",
          f"max latency {max(lat):.2f}s (client timeout {CLIENT_TIMEOUT:.0f}s), {len(hung)} timeouts, "
          f"{len(transport)} transport errors {[r['error'] for r in transport][:3]}")
    check(not non5xx, "failures during the failover are 5xx",
          f"{len(failed)} failed: {by_status}; max latency of a failure {fmt(max(err_lat) if err_lat else None)}")
    check(server.poll() is None and ready == 200 and b_conns > 0 and port_now == "5433",
          "afterwards kczy is up and connected to the new primary",
          f"/readyz {ready}, kczy connections on B {b_conns}, the URI now reaches port {port_now}")
    return {"recovery": recovery, "acked": len(ok), "found": len(ok) - len(missing), "max_latency": max(lat),
            "requests": len(recs), "failed": len(failed), "promote_at": t_promoted - t_stop,
            "err_max": max(err_lat) if err_lat else None}


if __name__ == "__main__":
    summary = None
    error = None
    try:
        summary = main()
    except (Abort, KeyboardInterrupt, subprocess.TimeoutExpired) as e:
        error = f"{type(e).__name__}: {e}"
    except Exception as e:
        import traceback
        traceback.print_exc()
        error = f"{type(e).__name__}: {e}"
    finally:
        cleanup()
    failed = [r for r in results if not r[0]]
    print()
    print("=" * 72)
    print(f"failover test: {len(results) - len(failed)} of {len(results)} checks passed"
          f"{'' if error is None else ', aborted: ' + error} ({time.monotonic() - T0:.1f}s)")
    if summary:
        rec = summary["recovery"]
        print(f"  recovery: writes served again {'n/a' if rec is None else f'{rec:.2f}s'} after the primary stopped "
              f"(promote done at {summary['promote_at']:.2f}s)")
        print(f"  writes: {summary['acked']} acknowledged, {summary['found']} found on the promoted server; "
              f"{summary['failed']} of {summary['requests']} requests failed")
        em = summary["err_max"]
        print(f"  latency: max {summary['max_latency']:.2f}s overall, "
              f"max {'n/a' if em is None else f'{em:.2f}s'} for a failure (client timeout {CLIENT_TIMEOUT:.0f}s)")
    for ok, name, detail in results:
        if not ok:
            print(f"  FAIL {name}: {detail}")
    passed = error is None and not failed and results
    print("PASS" if passed else "FAIL")
    sys.exit(0 if passed else 1)
