"""Merging per-document extractions into one KnowledgeGraph, and pruning what breaks the schema."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from kg.ids import relation_id
from kg.model import (
    SYMMETRIC_RELATIONS,
    DocumentExtraction,
    Dropped,
    Entity,
    KnowledgeGraph,
    MergeRecord,
    Relation,
)

# (relation type, head class, tail class) -> allowed?
TypeCheck = Callable[[str, str, str], bool]


def _merge_entity(into: Entity, other: Entity) -> None:
    """Fold ``other`` (same id, another document) into ``into``."""
    names = {into.name, *into.aliases, other.name, *other.aliases}
    into.aliases = sorted(names - {into.name})
    into.mentions.extend(other.mentions)
    into.wikidata = into.wikidata or other.wikidata
    into.division_code = into.division_code or other.division_code
    into.name_en = into.name_en or other.name_en
    if into.subtype is None and other.type == into.type:
        into.subtype = other.subtype


def _settle_type(entity: Entity, votes: Counter[tuple[str, str | None]]) -> None:
    """When documents disagree on a rule-found entity's class, the majority wins."""
    if entity.source == "gazetteer" or len(votes) < 2:
        return
    (entity.type, entity.subtype), _ = votes.most_common(1)[0]


def merge_entities(extractions: Iterable[DocumentExtraction]) -> dict[str, Entity]:
    entities: dict[str, Entity] = {}
    votes: dict[str, Counter[tuple[str, str | None]]] = {}
    for extraction in extractions:
        for entity in extraction.entities:
            votes.setdefault(entity.id, Counter())[(entity.type, entity.subtype)] += len(
                entity.mentions
            ) or 1
            if entity.id in entities:
                _merge_entity(entities[entity.id], entity)
            else:
                entities[entity.id] = Entity(
                    id=entity.id,
                    type=entity.type,
                    subtype=entity.subtype,
                    name=entity.name,
                    aliases=sorted(set(entity.aliases)),
                    mentions=list(entity.mentions),
                    name_en=entity.name_en,
                    wikidata=entity.wikidata,
                    division_code=entity.division_code,
                    source=entity.source,
                )
    for eid, entity in entities.items():
        _settle_type(entity, votes[eid])
        entity.mentions.sort(key=lambda m: (m.doc, m.start))
    return dict(sorted(entities.items()))


def _relation_key(rel: Relation) -> str:
    return relation_id(rel.type, rel.head, rel.tail, rel.evidence.doc, rel.evidence.sentence)


def _drop(rel: Relation, reason: str) -> Dropped:
    ev = rel.evidence
    return Dropped(
        doc=ev.doc, stage="graph", reason=reason, start=ev.start, end=ev.end,
        text=f"{rel.type} {rel.head} -> {rel.tail}",
    )


def prune_relations(
    relations: Iterable[Relation], entities: dict[str, Entity], allowed: TypeCheck
) -> tuple[list[Relation], list[Dropped]]:
    """Keep one relation per (type, head, tail, sentence) whose ends exist and fit the schema.

    Every relation left out is reported with the reason, so a build report can say
    what was dropped and why.
    """
    kept: dict[str, Relation] = {}
    dropped: list[Dropped] = []
    for rel in relations:
        if rel.type in SYMMETRIC_RELATIONS and rel.tail < rel.head:
            rel.head, rel.tail = rel.tail, rel.head
        head, tail = entities.get(rel.head), entities.get(rel.tail)
        if head is None or tail is None:
            dropped.append(_drop(rel, "unknown-entity"))
        elif rel.head == rel.tail:
            dropped.append(_drop(rel, "self-relation"))
        elif not allowed(rel.type, head.type, tail.type):
            dropped.append(_drop(rel, f"domain-range:{head.type}->{tail.type}"))
        else:
            key = _relation_key(rel)
            if key in kept and kept[key].confidence >= rel.confidence:
                continue
            kept[key] = rel
    ordered = sorted(kept.values(), key=lambda r: (r.evidence.doc, r.evidence.start, r.type, r.head, r.tail))
    return ordered, dropped


def merge_extractions(extractions: list[DocumentExtraction], allowed: TypeCheck) -> KnowledgeGraph:
    """One graph from every document: entities merged by id, relations deduplicated and pruned."""
    entities = merge_entities(extractions)
    relations, pruned = prune_relations(
        (r for x in extractions for r in x.relations), entities, allowed
    )
    merges = sorted(
        {(m.canonical, m.variant, m.type, m.reason): m for x in extractions for m in x.merges}.values(),
        key=lambda m: (m.canonical, m.variant),
    )
    merges_list: list[MergeRecord] = list(merges)
    return KnowledgeGraph(
        documents=[x.document for x in extractions],
        entities=entities,
        relations=relations,
        merges=merges_list,
        dropped=[*(d for x in extractions for d in x.dropped), *pruned],
    )
