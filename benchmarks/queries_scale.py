"""The competency questions on the 100× graph: median per question on pyoxigraph, kglite and
Neo4j, each against a trivial query on the same engine in the same run, and the wall time of
one ``kg sparql`` / ``kg cypher`` call (interpreter start included) and of ``kg --help``.

    .venv/bin/python benchmarks/queries_scale.py [--work /tmp/innokg-q100] [--size 100]
        [--repeat 9] [--load-neo4j] [--in-memory]

The corpus (benchmarks/scale.py's varied copies of the seeds) is generated and built into
``WORK/out`` once, then reused. Neo4j is measured when NEO4J_URI is set
(``eval "$(scripts/neo4j-local env)"``); ``--load-neo4j`` first runs ``kg load neo4j --prune``,
which leaves that database holding this graph only. The engines open what ``kg sparql`` and
``kg cypher`` open (kg.nq loaded without per-term checks when the build's stamp vouches for
it, kglite's saved graph ``WORK/out/store/graph.kgl``); ``--in-memory`` loads kg.nq with every
check and builds the kglite graph from graph.json, as both commands did before the store.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TARGET_MS = 50.0
KG = [sys.executable, "-m", "kg.cli"]
# The trivial query of each engine: what a round trip costs there with no data touched.
BASELINES = {"pyoxigraph": "ASK {}", "kglite": "RETURN 1 AS x", "neo4j": "RETURN 1 AS x"}

Runner = Callable[[str, dict[str, Any]], int]


def ensure_build(work: Path, size: int) -> Path:
    """``work/out``, built from ``size`` varied copies of the seeds unless it is there already."""
    out = work / "out"
    if (out / "graph.json").exists():
        return out
    sys.path.insert(0, str(Path(__file__).parent))
    from scale import generate

    corpus = work / "corpus"
    if not corpus.exists():
        print(f"generating {size}× the seeds into {corpus} ...", flush=True)
        generate(corpus, size)
    print(f"building {out} ...", flush=True)
    subprocess.run([*KG, "build", "--input", str(corpus), "--out", str(out), "--no-cache"], check=True, cwd=ROOT)
    return out


def median_ms(run: Callable[[], int], repeat: int) -> tuple[float, int]:
    """One warm-up run, then the median of ``repeat`` runs in ms, and the row count."""
    rows = run()
    samples = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples), rows


def timed(label: str, load: Callable[[], Any]) -> Any:
    began = time.perf_counter()
    value = load()
    print(f"open {label}: {time.perf_counter() - began:.2f} s", flush=True)
    return value


# ---------------------------------------------------------------- engines


def pyoxigraph_runner(out: Path, in_memory: bool) -> Runner:
    import pyoxigraph as ox

    import kg.query.sparql

    opener = kg.query.sparql.open_store if in_memory else kg.query.sparql.open_query_store  # type: ignore[attr-defined]
    store = timed("pyoxigraph", lambda: opener(out))

    def run(query: str, params: dict[str, Any]) -> int:
        substitutions: dict[ox.Variable, Any] = {ox.Variable(k): ox.Literal(v) for k, v in params.items()}
        answer = store.query(query, use_default_graph_as_union=True, substitutions=substitutions)
        return 1 if isinstance(answer, ox.QueryBoolean) else len(list(answer))

    return run


def kglite_runner(out: Path, in_memory: bool) -> Runner:
    from kg.query.cypher_embedded import embedded_for, load_embedded, query_embedded
    from kg.store import load_graph

    embedded = timed("kglite", lambda: load_embedded(load_graph(out)) if in_memory else embedded_for(out))
    return lambda query, params: len(query_embedded(embedded, query, params))


def neo4j_runner(out: Path, load_first: bool) -> Runner | None:
    from kg.neo4j.config import connect, resolve_settings

    settings = resolve_settings()
    if settings is None:
        return None
    if load_first:
        timed(
            "neo4j (kg load neo4j --prune)",
            lambda: subprocess.run(
                [*KG, "load", "neo4j", "--graph", str(out), "--prune"], check=True, cwd=ROOT, capture_output=True
            ),
        )
    driver = connect(settings)

    def run(query: str, params: dict[str, Any]) -> int:
        records, _, _ = driver.execute_query(query, params, database_=settings.database)
        return len(records)

    return run


# ---------------------------------------------------------------- calls of the command line


def wall_s(command: list[str], env: dict[str, str], repeat: int = 3) -> tuple[float, float]:
    """The fastest of ``repeat`` runs of ``command``: wall seconds (interpreter start included),
    and the least CPU seconds (user + system) a run took, which neighbours on a shared machine
    disturb far less than the wall time."""
    best = cpu = float("inf")
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        began = time.perf_counter()
        subprocess.run(command, check=True, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - began)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = min(cpu, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return best, cpu


def cli_calls(out: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}  # kg cypher: embedded engine
    baseline = wall_s([sys.executable, "-c", "pass"], env)
    calls = {
        "python -c pass (baseline)": [sys.executable, "-c", "pass"],
        "kg --help": [*KG, "--help"],
        "kg sparql queries/chains_by_enterprise_count.rq": [
            *KG,
            "sparql",
            "queries/chains_by_enterprise_count.rq",
            "--graph",
            str(out),
        ],
        "kg cypher queries/chains_by_enterprise_count.cypher": [
            *KG,
            "cypher",
            "queries/chains_by_enterprise_count.cypher",
            "--graph",
            str(out),
        ],
    }
    print("\none call of the command line, fastest of 3 (target: < 2 s for a query):")
    for label, command in calls.items():
        seconds, cpu = baseline if "baseline" in label else wall_s(command, env)
        print(f"  {label:55} {seconds:6.2f} s   ×{seconds / baseline[0]:6.1f} the baseline   CPU {cpu:5.2f} s")


# ---------------------------------------------------------------- report


def measure(engines: dict[str, Runner], repeat: int) -> dict[str, dict[str, tuple[float, int]]]:
    from kg.query.catalogue import load_catalogue

    results: dict[str, dict[str, tuple[float, int]]] = {
        "(baseline)": {e: median_ms(partial(run, BASELINES[e], {}), repeat) for e, run in engines.items()}
    }
    for question in load_catalogue():
        params = dict(question.params)
        results[question.name] = {}
        for engine, run in engines.items():
            text = question.sparql if engine == "pyoxigraph" else question.cypher
            results[question.name][engine] = median_ms(partial(run, text, params), repeat)
    return results


def report(results: dict[str, dict[str, tuple[float, int]]], engines: list[str]) -> None:
    width = max(len(name) for name in results)
    base = results["(baseline)"]
    print(f"\n{'question':{width}}  " + "  ".join(f"{e + ' ms (× baseline)':>28}" for e in engines) + "  rows")
    for name, timings in results.items():
        cells = []
        for engine in engines:
            ms, _ = timings[engine]
            mark = "" if ms < TARGET_MS else " !"
            cells.append(f"{ms:9.2f} (×{ms / base[engine][0]:8.1f}){mark:2}".rjust(28))
        counts = {timings[e][1] for e in engines}
        rows = str(timings[engines[0]][1]) if len(counts) == 1 else " / ".join(str(timings[e][1]) for e in engines)
        print(f"{name:{width}}  " + "  ".join(cells) + f"  {rows}")
    print("(rows: one number when every engine returned as many; else one per engine, in column order)")
    print(f"\nper engine (target: every question < {TARGET_MS:g} ms; ! marks a miss):")
    for engine in engines:
        values = [t[engine][0] for name, t in results.items() if name != "(baseline)"]
        misses = sum(v >= TARGET_MS for v in values)
        print(
            f"  {engine:11} median {statistics.median(values):8.2f} ms  worst {max(values):8.2f} ms  "
            f"misses {misses} of {len(values)}  baseline {base[engine][0]:.3f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, default=Path("/tmp/innokg-q100"))
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--load-neo4j", action="store_true", help="kg load neo4j --prune this graph first")
    parser.add_argument("--in-memory", action="store_true", help="load kg.nq / graph.json, not the stores")
    parser.add_argument("--no-cli", action="store_true", help="skip timing the command line")
    args = parser.parse_args()

    out = ensure_build(args.work, args.size)
    engines: dict[str, Runner] = {
        "pyoxigraph": pyoxigraph_runner(out, args.in_memory),
        "kglite": kglite_runner(out, args.in_memory),
    }
    neo4j = neo4j_runner(out, args.load_neo4j)
    if neo4j is not None:
        engines["neo4j"] = neo4j
    report(measure(engines, args.repeat), list(engines))
    if neo4j is None:
        print("(Neo4j not measured: NEO4J_URI is not set)")
    if not args.no_cli:
        cli_calls(out)


if __name__ == "__main__":
    main()
