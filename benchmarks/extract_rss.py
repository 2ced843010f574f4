"""Peak RSS of the real `kg extract` command on corpora of growing size (benchmarks/extract.py --rss).

Each run is a fresh process whose stdout this process reads and counts (so every line is
really produced and written), reaped with os.wait4 for its own peak RSS and CPU time. The
baseline, in the same run, is `kg extract` on one seed: interpreter, extractor data and
one document. A streaming command stays near it whatever the corpus size.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from scale import SEEDS, generate

# Exactly what the installed `kg` entry point runs.
KG_MAIN = "import sys\nfrom kg.cli.main import main\nsys.exit(main(sys.argv[1:]))\n"
# `kg extract` pauses the cyclic collector inside each document; this puts it back on throughout.
GC_ON = "import contextlib\nimport loaders.pipeline\nloaders.pipeline.bulk_extraction = contextlib.nullcontext\n"
TARGET_MB = 500  # the figure: `kg extract` on 100 MB stays under 500 MB


@dataclass(frozen=True, slots=True)
class Run:
    peak_rss_mb: float
    cpu_s: float
    wall_s: float
    first_line_s: float
    lines: int


def run_extract(files: list[Path], gc_on: bool = False) -> Run:
    code = (GC_ON if gc_on else "") + KG_MAIN
    began = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "extract", *map(str, files)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    assert proc.stdout is not None
    first, lines = math.nan, 0
    for _ in proc.stdout:
        if lines == 0:
            first = time.perf_counter() - began
        lines += 1
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    if proc.returncode != 0:
        raise SystemExit(f"kg extract exited {proc.returncode}")
    return Run(usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, time.perf_counter() - began, first, lines)


def copies_for(megabytes: float) -> int:
    seeds_bytes = sum(p.stat().st_size for p in SEEDS.glob("*.txt"))
    return max(1, math.ceil(megabytes * 1_000_000 / seeds_bytes))


def show(label: str, files: list[Path], run: Run, baseline: Run) -> None:
    size_mb = sum(p.stat().st_size for p in files) / 1_000_000
    print(
        f"{label:>14} | {len(files):>5} files {size_mb:7.1f} MB | {run.lines:>9,} lines | "
        f"peak RSS {run.peak_rss_mb:6.0f} MB ({run.peak_rss_mb / baseline.peak_rss_mb:4.2f}x baseline) | "
        f"first line {run.first_line_s:6.1f} s, all {run.wall_s:7.1f} s, cpu {run.cpu_s:7.1f} s",
        flush=True,
    )


def measure_rss(sizes_mb: list[float]) -> None:
    print("peak RSS of `kg extract` (fresh process each); baseline = one seed, same run")
    smallest = min(SEEDS.glob("*.txt"), key=lambda p: p.stat().st_size)
    baseline = run_extract([smallest])
    show("baseline", [smallest], baseline, baseline)
    for i, megabytes in enumerate(sizes_mb):
        with tempfile.TemporaryDirectory(prefix="kg-extract-rss-") as tmp:
            generate(Path(tmp), copies_for(megabytes))
            files = sorted(Path(tmp).glob("*.txt"))
            run = run_extract(files)
            show(f"{megabytes:g} MB", files, run, baseline)
            if i == 0:  # the collector's cost, measured once: the same corpus with it on throughout
                on = run_extract(files, gc_on=True)
                show(f"{megabytes:g} MB gc on", files, on, baseline)
                print(
                    f"{'':>14}   cpu as shipped (collector off inside documents) / on throughout: "
                    f"{run.cpu_s / on.cpu_s:.2f}"
                )
            verdict = "meets" if run.peak_rss_mb < TARGET_MB else "misses"
            print(f"{'':>14}   target < {TARGET_MB} MB peak RSS: {verdict}", flush=True)
