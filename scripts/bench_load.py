#!/usr/bin/env python3
"""Open-loop HTTP load generator for scripts/bench-load.sh (standard library only).

    bench_load.py --url http://127.0.0.1:8080 --token TOKEN [--rate 200] [--duration 60] [--writes 0.5]
                  [--max-connections 64] [--timeout 5] [--seed 1] [--json out.json]

Sends requests at a constant arrival rate (request i is due at start + i / rate), whatever the server's speed:
the schedule never waits for an answer, so a slow answer cannot hold back the next request (no coordinated
omission). Each request's latency is measured from the time it was *due* to the last byte of the answer, so time
spent waiting for a free connection or for a busy client process counts against the server's figure, never for it.

Mix: a fraction --writes of POST /api/v1/needs (a valid draft, unique title), the rest split evenly between
GET /api/v1/needs/{id} (an id this run created, or one of the caller's existing needs) and GET /api/v1/needs?limit=20.
Connections are HTTP/1.1 keep-alive, opened on demand up to --max-connections; a request that finds none free waits
(and that wait counts in its latency). An error is a transport failure, a timeout (--timeout covers waiting for a
connection and the answer together), or a status other than the
expected one (201 for POST, 200 for GET). Prints a summary and, with --json, writes every figure to a file.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import random
import time
from urllib.parse import urlsplit


def percentile(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    k = max(0, min(len(sorted_values) - 1, math.ceil(p / 100 * len(sorted_values)) - 1))
    return sorted_values[k]


class Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer

    async def request(self, raw: bytes) -> tuple[int, bytes]:
        self.writer.write(raw)
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("connection closed")
        status = int(status_line.split(b" ", 2)[1])
        length, chunked, close = 0, False, False
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value.strip())
            elif name == b"transfer-encoding" and b"chunked" in value.lower():
                chunked = True
            elif name == b"connection" and b"close" in value.lower():
                close = True
        if chunked:
            body = bytearray()
            while True:
                size = int((await self.reader.readline()).split(b";")[0].strip(), 16)
                if size == 0:
                    await self.reader.readline()
                    break
                body += await self.reader.readexactly(size)
                await self.reader.readline()
            data = bytes(body)
        else:
            data = await self.reader.readexactly(length) if length else b""
        if close:
            raise _Closed(status, data)
        return status, data

    def close(self) -> None:
        self.writer.close()


class _Closed(Exception):
    """The server answered but closed the connection (Connection: close)."""

    def __init__(self, status: int, data: bytes) -> None:
        self.status, self.data = status, data


class Generator:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        url = urlsplit(args.url)
        self.host, self.port = url.hostname, url.port or 80
        self.idle: list[Connection] = []
        self.opened = 0
        self.max_opened = 0
        self.free = asyncio.Condition()
        self.rng = random.Random(args.seed)
        self.ids: list[int] = []
        self.results: list[tuple[str, float, int, str]] = []  # kind, latency s, status (0 = failure), error
        self.max_late = 0.0
        self.auth = f"Authorization: Bearer {args.token}\r\n".encode()

    async def connection(self) -> Connection:
        async with self.free:
            while True:
                if self.idle:
                    return self.idle.pop()
                if self.opened < self.args.max_connections:
                    self.opened += 1
                    self.max_opened = max(self.max_opened, self.opened)
                    break
                await self.free.wait()
        try:
            reader, writer = await asyncio.open_connection(self.host, self.port)
        except BaseException:
            async with self.free:
                self.opened -= 1
                self.free.notify()
            raise
        return Connection(reader, writer)

    async def release(self, c: Connection | None) -> None:
        async with self.free:
            if c is not None:
                self.idle.append(c)
            else:
                self.opened -= 1
            self.free.notify()

    def build(self, i: int) -> tuple[str, bytes, int]:
        r = self.rng.random()
        host = f"Host: {self.host}:{self.port}\r\n".encode()
        if r < self.args.writes:
            body = json.dumps(
                {
                    "title": f"压测需求 {self.args.seed}-{i} 高精度传感器封装工艺",
                    "description": "用于负载测试的技术需求：提高传感器封装良率，降低温漂。",
                    "technical_targets": "良率 ≥ 98%，温漂 ≤ 0.01%/℃",
                    "tracks": ["equipment"],
                    "discipline_codes": ["460"],
                    "keywords": ["传感器", "封装", "可靠性"],
                    "budget": 500000,
                    "deadline": "2030-12-31",
                    "confidential": False,
                    "accepts_out_of_province": True,
                    "experts_needed": 1,
                },
                ensure_ascii=False,
            ).encode()
            head = (
                b"POST /api/v1/needs HTTP/1.1\r\n" + host + self.auth
                + b"Content-Type: application/json\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n"
            )
            return "post", head + body, 201
        if r < self.args.writes + (1 - self.args.writes) / 2 and self.ids:
            need = self.ids[self.rng.randrange(len(self.ids))]
            return "get_one", f"GET /api/v1/needs/{need} HTTP/1.1\r\n".encode() + host + self.auth + b"\r\n", 200
        return "list", b"GET /api/v1/needs?limit=20 HTTP/1.1\r\n" + host + self.auth + b"\r\n", 200

    async def one(self, i: int, due: float) -> None:
        kind, raw, expected = self.build(i)
        held: list[Connection] = []
        status, error = 0, ""

        async def attempt() -> tuple[int, bytes]:
            c = await self.connection()
            held.append(c)
            return await c.request(raw)

        try:
            # One deadline for waiting for a connection and for the answer together.
            status, data = await asyncio.wait_for(attempt(), self.args.timeout)
            if status == expected and kind == "post":
                self.ids.append(json.loads(data)["id"])
            elif status != expected:
                error = f"HTTP {status}: {data[:200].decode(errors='replace')}"
            await self.release(held[0])
        except _Closed as e:
            status = e.status
            if e.status != expected:
                error = f"HTTP {e.status}: {e.data[:200].decode(errors='replace')}"
            held[0].close()
            await self.release(None)
        except Exception as e:  # noqa: BLE001 - every failure is counted, none is fatal
            error = f"{type(e).__name__}: {e}" if str(e) else type(e).__name__
            if held:  # a half-used connection cannot be reused
                held[0].close()
                await self.release(None)
        latency = time.monotonic() - due
        self.results.append((kind, latency, 0 if error else status, error))

    async def seed_ids(self) -> None:
        c = await self.connection()
        host = f"Host: {self.host}:{self.port}\r\n".encode()
        status, data = await c.request(b"GET /api/v1/needs?limit=100 HTTP/1.1\r\n" + host + self.auth + b"\r\n")
        if status != 200:
            raise SystemExit(f"bench_load: GET /api/v1/needs answered {status}: {data[:300]!r}")
        self.ids = [n["id"] for n in json.loads(data)["items"]]
        await self.release(c)

    async def run(self) -> dict:
        await self.seed_ids()
        rate, duration = self.args.rate, self.args.duration
        total = int(rate * duration)
        tasks = []
        start = time.monotonic() + 0.05
        for i in range(total):
            due = start + i / rate
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            else:
                self.max_late = max(self.max_late, -delay)
            tasks.append(asyncio.create_task(self.one(i, due)))
        sent_in = time.monotonic() - start
        await asyncio.gather(*tasks)
        elapsed = time.monotonic() - start
        for c in self.idle:
            c.close()
        return self.summary(total, sent_in, elapsed)

    def summary(self, total: int, sent_in: float, elapsed: float) -> dict:
        def stats(rows: list[tuple[str, float, int, str]]) -> dict:
            lat = sorted(r[1] * 1000 for r in rows)
            return {
                "requests": len(rows),
                "errors": sum(1 for r in rows if r[2] == 0),
                "p50_ms": round(percentile(lat, 50), 2),
                "p90_ms": round(percentile(lat, 90), 2),
                "p99_ms": round(percentile(lat, 99), 2),
                "max_ms": round(lat[-1], 2) if lat else None,
            }

        out = {
            "target_rate": self.args.rate,
            "duration_s": self.args.duration,
            "scheduled": total,
            "sent_in_s": round(sent_in, 2),
            "elapsed_s": round(elapsed, 2),
            # Requests sent per second over the sending window (the schedule's rate, unless the client fell behind).
            "achieved_rate": round(total / sent_in, 1) if sent_in else None,
            # Successful answers per second over the whole run, until the last answer arrived.
            "completed_rate": round(sum(1 for r in self.results if r[2] != 0) / elapsed, 1) if elapsed else None,
            "max_schedule_lag_ms": round(self.max_late * 1000, 2),
            "connections_opened": self.max_opened,  # the most open at once
            "all": stats(self.results),
            "by_kind": {k: stats([r for r in self.results if r[0] == k]) for k in ("post", "get_one", "list")},
            "error_samples": sorted({r[3] for r in self.results if r[3]})[:10],
        }
        return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--url", required=True)
    p.add_argument("--token", required=True)
    p.add_argument("--rate", type=float, default=200)
    p.add_argument("--duration", type=float, default=60)
    p.add_argument("--writes", type=float, default=0.5)
    p.add_argument("--max-connections", type=int, default=64)
    p.add_argument("--timeout", type=float, default=5)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--json")
    args = p.parse_args()
    result = asyncio.run(Generator(args).run())
    a = result["all"]
    print(
        f"open loop {args.rate:g} req/s for {args.duration:g} s: {a['requests']} requests, {a['errors']} errors, "
        f"p50 {a['p50_ms']} ms, p90 {a['p90_ms']} ms, p99 {a['p99_ms']} ms, max {a['max_ms']} ms "
        f"(sent at {result['achieved_rate']} req/s, {result['completed_rate']} successful answers/s, "
        f"schedule lag ≤ {result['max_schedule_lag_ms']} ms, "
        f"{result['connections_opened']} connections)")
    for kind, s in result["by_kind"].items():
        print(
            f"  {kind:8} {s['requests']:6} requests, {s['errors']} errors, "
            f"p50 {s['p50_ms']} ms, p99 {s['p99_ms']} ms")
    for e in result["error_samples"]:
        print(f"  error: {e}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2, ensure_ascii=False)


if __name__ == "__main__":
    main()
