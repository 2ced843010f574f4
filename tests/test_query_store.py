"""The stores ``kg build`` writes (out/store/) answer like the files they mirror, and are
never read once they no longer mirror them: a stale or missing store falls back, and says so."""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import InputError
from kg.query.catalogue import cypher_rows, load_catalogue, sparql_rows
from kg.query.cypher_embedded import embedded_for, load_embedded, query_embedded
from kg.query.sparql import open_query_store, open_store
from kg.query.stores import KGLITE, OXIGRAPH, STAMP_FILE, why_stale
from kg.store import load_graph

REPO = Path(__file__).resolve().parents[1]
CATALOGUE = load_catalogue()
EXTRA_QUAD = '<https://w3id.org/innokg/id/entity/e-test> <https://w3id.org/innokg/ontology#name> "只在kg.nq里" .\n'


@pytest.fixture()
def copy(seeds_build: Path, tmp_path: Path) -> Path:
    shutil.copytree(seeds_build, tmp_path / "out")
    return tmp_path / "out"


def test_a_build_writes_fresh_stores(seeds_build: Path) -> None:
    assert (seeds_build / "store" / "graph.kgl").is_file()
    assert why_stale(seeds_build, OXIGRAPH) is None and why_stale(seeds_build, KGLITE) is None


def test_the_stores_answer_every_question_as_the_files_do(seeds_build: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        stamped_rdf, saved_graph = open_query_store(seeds_build), embedded_for(seeds_build)
    assert not caplog.records  # the stamped paths were taken, not the fallbacks
    checked_rdf, memory_graph = open_store(seeds_build), load_embedded(load_graph(seeds_build))
    assert len(stamped_rdf) == len(checked_rdf)
    answered = 0
    for question in CATALOGUE:
        columns, expected = sparql_rows(checked_rdf, question)
        assert sparql_rows(stamped_rdf, question) == (columns, expected), question.name
        params = dict(question.params)
        saved = cypher_rows(query_embedded(saved_graph, question.cypher, params), columns)
        assert saved == cypher_rows(query_embedded(memory_graph, question.cypher, params), columns), question.name
        answered += bool(expected)
    assert answered >= 0.7 * len(CATALOGUE)
    assert (saved_graph.nodes, saved_graph.relationships) == (memory_graph.nodes, memory_graph.relationships)


def _names(store: ox.Store) -> set[str]:
    answer = store.query(
        "SELECT ?n WHERE { ?e <https://w3id.org/innokg/ontology#name> ?n }", use_default_graph_as_union=True
    )
    assert isinstance(answer, ox.QuerySolutions)
    return {s["n"].value for s in answer}


def test_a_changed_kg_nq_is_loaded_with_every_check(copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    with (copy / "kg.nq").open("a", encoding="utf-8") as handle:
        handle.write(EXTRA_QUAD)  # a later kg.nq than the build stamped
    assert "kg.nq is not the file the build stamped" in (why_stale(copy, OXIGRAPH) or "")
    with caplog.at_level(logging.WARNING):
        store = open_query_store(copy)
    assert "只在kg.nq里" in _names(store)
    assert "loading kg.nq with every check instead" in caplog.text
    assert why_stale(copy, KGLITE) is None  # graph.json did not change
    with (copy / "kg.nq").open("a", encoding="utf-8") as handle:
        handle.write("<not an iri> <urn:p> <urn:o> .\n")
    with pytest.raises(InputError, match="cannot be loaded as N-Quads"):  # the checks are on
        open_query_store(copy)


def test_a_stale_kglite_store_is_not_read(copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    data = json.loads((copy / "graph.json").read_text(encoding="utf-8"))
    dropped = data["entities"].pop()
    (copy / "graph.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert "graph.json is not the file the build stamped" in (why_stale(copy, KGLITE) or "")
    with caplog.at_level(logging.WARNING):
        embedded = embedded_for(copy)
    assert "building the graph from graph.json instead" in caplog.text
    query = "MATCH (e:__Entity__ {id: $id}) RETURN e.name AS name"
    assert query_embedded(embedded, query, {"id": dropped["id"]}) == []


def test_a_missing_store_or_another_engine_version_falls_back(copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    stamp = json.loads((copy / STAMP_FILE).read_text(encoding="utf-8"))
    stamp["stores"]["store/graph.kgl"]["version"] = "0.0.1"
    (copy / STAMP_FILE).write_text(json.dumps(stamp), encoding="utf-8")
    assert "written by kglite 0.0.1" in (why_stale(copy, KGLITE) or "")
    (copy / "store" / "graph.kgl").unlink()
    assert why_stale(copy, KGLITE) == "store/graph.kgl is missing"
    (copy / STAMP_FILE).unlink()
    assert "has no store/stamp.json" in (why_stale(copy, OXIGRAPH) or "")
    with caplog.at_level(logging.WARNING):
        assert len(open_query_store(copy)) == len(open_store(copy))
        assert embedded_for(copy).nodes == load_embedded(load_graph(copy)).nodes
    assert "building the graph from graph.json instead" in caplog.text


def test_kg_sparql_says_why_it_is_slower(copy: Path) -> None:
    shutil.rmtree(copy / "store")
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", "sparql", "ASK { ?s ?p ?o }", "--graph", str(copy)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert done.returncode == 0 and "true" in done.stdout
    assert "has no store/stamp.json" in done.stderr and "`kg build` writes the store" in done.stderr
