"""`kg load neo4j-import` (neo4j-admin bulk import) makes the graph `kg load neo4j` makes.

Both run on the seeds' build against a private Neo4j in a temporary state folder
(NEO4J_LOCAL_DIR), started and stopped here: the import needs the server stopped, and the
project's shared server is in use by other tests. The batched load goes first; its nodes,
relationships and every property (with its type) are the reference. Then the server is
stopped, the bulk import replaces the store, the server starts again with the schema added,
and the same snapshot must come out; a batched load on top must find nothing to write.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import NEO4J_LOCAL, neo4j_local, private_neo4j_env, running_neo4j

from kg.cli.main import main
from kg.model import KnowledgeGraph
from kg.neo4j.config import connect, resolve_settings
from kg.neo4j.load import load_graph_into_neo4j
from kg.store import load_graph

pytestmark = pytest.mark.neo4j

REPO = Path(__file__).resolve().parents[1]
TIMEOUT = 600  # seconds a scripts/neo4j-local command may take


def run_script(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return neo4j_local(env, *args, timeout=TIMEOUT)


def private_driver(env: dict[str, str]) -> Any:
    settings = resolve_settings(environ=bolt_env(Path(env["NEO4J_LOCAL_DIR"])))
    assert settings is not None
    return connect(settings)


def bolt_env(state: Path) -> dict[str, str]:
    return {
        "NEO4J_URI": f"bolt://127.0.0.1:{(state / 'bolt-port').read_text().strip()}",
        "NEO4J_USER": "neo4j",
        "NEO4J_PASSWORD": (state / "password").read_text().strip(),
        "NEO4J_DATABASE": "neo4j",
    }


@pytest.fixture(scope="module")
def private_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    env = {**private_neo4j_env(tmp_path_factory.mktemp("neo4j-bulk")), "NEO4J_LOCAL_HTTP": "off"}
    with running_neo4j(env, TIMEOUT):
        yield env


@pytest.fixture(scope="module")
def seeds_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seeds-build") / "out"
    assert main(["build", "--input", str(REPO / "seeds"), "--out", str(out), "--no-cache"]) == 0
    return out


def snapshot(env: dict[str, str]) -> dict[str, Any]:
    """Every node (labels, properties) and relationship (ends, type, properties), as sorted
    JSON texts, so a 1 and a 1.0 differ; and the names of constraints and indexes."""
    driver = private_driver(env)
    try:

        def rows(query: str) -> list[dict[str, Any]]:
            return [r.data() for r in driver.execute_query(query, database_="neo4j")[0]]

        nodes = rows("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
        rels = rows("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props")
        constraints = rows("SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties")
        indexes = rows("SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state")
    finally:
        driver.close()
    for node in nodes:
        node["labels"] = sorted(node["labels"])
    return {
        "nodes": sorted(json.dumps(n, sort_keys=True, ensure_ascii=False) for n in nodes),
        "relationships": sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in rels),
        "constraints": sorted(json.dumps(c, sort_keys=True) for c in constraints),
        "indexes": sorted(json.dumps(i, sort_keys=True) for i in indexes if i["type"] != "LOOKUP"),
    }


def batched_load(env: dict[str, str], graph: KnowledgeGraph) -> Any:
    driver = private_driver(env)
    try:
        return load_graph_into_neo4j(graph, driver, "neo4j")
    finally:
        driver.close()


def kg(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    for key in ("NEO4J_LOCAL_DIR", "NEO4J_LOCAL_HEAP"):
        monkeypatch.setenv(key, env[key])  # read by `scripts/neo4j-local admin`
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_bulk_import_equals_the_batched_load_on_the_seeds(
    private_server: dict[str, str],
    seeds_build: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    env, graph = private_server, load_graph(seeds_build)
    admin = f"{NEO4J_LOCAL} admin"
    first = batched_load(env, graph)
    assert first.total("nodes_created") > 1000 and first.total("relationships_created") > 1000
    reference = snapshot(env)

    bulk_import = ("load", "neo4j-import", "--graph", str(seeds_build), "--neo4j-admin", admin, "--overwrite")
    # The store is held by the running server: the tool refuses, and we say so (exit 4).
    code, _, err = kg(env, monkeypatch, capsys, *bulk_import)
    assert code == 4 and "stopped" in err and "Traceback" not in err

    assert run_script(env, "stop").returncode == 0
    code, out, err = kg(env, monkeypatch, capsys, *bulk_import)
    assert code == 0, err
    assert "imported" in out and "IMPORT DONE" in err  # the tool's progress reaches stderr
    started = run_script(env, "start")
    assert started.returncode == 0, started.stdout + started.stderr
    schema_args = ["--uri", bolt_env(Path(env["NEO4J_LOCAL_DIR"]))["NEO4J_URI"]]
    monkeypatch.setenv("NEO4J_PASSWORD", bolt_env(Path(env["NEO4J_LOCAL_DIR"]))["NEO4J_PASSWORD"])
    monkeypatch.setenv("NEO4J_USER", "neo4j")
    code, out, err = kg(env, monkeypatch, capsys, "load", "neo4j-finish", "--graph", str(seeds_build), *schema_args)
    assert code == 0, err

    bulk = snapshot(env)
    assert len(bulk["nodes"]) == len(reference["nodes"]) and len(bulk["relationships"]) == len(
        reference["relationships"]
    )
    assert bulk == reference
    again = batched_load(env, graph)  # every property equal, types included: nothing to write
    assert again.total("nodes_created") == 0 and again.total("relationships_created") == 0
    assert again.total("properties_set") == 0
