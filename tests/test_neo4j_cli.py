"""`kg load neo4j` and `kg cypher` as a user runs them (subprocess), against a real Neo4j."""

from __future__ import annotations

import csv
import io
import json
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kg.model import KnowledgeGraph
from kg.store import graph_to_json

pytestmark = pytest.mark.neo4j

Run = Callable[..., Any]
REPO_ROOT = Path(__file__).resolve().parents[1]


def save(graph: KnowledgeGraph, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "graph.json").write_text(json.dumps(graph_to_json(graph), ensure_ascii=False), encoding="utf-8")
    return folder


def node_count(run_kg: Run, env: dict[str, str]) -> int:
    done = run_kg("cypher", "MATCH (n) RETURN count(n) AS n", "--format", "json", env=env)
    assert done.returncode == 0, done.stderr
    return int(json.loads(done.stdout)[0]["n"])


def unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_load_command_reports_created_then_left_alone(
    clean_neo4j: Any,
    neo4j_env: dict[str, str],
    small_graph: KnowledgeGraph,
    tmp_path: Path,
    run_kg: Run,
) -> None:
    folder = save(small_graph, tmp_path / "out")
    first = run_kg("load", "neo4j", "--graph", str(folder), env=neo4j_env)
    assert first.returncode == 0, first.stderr
    assert f"entities: {len(small_graph.entities)} rows, {len(small_graph.entities)} created" in first.stdout
    loaded = node_count(run_kg, neo4j_env)
    second = run_kg("load", "neo4j", "--graph", str(folder), env=neo4j_env)
    assert second.returncode == 0, second.stderr
    assert "0 nodes created, 0 relationships created, 0 properties set" in second.stdout
    assert node_count(run_kg, neo4j_env) == loaded


def test_load_command_names_a_missing_graph_file(neo4j_env: dict[str, str], tmp_path: Path, run_kg: Run) -> None:
    done = run_kg("load", "neo4j", "--graph", str(tmp_path / "nowhere"), env=neo4j_env)
    assert done.returncode == 2
    assert "nowhere" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("command", [["cypher", "RETURN 1 AS one"], ["load", "neo4j"]])
def test_wrong_password_is_a_clear_error_without_the_password(
    neo4j_env: dict[str, str],
    run_kg: Run,
    tmp_path: Path,
    small_graph: KnowledgeGraph,
    command: list[str],
) -> None:
    wrong = "Wr0ng-pass-7f3a9c"
    env = {**neo4j_env, "NEO4J_PASSWORD": wrong}
    extra = ["--graph", str(save(small_graph, tmp_path))] if command[0] == "load" else []
    done = run_kg(*command, *extra, env=env)
    assert done.returncode == 4
    assert "refused the credentials" in done.stderr
    assert "Traceback" not in done.stderr
    assert wrong not in done.stdout + done.stderr
    assert neo4j_env["NEO4J_PASSWORD"] not in done.stdout + done.stderr


def test_unreachable_server_is_a_clear_error_without_the_password(neo4j_env: dict[str, str], run_kg: Run) -> None:
    port = unused_port()
    done = run_kg("cypher", "RETURN 1", "--uri", f"bolt://127.0.0.1:{port}", env=neo4j_env)
    assert done.returncode == 4
    assert "cannot reach Neo4j" in done.stderr and str(port) in done.stderr
    assert "Traceback" not in done.stderr
    assert neo4j_env["NEO4J_PASSWORD"] not in done.stdout + done.stderr


def test_malformed_cypher_exits_2_with_the_engine_message(neo4j_env: dict[str, str], run_kg: Run) -> None:
    done = run_kg("cypher", "MATCH (n RETURN n", env=neo4j_env)
    assert done.returncode == 2
    assert "SyntaxError" in done.stderr and "Invalid input" in done.stderr
    assert "Traceback" not in done.stderr


def test_queries_are_read_only_unless_write_is_given(clean_neo4j: Any, neo4j_env: dict[str, str], run_kg: Run) -> None:
    refused = run_kg("cypher", "CREATE (:Probe)", env=neo4j_env)
    assert refused.returncode == 2
    assert "--write" in refused.stderr
    assert node_count(run_kg, neo4j_env) == 0
    allowed = run_kg("cypher", "CREATE (:Probe)", "--write", env=neo4j_env)
    assert allowed.returncode == 0, allowed.stderr
    assert node_count(run_kg, neo4j_env) == 1


def test_param_with_quotes_and_keywords_is_matched_literally(
    clean_neo4j: Any, neo4j_env: dict[str, str], run_kg: Run
) -> None:
    hostile = "a'}) MATCH (m) DETACH DELETE m RETURN 1 AS x //\" `x`"
    stored = run_kg("cypher", "CREATE (:Probe {name: $name})", "--write", "--param", f"name={hostile}", env=neo4j_env)
    assert stored.returncode == 0, stored.stderr
    run_kg("cypher", "CREATE (:Probe {name: 'other'})", "--write", env=neo4j_env)
    found = run_kg(
        "cypher",
        "MATCH (p:Probe {name: $name}) RETURN p.name AS name",
        "--param",
        f"name={hostile}",
        "--format",
        "json",
        env=neo4j_env,
    )
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout) == [{"name": hostile}]
    assert node_count(run_kg, neo4j_env) == 2


def test_param_types_reach_the_engine(neo4j_env: dict[str, str], run_kg: Run) -> None:
    done = run_kg(
        "cypher",
        "RETURN $i + 1 AS i, $f * 2 AS f, NOT $b AS b, size($l) AS l, $s AS s",
        "--param",
        "i=41",
        "--param",
        "f=1.25",
        "--param",
        "b=true",
        "--param",
        "l=[1, 2, 3]",
        "--param",
        "s=合肥市",
        "--format",
        "csv",
        env=neo4j_env,
    )
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert rows == [{"i": "42", "f": "2.5", "b": "false", "l": "3", "s": "合肥市"}]


def test_query_from_a_file_and_table_output(
    clean_neo4j: Any,
    neo4j_env: dict[str, str],
    small_graph: KnowledgeGraph,
    tmp_path: Path,
    run_kg: Run,
) -> None:
    run_kg("load", "neo4j", "--graph", str(save(small_graph, tmp_path / "out")), env=neo4j_env)
    query_file = tmp_path / "places.cypher"
    query_file.write_text(
        "MATCH (x:__Entity__)-[:LOCATED_IN]->(p:Place) RETURN x.name AS name, p.name AS place\n",
        encoding="utf-8",
    )
    done = run_kg("cypher", str(query_file), env=neo4j_env)
    assert done.returncode == 0, done.stderr
    located = [r for r in small_graph.relations if r.type == "LOCATED_IN"]
    assert done.stdout.splitlines()[0].split(" | ")[0].strip() == "name"
    assert f"({len(located)} row" in done.stdout
    for relation in located:
        assert small_graph.entities[relation.head].name in done.stdout


def test_load_killed_half_way_then_rerun_gives_the_full_graph_once(
    clean_neo4j: Any,
    neo4j_env: dict[str, str],
    graph_factory: Callable[[int], KnowledgeGraph],
    tmp_path: Path,
    kg_argv: list[str],
) -> None:
    import signal
    import subprocess
    import time

    from conftest import only_these_neo4j_settings

    graph = graph_factory(40)
    folder = save(graph, tmp_path / "out")
    env = only_these_neo4j_settings(neo4j_env)
    args = [*kg_argv, "load", "neo4j", "--graph", str(folder), "--batch-size", "1"]
    process = subprocess.Popen(args, cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and count_nodes(clean_neo4j) == 0:
            time.sleep(0.05)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    partial = count_nodes(clean_neo4j)
    full = len(graph.documents) + sum(len(d.sentences) for d in graph.documents) + len(graph.entities)
    assert 0 < partial < full, "the load was not interrupted half-way"

    done = subprocess.run(args[:-2], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert count_nodes(clean_neo4j) == full
    records, _, _ = clean_neo4j.execute_query(
        "MATCH ()-[r]->() WHERE r.id IS NOT NULL RETURN count(r) AS n, count(DISTINCT r.id) AS d", database_="neo4j"
    )
    assert records[0]["n"] == records[0]["d"] == len(graph.relations)


def count_nodes(driver: Any) -> int:
    records, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS n", database_="neo4j")
    return int(records[0]["n"])
