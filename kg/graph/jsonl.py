"""The stable JSON Lines shapes of entities and relations.

``kg extract`` prints these per document; they are how extraction is measured on
documents we do not have, so the keys and their meaning must not change.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from kg.ids import entity_iri, relation_id, relation_iri
from kg.model import DocumentExtraction, Entity, KnowledgeGraph, Relation

# One encoder for every line: json.dumps with any non-default option builds a new
# JSONEncoder per call, which costs more than encoding a small record (100k+ at scale).
_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=False).encode


def dumps(obj: dict[str, Any]) -> str:
    return _ENCODE(obj)


def extract_entity(doc: str, entity: Entity) -> dict[str, Any]:
    return {
        "kind": "entity",
        "doc": doc,
        "id": entity.id,
        "type": entity.type,
        "subtype": entity.subtype,
        "name": entity.name,
        "aliases": list(entity.aliases),
        "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in entity.mentions if m.doc == doc],
    }


def extract_relation(relation: Relation) -> dict[str, Any]:
    ev = relation.evidence
    return {
        "kind": "relation",
        "doc": ev.doc,
        "type": relation.type,
        "head": relation.head,
        "tail": relation.tail,
        "evidence": {"text": ev.text, "start": ev.start, "end": ev.end},
        "rule": relation.rule,
        "confidence": round(relation.confidence, 4),
    }


def extraction_lines(doc: str, entities: Iterable[Entity], relations: Iterable[Relation]) -> Iterator[str]:
    """Entities (sorted by first mention) then relations (in text order) of one document."""
    ordered = sorted(entities, key=lambda e: (min((m.start for m in e.mentions), default=0), e.id))
    for entity in ordered:
        yield dumps(extract_entity(doc, entity))
    for relation in relations:
        yield dumps(extract_relation(relation))


def document_lines(extraction: DocumentExtraction, graph: KnowledgeGraph) -> Iterator[str]:
    """Lines for one document of a (pruned, merged) single-document graph."""
    return extraction_lines(extraction.document.name, graph.entities.values(), graph.relations)


def graph_entity(entity: Entity) -> dict[str, Any]:
    return {
        "kind": "entity",
        "id": entity.id,
        "iri": entity_iri(entity.id),
        "type": entity.type,
        "subtype": entity.subtype,
        "name": entity.name,
        "name_en": entity.name_en,
        "aliases": list(entity.aliases),
        "wikidata": entity.wikidata,
        "division_code": entity.division_code,
        "source": entity.source,
        "docs": sorted({m.doc for m in entity.mentions}),
        "mentions": [
            {"doc": m.doc, "sentence": m.sentence, "start": m.start, "end": m.end, "text": m.text}
            for m in entity.mentions
        ],
    }


def graph_relation(relation: Relation, graph: KnowledgeGraph) -> dict[str, Any]:
    ev = relation.evidence
    rid = relation_id(relation.type, relation.head, relation.tail, ev.doc, ev.sentence)
    return {
        "kind": "relation",
        "id": rid,
        "iri": relation_iri(rid),
        "type": relation.type,
        "head": relation.head,
        "head_name": graph.entities[relation.head].name,
        "tail": relation.tail,
        "tail_name": graph.entities[relation.tail].name,
        "doc": ev.doc,
        "evidence": {"sentence": ev.sentence, "text": ev.text, "start": ev.start, "end": ev.end},
        "rule": relation.rule,
        "confidence": round(relation.confidence, 4),
    }


def entity_lines(graph: KnowledgeGraph) -> Iterator[str]:
    """The lines of ``entities.jsonl``, each with its newline."""
    return (dumps(graph_entity(e)) + "\n" for e in graph.entities.values())


def relation_lines(graph: KnowledgeGraph) -> Iterator[str]:
    """The lines of ``relations.jsonl``, each with its newline."""
    return (dumps(graph_relation(r, graph)) + "\n" for r in graph.relations)


def json_bytes(data: dict[str, Any]) -> bytes:
    """``json.dumps(data, ensure_ascii=False).encode("utf-8")``, the same bytes, written one
    top-level value at a time and consuming ``data`` as it goes: at 100× the seeds graph.json
    is 130 MB, and the whole document as one str beside its bytes was the build's peak memory."""
    if not data:
        return b"{}"
    parts = []
    for i, key in enumerate(list(data)):
        value = data.pop(key)  # its subtree is freed once encoded
        parts.append(f"{'{' if i == 0 else ', '}{_ENCODE(key)}: {_ENCODE(value)}".encode())
        del value
    parts.append(b"}")
    return b"".join(parts)
