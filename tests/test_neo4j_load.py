"""Loading a KnowledgeGraph into a real Neo4j (scripts/neo4j-local): idempotence, updates,
provenance, the lexical graph, and recovery from a load interrupted between batches."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kg.ids import entity_id, entity_iri, relation_id
from kg.model import KnowledgeGraph
from kg.neo4j.load import LoadSummary, load_graph_into_neo4j

pytestmark = pytest.mark.neo4j


def query(driver: Any, text: str, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(text, params, database_="neo4j")
    return [record.data() for record in records]


def counts(driver: Any) -> tuple[int, int]:
    nodes = query(driver, "MATCH (n) RETURN count(n) AS n")[0]["n"]
    rels = query(driver, "MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
    return nodes, rels


def load(driver: Any, graph: KnowledgeGraph, **options: Any) -> LoadSummary:
    return load_graph_into_neo4j(graph, driver, "neo4j", **options)


def counts_of_one_load(driver: Any, graph: KnowledgeGraph, batch_size: int) -> tuple[int, int]:
    """The nodes and relationships a load of ``graph`` into the empty database makes; the
    database is emptied again, for the load the test compares with it."""
    load(driver, graph, batch_size=batch_size)
    made = counts(driver)
    driver.execute_query("MATCH (n) DETACH DELETE n", database_="neo4j")
    return made


def expected_node_count(graph: KnowledgeGraph) -> int:
    sentences = sum(len(d.sentences) for d in graph.documents)
    return len(graph.documents) + sentences + len(graph.entities)


def test_load_creates_one_node_per_document_sentence_and_entity(clean_neo4j: Any, small_graph: KnowledgeGraph) -> None:
    summary = load(clean_neo4j, small_graph)
    nodes, _ = counts(clean_neo4j)
    assert nodes == expected_node_count(small_graph)
    assert summary.total("nodes_created") == nodes
    entity_nodes = query(clean_neo4j, "MATCH (n:__Entity__) RETURN n.id AS id, n.uri AS uri")
    assert {row["id"] for row in entity_nodes} == set(small_graph.entities)
    assert all(row["uri"] == entity_iri(row["id"]) for row in entity_nodes)


def test_labels_come_from_class_and_subtype(clean_neo4j: Any, small_graph: KnowledgeGraph) -> None:
    load(clean_neo4j, small_graph)
    for entity in small_graph.entities.values():
        row = query(clean_neo4j, "MATCH (n:__Entity__ {id: $id}) RETURN labels(n) AS labels", id=entity.id)[0]
        expected = {"__Entity__", entity.type} | ({entity.subtype} if entity.subtype else set())
        assert set(row["labels"]) == expected


def test_loading_twice_changes_nothing(clean_neo4j: Any, small_graph: KnowledgeGraph) -> None:
    load(clean_neo4j, small_graph)
    first = counts(clean_neo4j)
    again = load(clean_neo4j, small_graph)
    assert counts(clean_neo4j) == first
    assert again.total("nodes_created") == 0
    assert again.total("relationships_created") == 0
    assert again.total("properties_set") == 0
    assert all(stats.unchanged == stats.rows for stats in again.stats.values())


def test_changed_name_updates_the_node_instead_of_duplicating(clean_neo4j: Any, small_graph: KnowledgeGraph) -> None:
    load(clean_neo4j, small_graph)
    before = counts(clean_neo4j)
    entity = next(iter(small_graph.entities.values()))
    entity.name = entity.name + "（新）"
    entity.aliases = [*entity.aliases, "新别名"]
    summary = load(clean_neo4j, small_graph)
    assert counts(clean_neo4j) == before
    assert summary.stats["entities"].updated == 1
    assert summary.stats["entities"].created == 0
    rows = query(
        clean_neo4j, "MATCH (n:__Entity__ {id: $id}) RETURN n.name AS name, n.aliases AS aliases", id=entity.id
    )
    assert rows == [{"name": entity.name, "aliases": entity.aliases}]


def test_changed_subtype_moves_the_labels(clean_neo4j: Any, small_graph: KnowledgeGraph) -> None:
    load(clean_neo4j, small_graph)
    lab = next(e for e in small_graph.entities.values() if e.subtype == "NationalKeyLaboratory")
    lab.subtype = "ProvincialLaboratory"
    load(clean_neo4j, small_graph)
    labels = query(clean_neo4j, "MATCH (n {id: $id}) RETURN labels(n) AS l", id=lab.id)[0]["l"]
    assert set(labels) == {"__Entity__", "Laboratory", "ProvincialLaboratory"}


def test_relationships_carry_their_provenance(clean_neo4j: Any, small_graph: KnowledgeGraph) -> None:
    load(clean_neo4j, small_graph)
    for relation in small_graph.relations:
        ev = relation.evidence
        rid = relation_id(relation.type, relation.head, relation.tail, ev.doc, ev.sentence)
        rows = query(
            clean_neo4j,
            "MATCH (h {id: $head})-[r {id: $rid}]->(t {id: $tail}) RETURN type(r) AS type, properties(r) AS p",
            head=relation.head,
            tail=relation.tail,
            rid=rid,
        )
        assert len(rows) == 1
        props = rows[0]["p"]
        assert rows[0]["type"] == relation.type
        assert (props["doc"], props["sentence"]) == (ev.doc, ev.sentence)
        assert (props["start"], props["end"]) == (ev.start, ev.end)
        assert props["evidence"] == ev.text
        assert props["rule"] == relation.rule
        assert props["confidence"] == pytest.approx(relation.confidence)


def test_lexical_graph_links_chunks_documents_and_mentions(clean_neo4j: Any, small_graph: KnowledgeGraph) -> None:
    load(clean_neo4j, small_graph)
    for document in small_graph.documents:
        chunks = query(
            clean_neo4j,
            "MATCH (c:Chunk)-[:FROM_DOCUMENT]->(d:Document {id: $doc}) "
            "RETURN c.index AS index, c.text AS text ORDER BY index",
            doc=document.name,
        )
        assert [(c["index"], c["text"]) for c in chunks] == [(s.index, s.text) for s in document.sentences]
        links = query(
            clean_neo4j,
            "MATCH (:Document {id: $doc})<-[:FROM_DOCUMENT]-(a:Chunk)-[:NEXT_CHUNK]->(b:Chunk) "
            "RETURN a.index AS a, b.index AS b ORDER BY a",
            doc=document.name,
        )
        assert [(link["a"], link["b"]) for link in links] == [(i, i + 1) for i in range(len(document.sentences) - 1)]
    for entity in small_graph.entities.values():
        texts = query(
            clean_neo4j,
            "MATCH (:__Entity__ {id: $id})-[m:FROM_CHUNK]->(c:Chunk) RETURN c.text AS text, m.text AS surface",
            id=entity.id,
        )
        assert len(texts) == len(entity.mentions)
        assert all(row["surface"] in row["text"] for row in texts)


def test_values_with_quotes_and_keywords_are_stored_literally(clean_neo4j: Any, small_graph: KnowledgeGraph) -> None:
    hostile = 'X\'}) DETACH DELETE n // "MATCH" `Lab`'
    entity = next(iter(small_graph.entities.values()))
    entity.aliases = [hostile]
    load(clean_neo4j, small_graph)
    rows = query(clean_neo4j, "MATCH (n:__Entity__) WHERE $alias IN n.aliases RETURN n.id AS id", alias=hostile)
    assert rows == [{"id": entity.id}]
    assert counts(clean_neo4j)[0] == expected_node_count(small_graph)


class Interrupted(RuntimeError):
    pass


def stop_after(batches: int) -> Callable[[int], None]:
    seen = [0]

    def hook(_rows: int) -> None:
        seen[0] += 1
        if seen[0] >= batches:
            raise Interrupted(f"stopped after {batches} batches")

    return hook


def test_interrupted_load_resumes_without_duplicates(
    clean_neo4j: Any, graph_factory: Callable[[int], KnowledgeGraph]
) -> None:
    graph = graph_factory(12)
    uninterrupted = counts_of_one_load(clean_neo4j, graph, batch_size=7)

    with pytest.raises(Interrupted):
        load(clean_neo4j, graph, batch_size=7, progress=stop_after(4))
    partial = counts(clean_neo4j)
    assert 0 < partial[0] < uninterrupted[0]

    load(clean_neo4j, graph, batch_size=7)
    assert counts(clean_neo4j) == uninterrupted
    duplicates = query(
        clean_neo4j,
        "MATCH (n) WITH n.id AS id, count(*) AS copies WHERE copies > 1 RETURN id",
    )
    assert duplicates == []
    rel_duplicates = query(
        clean_neo4j,
        "MATCH ()-[r]->() WHERE r.id IS NOT NULL WITH r.id AS id, count(*) AS copies WHERE copies > 1 RETURN id",
    )
    assert rel_duplicates == []


def test_batches_of_one_give_the_same_graph_as_one_batch(
    clean_neo4j: Any, graph_factory: Callable[[int], KnowledgeGraph]
) -> None:
    graph = graph_factory(3)
    small_batches = counts_of_one_load(clean_neo4j, graph, batch_size=1)
    load(clean_neo4j, graph, batch_size=10_000)
    assert counts(clean_neo4j) == small_batches
    assert (
        query(clean_neo4j, "MATCH (n:__Entity__ {id: $id}) RETURN count(n) AS n", id=entity_id("合肥市2"))[0]["n"] == 1
    )
