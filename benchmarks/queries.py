"""Median latency of every competency question (queries/) on each engine, on the seeds graph.

Engines: pyoxigraph (the .rq twin), the embedded kglite engine (the .cypher twin) and
Neo4j (the .cypher twin, only when NEO4J_URI is set). The baseline, measured in the same
run on the same graph, is rdflib's in-memory SPARQL running the .rq twin. The target is
a median under 50 ms per query. Loading times are printed apart: they are paid once.

    .venv/bin/python benchmarks/queries.py [--graph out] [--repeat 15] [--load-neo4j]

Without --graph (or when it holds no build) the seeds are built into a temporary folder.
Neo4j is measured on whatever graph it holds; --load-neo4j first WIPES the database and
loads this graph (only point it at the project's local server).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.model import KnowledgeGraph
from kg.query.catalogue import Competency, load_catalogue, sparql_rows
from kg.query.cypher_embedded import load_embedded, query_embedded
from kg.query.sparql import open_store
from kg.store import load_graph

REPO = Path(__file__).resolve().parents[1]
TARGET_MS = 50.0


@dataclass(slots=True)
class Timing:
    median_ms: float
    rows: int


def median_ms(run: Callable[[], int], repeat: int) -> Timing:
    """Run once to warm up, then ``repeat`` times; the median wall time and the row count."""
    rows = run()
    samples = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        samples.append((time.perf_counter() - began) * 1000)
    return Timing(statistics.median(samples), rows)


def timed_load(label: str, load: Callable[[], Any]) -> Any:
    began = time.perf_counter()
    value = load()
    print(f"load {label}: {time.perf_counter() - began:.2f} s")
    return value


def graph_folder(requested: Path | None, scratch: Path) -> Path:
    if requested is not None and (requested / "graph.json").exists():
        return requested
    from kg.graph.build import build

    print(f"building the seeds into {scratch} ...")
    build(REPO / "seeds", scratch, warn=lambda _message: None)
    return scratch


def rdflib_runner(folder: Path) -> Callable[[Competency], int]:
    from rdflib import Dataset, Literal

    dataset = Dataset(default_union=True)
    dataset.parse(folder / "kg.nq", format="nquads")

    def run(question: Competency) -> int:
        bindings = {k: Literal(v) for k, v in question.params.items()}
        return len(list(dataset.query(question.sparql, initBindings=bindings)))

    return run


def neo4j_runner(graph: KnowledgeGraph, load_first: bool) -> Callable[[Competency], int] | None:
    from kg.neo4j.config import connect, resolve_settings

    settings = resolve_settings()
    if settings is None:
        return None
    driver = connect(settings)
    if load_first:
        from kg.neo4j.load import load_graph_into_neo4j
        from kg.neo4j.statements import WIPE_DATABASE

        with driver.session(database=settings.database) as session:
            session.run(WIPE_DATABASE).consume()
        timed_load("neo4j", lambda: load_graph_into_neo4j(graph, driver, settings.database))

    def run(question: Competency) -> int:
        records, _, _ = driver.execute_query(question.cypher, dict(question.params), database_=settings.database)
        return len(records)

    return run


def report(results: dict[str, dict[str, Timing]], engines: list[str]) -> None:
    width = max(len(name) for name in results)
    print(f"\n{'question':{width}}  " + "  ".join(f"{e:>16}" for e in engines) + "  rows")
    for name, timings in results.items():
        cells = []
        for engine in engines:
            t = timings.get(engine)
            mark = "" if t is None or t.median_ms < TARGET_MS else " !"
            cells.append(f"{'-' if t is None else f'{t.median_ms:8.2f} ms'}{mark:2}".rjust(16))
        print(f"{name:{width}}  " + "  ".join(cells) + f"  {next(iter(timings.values())).rows}")
    print(f"\nmedian of medians (target < {TARGET_MS:g} ms per query; ! marks a miss):")
    for engine in engines:
        values = [t[engine].median_ms for t in results.values() if engine in t]
        if values:
            print(f"  {engine:16} {statistics.median(values):8.2f} ms   worst {max(values):8.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--graph", type=Path, default=None, help="a folder written by `kg build`")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--load-neo4j", action="store_true", help="wipe Neo4j and load this graph first")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="innokg-bench-") as scratch:
        folder = graph_folder(args.graph, Path(scratch))
        graph = load_graph(folder)
        store = timed_load("pyoxigraph", lambda: open_store(folder))
        embedded = timed_load("kglite", lambda: load_embedded(graph))
        baseline = timed_load("rdflib (baseline)", lambda: rdflib_runner(folder))
        neo4j = neo4j_runner(graph, args.load_neo4j)

        engines: dict[str, Callable[[Competency], int]] = {
            "pyoxigraph": lambda q: len(sparql_rows(store, q)[1]),
            "kglite": lambda q: len(query_embedded(embedded, q.cypher, dict(q.params))),
        }
        if neo4j is not None:
            engines["neo4j"] = neo4j
        engines["rdflib baseline"] = baseline

        results: dict[str, dict[str, Timing]] = {}
        for question in load_catalogue():
            results[question.name] = {
                engine: median_ms(lambda run=run, q=question: run(q), args.repeat)  # type: ignore[misc]
                for engine, run in engines.items()
            }
        report(results, list(engines))
        if neo4j is None:
            print("(Neo4j not measured: NEO4J_URI is not set)")


if __name__ == "__main__":
    main()
