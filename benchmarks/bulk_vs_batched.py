"""neo4j-admin bulk import against the batched loader, on one private server (neo4j_load.py --bulk).

A Neo4j of its own is started in a temporary state folder (scripts/neo4j-local with
NEO4J_LOCAL_DIR), because the import needs the server stopped; the shared server is never
touched. On the same synthetic graph, in the same run:

  batched  ensure_schema + every UNWIND/MERGE batch (what `kg load neo4j` does);
  bulk     CSV files + `neo4j-admin database import full` + finish (constraints, indexes,
           empty lists), i.e. `kg load neo4j-import` then `kg load neo4j-finish`; the server
           restart between them is timed apart and given in a second ratio.

Both must end with the same node and relationship counts, or the run fails.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from kg.model import KnowledgeGraph
from kg.neo4j.bulk import bulk_import, finish
from kg.neo4j.config import connect, resolve_settings
from kg.neo4j.load import ensure_schema, plan_writes, run_plan

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "neo4j-local"
T = TypeVar("T")


def script(env: dict[str, str], command: str) -> float:
    began = time.perf_counter()
    done = subprocess.run([str(SCRIPT), command], env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"scripts/neo4j-local {command} failed:\n{done.stdout}{done.stderr}")
    return time.perf_counter() - began


@contextmanager
def private_server(state: Path) -> Iterator[dict[str, str]]:
    env = {**os.environ, "NEO4J_LOCAL_DIR": str(state), "NEO4J_LOCAL_HTTP": "off"}
    script(env, "start")
    try:
        yield env
    finally:
        script(env, "stop")


def driver_for(state: Path) -> Any:
    return connect(
        resolve_settings(
            environ={
                "NEO4J_URI": f"bolt://127.0.0.1:{(state / 'bolt-port').read_text().strip()}",
                "NEO4J_USER": "neo4j",
                "NEO4J_PASSWORD": (state / "password").read_text().strip(),
            }
        )
    )


def with_driver(state: Path, work: Callable[[Any], T]) -> T:
    driver = driver_for(state)
    try:
        return work(driver)
    finally:
        driver.close()


def counts(driver: Any) -> tuple[int, int]:
    nodes = driver.execute_query("MATCH (n) RETURN count(n) AS n")[0][0]["n"]
    rels = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n")[0][0]["n"]
    return int(nodes), int(rels)


def timed(work: Callable[[], T]) -> tuple[T, float]:
    began = time.perf_counter()
    result = work()
    return result, time.perf_counter() - began


def batched(driver: Any, graph: KnowledgeGraph, batch_size: int) -> tuple[int, int]:
    ensure_schema(driver, "neo4j")
    run_plan(driver, "neo4j", plan_writes(graph, batch_size))
    return counts(driver)


def compare(graph: KnowledgeGraph, batch_size: int) -> None:
    with tempfile.TemporaryDirectory(prefix="kg-bulk-bench-") as tmp:
        state = Path(tmp) / "neo4j"
        with private_server(state) as env:
            made, batched_s = timed(lambda: with_driver(state, lambda d: batched(d, graph, batch_size)))
            print(f"batched: {made[0]:,} nodes, {made[1]:,} relationships in {batched_s:.1f} s", flush=True)
            stop_s = script(env, "stop")
            os.environ["NEO4J_LOCAL_DIR"] = str(state)  # read by `scripts/neo4j-local admin`
            result = bulk_import(graph, Path(tmp) / "csv", f"{SCRIPT} admin", overwrite=True, on_line=lambda line: None)
            start_s = script(env, "start")
            _, finish_s = timed(lambda: with_driver(state, lambda d: finish(d, "neo4j", graph)))
            got = with_driver(state, counts)
        report(made, got, batched_s, result.csv_seconds, result.import_seconds, finish_s, stop_s + start_s)


def report(
    made: tuple[int, int],
    got: tuple[int, int],
    batched_s: float,
    csv_s: float,
    import_s: float,
    finish_s: float,
    restart_s: float,
) -> None:
    if made != got:
        raise SystemExit(f"bulk import made {got} (nodes, relationships), batched {made}")
    bulk_s = csv_s + import_s + finish_s
    print(
        f"bulk:    the same counts; CSV {csv_s:.1f} s + neo4j-admin import {import_s:.1f} s "
        f"+ finish {finish_s:.1f} s = {bulk_s:.1f} s (server stop and start: {restart_s:.1f} s)"
    )
    print(
        f"speed-up bulk vs batched: {batched_s / bulk_s:.1f}x; "
        f"{batched_s / (bulk_s + restart_s):.1f}x counting the restart",
        flush=True,
    )
