"""How `kg build` scales: varied corpora at 1×, 10× (and 100×, 1000×) the seeds.

Each corpus is generated, never stored: copy k of every seed has its city (合肥) replaced by
another city and every enterprise the seeds name given another brand, so that entities grow
with the corpus instead of repeating. Each build runs in a fresh process (no cache, so every
document is extracted) and prints wall time, CPU time, peak RSS, the seconds of each phase,
and the ratio of the whole build to its extraction phase in the same run (wall, and CPU
of the main process: with one worker the steadier figure on a shared machine).

    .venv/bin/python benchmarks/scale.py                  # 1× and 10×
    .venv/bin/python benchmarks/scale.py --sizes 1,10,100 --workers 2
    .venv/bin/python benchmarks/scale.py --sizes 10 --incremental   # also: add one document, rebuild
    .venv/bin/python benchmarks/scale.py --single-line 5,10,20,50      # one file of one line, sizes in MB
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

CITIES = (
    "芜湖",
    "蚌埠",
    "淮南",
    "马鞍山",
    "淮北",
    "铜陵",
    "安庆",
    "黄山",
    "滁州",
    "阜阳",
    "宿州",
    "六安",
    "亳州",
    "池州",
    "宣城",
    "南京",
    "苏州",
    "无锡",
    "常州",
    "杭州",
    "宁波",
    "武汉",
    "长沙",
    "郑州",
    "西安",
    "成都",
    "重庆",
    "济南",
    "青岛",
    "福州",
    "厦门",
    "南昌",
    "太原",
    "石家庄",
    "沈阳",
    "长春",
    "哈尔滨",
    "昆明",
    "贵阳",
    "南宁",
)
BRAND_CHARS = "华瑞德恒泰鑫源创达盛宏腾博睿嘉誉航芯曜澜"


def brand(k: int) -> str:
    """A two-character brand for copy ``k`` (distinct for the first 400 copies)."""
    n = len(BRAND_CHARS)
    return BRAND_CHARS[k % n] + BRAND_CHARS[(k // n + 7) % n]


def enterprise_names() -> list[str]:
    from loaders.pipeline import extract_document

    names = {
        e.name
        for p in sorted(SEEDS.glob("*.txt"))
        for e in extract_document(p).entities
        if e.type == "Enterprise" and len(e.name) >= 4 and "合肥" not in e.name
    }
    return sorted(names, key=lambda n: (-len(n), n))  # longest first, so no name is cut inside another


def generate(folder: Path, size: int) -> tuple[int, int]:
    """``size`` varied copies of the seeds in ``folder``; returns (files, characters)."""
    folder.mkdir(parents=True, exist_ok=True)
    companies = enterprise_names() if size > 1 else []
    files = characters = 0
    for k in range(size):
        for src in sorted(SEEDS.glob("*.txt")):
            text = src.read_text(encoding="utf-8")
            if k:
                text = text.replace("合肥", CITIES[(k - 1) % len(CITIES)] + ("" if k <= len(CITIES) else brand(k)))
                for name in companies:
                    text = text.replace(name, brand(k) + name[2:])
            (folder / f"{k:04d}_{src.name}").write_text(text, encoding="utf-8")
            files += 1
            characters += len(text)
    return files, characters


def single_line(folder: Path, megabytes: float) -> int:
    """One file of ``megabytes`` MB of UTF-8 on one line: varied copies of the seeds with
    every line break taken out and a tab between copies; returns its characters."""
    folder.mkdir(parents=True, exist_ok=True)
    companies = enterprise_names()
    target = int(megabytes * 1_000_000)
    parts: list[str] = []
    size = k = 0
    while size < target:
        for src in sorted(SEEDS.glob("*.txt")):
            text = src.read_text(encoding="utf-8").replace("合肥", CITIES[k % len(CITIES)] + brand(k))
            for name in companies:
                text = text.replace(name, brand(k) + name[2:])
            text = "".join(text.split()) + "\t"  # no line break, no space: one line
            parts.append(text)
            size += len(text.encode("utf-8"))
        k += 1
    line = "".join(parts).encode("utf-8")[:target].decode("utf-8", errors="ignore")
    (folder / "one_line.txt").write_text(line, encoding="utf-8")
    return len(line)


def run_single_lines(sizes: list[float], workers: int) -> None:
    print("kg build of one file holding one line (no line break), per size: time per MB against the smallest")
    first: float | None = None
    for mb in sizes:
        with tempfile.TemporaryDirectory(prefix="kg-line-") as tmp:
            corpus = Path(tmp) / "corpus"
            chars = single_line(corpus, mb)
            f = run_build(corpus, Path(tmp) / "out", workers)
            wall, cpu = float(f["wall"]), float(f["cpu"])  # type: ignore[arg-type]
            per_mb = cpu / mb
            first = per_mb if first is None else first
            show(f"{mb:g} MB", chars, f)
            ratio = per_mb / first
            print(f"      one line: {per_mb:.2f} s CPU per MB ({wall / mb:.2f} s wall), {ratio:.2f}× the smallest's")


def child(input_dir: Path, out: Path, workers: int, cache: str | None) -> None:
    """One build in this process; prints its figures as JSON."""
    from kg.graph.build import BuildOptions, build

    options = BuildOptions(cache_dir=Path(cache) if cache else None, workers=workers)
    wall = time.perf_counter()
    cpu = time.process_time()
    report = build(input_dir, out, warn=lambda m: None, options=options)
    wall = time.perf_counter() - wall
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        json.dumps(
            {
                "wall": wall,
                "cpu": time.process_time() - cpu + kids.ru_utime + kids.ru_stime,
                "peak_rss_mb": max(own.ru_maxrss, kids.ru_maxrss) / 1024,
                # this process, and the largest of its children (the forked child, the
                # interpreters that save kglite's graph and validate kg.ttl)
                "peak_rss_own_mb": own.ru_maxrss / 1024,
                "peak_rss_children_mb": kids.ru_maxrss / 1024,
                "phases": options.phases,
                "phases_cpu": options.phases_cpu,
                "extracted": options.stats.extracted,
                "documents": len(report.documents),
                "entities": sum(report.entities_per_class.values()),
                "relations": sum(report.relations_per_type.values()),
            }
        )
    )


def run_build(input_dir: Path, out: Path, workers: int, cache: Path | None = None) -> dict[str, object]:
    command = [sys.executable, __file__, "--child", str(input_dir), str(out), "--workers", str(workers)]
    if cache is not None:
        command += ["--cache", str(cache)]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    figures: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    figures["process_wall"] = time.perf_counter() - started  # with interpreter start and imports
    return figures


def show(label: str, chars: int, f: dict[str, object]) -> None:
    phases, cpu = f["phases"], f["phases_cpu"]
    assert isinstance(phases, dict) and isinstance(cpu, dict)
    extract = float(phases.get("extract", 0.0)) or 1e-9
    wall = float(f["wall"])  # type: ignore[arg-type]
    # On a shared machine wall time follows the neighbours' load; with one worker the
    # extraction runs in this process, so the CPU ratio (this process's CPU over its
    # extraction phase's) is the steadier figure of the two.
    cpu_ratio = sum(cpu.values()) / (float(cpu.get("extract", 0.0)) or 1e-9)
    print(
        f"{label:>5} | {f['documents']:>5} docs | {chars:>10,} chars | {f['entities']:>6} entities | "
        f"wall {wall:7.2f} s | cpu {float(f['cpu']):7.2f} s | peak RSS {float(f['peak_rss_mb']):7.0f} MB | "  # type: ignore[arg-type]
        f"build ÷ extraction {wall / extract:5.2f} (cpu {cpu_ratio:5.2f}) | extracted {f['extracted']}"
    )
    print(
        f"      peak RSS of the build's process {float(f['peak_rss_own_mb']):.0f} MB, "  # type: ignore[arg-type]
        f"of its largest child {float(f['peak_rss_children_mb']):.0f} MB"  # type: ignore[arg-type]
    )
    print(
        "      phases, wall (cpu of the main process): "
        + ", ".join(f"{name} {seconds:.2f} ({cpu[name]:.2f})" for name, seconds in phases.items())
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,10", help="comma-separated multiples of the seeds")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument(
        "--incremental", action="store_true", help="also: build with a cache, add one document, rebuild; time both"
    )
    parser.add_argument(
        "--single-line", default=None, metavar="MB,MB", help="instead: one-line files of these sizes (e.g. 5,10,20,50)"
    )
    parser.add_argument("--child", nargs=2, metavar=("INPUT", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--cache", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]), args.workers, args.cache)
        return
    if args.single_line:
        run_single_lines([float(s) for s in args.single_line.split(",")], args.workers)
        return
    print(
        f"kg build on varied copies of the seeds, {args.workers} worker(s), no cache; "
        "wall = the build call, ratio = wall ÷ its extraction phase"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="kg-scale-") as tmp:
            corpus = Path(tmp) / "corpus"
            _, chars = generate(corpus, size)
            show(f"{size}×", chars, run_build(corpus, Path(tmp) / "out", args.workers))
            if args.incremental:
                cache = Path(tmp) / "cache"
                full = run_build(corpus, Path(tmp) / "inc", args.workers, cache)
                extra = corpus / "9999_added.txt"
                shutil.copy(sorted(SEEDS.glob("*.txt"))[2], extra)
                extra.write_text(extra.read_text(encoding="utf-8").replace("合肥", "新增市"), encoding="utf-8")
                again = run_build(corpus, Path(tmp) / "inc", args.workers, cache)
                mode = "patched" if "patch" in again["phases"] else "rebuilt in full"  # type: ignore[operator]
                print(
                    f"      incremental: full build with cache {float(full['wall']):.2f} s; "  # type: ignore[arg-type]
                    f"one document added, {mode} in {float(again['wall']):.2f} s "  # type: ignore[arg-type]
                    f"({float(again['wall']) / float(full['wall']):.1%}; with interpreter start "  # type: ignore[arg-type]
                    f"{float(again['process_wall']):.2f} s, "  # type: ignore[arg-type]
                    f"{float(again['process_wall']) / float(full['process_wall']):.1%}), "  # type: ignore[arg-type]
                    f"extracted {again['extracted']}, peak RSS {float(again['peak_rss_mb']):.0f} MB"  # type: ignore[arg-type]
                )


if __name__ == "__main__":
    main()
