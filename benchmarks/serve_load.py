"""Requests/s and p50/p99 latency of ``kg serve`` under 10 and 100 concurrent clients.

The server is started as a real ``kg serve`` process on 127.0.0.1 (a free port) over the
seeds graph; each client is a thread with its own keep-alive connection that sends queries
back to back for a fixed time. Two workloads, each at 10 and 100 clients:

* ``ASK {}``: the baseline, in the same run: what the HTTP layer and the worker pool
  cost without a query to speak of;
* the competency questions of queries/ (every ``.rq``, in turn): real work.

Targets (issue 9): at 100 clients for 30 s every request is answered, p99 < 500 ms on the
seeds graph, and the server is still up afterwards.

    .venv/bin/python benchmarks/serve_load.py [--graph out] [--seconds 30] [--clients 10 100]

Without --graph (or when it holds no build) the seeds are built into a temporary folder.
"""

from __future__ import annotations

import argparse
import http.client
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
P99_TARGET_MS = 500.0


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    failures: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def ok(self, seconds: float) -> None:
        with self.lock:
            self.latencies.append(seconds)

    def failed(self, reason: str) -> None:
        with self.lock:
            self.failures[reason] = self.failures.get(reason, 0) + 1


def _client(port: int, queries: list[str], until: float, tally: Tally, offset: int) -> None:
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    i = offset
    while time.monotonic() < until:  # bounded by the phase's end
        target = "/sparql?" + urllib.parse.urlencode({"query": queries[i % len(queries)]})
        i += 1
        started = time.perf_counter()
        try:
            conn.request("GET", target, headers={"Accept": "application/sparql-results+json"})
            response = conn.getresponse()
            response.read()
        except (OSError, http.client.HTTPException) as exc:
            tally.failed(type(exc).__name__)
            conn.close()
            conn = http.client.HTTPConnection(HOST, port, timeout=30)
            continue
        if response.status == 200:
            tally.ok(time.perf_counter() - started)
        else:
            tally.failed(f"HTTP {response.status}")
    conn.close()


def run_phase(port: int, queries: list[str], clients: int, seconds: float) -> tuple[Tally, float]:
    tally = Tally()
    until = time.monotonic() + seconds
    threads = [
        threading.Thread(target=_client, args=(port, queries, until, tally, n), daemon=True) for n in range(clients)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    return tally, time.monotonic() - started


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def report(label: str, clients: int, tally: Tally, elapsed: float) -> float:
    lat = tally.latencies
    p50, p99 = _percentile(lat, 0.50) * 1000, _percentile(lat, 0.99) * 1000
    failures = ", ".join(f"{k} {v}" for k, v in sorted(tally.failures.items())) or "none"
    print(
        f"{label:<22} {clients:>4} clients: {len(lat) / elapsed:8.0f} req/s  p50 {p50:7.1f} ms  "
        f"p99 {p99:7.1f} ms  max {max(lat, default=0) * 1000:7.1f} ms  answered {len(lat)}  failed: {failures}"
    )
    return p99


@contextmanager
def running_server(graph: Path) -> Iterator[tuple[int, subprocess.Popen[str]]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", "--graph", str(graph), "--port", "0", "--timeout", "10"],
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        assert process.stderr is not None
        banner = process.stderr.readline()
        if "http://" not in banner:
            raise SystemExit(f"kg serve did not start: {banner}{process.stderr.read()}")
        port = int(urllib.parse.urlsplit(banner.split()[3]).port or 0)
        yield port, process
    finally:
        process.terminate()
        process.wait(timeout=30)


def _graph(path: Path | None, tmp: str) -> Path:
    if path is not None and (path / "kg.nq").exists():
        return path
    out = Path(tmp) / "out"
    subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", "--input", str(REPO / "seeds"), "--out", str(out)],
        check=True,
        cwd=REPO,
        capture_output=True,
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", type=Path, default=None)
    parser.add_argument("--seconds", type=float, default=30.0, help="length of each phase")
    parser.add_argument("--clients", type=int, nargs="+", default=[10, 100])
    args = parser.parse_args()
    competency = [p.read_text(encoding="utf-8") for p in sorted((REPO / "queries").glob("*.rq"))]
    with tempfile.TemporaryDirectory() as tmp, running_server(_graph(args.graph, tmp)) as (port, process):
        run_phase(port, ["ASK {}", *competency], 4, 2.0)  # warm the workers' parse caches
        worst = 0.0
        for clients in args.clients:
            for label, queries in (("ASK {} (baseline)", ["ASK {}"]), ("competency queries", competency)):
                tally, elapsed = run_phase(port, queries, clients, args.seconds)
                p99 = report(label, clients, tally, elapsed)
                if clients >= 100:
                    worst = max(worst, p99)
        alive = process.poll() is None
        print(f"server still up: {alive}; worst p99 at 100 clients {worst:.1f} ms (target < {P99_TARGET_MS:.0f} ms)")


if __name__ == "__main__":
    main()
