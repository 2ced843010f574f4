"""Parts of the Neo4j layer that need no server: settings, parameters, validation of
labels and types before they enter query text, the write plan, output formats, dispatch."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from kg.errors import InputError
from kg.ids import entity_id
from kg.model import KnowledgeGraph
from kg.neo4j import statements as q
from kg.neo4j.config import Neo4jSettings, resolve_settings
from kg.neo4j.load import ENTITIES, MENTION_LINKS, RELATIONS, plan_writes, planned_rows
from kg.query.cypher import parse_param_value, parse_params, read_query, run_cypher
from kg.query.result import QueryResult, format_csv, format_table
from kg.store import graph_to_json


def test_settings_fall_back_to_the_environment() -> None:
    env = {"NEO4J_URI": "bolt://h:1", "NEO4J_PASSWORD": "pw", "NEO4J_DATABASE": "db"}
    settings = resolve_settings(environ=env)
    assert settings == Neo4jSettings("bolt://h:1", "neo4j", "pw", "db")
    assert resolve_settings(uri="bolt://o:2", user="u", environ=env) == Neo4jSettings("bolt://o:2", "u", "pw", "db")
    assert resolve_settings(environ={}) is None


def test_settings_never_show_the_password() -> None:
    settings = Neo4jSettings("bolt://h:1", "neo4j", "s3cret-value")
    assert "s3cret-value" not in repr(settings)
    assert "s3cret-value" not in settings.describe()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("42", 42),
        ("-7", -7),
        ("2.5", 2.5),
        ("1e3", 1000.0),
        ("true", True),
        ("false", False),
        ('[1, "a"]', [1, "a"]),
        ('{"k": 1}', {"k": 1}),
        ("null", None),
        ('"42"', "42"),
        ("合肥市", "合肥市"),
        ("a'b\" MATCH", "a'b\" MATCH"),
        ("", ""),
    ],
)
def test_param_values_are_typed_when_they_parse(text: str, value: Any) -> None:
    assert parse_param_value(text) == value


def test_params_split_at_the_first_equals_sign() -> None:
    assert parse_params(["q=a=b", "n=1"]) == {"q": "a=b", "n": 1}
    with pytest.raises(InputError):
        parse_params(["no-equals-sign"])


def test_read_query_reads_files_and_names_missing_ones(tmp_path: Any) -> None:
    path = tmp_path / "q.cypher"
    path.write_text("RETURN 1", encoding="utf-8")
    assert read_query(str(path)) == "RETURN 1"
    assert read_query("RETURN 2") == "RETURN 2"
    with pytest.raises(InputError, match="missing.cypher"):
        read_query(str(tmp_path / "missing.cypher"))


@pytest.mark.parametrize("bad", ["Lab`) DETACH DELETE n //", "has space", "", "1abc", "a-b"])
def test_only_plain_identifiers_can_become_labels(bad: str) -> None:
    with pytest.raises(InputError):
        q.cypher_name(bad)
    assert q.cypher_name("LOCATED_IN") == "LOCATED_IN"


def test_plan_rejects_a_relation_type_outside_the_ontology(small_graph: KnowledgeGraph) -> None:
    small_graph.relations[0] = replace(small_graph.relations[0], type="LOCATED_IN]->() DETACH DELETE n //")
    with pytest.raises(InputError, match="not a relation type"):
        plan_writes(small_graph)


def test_plan_rejects_a_class_outside_the_ontology(small_graph: KnowledgeGraph) -> None:
    next(iter(small_graph.entities.values())).type = "Person"
    with pytest.raises(InputError, match="Person"):
        plan_writes(small_graph)


def test_plan_rejects_a_relation_to_an_unknown_entity(small_graph: KnowledgeGraph) -> None:
    small_graph.relations[0] = replace(small_graph.relations[0], tail="e-0000000000000000")
    with pytest.raises(InputError, match="unknown entities"):
        plan_writes(small_graph)


def test_plan_covers_every_row_in_bounded_batches(small_graph: KnowledgeGraph) -> None:
    plan = plan_writes(small_graph, size=2)
    assert all(1 <= len(batch.rows) <= 2 for batch in plan)
    entity_rows = sum(len(b.rows) for b in plan if b.stage is ENTITIES)
    relation_rows = sum(len(b.rows) for b in plan if b.stage is RELATIONS)
    mention_rows = sum(len(b.rows) for b in plan if b.stage is MENTION_LINKS)
    assert entity_rows == len(small_graph.entities)
    assert relation_rows == len(small_graph.relations)
    assert mention_rows == sum(len(e.mentions) for e in small_graph.entities.values())
    assert planned_rows(plan) == planned_rows(plan_writes(small_graph, size=1000))
    # Values travel only as parameters: no entity name appears in any statement.
    names = [e.name for e in small_graph.entities.values()]
    assert not any(name in batch.query for batch in plan for name in names)


def test_a_fact_stated_twice_is_refused_not_chosen_again(small_graph: KnowledgeGraph) -> None:
    # kg.graph.merge keeps one relation per fact; a graph changed afterwards is refused, so
    # no second tie-break can pick another rule than the graph did.
    rows = [r for b in plan_writes(small_graph) if b.stage is RELATIONS for r in b.rows]
    assert len(rows) == len({r["id"] for r in rows}) == len(small_graph.relations)
    first = small_graph.relations[0]
    small_graph.relations.append(replace(first, rule="second-rule", confidence=0.99))
    with pytest.raises(InputError, match="already stated"):
        plan_writes(small_graph)


def test_table_aligns_chinese_text_and_csv_round_trips() -> None:
    result = QueryResult.from_records(["name", "n"], [{"name": "合肥市", "n": 1}, {"name": "abc", "n": 22}], "neo4j")
    lines = format_table(result).splitlines()
    assert lines[2].index("|") == len("合肥市") + 1  # three wide characters pad like six
    assert lines[-1] == "(2 rows)"
    assert format_csv(result).splitlines() == ["name,n", "合肥市,1", "abc,22"]


def test_without_a_server_the_embedded_engine_answers(small_graph: KnowledgeGraph, tmp_path: Path) -> None:
    (tmp_path / "graph.json").write_text(json.dumps(graph_to_json(small_graph), ensure_ascii=False), encoding="utf-8")
    names = sorted(e.name for e in small_graph.entities.values())
    result = run_cypher(
        "MATCH (e:__Entity__) RETURN e.name AS name ORDER BY name", {}, settings=None, graph_dir=tmp_path
    )
    assert result.engine == "embedded" and result.columns == ["name"]
    assert [row["name"] for row in result.records()] == names
    one = run_cypher(
        "MATCH (e:__Entity__ {name: $n}) RETURN e.id AS id", {"n": names[0]}, settings=None, graph_dir=tmp_path
    )
    assert [row["id"] for row in one.records()] == [entity_id(names[0])]


def test_without_server_or_built_graph_the_error_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="kg build"):
        run_cypher("RETURN 1", {}, settings=None, graph_dir=tmp_path / "nothing")


def _run_one_neo4j_test(ci: str) -> Any:
    import socket
    import subprocess
    from pathlib import Path

    from conftest import only_these_neo4j_settings

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = only_these_neo4j_settings({"CI": ci, "NEO4J_URI": f"bolt://127.0.0.1:{port}", "NEO4J_PASSWORD": "x"})
    repo = Path(__file__).resolve().parents[1]
    target = "tests/test_neo4j_cli.py::test_malformed_cypher_exits_2_with_the_engine_message"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", target],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_neo4j_tests_fail_in_ci_when_no_server_answers() -> None:
    done = _run_one_neo4j_test("true")
    assert done.returncode != 0
    assert "CI=true and no Neo4j server answers" in done.stdout
    assert "1 error" in done.stdout


def test_neo4j_tests_skip_outside_ci_when_no_server_answers() -> None:
    done = _run_one_neo4j_test("")
    assert done.returncode == 0
    assert "1 skipped" in done.stdout
