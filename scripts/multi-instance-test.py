#!/usr/bin/env python3
"""Several `kczy serve` processes on one database (issue #7, item 2).

    KCZY=/path/to/kczy scripts/multi-instance-test.py      (default: $(swift build --show-bin-path)/kczy)

Starts a private PostgreSQL cluster under /tmp (scripts/pg-cluster.sh, fsync off) and three `kczy serve`
processes on it, then checks:

  a. migrations: the three processes start together with `--migrate` on a fresh database, and `kczy migrate` runs
     three times at once on a second fresh database; every file is applied exactly once (schema_migrations and
     the "applied migration" log lines of all processes together);
  b. demo data, then a login on instance 1 whose bearer token works on instances 2 and 3 (and, once logged out on
     instance 2, is refused on instance 3);
  c. a match batch queued through the API with all three batch workers on runs exactly once: one "batch claimed"
     log line, run_attempts = 1, one run_owner ever (audit log of match_batch), the proposal count of the one
     "batch done" line equals the rows, and no duplicate (batch, need, expert) rows;
  d. graceful shutdown: a request whose body is still arriving when SIGTERM comes (and a batch the instance is
     running, if the batch is still running then) completes; the process exits 0 within a few seconds; no batch
     is left half-written;
  e. crash takeover: the instance running a batch is SIGKILLed, its heartbeat is back-dated past the 60 s
     staleness limit (instead of waiting a minute), and a surviving instance takes the batch over and completes it.

Python 3 standard library only. Everything (processes, cluster, temp dir) is removed on exit, even on failure.
Exits 0 when every check passes.
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

SHUTDOWN_LIMIT_S = float(os.environ.get("KCZY_SHUTDOWN_LIMIT_S", "10"))
BATCH_TIMEOUT_S = float(os.environ.get("KCZY_BATCH_TIMEOUT_S", "60"))

procs = []  # every child process we started
tmpdir = None
cluster_dir = None


# ---------------------------------------------------------------- cluster


def start_cluster():
    global cluster_dir
    cluster_dir = os.path.join(tmpdir, "pg")
    out = subprocess.run(
        [os.path.join(REPO, "scripts", "pg-cluster.sh"), "start", cluster_dir, "--fast"],
        capture_output=True, text=True, cwd=REPO)
    if out.returncode != 0:
        raise Abort(f"pg-cluster.sh start failed: {out.stderr.strip()}")
    env = {}
    for word in out.stdout.split():
        if "=" in word:
            k, v = word.split("=", 1)
            env[k] = v
    return env


def stop_cluster():
    if cluster_dir and os.path.exists(cluster_dir):
        subprocess.run([os.path.join(REPO, "scripts", "pg-cluster.sh"), "destroy", cluster_dir],
                       capture_output=True, cwd=REPO, timeout=60)


class Session:
    """One long-lived psql process: a query costs a round trip, not a process start (slow on a busy machine)."""

    def __init__(self, pg, db):
        self.n = 0
        self.p = subprocess.Popen(
            ["psql", "-h", pg["PGHOST"], "-p", pg["PGPORT"], "-U", "postgres", "-d", db, "-XtAq", "-F", "\t"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
        procs.append(self.p)

    def query(self, query):
        self.n += 1
        end = f"__end_{self.n}__"
        self.p.stdin.write(query.rstrip().rstrip(";") + ";\n\\echo " + end + "\n")
        self.p.stdin.flush()
        lines = []
        while True:
            line = self.p.stdout.readline()
            if line == "":
                raise Abort(f"psql session ended: {' '.join(lines)} ({query})")
            line = line.rstrip("\n")
            if line == end:
                break
            lines.append(line)
        errors = [l for l in lines if l.startswith("psql:") or l.startswith("ERROR:")]
        if errors:
            raise Abort(f"psql: {' '.join(errors)} ({query})")
        return [l.split("\t") for l in lines if l != ""]

    def close(self):
        if self.p.poll() is None:
            self.p.stdin.close()
            self.p.wait(timeout=10)


sessions = {}


def psql(pg, query, db=None):
    db = db or pg["PGDATABASE"]
    if db not in sessions:
        sessions[db] = Session(pg, db)
    return sessions[db].query(query)


def scalar(pg, query, db=None):
    rows = psql(pg, query, db)
    return rows[0][0] if rows else None


# ---------------------------------------------------------------- kczy processes


class Instance:
    def __init__(self, n, kczy, env):
        self.n = n
        self.port = free_port()
        self.log_path = os.path.join(tmpdir, f"kczy-{n}.log")
        self.logf = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            [kczy, "serve", "--migrate", "--host", "127.0.0.1", "--port", str(self.port),
             "--sql-dir", os.path.join(REPO, "sql"), "--templates-dir", os.path.join(REPO, "templates")],
            env=env, stdout=self.logf, stderr=subprocess.STDOUT, cwd=tmpdir, start_new_session=True)
        procs.append(self.proc)

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def lines(self):
        """The JSON log lines of this process."""
        out = []
        with open(self.log_path, "rb") as f:
            for raw in f:
                try:
                    out.append(json.loads(raw))
                except ValueError:
                    pass
        return out

    def messages(self, message, **meta):
        return [e for e in self.lines() if e.get("message") == message
                and all(str(e.get(k)) == str(v) for k, v in meta.items())]


def wait_ready(inst, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if inst.proc.poll() is not None:
            raise Abort(f"instance {inst.n} exited with {inst.proc.returncode}; see its log:\n" + tail(inst.log_path))
        try:
            with urllib.request.urlopen(inst.base + "/readyz", timeout=2) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.2)
    raise Abort(f"instance {inst.n} not ready after {timeout} s:\n" + tail(inst.log_path))


def api(inst, method, path, body=None, token=None, timeout=30):
    """Returns (status, decoded JSON or None)."""
    return api_call(inst.base, method, path, body, token, timeout)


def login(inst, user):
    status, body = api(inst, "POST", "/api/v1/auth/login", {"username": user, "password": f"kczy-{user}-2026"})
    if status != 200:
        raise Abort(f"login {user} on instance {inst.n}: {status} {body}")
    return body["token"]


def stop_process(p, sig=signal.SIGTERM, wait=10):
    if p.poll() is None:
        try:
            os.kill(p.pid, sig)
            p.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            os.kill(p.pid, signal.SIGKILL)
            p.wait(timeout=10)
        except ProcessLookupError:
            pass


def cleanup():
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):  # finish cleaning up whatever arrives now
        signal.signal(sig, signal.SIG_IGN)
    for s in list(sessions.values()):
        try:
            s.close()
        except Exception:
            pass
    for p in procs:
        try:
            stop_process(p, signal.SIGTERM, wait=5)
        except Exception:
            pass
    try:
        stop_cluster()
    except Exception as e:
        print(f"cleanup: stopping the cluster failed: {e}", file=sys.stderr)
    if tmpdir and os.path.isdir(tmpdir):
        if os.environ.get("KCZY_KEEP_LOGS"):
            keep = tempfile.mkdtemp(prefix="kczy-multi-logs.")
            for f in glob.glob(os.path.join(tmpdir, "*.log")):
                shutil.copy(f, keep)
            print(f"logs kept in {keep}")
        shutil.rmtree(tmpdir, ignore_errors=True)


def on_signal(signum, _frame):
    raise KeyboardInterrupt(f"signal {signum}")


# ---------------------------------------------------------------- the checks


def check_migrations(pg, instances, kczy, env):
    files = sorted(os.path.basename(f) for f in glob.glob(os.path.join(REPO, "sql", "[0-9]*.sql")))
    rows = psql(pg, "SELECT version, count(*) FROM schema_migrations GROUP BY version ORDER BY version")
    check(len(rows) == len(files) and all(r[1] == "1" for r in rows),
          "a. serve --migrate x3: schema_migrations has each file once",
          f"{len(rows)} rows for {len(files)} files")
    per = [[e.get("file") for e in i.messages("applied migration")] for i in instances]
    applied = [f for p in per for f in p]
    check(sorted(applied) == files,
          "a. serve --migrate x3: each file applied by exactly one process",
          f"applied per instance {[len(p) for p in per]} = {len(applied)} (files {len(files)})")

    # The same with three `kczy migrate` at once on a second fresh database.
    psql(pg, "CREATE DATABASE kczy_migrate", db="postgres")
    env2 = dict(env, PGDATABASE="kczy_migrate")
    ms = [subprocess.Popen([kczy, "migrate", "--sql-dir", os.path.join(REPO, "sql")], env=env2, cwd=tmpdir,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
          for _ in range(3)]
    procs.extend(ms)
    outs = []
    for m in ms:
        o, e = m.communicate(timeout=120)
        outs.append((m.returncode, o, e))
    applied = []
    for rc, o, _ in outs:
        for line in o.splitlines():
            if line.startswith("migrations applied: "):
                applied += line[len("migrations applied: "):].split(", ")
    rows = psql(pg, "SELECT count(*), count(DISTINCT version) FROM schema_migrations", db="kczy_migrate")
    check(all(rc == 0 for rc, _, _ in outs) and sorted(applied) == files and rows[0] == [str(len(files))] * 2,
          "a. kczy migrate x3 at once: each file applied exactly once",
          f"exit codes {[rc for rc, _, _ in outs]}, files applied per process "
          f"{[sum(len(l.split(', ')) for l in o.splitlines() if l.startswith('migrations applied')) for _, o, _ in outs]}"
          f", schema_migrations rows {rows[0][0]}"
          + ("" if all(rc == 0 for rc, _, _ in outs) else f"; stderr {[e.strip()[-300:] for _, _, e in outs]}"))
    sessions.pop("kczy_migrate").close()
    psql(pg, "DROP DATABASE kczy_migrate", db="postgres")


def check_tokens(instances):
    t = time.monotonic()
    token = login(instances[0], "staff")
    ok = []
    for inst in instances[1:]:
        status, body = api(inst, "GET", "/api/v1/auth/me", token=token)
        ok.append(status == 200 and body and body.get("username") == "staff")
    check(all(ok), "b. token from instance 1 accepted by instances 2 and 3", f"/auth/me ok {ok}")
    # Revocation is shared too: log out on instance 2, instance 3 must refuse the token.
    status, _ = api(instances[1], "POST", "/api/v1/auth/logout", token=token)
    s3, _ = api(instances[2], "GET", "/api/v1/auth/me", token=token)
    check(status == 204 and s3 == 401, "b. logout on instance 2 revokes the token on instance 3",
          f"logout {status}, then /auth/me on 3: {s3} ({time.monotonic() - t:.1f}s)")
    return login(instances[0], "staff")


def batch_settings():
    # The demo experts become available between today and four months from now: a term starting in 120 days lets
    # most of them in (a few hundred proposals; with the term starting today only a handful qualify).
    return {"as_of": date.today().isoformat(), "term_start": (date.today() + timedelta(days=120)).isoformat()}


def create_and_run(inst, token, name):
    status, b = api(inst, "POST", "/api/v1/batches", {"name": name, "settings": batch_settings()}, token=token)
    if status != 201:
        raise Abort(f"create batch: {status} {b}")
    status, q = api(inst, "POST", f"/api/v1/batches/{b['id']}/run", token=token)
    if status != 200 or q.get("status") != "queued":
        raise Abort(f"run batch: {status} {q}")
    return b["id"]


def wait_batch(pg, batch_id, statuses, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        s = scalar(pg, f"SELECT status FROM match_batch WHERE id = {batch_id}")
        if s in statuses:
            return s
        time.sleep(0.2)
    return scalar(pg, f"SELECT status FROM match_batch WHERE id = {batch_id}")


def batch_row(pg, batch_id):
    cols = ["status", "run_owner", "run_attempts", "run_heartbeat", "run_started_at", "run_finished_at", "run_phase",
            "run_error"]
    row = psql(pg, f"SELECT {', '.join(c + '::text' for c in cols)} FROM match_batch WHERE id = {batch_id}")[0]
    return dict(zip(cols, row))


def owners_ever(pg, batch_id):
    rows = psql(pg, f"""SELECT DISTINCT after ->> 'run_owner' FROM audit_log
                        WHERE entity = 'match_batch' AND entity_id = '{batch_id}' AND after ->> 'run_owner' IS NOT NULL""")
    return [r[0] for r in rows]


def proposal_counts(pg, batch_id):
    rows = psql(pg, f"""SELECT count(*), count(DISTINCT (need_id, expert_id)),
                               (SELECT count(*) FROM proposal_alternate WHERE batch_id = {batch_id})
                        FROM proposal WHERE batch_id = {batch_id}""")
    return tuple(int(x) for x in rows[0])


def instance_of_owner(instances, owner):
    for i in instances:
        if owner and f":{i.proc.pid}:" in owner:
            return i
    return None


def wait_claim(instances, batch_id, attempt, timeout=20):
    """The instance whose log says it claimed the batch (the attempt-th claim overall), watching the log files."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        claims = [i for i in instances for _ in i.messages("batch claimed", batch=batch_id)]
        if len(claims) >= attempt:
            return claims[attempt - 1]
        time.sleep(0.05)
    return None


def check_batch_once(pg, instances, token):
    t = time.monotonic()
    bid = create_and_run(instances[0], token, "多实例测试批次")
    status = wait_batch(pg, bid, {"proposals_ready", "failed", "cancelled"}, BATCH_TIMEOUT_S)
    took = time.monotonic() - t
    row = batch_row(pg, bid)
    if not check(status == "proposals_ready", "c. batch reaches proposals_ready",
                 f"batch {bid} {status} after {took:.1f}s (error {row['run_error']!r})"):
        return None
    claims = [(i.n, e) for i in instances for e in i.messages("batch claimed", batch=bid)]
    done = [(i.n, e) for i in instances for e in i.messages("batch done", batch=bid)]
    owners = owners_ever(pg, bid)
    owner_inst = instance_of_owner(instances, row["run_owner"])
    check(len(claims) == 1 and len(done) == 1 and row["run_attempts"] == "1" and len(owners) == 1
          and owner_inst is not None and claims[0][0] == owner_inst.n,
          "c. claimed exactly once",
          f"'batch claimed' lines {len(claims)} (instance {[c[0] for c in claims]}), 'batch done' lines {len(done)}, "
          f"run_attempts {row['run_attempts']}, owners ever {len(owners)}, run_owner {row['run_owner']} "
          f"(instance {owner_inst.n if owner_inst else '?'})")
    n, distinct, alternates = proposal_counts(pg, bid)
    logged = int(done[0][1].get("proposals", -1)) if done else -1
    check(n == distinct == logged and n > 0, "c. proposals written once",
          f"{n} rows, {distinct} distinct (need, expert), {logged} in the owner's 'batch done' line, "
          f"{alternates} alternates")
    check(row["run_heartbeat"] not in ("", None) and row["run_finished_at"] not in ("", None),
          "c. owner/heartbeat columns",
          f"run_started_at {row['run_started_at']}, last heartbeat {row['run_heartbeat']}, "
          f"finished {row['run_finished_at']}, phase {row['run_phase']}")
    return {"id": bid, "seconds": took, "proposals": n}


class SlowRequest(threading.Thread):
    """POST /api/v1/needs whose body arrives in two halves, `gap` seconds apart: in flight across the SIGTERM."""

    def __init__(self, inst, token, gap):
        super().__init__(daemon=True)
        self.inst, self.token, self.gap = inst, token, gap
        self.headers_sent = threading.Event()
        self.status = None
        self.body = None
        self.error = None
        self.seconds = None

    def run(self):
        t = time.monotonic()
        need = {"title": f"优雅停机测试需求-{os.getpid()}", "description": "在关闭过程中提交的需求，必须完整保存。",
                "tracks": ["new_materials"], "discipline_codes": ["43055"], "keywords": ["停机"],
                "budget": 100000, "deadline": (date.today() + timedelta(days=365)).isoformat(), "experts_needed": 1}
        raw = json.dumps(need, ensure_ascii=False).encode()
        try:
            c = http.client.HTTPConnection("127.0.0.1", self.inst.port, timeout=30)
            c.putrequest("POST", "/api/v1/needs")
            c.putheader("Content-Type", "application/json")
            c.putheader("Authorization", f"Bearer {self.token}")
            c.putheader("Content-Length", str(len(raw)))
            c.endheaders(raw[: len(raw) // 2])
            self.headers_sent.set()
            time.sleep(self.gap)
            c.send(raw[len(raw) // 2:])
            r = c.getresponse()
            self.status = r.status
            data = r.read()
            self.body = json.loads(data) if data else None
            c.close()
        except Exception as e:  # connection reset, timeout…
            self.error = f"{type(e).__name__}: {e}"
            self.headers_sent.set()
        self.seconds = time.monotonic() - t


def check_graceful_shutdown(pg, instances, staff, enterprise):
    alive = [i for i in instances if i.proc.poll() is None]
    bid = create_and_run(alive[0], staff, "停机测试批次")
    # The instance that claims it gets the SIGTERM while it runs the batch.
    owner = wait_claim(alive, bid, attempt=1)
    if owner is None:
        check(False, "d. a batch is claimed before the shutdown", f"batch {bid}: {batch_row(pg, bid)}")
        return None
    status_at_term = batch_row(pg, bid)["status"]
    slow = SlowRequest(owner, enterprise, gap=1.5)
    slow.start()
    slow.headers_sent.wait(10)
    time.sleep(0.3)  # the server has the headers and half the body: the request is in flight
    t_term = time.monotonic()
    os.kill(owner.proc.pid, signal.SIGTERM)
    log(f"d. SIGTERM to instance {owner.n} (pid {owner.proc.pid}) with a request in flight and batch {bid} {status_at_term}")
    # New connections are refused once the server stops listening (information only).
    time.sleep(0.2)
    try:
        s = socket.create_connection(("127.0.0.1", owner.port), timeout=1)
        s.close()
        refused = False
    except OSError:
        refused = True
    slow.join(30)
    try:
        rc = owner.proc.wait(timeout=max(SHUTDOWN_LIMIT_S, 60))
    except subprocess.TimeoutExpired:
        rc = None
    exit_s = time.monotonic() - t_term
    need_id = (slow.body or {}).get("id")
    stored = scalar(pg, f"SELECT count(*) FROM need WHERE id = {int(need_id)}") if need_id else "0"
    check(slow.status == 201 and stored == "1", "d. the in-flight request completes and its write is stored",
          f"status {slow.status}, error {slow.error}, need id {need_id} stored {stored}, {slow.seconds:.1f}s "
          f"(body finished 1.2s after SIGTERM)")
    check(rc == 0 and exit_s <= SHUTDOWN_LIMIT_S, "d. the process exits 0 soon after SIGTERM",
          f"exit code {rc} after {exit_s:.1f}s (limit {SHUTDOWN_LIMIT_S:.0f}s); new connections refused meanwhile: "
          f"{refused}")
    final = wait_batch(pg, bid, {"proposals_ready", "failed", "cancelled"}, BATCH_TIMEOUT_S)
    row = batch_row(pg, bid)
    completed_by = [i.n for i in instances for e in i.messages("batch done", batch=bid)]
    handed_back = bool(owner.messages("batch handed back: shutting down", batch=bid))
    how = (f"handed back by instance {owner.n} and completed by instance {completed_by}" if handed_back
           else f"finished by instance {completed_by} (the stopping one: {owner.n}) before it exited")
    n, distinct, _ = proposal_counts(pg, bid)
    check(final == "proposals_ready" and completed_by and n == distinct,
          "d. the batch the stopped instance was running is complete",
          f"batch {bid} ({status_at_term} at SIGTERM): {final}, {how}, run_attempts {row['run_attempts']}, "
          f"{n} proposals ({distinct} distinct)")
    return {"exit_seconds": exit_s, "rc": rc, "request_seconds": slow.seconds, "batch": bid, "how": how,
            "status_at_term": status_at_term}


def check_crash_takeover(pg, instances, staff):
    alive = [i for i in instances if i.proc.poll() is None]
    if len(alive) < 2:
        check(False, "e. two live instances for the takeover test", f"{len(alive)} alive")
        return None
    bid = create_and_run(alive[0], staff, "接管测试批次")
    victim = wait_claim(alive, bid, attempt=1)
    if victim is None:
        check(False, "e. the batch is claimed", f"batch {bid}: {batch_row(pg, bid)}")
        return None
    row = batch_row(pg, bid)
    first_owner = row["run_owner"]
    os.kill(victim.proc.pid, signal.SIGKILL)
    victim.proc.wait(timeout=10)
    after_kill = batch_row(pg, bid)
    log(f"e. SIGKILL to instance {victim.n} while batch {bid} was {after_kill['status']} "
        f"(phase {after_kill['run_phase']})")
    if after_kill["status"] == "running":
        # The owner is dead; pretend its last heartbeat is older than the 60 s staleness limit.
        psql(pg, f"UPDATE match_batch SET run_heartbeat = now() - interval '61 seconds' WHERE id = {bid}")
    t = time.monotonic()
    final = wait_batch(pg, bid, {"proposals_ready", "failed", "cancelled"}, BATCH_TIMEOUT_S)
    row = batch_row(pg, bid)
    n, distinct, _ = proposal_counts(pg, bid)
    if after_kill["status"] == "running":
        check(final == "proposals_ready" and row["run_owner"] != first_owner and row["run_attempts"] == "2"
              and n == distinct,
              "e. a crashed owner's batch is taken over and completed once",
              f"batch {bid}: {final} {time.monotonic() - t:.1f}s after the heartbeat went stale, run_attempts "
              f"{row['run_attempts']}, new owner instance "
              f"{getattr(instance_of_owner(instances, row['run_owner']), 'n', '?')}, {n} proposals ({distinct} distinct)")
    else:
        check(final == "proposals_ready" and n == distinct, "e. takeover (the batch finished before the kill)",
              f"batch {bid}: {final}")
    return {"batch": bid, "takeover_seconds": time.monotonic() - t}


def check_no_partial_batches(pg):
    rows = psql(pg, """SELECT b.id, b.status, count(p.id) FROM match_batch b LEFT JOIN proposal p ON p.batch_id = b.id
                       GROUP BY b.id, b.status ORDER BY b.id""")
    bad = [r for r in rows if r[1] not in ("proposals_ready", "under_review", "published", "finalized") and r[2] != "0"]
    dup = scalar(pg, """SELECT count(*) FROM (SELECT batch_id, need_id, expert_id FROM proposal
                        GROUP BY 1, 2, 3 HAVING count(*) > 1) d""")
    check(not bad and dup == "0", "d/e. no half-written batch, no duplicate proposal anywhere",
          "; ".join(f"batch {r[0]} {r[1]} {r[2]} proposals" for r in rows) + f"; duplicate triples {dup}")


def main():
    global tmpdir
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, on_signal)
    kczy = kczy_binary()
    if not os.access(kczy, os.X_OK):
        print(f"FAIL: kczy binary {kczy} not found (set KCZY or build first)")
        return 2
    tmpdir = tempfile.mkdtemp(prefix="kmi.", dir="/tmp")
    os.chmod(tmpdir, 0o755)
    log(f"kczy {kczy}; temp dir {tmpdir}")
    pg = start_cluster()
    log(f"cluster on {pg['PGHOST']}")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PG", "KCZY_", "DATABASE_URL"))}
    env.update(pg)
    env.update(KCZY_LOG_FORMAT="json", KCZY_LOG_LEVEL="info", KCZY_POOL_SIZE="5")

    t = time.monotonic()
    instances = [Instance(n, kczy, env) for n in (1, 2, 3)]
    for i in instances:
        wait_ready(i)
    log(f"three instances ready in {time.monotonic() - t:.1f}s (ports {[i.port for i in instances]})")
    check_migrations(pg, instances, kczy, env)

    t = time.monotonic()
    out = subprocess.run([kczy, "demo-data", "--no-history", "--sql-dir", os.path.join(REPO, "sql")], env=env, cwd=tmpdir,
                         capture_output=True, text=True, timeout=300)
    if out.returncode != 0:
        raise Abort(f"demo-data failed: {out.stderr.strip()[-2000:]}")
    log(f"demo data loaded in {time.monotonic() - t:.1f}s")
    staff = check_tokens(instances)
    enterprise = login(instances[1], "enterprise")

    summary = {}
    summary["batch"] = check_batch_once(pg, instances, staff)
    summary["shutdown"] = check_graceful_shutdown(pg, instances, staff, enterprise)
    summary["takeover"] = check_crash_takeover(pg, instances, staff)
    check_no_partial_batches(pg)
    return summary


if __name__ == "__main__":
    summary = None
    error = None
    try:
        summary = main()
    except (Abort, KeyboardInterrupt, subprocess.TimeoutExpired) as e:
        error = f"{type(e).__name__}: {e}"
    except Exception as e:  # a bug in this script still cleans up and fails
        import traceback
        traceback.print_exc()
        error = f"{type(e).__name__}: {e}"
    finally:
        cleanup()
    failed = [r for r in results if not r[0]]
    print()
    print("=" * 72)
    print(f"multi-instance test: {len(results) - len(failed)} of {len(results)} checks passed"
          f"{'' if error is None else ', aborted: ' + error} ({time.monotonic() - T0:.1f}s)")
    if summary:
        b, s, k = summary.get("batch"), summary.get("shutdown"), summary.get("takeover")
        if b:
            print(f"  batch {b['id']}: proposals_ready after {b['seconds']:.1f}s, {b['proposals']} proposals, one owner")
        if s:
            print(f"  SIGTERM: exit code {s['rc']} after {s['exit_seconds']:.1f}s; in-flight request completed in "
                  f"{s['request_seconds']:.1f}s; batch {s['batch']} ({s['status_at_term']} at SIGTERM) {s['how']}")
        if k:
            print(f"  takeover of batch {k['batch']}: {k['takeover_seconds']:.1f}s after the heartbeat went stale")
    for ok, name, detail in results:
        if not ok:
            print(f"  FAIL {name}: {detail}")
    ok = error is None and not failed and results
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)
