"""Time until each explorer page signals ready in headless Chromium.

    .venv/bin/python benchmarks/viz.py [--graph out/] [--nodes 5000]

Measures, in one run: a baseline (an empty page), every page of the seeds graph (when
out/graph.json exists; otherwise the hand-made demo graph), and the overview plus one chain
page of a synthetic graph of --nodes entities. Targets: under 2 s (seeds), under 5 s (5,000).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from kg.errors import InputError
from kg.model import KnowledgeGraph
from kg.store import load_graph
from kg.viz import write_site
from kg.viz.headless import CHROMIUM, CHROMIUM_ARGS
from kg.viz.sample import demo_graph, synthetic_graph


def time_to_ready(browser: Browser, url: str, ready: bool = True) -> float:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    start = time.perf_counter()
    page.goto(url)
    if ready:
        page.wait_for_function("document.body.dataset.ready === '1'", timeout=60000)
    seconds = time.perf_counter() - start
    page.close()
    return seconds


def measure(browser: Browser, label: str, graph: KnowledgeGraph, target: float, pages: int | None) -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        written = write_site(graph, Path(tmp))
        print(
            f"{label}: {len(graph.entities)} nodes, {len(graph.relations)} relations; "
            f"pages generated in {time.perf_counter() - t0:.1f} s"
        )
        ok = True
        for path in sorted(written, key=lambda p: p.name != "index.html")[:pages]:
            seconds = time_to_ready(browser, path.as_uri())
            ok &= seconds < target
            print(f"  {path.name:<28} {seconds:6.2f} s  {'ok' if seconds < target else 'SLOW'} (target < {target} s)")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", type=Path, default=Path("out"))
    parser.add_argument("--nodes", type=int, default=5000)
    args = parser.parse_args()
    try:
        seeds, seeds_label = load_graph(args.graph), f"seeds graph ({args.graph})"
    except InputError:
        seeds, seeds_label = demo_graph(), "demo graph (no built graph found)"
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        empty = Path(tmp) / "empty.html"
        empty.write_text("<!DOCTYPE html><html><body></body></html>", encoding="utf-8")
        print(f"baseline (empty page load): {time_to_ready(browser, empty.as_uri(), ready=False):.2f} s")
        ok = measure(browser, seeds_label, seeds, 2.0, None)
        ok &= measure(browser, f"synthetic graph ({args.nodes} nodes)", synthetic_graph(args.nodes), 5.0, 2)
        browser.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
