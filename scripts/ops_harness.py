"""Shared pieces of the operations tests (scripts/multi-instance-test.py, scripts/failover-test.py): timestamped
logging, the list of named checks, the kczy binary, free ports, log tails and a JSON API call. Standard library only.
"""

import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
T0 = time.monotonic()
results = []  # (ok, name, detail), in the order the checks ran


def log(msg):
    print(f"[{time.monotonic() - T0:6.1f}s] {msg}", flush=True)


def check(ok, name, detail=""):
    results.append((bool(ok), name, detail))
    log(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}")
    return ok


class Abort(Exception):
    pass


def kczy_binary():
    if os.environ.get("KCZY"):
        return os.environ["KCZY"]
    out = subprocess.run(["swift", "build", "--show-bin-path"], cwd=REPO, capture_output=True, text=True, check=True)
    return os.path.join(out.stdout.strip(), "kczy")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tail(path, n=20):
    try:
        with open(path, "rb") as f:
            return b"".join(f.readlines()[-n:]).decode("utf-8", "replace")
    except OSError:
        return ""


def api_call(base, method, path, body=None, token=None, timeout=30):
    """One JSON request to `base` (http://host:port); returns (status, decoded JSON or None)."""
    data = json.dumps(body, ensure_ascii=False).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            raw = r.read()
            return r.status, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            return e.code, json.loads(raw)
        except ValueError:
            return e.code, None
