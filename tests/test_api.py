"""kg.api against a fresh build of the seeds: the README's examples, the module's, and the
behaviour behind them (parameters bound as data, columns kept on empty answers)."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.api
from kg.api import open_build
from kg.errors import InputError, QueryError
from kg.graph.build import build
from kg.query.catalogue import load_catalogue, sparql_rows
from kg.query.sparql import open_store

REPO = Path(__file__).resolve().parents[1]
NAME_QUERY = "SELECT ?name WHERE { ?e ikg:name ?name }"


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder whose ``out/`` is a fresh build, as the examples expect."""
    folder = tmp_path_factory.mktemp("api")
    build(REPO / "seeds", folder / "out", warn=lambda _message: None)
    return folder


def _run_doctest(test: doctest.DocTest, folder: Path, monkeypatch: pytest.MonkeyPatch) -> doctest.TestResults:
    monkeypatch.chdir(folder)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    return runner.summarize(verbose=False)


def readme_examples() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text[text.index("\n## Python API\n") :]
    section = section[: section.index("\n## ", 1)]
    blocks = re.findall(r"```pycon\n(.*?)```", section, re.S)
    assert blocks, "the README's Python API section has no pycon example"
    return "\n".join(blocks)


def test_readme_examples_run(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    examples = readme_examples()
    test = doctest.DocTestParser().get_doctest(examples, {}, "README.md#python-api", "README.md", 0)
    assert len(test.examples) >= 8
    result = _run_doctest(test, workdir, monkeypatch)
    assert result.failed == 0 and result.attempted == len(test.examples)


def test_module_examples_run(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tests = doctest.DocTestFinder().find(kg.api)
    examples = [t for t in tests if t.examples]
    assert examples
    for test in examples:
        result = _run_doctest(test, workdir, monkeypatch)
        assert result.failed == 0 and result.attempted > 0


def test_sparql_parameters_are_bound_not_spliced(workdir: Path) -> None:
    api = open_build(str(workdir / "out"))
    assert api.sparql(NAME_QUERY, name="合肥市") == [{"name": "合肥市"}]
    # a value that would close the literal and widen the pattern is just a name nobody has
    assert api.sparql(NAME_QUERY, name='合肥市" } UNION { ?e ikg:name ?name } #') == []
    assert api.sparql(NAME_QUERY, name="合肥市'") == []
    assert (
        api.sparql("SELECT ?e ?name WHERE { ?e ikg:name ?name }", e=ox.NamedNode("https://w3id.org/innokg/id/nobody"))
        == []
    )
    with pytest.raises(QueryError, match="bind"):
        api.sparql(NAME_QUERY, nonexistent="x")
    with pytest.raises(QueryError, match="cannot bind"):
        api.sparql(NAME_QUERY, name=object())


def test_sparql_matches_the_catalogue_and_guard_applies(workdir: Path) -> None:
    api = open_build(workdir / "out")
    question = next(q for q in load_catalogue() if q.name == "entity_evidence")
    columns, rows = sparql_rows(api.store, question)
    got = api.sparql(question.sparql, **question.params)
    assert got == [dict(zip(columns, row, strict=True)) for row in rows] and got
    assert all(type(v) in (str, int, float, bool, type(None)) for row in got for v in row.values())
    assert api.sparql("ASK { ?e ikg:name '合肥市' }") == [{"ask": True}]
    with pytest.raises(QueryError):
        api.sparql("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    with pytest.raises(QueryError):
        api.sparql("INSERT DATA { <urn:a> <urn:b> <urn:c> }")


def test_cypher_parameters_and_empty_answers_keep_columns(workdir: Path) -> None:
    api = open_build(workdir / "out")
    rows = api.cypher("MATCH (e:__Entity__ {name: $name}) RETURN e.name AS name, e.type AS type", name="合肥市")
    assert rows == [{"name": "合肥市", "type": "Place"}]
    assert api.cypher("MATCH (e:__Entity__ {name: $name}) RETURN e.name AS name", name="x'}) DETACH DELETE e //") == []
    empty = api.cypher_frame("MATCH (e:__Entity__ {name: $name}) RETURN e.name AS name, e.type AS type", name="无")
    assert list(empty.columns) == ["name", "type"] and len(empty) == 0
    with pytest.raises(QueryError):
        api.cypher("MATCH (n:__Entity__) DETACH DELETE n")
    assert api.cypher("MATCH (n:__Entity__) RETURN count(n) AS n")[0]["n"] == api.networkx().number_of_nodes()


def test_frame_keeps_columns_and_types(workdir: Path) -> None:
    api = open_build(workdir / "out")
    df = api.frame(
        "SELECT ?type (COUNT(?e) AS ?n) WHERE { ?e ikg:entityId ?id ; a ?type } GROUP BY ?type ORDER BY DESC(?n) ?type"
    )
    assert list(df.columns) == ["type", "n"] and len(df) >= 5
    assert str(df["n"].dtype).startswith("int") and df["type"].iloc[0].startswith("https://w3id.org/innokg/")
    empty = api.frame(NAME_QUERY, name="没有这个名字")
    assert list(empty.columns) == ["name"] and empty.empty


def test_networkx_has_every_entity_and_relation(workdir: Path) -> None:
    api = open_build(workdir / "out")
    g = api.networkx()
    entities = api.sparql("SELECT (COUNT(?e) AS ?n) WHERE { ?e ikg:entityId ?id }")[0]["n"]
    assert g.number_of_nodes() == entities
    assert (
        g.number_of_edges()
        == api.cypher("MATCH (:__Entity__)-[r]->(:__Entity__) WHERE type(r) <> 'FROM_CHUNK' RETURN count(r) AS n")[0][
            "n"
        ]
    )


def test_open_build_and_open_store_take_str_and_name_what_is_missing(workdir: Path, tmp_path: Path) -> None:
    assert len(open_store(str(workdir / "out"))) == len(open_store(workdir / "out")) > 0
    with pytest.raises(InputError, match="not a folder"):
        open_build(tmp_path / "nothing")
    with pytest.raises(InputError, match="kg.nq or graph.json"):
        open_build(str(tmp_path))
