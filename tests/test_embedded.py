"""The embedded Cypher engine (kglite) over small hand-built graphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError, QueryError
from kg.ids import entity_id, entity_iri
from kg.model import Document, Entity, Evidence, KnowledgeGraph, Mention, Relation, Sentence
from kg.query.cypher_embedded import embedded_for, load_embedded, query_embedded, run_embedded
from kg.store import graph_to_json

DOC = "d1.txt"


def _entity(name: str, cls: str, subtype: str | None = None, aliases: list[str] | None = None) -> Entity:
    return Entity(id=entity_id(name), type=cls, subtype=subtype, name=name, aliases=aliases or [])


def _relation(kind: str, head: Entity, tail: Entity, sentence: int, text: str, confidence: float = 0.9) -> Relation:
    evidence = Evidence(doc=DOC, sentence=sentence, text=text, start=sentence * 10, end=sentence * 10 + len(text))
    return Relation(type=kind, head=head.id, tail=tail.id, evidence=evidence, rule="test-rule", confidence=confidence)


def small_graph() -> KnowledgeGraph:
    lab = _entity("甲国家实验室", "Laboratory", "NationalLaboratory", ["甲实验室"])
    city = _entity("乙市", "Place", "City")
    firm = _entity("丙公司", "Enterprise")
    chain = _entity("丁产业", "IndustryChain")
    relations = [
        _relation("LOCATED_IN", lab, city, 0, "甲国家实验室位于乙市。"),
        _relation("PART_OF_CHAIN", firm, chain, 1, "丙公司是丁产业龙头。", 0.6),
        _relation("SUPPORTS_CHAIN", lab, chain, 2, "甲国家实验室支撑丁产业。"),
    ]
    sentences = [
        Sentence(
            doc=DOC,
            index=r.evidence.sentence,
            start=r.evidence.start,
            end=r.evidence.end,
            text=r.evidence.text,
            offsets=[],
        )
        for r in relations
    ]
    for sentence in sentences:  # every entity named in a sentence is mentioned there
        for entity in (lab, city, firm, chain):
            at = sentence.text.find(entity.name)
            if at >= 0:
                entity.mentions.append(
                    Mention(
                        doc=DOC,
                        sentence=sentence.index,
                        start=sentence.start + at,
                        end=sentence.start + at + len(entity.name),
                        text=entity.name,
                        type=entity.type,
                        subtype=entity.subtype,
                        canonical=entity.name,
                        source="gazetteer",
                    )
                )
    document = Document(
        name=DOC, path=DOC, encoding="utf-8", text="", sentences=sentences, title="标题", date="2024-01-16"
    )
    return KnowledgeGraph(
        documents=[document], entities={e.id: e for e in (lab, city, firm, chain)}, relations=relations
    )


def test_entities_carry_neo4j_labels_and_properties() -> None:
    embedded = load_embedded(small_graph())
    rows = query_embedded(
        embedded,
        "MATCH (n:NationalLaboratory) RETURN labels(n) AS labels, n.id AS id, "
        "n.uri AS uri, n.aliases AS aliases, n.type AS type, n.subtype AS subtype",
    )
    assert len(rows) == 1
    row = rows[0]
    assert set(row["labels"]) == {"Laboratory", "NationalLaboratory", "__Entity__"}
    assert row["id"] == entity_id("甲国家实验室")
    assert row["uri"] == entity_iri(row["id"])
    assert row["aliases"] == ["甲实验室"]
    assert (row["type"], row["subtype"]) == ("Laboratory", "NationalLaboratory")
    assert embedded.nodes == 4 and embedded.relationships == 3


def test_relationships_carry_provenance() -> None:
    embedded = load_embedded(small_graph())
    rows = query_embedded(
        embedded,
        "MATCH (a:__Entity__)-[r:PART_OF_CHAIN]->(b:IndustryChain) RETURN a.name AS a, b.name AS b, "
        "r.doc AS doc, r.sentence AS s, r.evidence AS ev, r.confidence AS c, r.rule AS rule, r.start AS start",
    )
    assert rows == [
        {
            "a": "丙公司",
            "b": "丁产业",
            "doc": DOC,
            "s": 1,
            "ev": "丙公司是丁产业龙头。",
            "c": 0.6,
            "rule": "test-rule",
            "start": 10,
        }
    ]


def test_parameters_are_values_not_text() -> None:
    embedded = load_embedded(small_graph())
    query = "MATCH (n:__Entity__ {name: $name})-[r]->(m:__Entity__) RETURN type(r) AS t, m.name AS m ORDER BY t"
    assert query_embedded(embedded, query, {"name": "甲国家实验室"}) == [
        {"t": "LOCATED_IN", "m": "乙市"},
        {"t": "SUPPORTS_CHAIN", "m": "丁产业"},
    ]
    # a name that looks like Cypher is just a string that matches nothing
    assert query_embedded(embedded, query, {"name": "x'}) MATCH (n) DETACH DELETE n //"}) == []
    assert query_embedded(embedded, "MATCH (n:__Entity__) RETURN count(n) AS n") == [{"n": 4}]


def test_lexical_graph_links_sentences_to_documents_and_entities() -> None:
    embedded = load_embedded(small_graph())
    rows = query_embedded(
        embedded,
        "MATCH (e:__Entity__)-[m:FROM_CHUNK]->(c:Chunk)-[:FROM_DOCUMENT]->(d:Document) "
        "WHERE e.name = $name RETURN d.id AS doc, d.date AS date, c.index AS i, "
        "m.text AS text ORDER BY i",
        {"name": "甲国家实验室"},
    )
    assert rows == [
        {"doc": DOC, "date": "2024-01-16", "i": 0, "text": "甲国家实验室"},
        {"doc": DOC, "date": "2024-01-16", "i": 2, "text": "甲国家实验室"},
    ]
    chain = query_embedded(
        embedded, "MATCH (a:Chunk)-[:NEXT_CHUNK]->(b:Chunk) RETURN a.index AS a, b.index AS b ORDER BY a"
    )
    assert chain == [{"a": 0, "b": 1}, {"a": 1, "b": 2}]


def test_malformed_cypher_is_a_query_error_with_the_engine_message() -> None:
    embedded = load_embedded(small_graph())
    with pytest.raises(QueryError, match="syntax error"):
        query_embedded(embedded, "MATCH (n:Enterprise RETURN n")


def test_writes_are_refused_and_change_nothing() -> None:
    embedded = load_embedded(small_graph())
    with pytest.raises(QueryError, match="read-only"):
        query_embedded(embedded, "CREATE (n:Enterprise:__Entity__ {id: 'x', name: 'x'})")
    with pytest.raises(QueryError, match="read-only"):
        query_embedded(embedded, "MATCH (n:__Entity__) DETACH DELETE n")
    assert query_embedded(embedded, "MATCH (n:__Entity__) RETURN count(n) AS n") == [{"n": 4}]


def test_run_embedded_reads_graph_json_and_caches(tmp_path: Path) -> None:
    import json

    (tmp_path / "graph.json").write_text(json.dumps(graph_to_json(small_graph()), ensure_ascii=False), encoding="utf-8")
    rows = run_embedded("MATCH (n:__Entity__) RETURN n.type AS t, count(*) AS n ORDER BY t", {}, tmp_path)
    assert rows == [
        {"t": "Enterprise", "n": 1},
        {"t": "IndustryChain", "n": 1},
        {"t": "Laboratory", "n": 1},
        {"t": "Place", "n": 1},
    ]
    assert embedded_for(tmp_path) is embedded_for(tmp_path)


def test_missing_graph_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=str(tmp_path)):
        run_embedded("MATCH (n) RETURN n", {}, tmp_path)


def test_empty_graph_answers_nothing() -> None:
    embedded = load_embedded(KnowledgeGraph(documents=[], entities={}, relations=[]))
    assert query_embedded(embedded, "MATCH (n:__Entity__) RETURN n.name AS name") == []
