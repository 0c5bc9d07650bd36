#!/usr/bin/env python3
"""Fuzzes the JSON API with schemathesis, driven by /api/v1/openapi.json, as every demo role (issue #7).

    [PG*=…] [KCZY=path/to/kczy] [FUZZ_CASES=500] [FUZZ_SEED=20261129] scripts/fuzz-test.py

Run from anywhere; the repository is this file's parent. With PGHOST set (as `make test` / scripts/ops-test.sh
does) the database `kczy_fuzz` is created on that cluster; without it a private throwaway cluster is started under
.data/fuzz-pg (scripts/pg-cluster.sh, fsync off) and destroyed afterwards. Then: `kczy migrate`, `kczy demo-data`,
`kczy serve` on a free loopback port (KCZY_RATE_LIMIT=0, --no-batch-worker), a bearer token for each demo account
(POST /api/v1/auth/login as enterprise, unit, expert, staff and admin with password kczy-<user>-2026), and one
schemathesis run per role (schemathesis 4, pinned in scripts/fuzz-requirements.txt, installed into .venv-fuzz on
first use). Exits non-zero when any check fails, schemathesis reports an error, or the server dies.

Checks (every response):
  not_a_server_error            no 5xx, ever
  response_schema_conformance   the body validates against the documented schema of its status (or `default`)
  content_type_conformance      the Content-Type is one the document lists for that status
status_code_conformance is not run: every operation documents a `default` response (the common Error shape), so
any status conforms and the check could never fail; what it would stand for is covered by the two schema checks on
the `default` Error body. response_headers_conformance is not run either: the document declares no headers.

Data: schemathesis mode `all`: schema-valid bodies, parameters and path ids (positive) and schema-violating ones
(negative: wrong types, missing required fields, out-of-range values), which must give a 4xx, not a 5xx. Phases:
`fuzzing` (random Hypothesis cases), plus `coverage` (deterministic boundary and type-violation cases for every
operation) when the budget allows. scripts/fuzz_hooks.py steers part of the random cases to existing ids, real
action names and otherwise valid bodies with one to three fuzzed fields, so they get past the first check into
the stores and the database (see that file). Before the passes a match batch is run on the demo data, so there
are proposals to act on. The seed is fixed (FUZZ_SEED) and Hypothesis' example database is off, so a run is
reproducible up to the data the previous cases changed.

Regression probes (PROBES below) run first: inputs that once gave a 500 (numbers past a column's range, U+0000 in
strings), each of which must answer 400/422 with the common error body naming the field.

Budget: FUZZ_CASES (default 500, the `make test` run) is the number of random cases over all passes, spread
evenly over the operations of every pass as schemathesis' per-operation --max-examples (at least 1; operations
without inputs run fewer). From FUZZ_CASES=2000 the coverage phase runs too, which adds about 2,200 fixed cases
per role pass on top (FUZZ_CASES=5000 runs about 16,000 cases). The script prints the cases each pass really ran.
`make test` runs it with the default through scripts/ops-test.sh; `make fuzz` (scripts/test.sh --fuzz: make test's
throwaway cluster, then only this script) sets FUZZ_CASES=${FUZZ_CASES:-5000}. On a busy 2-core machine with a debug
build: 500 about 1–1.5 min (about 550 cases), 5000 about 6–10 min (about 16,000 cases).

How operations are split (nothing is left out; each choice below is deliberate):
- The role passes (enterprise, unit, expert, staff, admin) send that role's bearer token and test every operation
  that the document secures with `bearer`, except POST /api/v1/auth/logout.
- POST /api/v1/auth/logout revokes the very token the pass uses, so every later case of that pass would test only
  the 401 path. It therefore runs in its own small pass per role, after that role's main pass (the first case logs
  out, later ones must answer 401 in the Error shape).
- The anonymous pass tests the operations the document leaves unsecured (probes, login, registrations, public
  publication lists), without a token: a token changes nothing for them. It runs last because fuzzing
  POST /api/v1/auth/login with wrong passwords trips the login throttle (429 after 20 failures per address in 15
  minutes), which would stop the role logins if they came after it; 429 with the Error body is the expected answer.
Secured operations without a token (401) are covered by the authorization matrix test, so they get no pass here.

Logs: .data/tmp/fuzz/<pass>.log (schemathesis' output, with a curl command reproducing each failure),
<pass>.json (its run report), server.log (the server). FUZZ_KEEP=1 keeps the database afterwards.
FUZZ_EXTRA_ARGS adds schemathesis options to every pass (e.g. "--report har --report-dir .data/tmp/fuzz/har")
and FUZZ_WORKERS sets its worker count (default 1, which keeps runs reproducible).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv-fuzz"
REQUIREMENTS = ROOT / "scripts" / "fuzz-requirements.txt"
OUT = ROOT / ".data" / "tmp" / "fuzz"
DATABASE = "kczy_fuzz"
ROLES = ["enterprise", "unit", "expert", "staff", "admin"]
LOGOUT = ("POST", "/api/v1/auth/logout")
CHECKS = "not_a_server_error,response_schema_conformance,content_type_conformance"
COVERAGE_FROM = 2000  # FUZZ_CASES from which the coverage phase runs too


def log(message: str) -> None:
    print(f"fuzz-test: {message}", flush=True)


def fail(message: str) -> NoReturn:
    print(f"fuzz-test: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


def run(
    cmd: list[str], env: dict[str, str] | None = None, check: bool = False, **kw
) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, env=env, cwd=ROOT, check=check, **kw)


def ensure_venv() -> Path:
    """A venv with the pinned schemathesis, rebuilt when the requirements file changes."""
    stamp = VENV / ".requirements"
    wanted = REQUIREMENTS.read_text()
    if (VENV / "bin" / "schemathesis").exists() and stamp.exists() and stamp.read_text() == wanted:
        return VENV / "bin" / "schemathesis"
    log(f"creating {VENV} (schemathesis, pinned in {REQUIREMENTS.relative_to(ROOT)})")
    if VENV.exists():
        shutil.rmtree(VENV)
    run([sys.executable, "-m", "venv", str(VENV)], check=True)
    pip = [str(VENV / "bin" / "pip"), "install", "-q", "--disable-pip-version-check"]
    run([*pip, "-r", str(REQUIREMENTS)], check=True)
    stamp.write_text(wanted)
    return VENV / "bin" / "schemathesis"


def kczy_binary() -> str:
    path = os.environ.get("KCZY")
    if not path:
        out = run(["swift", "build", "--show-bin-path"], capture_output=True, text=True)
        path = str(Path(out.stdout.strip()) / "kczy")
    if not os.access(path, os.X_OK):
        fail(f"{path} is missing: build kczy first (swift build --product kczy)")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(
    method: str, url: str, body: dict | None = None, timeout: float = 30, headers: dict[str, str] | None = None
) -> tuple[int, bytes]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        url, data=data, method=method, headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


class Database:
    """kczy_fuzz on the cluster the PG* variables name, or on a private cluster of its own."""

    def __init__(self) -> None:
        self.private = not os.environ.get("PGHOST")
        self.cluster_dir = ".data/fuzz-pg"
        self.env = dict(os.environ)

    def __enter__(self) -> Database:
        if self.private:
            log(f"no PGHOST: starting a private cluster in {self.cluster_dir}")
            out = run(
                ["scripts/pg-cluster.sh", "start", self.cluster_dir, "--fast"],
                env={**os.environ, "KCZY_PGDATABASE": DATABASE}, capture_output=True, text=True)
            if out.returncode != 0:
                fail(f"cannot start PostgreSQL: {out.stderr.strip()}")
            for word in out.stdout.split():
                if "=" in word and word.startswith("PG"):
                    key, value = word.split("=", 1)
                    self.env[key] = value
        self.env["PGDATABASE"] = DATABASE
        # --force ends connections an earlier run's server left behind.
        run(["dropdb", "--if-exists", "--force", DATABASE], env=self.env, check=True)
        run(["createdb", DATABASE], env=self.env, check=True)
        return self

    def __exit__(self, *exc) -> None:
        keep = os.environ.get("FUZZ_KEEP") == "1"
        if self.private:
            if not keep:
                run(["scripts/pg-cluster.sh", "destroy", self.cluster_dir], capture_output=True)
        elif not keep:
            run(["dropdb", "--if-exists", "--force", DATABASE], env=self.env, capture_output=True)


class Server:
    def __init__(self, kczy: str, env: dict[str, str]) -> None:
        self.kczy = kczy
        self.env = {
            **env, "KCZY_RATE_LIMIT": "0", "KCZY_HOST": "127.0.0.1", "KCZY_PORT": str(free_port()),
            "KCZY_LOG_LEVEL": "info",
        }
        self.base = f"http://127.0.0.1:{self.env['KCZY_PORT']}"
        self.process: subprocess.Popen | None = None
        self.log_path = OUT / "server.log"

    def __enter__(self) -> Server:
        log_file = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [self.kczy, "serve", "--no-batch-worker"], env=self.env, cwd=ROOT, stdout=log_file,
            stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.dump_log()
                fail(f"kczy serve exited early (status {self.process.returncode})")
            try:
                if http("GET", f"{self.base}/readyz", timeout=2)[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        self.dump_log()
        fail(f"{self.base}/readyz did not answer 200 within 60 s")

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def dump_log(self, lines: int = 40) -> None:
        text = self.log_path.read_text(errors="replace").splitlines()
        print("\n".join(text[-lines:]), file=sys.stderr)

    def __exit__(self, *exc) -> None:
        if self.alive():
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def operations(base: str) -> list[tuple[str, str, bool]]:
    """(method, path, secured) of every operation in the served document."""
    status, body = http("GET", f"{base}/api/v1/openapi.json")
    if status != 200:
        fail(f"GET /api/v1/openapi.json answered {status}")
    doc = json.loads(body)
    default_security = doc.get("security", [])
    ops = []
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if method.lower() in ("get", "put", "post", "delete", "patch", "head", "options", "trace"):
                ops.append((method.upper(), path, bool(op.get("security", default_security))))
    return ops


def prepare(base: str, kczy: str, env: dict[str, str], staff_token: str) -> dict[str, int]:
    """One match batch run to proposals (so proposal, objection and publication routes have rows to work on), then
    the highest id of every table the API's paths name, for the hooks' id strategies."""
    status, body = http(
        "POST", f"{base}/api/v1/batches",
        {"name": "模糊测试前置批次", "settings": {"as_of": time.strftime("%Y-%m-%d")}},
        headers={"Authorization": f"Bearer {staff_token}"})
    if status != 201:
        fail(f"POST /api/v1/batches answered {status}: {body[:300]!r}")
    batch = json.loads(body)["id"]
    with open(OUT / "setup.log", "a") as out:
        if run([kczy, "batch", "run", str(batch)], env=env, stdout=out, stderr=subprocess.STDOUT).returncode != 0:
            fail(f"kczy batch run {batch} failed (log {OUT / 'setup.log'})")
    tables = ["need", "expert", "organization", "match_batch", "proposal", "objection", "assignment", "outcome",
              "conflict"]
    sql = " UNION ALL ".join(f"SELECT '{t}', coalesce(max(id), 1) FROM {t}" for t in tables)
    out = run(["psql", "-XAtF", " ", "-c", sql], env=env, capture_output=True, text=True, check=True)
    return {name: int(value) for name, value in (line.split() for line in out.stdout.splitlines())}


# Regression probes: inputs that once gave a 500 (found by this fuzzer or while reading its results). Each must
# answer 400 or 422 naming the field. (role, method, path, body, status, field); {own_assignment} is an
# assignment of the demo expert, {own_need} a draft the demo enterprise creates first.
_NEED = {"title": "边界值测试需求标题", "description": "描述", "tracks": ["equipment"]}
_PDF = "JVBERi0xLjQKMSAwIG9iago8PCAvVHlwZSAvQ2F0YWxvZyA+PgplbmRvYmoKdHJhaWxlcgo8PCAvUm9vdCAxIDAgUiA+PgolJUVPRgo="
_OUTCOME = {
    "title": "边界值测试成效", "achieved_on": "2026-01-15",
    "evidence": {"filename": "e.pdf", "content_type": "application/pdf", "data": _PDF},
}
PROBES = [
    ("enterprise", "POST", "/api/v1/needs", {**_NEED, "budget": 1e20}, 422, "budget"),
    ("enterprise", "PUT", "/api/v1/needs/{own_need}", {**_NEED, "budget": 1e12}, 422, "budget"),
    ("enterprise", "POST", "/api/v1/needs", {**_NEED, "keywords": ["传感器", "a\u0000b"]}, 400, "keywords.1"),
    ("enterprise", "POST", "/api/v1/needs", {**_NEED, "title": "需求\u0000标题标题"}, 400, "title"),
    ("enterprise", "POST", "/api/v1/needs", {**_NEED, "experts_needed": 7}, 422, "experts_needed"),
    ("expert", "POST", "/api/v1/assignments/{own_assignment}/outcomes",
     {**_OUTCOME, "kind": "contract", "contract_type": "development", "contract_value": 1e15}, 422, "contract_value"),
    ("expert", "POST", "/api/v1/assignments/{own_assignment}/outcomes",
     {**_OUTCOME, "kind": "patent", "amount_received": 1e13}, 422, "amount_received"),
    ("expert", "POST", "/api/v1/assignments/{own_assignment}/outcomes",
     {**_OUTCOME, "kind": "staff_trained", "trained_count": 2**40}, 422, "trained_count"),
    ("expert", "POST", "/api/v1/assignments/{own_assignment}/outcomes",
     {**_OUTCOME, "kind": "patent", "patent_number": "ZL\u0000"}, 400, "patent_number"),
    ("staff", "PUT", "/api/v1/organizations/1/aliases", {"aliases": ["别名\u0000"]}, 400, "aliases.0"),
    ("unit", "POST", "/api/v1/experts", {"name": "边界值专家", "capacity": 2**40}, 422, "capacity"),
]


def probe(base: str, tokens: dict[str, str], env: dict[str, str]) -> bool:
    """Runs PROBES; every one must answer its 4xx with the common error body naming its field."""
    def scalar(sql: str) -> str:
        return run(["psql", "-XAtc", sql], env=env, capture_output=True, text=True, check=True).stdout.strip()

    ids = {
        "own_assignment": scalar(
            "SELECT a.id FROM assignment a JOIN account u ON u.expert_id = a.expert_id "
            "WHERE u.username = 'expert' ORDER BY a.id LIMIT 1"),
    }
    status, answer = http(
        "POST", f"{base}/api/v1/needs", _NEED, headers={"Authorization": f"Bearer {tokens['enterprise']}"})
    if status != 201:
        fail(f"POST /api/v1/needs as enterprise answered {status}: {answer[:300]!r}")
    ids["own_need"] = json.loads(answer)["id"]
    ok = True
    for role, method, path, body, want, field in PROBES:
        path = path.format(**ids)
        raw = json.dumps(body, ensure_ascii=False).encode()  # U+0000 goes out as the escape \u0000
        request = urllib.request.Request(
            f"{base}{path}", data=raw, method=method,
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {tokens[role]}"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                status, answer = response.status, response.read()
        except urllib.error.HTTPError as e:
            status, answer = e.code, e.read()
        try:
            fields = [f["field"] for f in json.loads(answer)["error"].get("fields", [])]
        except (ValueError, KeyError, TypeError):
            fields = []
        if status != want or field not in fields:
            ok = False
            log(
                f"probe FAILED: {role} {method} {path} answered {status} {answer[:300]!r}; "
                f"expected {want} naming {field}")
    log(f"{len(PROBES)} regression probes: {'ok' if ok else 'FAILED'}")
    return ok


def login(base: str, user: str) -> str:
    status, body = http("POST", f"{base}/api/v1/auth/login", {"username": user, "password": f"kczy-{user}-2026"})
    if status != 200:
        fail(f"login as {user} answered {status}: {body[:300]!r}")
    return json.loads(body)["token"]


def schemathesis_pass(
    st: Path, base: str, name: str, include: list[tuple[str, str]], per_op: int, phases: str, seed: int,
    token: str | None, ids: dict[str, int],
) -> tuple[bool, int]:
    """One schemathesis run over `include`; returns (passed, cases generated)."""
    report = OUT / f"{name}.json"
    log_path = OUT / f"{name}.log"
    cmd = [
        str(st), "run", f"{base}/api/v1/openapi.json",
        "--checks", CHECKS, "--mode", "all", "--phases", phases,
        "--max-examples", str(per_op), "--seed", str(seed), "--generation-database", "none",
        "--workers", os.environ.get("FUZZ_WORKERS", "1"), "--request-timeout", "30",
        "--report", "json", "--report-json-path", str(report), "--no-color", "--warnings", "off",
        "--continue-on-failure",
    ]
    cmd += os.environ.get("FUZZ_EXTRA_ARGS", "").split()
    for method, path in include:
        cmd += ["--include-name", f"{method} {path}"]
    if token:
        cmd += ["-H", f"Authorization: Bearer {token}"]
    if report.exists():
        report.unlink()
    started = time.monotonic()
    with open(log_path, "w") as out:
        # From OUT: schemathesis keeps a crash cache in ./.schemathesis.
        status = subprocess.run(
            cmd, check=False, cwd=OUT, stdout=out, stderr=subprocess.STDOUT,
            env={
                **os.environ, "PYTHONDONTWRITEBYTECODE": "1", "COLUMNS": "160", "SCHEMATHESIS_HOOKS": "fuzz_hooks",
                "PYTHONPATH": str(ROOT / "scripts"), "KCZY_FUZZ_IDS": json.dumps(ids),
            }).returncode
    elapsed = time.monotonic() - started
    if not report.exists():
        print(log_path.read_text(errors="replace")[-4000:], file=sys.stderr)
        log(f"{name}: schemathesis wrote no report (exit {status})")
        return False, 0
    result = json.loads(report.read_text())
    cases = result["test_cases"]["generated"]
    failures = result["failures"]
    errors = result["errors"]
    ok = status == 0 and not failures and not errors
    log(
        f"{name}: {len(include)} operations, {cases} cases, {sum(f['count'] for f in failures)} failures, "
        f"{sum(e['count'] for e in errors)} errors, {elapsed:.0f} s ({'ok' if ok else 'FAILED'}; {log_path})")
    if not ok:
        for f in failures:
            log(f"  {f['title']} ×{f['count']}: {', '.join(f['operations'])}")
        for e in errors:
            log(f"  error: {e['title']} ×{e['count']}")
    return ok, cases


def main() -> int:
    budget = int(os.environ.get("FUZZ_CASES", "500"))
    seed = int(os.environ.get("FUZZ_SEED", "20261129"))
    phases = "coverage,fuzzing" if budget >= COVERAGE_FROM else "fuzzing"
    OUT.mkdir(parents=True, exist_ok=True)
    st = ensure_venv()
    kczy = kczy_binary()
    with Database() as db:
        setup_log = OUT / "setup.log"
        with open(setup_log, "w") as out:
            for step in (["migrate"], ["demo-data", "--if-empty"]):
                if run([kczy, *step], env=db.env, stdout=out, stderr=subprocess.STDOUT).returncode != 0:
                    print(setup_log.read_text()[-3000:], file=sys.stderr)
                    fail(f"kczy {step[0]} failed (log {setup_log})")
        with Server(kczy, db.env) as server:
            ops = operations(server.base)
            secured = [(m, p) for m, p, s in ops if s and (m, p) != LOGOUT]
            anonymous = [(m, p) for m, p, s in ops if not s]
            if LOGOUT not in [(m, p) for m, p, _ in ops]:
                fail("the document has no POST /api/v1/auth/logout; update this script")
            # Every operation run per pass, the logout passes counted as one operation each.
            slots = len(ROLES) * (len(secured) + 1) + len(anonymous)
            per_op = max(1, round(budget / slots))
            tokens = {role: login(server.base, role) for role in ROLES}
            ids = prepare(server.base, kczy, db.env, tokens["staff"])
            log(
                f"{len(ops)} operations ({len(secured) + 1} secured, {len(anonymous)} anonymous); budget {budget} "
                f"random cases → --max-examples {per_op} per operation and pass; phases {phases}"
                f"{' (coverage adds its own fixed cases)' if 'coverage' in phases else ''}; seed {seed}; "
                f"server {server.base}")
            passed, total = probe(server.base, tokens, db.env), len(PROBES)
            for i, role in enumerate(ROLES):
                for name, include in ((role, secured), (f"{role}-logout", [LOGOUT])):
                    ok, cases = schemathesis_pass(
                        st, server.base, name, include, per_op, phases, seed + i, tokens[role], ids)
                    passed &= ok
                    total += cases
                    if not server.alive():
                        server.dump_log()
                        fail(f"kczy serve died during the {name} pass")
            ok, cases = schemathesis_pass(st, server.base, "anonymous", anonymous, per_op, phases, seed, None, ids)
            passed &= ok
            total += cases
            if not server.alive():
                server.dump_log()
                fail("kczy serve died during the anonymous pass")
        log(f"{total} cases in all: {'passed' if passed else 'FAILED'}")
        return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
