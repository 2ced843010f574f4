"""Load a built KnowledgeGraph into Neo4j: constraints first, then batched idempotent upserts.

Each batch is one ``UNWIND $rows ... MERGE`` statement in its own write transaction, so an
interrupted load leaves whole batches behind and a re-run finishes the job without
duplicating anything (nodes are keyed by ``id``, relationships by their relation id).

Stages, in dependency order: documents, chunks (one per sentence, neo4j-graphrag's lexical
graph), entities (one statement per label set), relations (one per type), NEXT_CHUNK links,
FROM_CHUNK mention links.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING, Any

from kg import schema
from kg.errors import InputError
from kg.ids import document_iri, entity_iri, relation_id, relation_iri, sentence_iri
from kg.model import ENTITY_CLASSES, Document, Entity, KnowledgeGraph, Relation, Sentence, check_one_per_fact
from kg.neo4j import statements as q

if TYPE_CHECKING:
    from neo4j import Driver, ManagedTransaction

# Measured by benchmarks/neo4j_load.py at 100x the seeds: 5,000 rows per transaction load
# relations 25x faster than one MERGE per transaction; 1,000 rows gave only 18x.
DEFAULT_BATCH_SIZE = 5000

Row = dict[str, Any]  # one element of $rows: the driver's parameter format
ProgressHook = Callable[[int], None]  # called with the number of rows just written


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    counts: str  # what "created" means here: "nodes" or "relationships"


DOCUMENTS = Stage("documents", "nodes")
CHUNKS = Stage("chunks", "nodes")
ENTITIES = Stage("entities", "nodes")
RELATIONS = Stage("relations", "relationships")
NEXT_CHUNK_LINKS = Stage("NEXT_CHUNK links", "relationships")
MENTION_LINKS = Stage("FROM_CHUNK links", "relationships")
STAGES: tuple[Stage, ...] = (
    DOCUMENTS,
    CHUNKS,
    ENTITIES,
    RELATIONS,
    NEXT_CHUNK_LINKS,
    MENTION_LINKS,
)


@dataclass(frozen=True, slots=True)
class WriteBatch:
    stage: Stage
    query: str
    rows: list[Row]


@dataclass(frozen=True, slots=True)
class BatchOutcome:
    written: int  # rows whose node or relationship was created or changed
    nodes_created: int
    relationships_created: int
    properties_set: int


@dataclass(slots=True)
class StageStats:
    stage: Stage
    rows: int = 0
    written: int = 0
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    seconds: float = 0.0

    def add(self, rows: int, outcome: BatchOutcome, seconds: float) -> None:
        self.rows += rows
        self.seconds += seconds
        self.written += outcome.written
        self.nodes_created += outcome.nodes_created
        self.relationships_created += outcome.relationships_created
        self.properties_set += outcome.properties_set

    @property
    def created(self) -> int:
        if self.stage.counts == "nodes":
            return self.nodes_created
        return self.relationships_created

    @property
    def updated(self) -> int:
        # Link stages only ever create; for them "written" also counts matched rows.
        if self.stage in (NEXT_CHUNK_LINKS, MENTION_LINKS):
            return 0
        return max(self.written - self.created, 0)

    @property
    def unchanged(self) -> int:
        return max(self.rows - self.created - self.updated, 0)


@dataclass(slots=True)
class LoadSummary:
    stats: dict[str, StageStats] = field(default_factory=dict)
    seconds: float = 0.0

    def record(self, stage: Stage, rows: int, outcome: BatchOutcome, seconds: float) -> None:
        self.stats.setdefault(stage.name, StageStats(stage)).add(rows, outcome, seconds)

    def total(self, attribute: str) -> int:
        return sum(int(getattr(s, attribute)) for s in self.stats.values())

    def lines(self) -> list[str]:
        out = [
            f"{s.stage.name}: {s.rows} rows, {s.created} created, {s.updated} updated, {s.unchanged} left alone"
            for s in self.stats.values()
        ]
        out.append(
            f"total: {self.total('nodes_created')} nodes created, "
            f"{self.total('relationships_created')} relationships created, "
            f"{self.total('properties_set')} properties set, in {self.seconds:.2f} s"
        )
        return out


# ------------------------------------------------------------------ ontology checks


@cache
def ontology_labels() -> frozenset[str]:
    """Every label an entity may carry: the eight classes and their subclasses."""
    labels: set[str] = set(ENTITY_CLASSES)
    for entity_class in ENTITY_CLASSES:
        labels.update(schema.subclasses(entity_class))
    return frozenset(labels)


def entity_labels(entity: Entity) -> tuple[str, ...]:
    """The ontology's labels for an entity; an unknown class or subtype is bad input."""
    try:
        return tuple(schema.neo4j_labels(entity.type, entity.subtype))
    except schema.UnknownTerm as exc:
        raise InputError(f"entity {entity.id} ({entity.name}): {exc}") from None


def checked_relation_type(relation: Relation) -> str:
    if relation.type not in schema.relation_types():
        raise InputError(
            f"relation {relation.head} -> {relation.tail}: {relation.type!r} is not a relation type of the ontology"
        )
    return relation.type


# ------------------------------------------------------------------ rows


def without_nulls(props: dict[str, Any]) -> dict[str, Any]:
    """Neo4j stores no nulls; leaving them out keeps ``properties(n) <> row.props`` exact."""
    return {key: value for key, value in props.items() if value is not None}


def chunk_id(doc: str, sentence: int) -> str:
    return f"{doc}/s{sentence}"


def document_rows(documents: list[Document]) -> list[Row]:
    return [
        {
            "id": d.name,
            "props": without_nulls(
                {
                    "id": d.name,
                    "uri": document_iri(d.name),
                    "path": d.path,
                    "title": d.title,
                    "date": d.date,
                    "publisher": d.publisher,
                }
            ),
        }
        for d in documents
    ]


def chunk_row(d: Document, s: Sentence) -> Row:
    return {
        "id": chunk_id(d.name, s.index),
        "doc": d.name,
        "props": without_nulls(
            {
                "id": chunk_id(d.name, s.index),
                "uri": sentence_iri(d.name, s.index),
                "index": s.index,
                "text": s.text,
                "start": s.start,
                "end": s.end,
                "doc": d.name,
                "section": s.section,
            }
        ),
    }


def chunk_rows(documents: list[Document]) -> list[Row]:
    return [chunk_row(d, s) for d in documents for s in d.sentences]


def next_chunk_rows(documents: list[Document]) -> list[Row]:
    return list(_next_chunk_rows(documents))


def _next_chunk_rows(documents: list[Document]) -> Iterator[Row]:
    for d in documents:
        ordered = sorted(d.sentences, key=lambda s: s.index)
        for before, after in zip(ordered, ordered[1:], strict=False):
            yield {"previous": chunk_id(d.name, before.index), "next": chunk_id(d.name, after.index)}


def entity_row(entity: Entity) -> Row:
    return {
        "id": entity.id,
        "props": without_nulls(
            {
                "id": entity.id,
                "uri": entity_iri(entity.id),
                "name": entity.name,
                "aliases": list(entity.aliases),
                "type": entity.type,
                "subtype": entity.subtype,
                "wikidata": entity.wikidata,
                "divisionCode": entity.division_code,
                "nameEn": entity.name_en,
            }
        ),
    }


def relation_row(relation: Relation) -> Row:
    ev = relation.evidence
    rid = relation_id(relation.type, relation.head, relation.tail, ev.doc, ev.sentence)
    return {
        "id": rid,
        "head": relation.head,
        "tail": relation.tail,
        "props": {
            "id": rid,
            "uri": relation_iri(rid),
            "doc": ev.doc,
            "sentence": ev.sentence,
            "start": ev.start,
            "end": ev.end,
            "evidence": ev.text,
            "rule": relation.rule,
            "confidence": float(relation.confidence),
        },
    }


def mention_rows(graph: KnowledgeGraph, chunk_ids: set[str]) -> list[Row]:
    rows: dict[tuple[str, str, int, int], Row] = {}
    for entity in graph.entities.values():
        for m in entity.mentions:
            chunk = chunk_id(m.doc, m.sentence)
            if chunk not in chunk_ids:
                continue  # a mention outside the kept sentences has no chunk to point to
            key = (entity.id, chunk, m.start, m.end)
            rows[key] = {
                "entity": entity.id,
                "chunk": chunk,
                "start": m.start,
                "end": m.end,
                "text": m.text,
            }
    return list(rows.values())


# ------------------------------------------------------------------ the plan


def batches(stage: Stage, query: str, rows: list[Row], size: int) -> Iterator[WriteBatch]:
    for begin in range(0, len(rows), size):
        yield WriteBatch(stage, query, rows[begin : begin + size])


def entity_batches(graph: KnowledgeGraph, size: int) -> Iterator[WriteBatch]:
    groups: dict[tuple[str, ...], list[Row]] = defaultdict(list)
    for entity in sorted(graph.entities.values(), key=lambda e: e.id):
        groups[entity_labels(entity)].append(entity_row(entity))
    for labels, rows in sorted(groups.items()):
        stale = sorted(ontology_labels() - set(labels))
        yield from batches(ENTITIES, q.upsert_entities(list(labels), stale), rows, size)


def relation_batches(graph: KnowledgeGraph, size: int) -> Iterator[WriteBatch]:
    """One statement per relation type. A graph has one relation per fact (kg.graph.merge
    chose it); one changed after it was made so that a fact repeats is refused."""
    check_one_per_fact(graph.relations)
    by_type: dict[str, list[Row]] = defaultdict(list)
    for relation in graph.relations:
        # Membership tests only: `set - dict.keys()` would copy all the keys per relation.
        missing = [end for end in (relation.head, relation.tail) if end not in graph.entities]
        if missing:
            raise InputError(f"relation {relation.type} names unknown entities {missing}")
        by_type[checked_relation_type(relation)].append(relation_row(relation))
    for rel_type, rows in sorted(by_type.items()):
        yield from batches(RELATIONS, q.upsert_relations(rel_type), rows, size)


def stream_writes(graph: KnowledgeGraph, size: int = DEFAULT_BATCH_SIZE) -> Iterator[WriteBatch]:
    """plan_writes' batches, the same in the same order, each made only when it is asked for:
    one batch's rows in memory at a time instead of the whole plan (1 GB at 1000× the seeds,
    when kg build feeds kglite). Checked before the first batch, as plan_writes is."""
    if size < 1:
        raise InputError(f"batch size must be positive, not {size}")
    entities = list(entity_batches(graph, size))  # raises on labels the ontology lacks; entities are few
    check_one_per_fact(graph.relations)
    types: set[str] = set()
    for relation in graph.relations:
        missing = [end for end in (relation.head, relation.tail) if end not in graph.entities]
        if missing:
            raise InputError(f"relation {relation.type} names unknown entities {missing}")
        types.add(checked_relation_type(relation))
    return _stream(graph, size, entities, sorted(types))


def _stream(graph: KnowledgeGraph, size: int, entities: list[WriteBatch], types: list[str]) -> Iterator[WriteBatch]:
    documents = graph.documents
    yield from batches(DOCUMENTS, q.UPSERT_DOCUMENTS, document_rows(documents), size)
    yield from _batched(CHUNKS, q.UPSERT_CHUNKS, (chunk_row(d, s) for d in documents for s in d.sentences), size)
    yield from entities
    for rel_type in types:
        rows = (relation_row(r) for r in graph.relations if r.type == rel_type)
        yield from _batched(RELATIONS, q.upsert_relations(rel_type), rows, size)
    yield from _batched(NEXT_CHUNK_LINKS, q.LINK_NEXT_CHUNKS, _next_chunk_rows(documents), size)
    chunks = {chunk_id(d.name, s.index) for d in documents for s in d.sentences}
    yield from _batched(MENTION_LINKS, q.LINK_MENTIONS, _first_mention_rows(graph, chunks), size)


def _first_mention_rows(graph: KnowledgeGraph, chunk_ids: set[str]) -> Iterator[Row]:
    """mention_rows' rows, in its order: a mention repeated (same entity, chunk and span,
    hence the same text) is given once, where it was first seen."""
    seen: set[tuple[str, str, int, int]] = set()
    for entity in graph.entities.values():
        for m in entity.mentions:
            chunk = chunk_id(m.doc, m.sentence)
            key = (entity.id, chunk, m.start, m.end)
            if chunk in chunk_ids and key not in seen:
                seen.add(key)
                yield {"entity": entity.id, "chunk": chunk, "start": m.start, "end": m.end, "text": m.text}


def _batched(stage: Stage, query: str, rows: Iterable[Row], size: int) -> Iterator[WriteBatch]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield WriteBatch(stage, query, batch)


def plan_writes(graph: KnowledgeGraph, size: int = DEFAULT_BATCH_SIZE) -> list[WriteBatch]:
    """Every batch of a load, in dependency order (validates labels and types first)."""
    if size < 1:
        raise InputError(f"batch size must be positive, not {size}")
    chunks = chunk_rows(graph.documents)
    plan = [
        *batches(DOCUMENTS, q.UPSERT_DOCUMENTS, document_rows(graph.documents), size),
        *batches(CHUNKS, q.UPSERT_CHUNKS, chunks, size),
        *entity_batches(graph, size),
        *relation_batches(graph, size),
        *batches(NEXT_CHUNK_LINKS, q.LINK_NEXT_CHUNKS, next_chunk_rows(graph.documents), size),
    ]
    mentions = mention_rows(graph, {row["id"] for row in chunks})
    plan.extend(batches(MENTION_LINKS, q.LINK_MENTIONS, mentions, size))
    return plan


# ------------------------------------------------------------------ running it


def ensure_schema(driver: Driver, database: str) -> None:
    """Constraints and indexes first (IF NOT EXISTS), so every MERGE uses an index."""
    statements = [*q.SCHEMA_STATEMENTS]
    statements += [q.relation_id_constraint(t) for t in schema.relation_types()]
    with driver.session(database=database) as session:
        for statement in statements:
            session.run(statement).consume()


def _write_batch(tx: ManagedTransaction, query: str, rows: list[Row]) -> BatchOutcome:
    result = tx.run(query, rows=rows)
    record = result.single(strict=True)
    counters = result.consume().counters
    return BatchOutcome(
        written=int(record["written"]),
        nodes_created=counters.nodes_created,
        relationships_created=counters.relationships_created,
        properties_set=counters.properties_set,
    )


def run_plan(
    driver: Driver, database: str, plan: list[WriteBatch], progress: ProgressHook | None = None
) -> LoadSummary:
    summary = LoadSummary()
    began = time.perf_counter()
    with driver.session(database=database) as session:
        for batch in plan:
            batch_began = time.perf_counter()
            outcome = session.execute_write(_write_batch, batch.query, batch.rows)
            seconds = time.perf_counter() - batch_began
            summary.record(batch.stage, len(batch.rows), outcome, seconds)
            if progress is not None:
                progress(len(batch.rows))
    summary.seconds = time.perf_counter() - began
    return summary


def load_graph_into_neo4j(
    graph: KnowledgeGraph,
    driver: Driver,
    database: str = "neo4j",
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: ProgressHook | None = None,
) -> LoadSummary:
    """Validate and plan everything, create the schema, then write batch by batch."""
    plan = plan_writes(graph, batch_size)
    ensure_schema(driver, database)
    return run_plan(driver, database, plan, progress)


def planned_rows(plan: list[WriteBatch]) -> int:
    return sum(len(batch.rows) for batch in plan)


def wipe_database(driver: Driver, database: str, nodes_per_transaction: int = 500) -> int:
    """Delete every node and relationship (schema kept), in bounded transactions."""
    deleted = 0
    while True:
        records, _, _ = driver.execute_query(q.WIPE_SOME_NODES, {"limit": nodes_per_transaction}, database_=database)
        count = int(records[0]["deleted"])
        deleted += count
        if count == 0:
            return deleted
