"""Cypher without a server: the built graph loaded into kglite, an embedded property-graph engine.

``kg cypher`` falls back to this module when no Neo4j server is configured, so a researcher
can run the same ``queries/*.cypher`` files on a laptop. The property graph built here
mirrors what kg/neo4j_load.py writes into Neo4j:

* one node per entity, labelled with its class, its subclass (if any) and ``__Entity__``,
  with properties ``id``, ``uri``, ``name``, ``aliases``, ``type``, ``subtype``;
* one relationship per relation, typed ``LOCATED_IN`` etc., with properties ``id``, ``doc``,
  ``sentence``, ``start``, ``end``, ``evidence``, ``rule``, ``confidence``;
* a lexical graph: ``(:Document)`` nodes and ``(:Chunk)`` nodes (one per sentence that
  states a relation) linked ``(:Chunk)-[:PART_OF_DOCUMENT]->(:Document)`` and
  ``(:Chunk)-[:MENTIONS]->(:__Entity__)``.

Every statement that builds the graph is parameterised (values and label / type names are
kglite parameters), so no text from a document is ever pasted into a query.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import kglite

from kg.errors import QueryError
from kg.ids import entity_iri, relation_id
from kg.model import Entity, KnowledgeGraph, Relation
from kg.schema import neo4j_labels
from kg.store import load_graph

ENTITY_LABEL = "__Entity__"
DOCUMENT_LABEL = "Document"
CHUNK_LABEL = "Chunk"
CHUNK_TO_DOCUMENT = "PART_OF_DOCUMENT"
CHUNK_MENTIONS = "MENTIONS"
DEFAULT_TIMEOUT_MS = 10_000

# kglite announces "unknown label" advisories on stderr; Neo4j returns them as
# notifications, so keep the terminal quiet and let callers read ResultView.warnings.
kglite.set_query_warning_policy("silent")


@dataclass(slots=True)
class EmbeddedGraph:
    """A kglite graph holding the property graph of one KnowledgeGraph."""

    engine: kglite.KnowledgeGraph
    nodes: int
    relationships: int


# ---------------------------------------------------------------- building


def _entity_row(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "uri": entity_iri(entity.id),
        "name": entity.name,
        "aliases": sorted(set(entity.aliases) - {entity.name}),
        "type": entity.type,
        "subtype": entity.subtype,
    }


def _relation_row(relation: Relation) -> dict[str, Any]:
    ev = relation.evidence
    return {
        "head": relation.head,
        "tail": relation.tail,
        "id": relation_id(relation.type, relation.head, relation.tail, ev.doc, ev.sentence),
        "doc": ev.doc,
        "sentence": ev.sentence,
        "start": ev.start,
        "end": ev.end,
        "evidence": ev.text,
        "rule": relation.rule,
        "confidence": float(relation.confidence),
    }


def _create_entities(engine: kglite.KnowledgeGraph, entities: list[Entity]) -> None:
    # One CREATE per label combination; the labels are passed as name parameters.
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for entity in entities:
        groups[tuple(neo4j_labels(entity.type, entity.subtype))].append(_entity_row(entity))
    for labels, rows in sorted(groups.items()):
        statement = "UNWIND $rows AS row CREATE (n:$main {id: row.id, uri: row.uri, name: row.name, " \
                    "aliases: row.aliases, type: row.type, subtype: row.subtype}) SET n:$entity"
        params: dict[str, Any] = {"rows": rows, "main": labels[0], "entity": ENTITY_LABEL}
        if len(labels) > 1:
            statement += " SET n:$sub"
            params["sub"] = labels[1]
        engine.cypher(statement, params=params)


def _distinct_relations(relations: list[Relation]) -> list[Relation]:
    """One relationship per (type, head, tail, document, sentence), the most confident,
    as kg/rdf.py keeps one assertion per such key."""
    best: dict[str, Relation] = {}
    for rel in relations:
        key = _relation_row(rel)["id"]
        current = best.get(key)
        if current is None or (rel.confidence, rel.rule) > (current.confidence, current.rule):
            best[key] = rel
    return [best[k] for k in sorted(best)]


def _create_relations(engine: kglite.KnowledgeGraph, relations: list[Relation]) -> int:
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for relation in _distinct_relations(relations):
        by_type[relation.type].append(_relation_row(relation))
    for rel_type, rows in sorted(by_type.items()):
        engine.cypher(
            "UNWIND $rows AS row MATCH (a:$entity {id: row.head}), (b:$entity {id: row.tail}) "
            "CREATE (a)-[:$type {id: row.id, doc: row.doc, sentence: row.sentence, start: row.start, "
            "`end`: row.`end`, evidence: row.evidence, rule: row.rule, confidence: row.confidence}]->(b)",
            params={"rows": rows, "entity": ENTITY_LABEL, "type": rel_type},
        )
    return sum(len(rows) for rows in by_type.values())


def _create_lexical_graph(engine: kglite.KnowledgeGraph, graph: KnowledgeGraph) -> None:
    documents = [
        {"name": d.name, "title": d.title, "date": d.date, "publisher": d.publisher} for d in graph.documents
    ]
    documents += [{"name": n, "title": None, "date": None, "publisher": None}
                  for n in sorted({r.evidence.doc for r in graph.relations} - {d.name for d in graph.documents})]
    engine.cypher(
        "UNWIND $rows AS row CREATE (d:$label {name: row.name, title: row.title, date: row.date, "
        "publisher: row.publisher})",
        params={"rows": documents, "label": DOCUMENT_LABEL},
    )
    chunks: dict[str, dict[str, Any]] = {}
    mentions: set[tuple[str, str]] = set()
    for rel in graph.relations:
        ev = rel.evidence
        chunk_id = f"{ev.doc}#s{ev.sentence}"
        chunks[chunk_id] = {"id": chunk_id, "doc": ev.doc, "index": ev.sentence, "text": ev.text,
                            "start": ev.start, "end": ev.end}
        mentions.update({(chunk_id, rel.head), (chunk_id, rel.tail)})
    if not chunks:
        return
    engine.cypher(
        "UNWIND $rows AS row MATCH (d:$doc {name: row.doc}) CREATE (c:$label {id: row.id, doc: row.doc, "
        "index: row.index, text: row.text, start: row.start, `end`: row.`end`})-[:$link]->(d)",
        params={"rows": sorted(chunks.values(), key=lambda c: c["id"]), "doc": DOCUMENT_LABEL,
                "label": CHUNK_LABEL, "link": CHUNK_TO_DOCUMENT},
    )
    engine.cypher(
        "UNWIND $rows AS row MATCH (c:$chunk {id: row.chunk}), (e:$entity {id: row.entity}) "
        "CREATE (c)-[:$link]->(e)",
        params={"rows": [{"chunk": c, "entity": e} for c, e in sorted(mentions)], "chunk": CHUNK_LABEL,
                "entity": ENTITY_LABEL, "link": CHUNK_MENTIONS},
    )


def load_embedded(graph: KnowledgeGraph) -> EmbeddedGraph:
    """Build the Neo4j-shaped property graph of ``graph`` in an in-memory kglite engine."""
    engine = kglite.KnowledgeGraph()
    entities = sorted(graph.entities.values(), key=lambda e: e.id)
    if entities:
        _create_entities(engine, entities)
    known = [r for r in graph.relations if r.head in graph.entities and r.tail in graph.entities]
    relationships = _create_relations(engine, known)
    _create_lexical_graph(engine, graph)
    return EmbeddedGraph(engine=engine, nodes=len(entities), relationships=relationships)


# ---------------------------------------------------------------- querying


def query_embedded(embedded: EmbeddedGraph, query: str, params: dict[str, Any] | None = None,
                   timeout_ms: int = DEFAULT_TIMEOUT_MS) -> list[dict[str, Any]]:
    """Run one Cypher statement; rows as dicts keyed by the RETURN columns."""
    try:
        view = embedded.engine.cypher(query, params=params or {}, timeout_ms=timeout_ms)
    except kglite.CypherSyntaxError as exc:
        raise QueryError(f"Cypher syntax error: {exc}") from exc
    except (kglite.KgError, ValueError, TypeError, OverflowError) as exc:
        raise QueryError(f"Cypher query failed: {exc}") from exc
    if not isinstance(view, kglite.ResultView):  # FORMAT CSV gives a string
        raise QueryError("FORMAT CSV is a kglite extension; use `kg cypher --format csv` instead")
    return view.to_list()


_CACHE: dict[tuple[str, int, int], EmbeddedGraph] = {}
_CACHE_LOCK = threading.Lock()


def _graph_file(graph_dir: Path) -> Path:
    return graph_dir / "graph.json" if graph_dir.is_dir() else graph_dir


def embedded_for(graph_dir: Path) -> EmbeddedGraph:
    """The embedded graph of ``graph_dir/graph.json``, built once per process per file version."""
    path = _graph_file(graph_dir)
    graph = None
    if path.exists():
        stat = path.stat()
        key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
        with _CACHE_LOCK:
            if key in _CACHE:
                return _CACHE[key]
    graph = load_graph(path)  # raises InputError naming the file when missing or malformed
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    embedded = load_embedded(graph)
    with _CACHE_LOCK:
        _CACHE.clear()  # one graph per process is the common case; never keep stale versions
        _CACHE[key] = embedded
    return embedded


def run_embedded(query: str, params: dict[str, Any] | None, graph_dir: Path) -> list[dict[str, Any]]:
    """Run Cypher on the graph built into ``graph_dir`` (``kg build --out``), without a server."""
    return query_embedded(embedded_for(Path(graph_dir)), query, params)
