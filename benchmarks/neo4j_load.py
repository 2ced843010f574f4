"""Benchmark: batched loading into Neo4j versus one MERGE per transaction.

Generates a synthetic KnowledgeGraph shaped like ours at ``--scale`` times the seeds
(seeds ~ 600 entities, 1,000 relations, 2,500 sentences in 5 documents), loads it with
kg.neo4j.load's batched loader, and compares the per-row time with naive loading (the same
statements, one row per transaction) measured in the same run on a sample.

    scripts/neo4j-local start && eval "$(scripts/neo4j-local env)"
    .venv/bin/python benchmarks/neo4j_load.py [--scale 100] [--naive-sample 2000]

It EMPTIES the configured database (before and after): use the local server only.

With --bulk, instead: `kg load neo4j-import` (neo4j-admin) against the batched loader on the
same graph, on a private server this run starts and stops (benchmarks/bulk_vs_batched.py);
no NEO4J_* settings are needed and no other server is touched.

    .venv/bin/python benchmarks/neo4j_load.py --bulk [--scale 100]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass
from typing import Any

from kg import schema
from kg.errors import InnoKGError
from kg.ids import entity_id
from kg.model import (
    ENTITY_CLASSES,
    Document,
    Entity,
    Evidence,
    KnowledgeGraph,
    Mention,
    Relation,
    Sentence,
)
from kg.neo4j.config import connect, require_settings
from kg.neo4j.load import (
    DEFAULT_BATCH_SIZE,
    ENTITIES,
    RELATIONS,
    LoadSummary,
    WriteBatch,
    ensure_schema,
    plan_writes,
    run_plan,
    wipe_database,
)

SEED_ENTITIES, SEED_RELATIONS, SEED_SENTENCES, SEED_DOCUMENTS = 600, 1000, 2500, 5
MENTIONS_PER_ENTITY = 2


@dataclass(frozen=True, slots=True)
class Shape:
    entities: int
    relations: int
    sentences: int
    documents: int

    @classmethod
    def scaled(cls, scale: int) -> Shape:
        return cls(SEED_ENTITIES * scale, SEED_RELATIONS * scale, SEED_SENTENCES * scale, SEED_DOCUMENTS * scale)


def synthetic_documents(shape: Shape, rng: random.Random) -> list[Document]:
    per_doc = shape.sentences // shape.documents
    documents = []
    for d in range(shape.documents):
        name = f"{d:05d}_synthetic.txt"
        sentences = []
        for i in range(per_doc):
            text = f"第{d}篇第{i}句：合肥高新区重点发展量子信息与集成电路产业，编号{rng.randint(0, 10**6)}。"
            sentences.append(Sentence(doc=name, index=i, start=i * 64, end=i * 64 + len(text), text=text, offsets=[]))
        documents.append(
            Document(
                name=name,
                path=f"synthetic/{name}",
                encoding="utf-8",
                text="",
                sentences=sentences,
                title=f"合成文档{d}",
                date="2024-01-01",
            )
        )
    return documents


def synthetic_entities(shape: Shape, sentences: list[Sentence], rng: random.Random) -> dict[str, Entity]:
    subtypes = {c: [None, *schema.subclasses(c)] for c in ENTITY_CLASSES}
    entities: dict[str, Entity] = {}
    for i in range(shape.entities):
        cls = ENTITY_CLASSES[i % len(ENTITY_CLASSES)]
        name = f"合成{cls}{i}"
        entity = Entity(
            id=entity_id(name), type=cls, subtype=rng.choice(subtypes[cls]), name=name, aliases=[f"别名{i}"]
        )
        for s in rng.sample(sentences, MENTIONS_PER_ENTITY):
            entity.mentions.append(
                Mention(
                    doc=s.doc,
                    sentence=s.index,
                    start=s.start,
                    end=s.start + 4,
                    text=s.text[:4],
                    type=cls,
                    subtype=entity.subtype,
                    canonical=name,
                    source="synthetic",
                )
            )
        entities[entity.id] = entity
    return entities


def synthetic_relations(shape: Shape, ids: list[str], sentences: list[Sentence], rng: random.Random) -> list[Relation]:
    types = schema.relation_types()
    relations = []
    for _ in range(shape.relations):
        s = rng.choice(sentences)
        evidence = Evidence(s.doc, s.index, s.text, s.start, s.end)
        head, tail = rng.sample(ids, 2)
        relations.append(
            Relation(rng.choice(types), head, tail, evidence, rule="synthetic", confidence=round(rng.random(), 3))
        )
    return relations


def synthetic_graph(shape: Shape, seed: int = 7) -> KnowledgeGraph:
    rng = random.Random(seed)
    documents = synthetic_documents(shape, rng)
    sentences = [s for d in documents for s in d.sentences]
    entities = synthetic_entities(shape, sentences, rng)
    relations = synthetic_relations(shape, list(entities), sentences, rng)
    return KnowledgeGraph(documents=documents, entities=entities, relations=relations)


def one_row_per_batch(plan: list[WriteBatch], stage_name: str, limit: int) -> list[WriteBatch]:
    """The naive way: the same statements, but one row (one MERGE) per transaction."""
    singles = [WriteBatch(b.stage, b.query, [row]) for b in plan if b.stage.name == stage_name for row in b.rows]
    return singles[:limit]


def naive_seconds_per_row(driver: Any, database: str, graph: KnowledgeGraph, sample: int) -> tuple[float, float]:
    """Per-row time of naive node and relationship creation, on a sample of each."""
    sample_graph = KnowledgeGraph(documents=[], entities=dict(list(graph.entities.items())[:sample]), relations=[])
    ids = sample_graph.entities.keys()
    sample_graph.relations = [r for r in graph.relations if r.head in ids and r.tail in ids]
    if len(sample_graph.relations) < sample:  # a random sample rarely has both ends inside
        extra = synthetic_relations(
            Shape(0, sample, 0, 0), list(ids), [s for d in graph.documents for s in d.sentences[:50]], random.Random(11)
        )
        sample_graph.relations += extra
    plan = plan_writes(sample_graph, size=1)
    nodes = run_plan(driver, database, one_row_per_batch(plan, ENTITIES.name, sample))
    rels = run_plan(driver, database, one_row_per_batch(plan, RELATIONS.name, sample))
    return (
        nodes.stats[ENTITIES.name].seconds / nodes.stats[ENTITIES.name].rows,
        rels.stats[RELATIONS.name].seconds / rels.stats[RELATIONS.name].rows,
    )


def wipe(driver: Any, database: str) -> None:
    wipe_database(driver, database)


def wipe_afterwards(driver: Any, database: str) -> None:
    """Best effort: the numbers are printed already, so a failed clean-up only warns."""
    from neo4j.exceptions import Neo4jError

    try:
        wipe(driver, database)
    except Neo4jError as exc:
        print(
            f"note: could not empty the database afterwards ({exc.code}); "
            "run the benchmark again or restart the server to clean it",
            file=sys.stderr,
        )


def batched_rates(summary: LoadSummary) -> tuple[float, float, float, float]:
    """nodes/s, relationships/s, and seconds per entity row and per relation row."""
    node_stats = [s for s in summary.stats.values() if s.stage.counts == "nodes"]
    rel_stats = [s for s in summary.stats.values() if s.stage.counts == "relationships"]
    node_seconds = sum(s.seconds for s in node_stats)
    rel_seconds = sum(s.seconds for s in rel_stats)
    entities, relations = summary.stats[ENTITIES.name], summary.stats[RELATIONS.name]
    return (
        summary.total("nodes_created") / node_seconds,
        sum(s.relationships_created for s in rel_stats) / rel_seconds,
        entities.seconds / entities.rows,
        relations.seconds / relations.rows,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--naive-sample", type=int, default=2000)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument(
        "--bulk", action="store_true", help="neo4j-admin bulk import vs the batched loader, on a private server"
    )
    args = parser.parse_args(argv)
    if args.bulk:
        from bulk_vs_batched import compare

        graph = synthetic_graph(Shape.scaled(args.scale))
        print(f"synthetic graph x{args.scale}; bulk import vs batched load (batch size {args.batch_size})")
        compare(graph, args.batch_size)
        return 0
    try:
        settings = require_settings()
        driver = connect(settings)
    except InnoKGError as exc:
        print(f"neo4j_load benchmark: {exc}", file=sys.stderr)
        return 1
    shape = Shape.scaled(args.scale)
    began = time.perf_counter()
    graph = synthetic_graph(shape)
    print(
        f"synthetic graph x{args.scale}: {shape.documents} documents, {shape.sentences} "
        f"sentences, {shape.entities} entities, {shape.relations} relations "
        f"(generated in {time.perf_counter() - began:.1f} s)"
    )
    database = settings.database
    try:
        wipe(driver, database)
        ensure_schema(driver, database)
        naive_node, naive_rel = naive_seconds_per_row(driver, database, graph, args.naive_sample)
        wipe(driver, database)
        plan = plan_writes(graph, args.batch_size)
        summary = run_plan(driver, database, plan)
        report(args, shape, summary, naive_node, naive_rel)
        wipe_afterwards(driver, database)
    finally:
        driver.close()
    return 0


def report(args: argparse.Namespace, shape: Shape, summary: LoadSummary, naive_node: float, naive_rel: float) -> None:
    nodes_per_s, rels_per_s, batched_node, batched_rel = batched_rates(summary)
    for line in summary.lines():
        print(line)
    print(f"batched: {nodes_per_s:,.0f} nodes/s, {rels_per_s:,.0f} relationships/s (batch size {args.batch_size})")
    print(
        f"naive (one MERGE per transaction, {args.naive_sample}-row samples): "
        f"{1 / naive_node:,.0f} entity nodes/s, {1 / naive_rel:,.0f} relations/s"
    )
    print(
        f"speed-up: entities {naive_node / batched_node:.1f}x, relations {naive_rel / batched_rel:.1f}x (target >= 20x)"
    )
    print(
        f"naive extrapolated to the whole load: "
        f"{naive_node * shape.entities + naive_rel * shape.relations:,.0f} s for entities and "
        f"relations alone, vs {summary.seconds:,.0f} s batched for everything",
        flush=True,
    )


if __name__ == "__main__":
    sys.exit(main())
