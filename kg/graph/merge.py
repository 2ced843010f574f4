"""Merging per-document extractions into one KnowledgeGraph, and pruning what breaks the schema.

This is where "one relation per fact (type, head, tail, document, sentence), the surest
wins" is enforced, once (``one_per_fact``); the graph's constructor checks it and the
writers trust it. Nothing given to these functions is changed: entities are merged into
copies, relations oriented into new ones.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace

from kg.model import (
    SYMMETRIC_RELATIONS,
    DocumentExtraction,
    Dropped,
    Entity,
    EntityClass,
    FactKey,
    KnowledgeGraph,
    MergeRecord,
    Relation,
    fact_key,
)
from kg.reasons import DropReason, domain_range

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


def _settle_type(entity: Entity, votes: Counter[tuple[EntityClass, str | None]]) -> None:
    """When documents disagree on a rule-found entity's class, the majority wins."""
    if entity.source == "gazetteer" or len(votes) < 2:
        return
    (entity.type, entity.subtype), _ = votes.most_common(1)[0]


def merge_entities(extractions: Iterable[DocumentExtraction]) -> dict[str, Entity]:
    return fold_entities(extraction.entities for extraction in extractions)


def fold_entities(per_document: Iterable[Iterable[Entity]]) -> dict[str, Entity]:
    """Each document's entities (documents in input order) merged by id, sorted by id."""
    entities: dict[str, Entity] = {}
    votes: dict[str, Counter[tuple[EntityClass, str | None]]] = {}
    for document_entities in per_document:
        for entity in document_entities:
            votes.setdefault(entity.id, Counter())[(entity.type, entity.subtype)] += len(entity.mentions) or 1
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


def _preference(relation: Relation) -> tuple[float, int, str]:
    """Which of the relations stating one fact is kept (the smallest): the most
    confident, then the one whose evidence starts first, then the first rule by name."""
    return (-relation.confidence, relation.evidence.start, relation.rule)


def one_per_fact(relations: Iterable[Relation]) -> list[Relation]:
    """One relation per fact_key, chosen by _preference (in order of first appearance)."""
    best: dict[FactKey, Relation] = {}
    for relation in relations:
        key = fact_key(relation)
        kept = best.get(key)
        if kept is None or _preference(relation) < _preference(kept):
            best[key] = relation
    return list(best.values())


def oriented(relation: Relation) -> Relation:
    """A symmetric relation with its ends in id order (a new one when they were not)."""
    if relation.type in SYMMETRIC_RELATIONS and relation.tail < relation.head:
        return replace(relation, head=relation.tail, tail=relation.head)
    return relation


def _drop(rel: Relation, reason: str) -> Dropped:
    ev = rel.evidence
    return Dropped(
        doc=ev.doc,
        stage="graph",
        reason=reason,
        start=ev.start,
        end=ev.end,
        text=f"{rel.type} {rel.head} -> {rel.tail}",
    )


_UNKNOWN_ENTITY: DropReason = "unknown-entity"
_SELF_RELATION: DropReason = "self-relation"


def _schema_reason(rel: Relation, entities: dict[str, Entity], allowed: TypeCheck) -> str | None:
    """Why ``rel`` cannot be in the graph, or None."""
    head, tail = entities.get(rel.head), entities.get(rel.tail)
    if head is None or tail is None:
        return _UNKNOWN_ENTITY
    if rel.head == rel.tail:
        return _SELF_RELATION
    if not allowed(rel.type, head.type, tail.type):
        return domain_range(head.type, tail.type)
    return None


def prune_relations(
    relations: Iterable[Relation], entities: dict[str, Entity], allowed: TypeCheck
) -> tuple[list[Relation], list[Dropped]]:
    """One relation per fact whose ends exist and fit the schema, in text order.

    Every relation left out for its ends is reported with the reason, so a build report
    can say what was dropped and why (a second statement of a fact is not a drop).
    """
    fitting: list[Relation] = []
    dropped: list[Dropped] = []
    for rel in map(oriented, relations):
        reason = _schema_reason(rel, entities, allowed)
        if reason is None:
            fitting.append(rel)
        else:
            dropped.append(_drop(rel, reason))
    ordered = sorted(
        one_per_fact(fitting),
        key=lambda r: (r.evidence.doc, r.evidence.start, r.type, r.head, r.tail),
    )
    return ordered, dropped


def unique_merges(records: Iterable[MergeRecord]) -> list[MergeRecord]:
    """Each merge record once, sorted by canonical name and variant."""
    unique = {(m.canonical, m.variant, m.type, m.reason): m for m in records}
    return sorted(unique.values(), key=lambda m: (m.canonical, m.variant))


def merge_extractions(extractions: list[DocumentExtraction], allowed: TypeCheck) -> KnowledgeGraph:
    """One graph from every document: entities merged by id, relations deduplicated and pruned."""
    entities = merge_entities(extractions)
    relations, pruned = prune_relations((r for x in extractions for r in x.relations), entities, allowed)
    return KnowledgeGraph(
        documents=[x.document for x in extractions],
        entities=entities,
        relations=relations,
        merges=unique_merges(m for x in extractions for m in x.merges),
        dropped=[*(d for x in extractions for d in x.dropped), *pruned],
    )
