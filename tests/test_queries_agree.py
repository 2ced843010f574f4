"""Every competency question in queries/ gives the same answer on three engines.

The seeds are built once per session with the real pipeline; each pair then runs on the
RDF graph (pyoxigraph), on the embedded property graph (kglite) and on Neo4j (tests
marked ``neo4j``), and the answers must be identical lists of tuples, order included.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from kg.errors import InputError
from kg.model import KnowledgeGraph
from kg.query.catalogue import QUERIES_DIR, Competency, cypher_rows, load_catalogue, sparql_rows
from kg.query.cypher_embedded import EmbeddedGraph, load_embedded, query_embedded
from kg.query.sparql import open_store
from kg.store import load_graph

CATALOGUE = load_catalogue()
NAMES = [q.name for q in CATALOGUE]


@pytest.fixture(scope="session")
def seeds_graph(seeds_build: Path) -> KnowledgeGraph:
    return load_graph(seeds_build)


@pytest.fixture(scope="session")
def rdf_store(seeds_build: Path) -> ox.Store:
    return open_store(seeds_build)


@pytest.fixture(scope="session")
def embedded(seeds_graph: KnowledgeGraph) -> EmbeddedGraph:
    return load_embedded(seeds_graph)


@pytest.fixture(scope="module")
def neo4j_loaded(neo4j_driver: Any, neo4j_settings: Any, seeds_graph: KnowledgeGraph) -> Iterator[Any]:
    from kg.neo4j.load import load_graph_into_neo4j
    from kg.neo4j.statements import WIPE_DATABASE

    with neo4j_driver.session(database=neo4j_settings.database) as session:
        session.run(WIPE_DATABASE).consume()
    load_graph_into_neo4j(seeds_graph, neo4j_driver, neo4j_settings.database)
    yield neo4j_driver


def _question(name: str) -> Competency:
    return next(q for q in CATALOGUE if q.name == name)


def _rdf_answer(store: ox.Store, question: Competency) -> tuple[list[str], list[tuple[Any, ...]]]:
    return sparql_rows(store, question)


def test_catalogue_is_complete_and_described() -> None:
    assert len(CATALOGUE) >= 15
    readme = (QUERIES_DIR / "README.md").read_text(encoding="utf-8")
    for question in CATALOGUE:
        assert len(question.description) > 20, question.name
        assert f"`{question.name}`" in readme, f"{question.name} is not listed in queries/README.md"
        assert "ORDER BY" in question.sparql and "ORDER BY" in question.cypher, question.name


@pytest.mark.parametrize("name", NAMES)
def test_embedded_cypher_agrees_with_sparql(name: str, rdf_store: ox.Store, embedded: EmbeddedGraph) -> None:
    question = _question(name)
    columns, expected = _rdf_answer(rdf_store, question)
    records = query_embedded(embedded, question.cypher, dict(question.params))
    # same columns, in the same order, even when there are no rows
    assert embedded.engine.cypher(question.cypher, params=dict(question.params)).columns == columns
    assert cypher_rows(records, columns) == expected


@pytest.mark.neo4j
@pytest.mark.parametrize("name", NAMES)
def test_neo4j_cypher_agrees_with_sparql(
    name: str, rdf_store: ox.Store, neo4j_loaded: Any, neo4j_settings: Any
) -> None:
    question = _question(name)
    columns, expected = _rdf_answer(rdf_store, question)
    with neo4j_loaded.session(database=neo4j_settings.database) as session:
        result = session.run(question.cypher, dict(question.params))
        keys = list(result.keys())
        records = [record.data() for record in result]
    assert keys == columns
    assert cypher_rows(records, columns) == expected


def test_most_questions_have_answers_on_the_seeds(rdf_store: ox.Store) -> None:
    answered = [q.name for q in CATALOGUE if _rdf_answer(rdf_store, q)[1]]
    assert len(answered) >= 0.7 * len(CATALOGUE), f"only {answered} return rows on the seeds graph"


def test_parameters_select_what_they_name(
    rdf_store: ox.Store, embedded: EmbeddedGraph, seeds_graph: KnowledgeGraph
) -> None:
    question = next(q for q in CATALOGUE if q.params)
    key = next(iter(question.params))
    # every entity that takes part in a relation, whatever the seeds say about it
    related = {seeds_graph.entities[r.head].name for r in seeds_graph.relations}
    for name in sorted(related)[:5]:
        asked = Competency(question.name, question.description, question.sparql, question.cypher, {key: name})
        columns, rows = _rdf_answer(rdf_store, asked)
        assert rows, f"{name} has relations but {question.name} found none"
        assert {row[columns.index(key)] for row in rows} == {name}
        assert cypher_rows(query_embedded(embedded, asked.cypher, {key: name}), columns) == rows


@pytest.mark.parametrize("size", [100, 160, 1000])
def test_low_confidence_relations_is_a_page_of_the_review_queue(
    size: int, rdf_store: ox.Store, embedded: EmbeddedGraph, seeds_graph: KnowledgeGraph
) -> None:
    """The least sure facts first, a page of them, and the queue's length, computed here from the
    graph itself; the page size written in the twins (100) is varied so that the page ends inside
    one confidence (the seeds: 154 facts at 0.6), past it (160) and beyond the whole queue (1000)."""
    question = _question("low_confidence_relations")
    assert len(re.findall(r"\b100\b", question.cypher.split("MATCH", 1)[1])) == 2  # `before < 100`, LIMIT
    paged = replace(
        question,
        sparql=re.sub(r"\b100\b", str(size), question.sparql),
        cypher=re.sub(r"\b100\b", str(size), question.cypher),
    )
    name = {e.id: e.name for e in seeds_graph.entities.values()}
    queue = sorted(
        (r.confidence, r.type, name[r.head], name[r.tail], r.evidence.doc, r.evidence.start, r.evidence.text)
        for r in seeds_graph.relations
        if r.confidence < 0.7
    )
    expected = [(t, h, tl, c, d, s, text, len(queue)) for c, t, h, tl, d, s, text in queue[:size]]
    columns, rows = _rdf_answer(rdf_store, paged)
    assert columns == ["relation", "head", "tail", "confidence", "document", "startOffset", "sentence", "total"]
    assert rows == expected
    assert cypher_rows(query_embedded(embedded, paged.cypher, {}), columns) == expected


def test_a_broken_catalogue_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "lonely.cypher").write_text("// alone\nRETURN 1 AS x\n", encoding="utf-8")
    with pytest.raises(InputError, match="lonely.cypher"):
        load_catalogue(tmp_path)
    (tmp_path / "lonely.rq").write_text("SELECT ?x WHERE {}\n", encoding="utf-8")
    with pytest.raises(InputError, match="lonely.rq"):
        load_catalogue(tmp_path)
