"""The extraction cache stays under a bound: the least recently used entries go first, an
entry a build reads counts as used, and `kg build --cache-limit` says what it removed."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

from kg.graph.extraction import ExtractionCache

REPO = Path(__file__).resolve().parents[1]
Run = Callable[..., subprocess.CompletedProcess[str]]


def _entries(folder: Path) -> dict[str, int]:
    return {p.stem: p.stat().st_size for p in folder.glob("??/*.pickle")}


def test_pruning_removes_the_least_recently_used_entries_first(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path)
    for age, key in enumerate(["c" * 64, "b" * 64, "a" * 64]):  # a is the oldest
        cache.put(key, b"x" * 1000)
        path = tmp_path / key[:2] / f"{key}.pickle"
        os.utime(path, ns=(10**18 - age * 10**12, 10**18 - age * 10**12))
    assert cache.get("a" * 64) == b"x" * 1000  # read now: the most recently used
    pruned = cache.prune(2100)
    assert (pruned.removed, pruned.freed, pruned.kept) == (1, 1000, 2000)
    assert set(_entries(tmp_path)) == {"a" * 64, "c" * 64}  # b, used longest ago, went
    assert cache.prune(5000).removed == 0  # under the bound: nothing to do
    assert cache.prune(0).kept == 0 and _entries(tmp_path) == {}


def test_kg_build_keeps_its_cache_under_the_limit_and_says_so(run_kg: Run, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = run_kg("build", "--input", str(REPO / "seeds"), "--out", str(tmp_path / "a"), "--cache", str(cache))
    assert first.returncode == 0, first.stderr
    held = sum(_entries(cache).values())
    assert held > 2000
    limited = run_kg(
        "build",
        "--input",
        str(REPO / "seeds"),
        "--out",
        str(tmp_path / "b"),
        "--cache",
        str(cache),
        "--cache-limit",
        "2K",
    )
    assert limited.returncode == 0, limited.stderr
    assert "least recently used cache entries" in limited.stderr
    assert sum(_entries(cache).values()) <= 2048
    assert (tmp_path / "a" / "kg.nq").read_bytes() == (tmp_path / "b" / "kg.nq").read_bytes()
    bad = run_kg("build", "--input", str(REPO / "seeds"), "--out", str(tmp_path / "c"), "--cache-limit", "lots")
    assert bad.returncode == 2 and "is no size" in bad.stderr
