"""What a few added, changed or removed documents change in a built graph.

The graph is a fold of its documents (kg.graph.merge): an entity is its documents'
contributions merged in input order, a document's relations are checked against the
classes of their ends, and nothing else joins two documents. So the units a set of
touched documents changes are their own (document, sentences, relations, dropped items)
and the entities they name; the rest of the graph stays byte for byte. :func:`graph_delta`
makes those units again, from the ledger of the build before and the new extractions, or
says why a full build is needed instead (:class:`NeedsFullBuild`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from kg.graph.merge import fold_entities, prune_relations, unique_merges
from kg.graph.patch.ledger import BuildLedger, Contribution, contribution_of, entity_of, record_of
from kg.model import (
    DocumentExtraction,
    Dropped,
    Entity,
    EntityClass,
    KnowledgeGraph,
    Mention,
    MergeRecord,
    Relation,
    fact_key,
)


class NeedsFullBuild(Exception):  # noqa: N818 - a reason, not an error: the build goes on in full
    """Why the change cannot be patched in (the build then runs in full)."""


@dataclass(slots=True)
class GraphDelta:
    order: dict[str, int]  # every document of the new graph -> its place in input order
    touched: frozenset[str]  # documents added, changed or removed
    affected: frozenset[str]  # entities those documents name, before or after
    # the new units: the touched documents still built, the affected entities still named
    # (merged anew), their relations and dropped items
    graph: KnowledgeGraph
    types: dict[str, tuple[EntityClass, str | None, str]]  # every entity of the new graph
    merges: list[MergeRecord]  # all of the new graph's merge records
    ledger: BuildLedger  # the new build's (its layouts and sizes still the old build's)


def graph_delta(
    ledger: BuildLedger,
    order: list[str],
    touched: frozenset[str],
    extractions: list[DocumentExtraction],
    old_mentions: Callable[[str], list[Mention]],
    allowed: Callable[[str, str, str], bool],
    keys: Mapping[str, str],
) -> GraphDelta:
    """The new units. ``order``: the new graph's documents in input order; ``extractions``:
    the touched documents still built (in that order); ``old_mentions(id)``: an entity's
    mentions in the old graph."""
    position = {name: i for i, name in enumerate(order)}
    affected = {eid for name in touched & ledger.documents.keys() for eid in ledger.documents[name].entities}
    affected |= {e.id for x in extractions for e in x.entities}
    entities = _merged(ledger, touched, affected, extractions, old_mentions, position)
    types = {eid: value for eid, value in ledger.types.items() if eid not in affected}
    types |= {eid: (e.type, e.subtype, e.name) for eid, e in entities.items()}
    _same_names_and_classes(ledger, entities)
    relations, pruned = _relations(extractions, entities, allowed)
    graph = KnowledgeGraph(
        documents=[x.document for x in extractions],
        entities=entities,
        relations=relations,
        dropped=[*(d for x in extractions for d in x.dropped), *pruned],
    )
    new_ledger = _next_ledger(ledger, order, touched, extractions, affected, relations, graph.dropped, types, keys)
    merges = unique_merges(MergeRecord(*m) for record in new_ledger.documents.values() for m in record.merges)
    return GraphDelta(position, touched, frozenset(affected), graph, types, merges, new_ledger)


def _merged(
    ledger: BuildLedger,
    touched: frozenset[str],
    affected: set[str],
    extractions: list[DocumentExtraction],
    old_mentions: Callable[[str], list[Mention]],
    position: dict[str, int],
) -> dict[str, Entity]:
    """The affected entities folded again from every document that names them."""
    per_document: dict[str, list[Entity]] = defaultdict(list)
    for eid in affected:
        kept = [c for c in ledger.contributions.get(eid, ()) if c[0] not in touched]
        if not kept:
            continue
        mentions: dict[str, list[Mention]] = defaultdict(list)
        for mention in old_mentions(eid):
            mentions[mention.doc].append(mention)
        for contribution in kept:
            per_document[contribution[0]].append(entity_of(contribution, eid, mentions[contribution[0]]))
    for extraction in extractions:
        per_document[extraction.document.name].extend(extraction.entities)
    ordered = sorted(per_document, key=position.__getitem__)
    return fold_entities(per_document[name] for name in ordered)


def _same_names_and_classes(ledger: BuildLedger, entities: dict[str, Entity]) -> None:
    """Relations of untouched documents depend on their ends' classes (the schema check,
    skos:broader) and names (relations.jsonl), not on their subclasses: an entity that
    keeps its class and name can be patched."""
    for eid, entity in entities.items():
        before = ledger.types.get(eid)
        if before is not None and (before[0], before[2]) != (entity.type, entity.name):
            raise NeedsFullBuild(f"entity {eid} changes from {before[0]} {before[2]} to {entity.type} {entity.name}")


def _relations(
    extractions: list[DocumentExtraction], entities: dict[str, Entity], allowed: Callable[[str, str, str], bool]
) -> tuple[list[Relation], list[Dropped]]:
    found = [r for x in extractions for r in x.relations]
    for relation in found:
        if relation.head not in entities or relation.tail not in entities:
            raise NeedsFullBuild(f"a relation of {relation.evidence.doc} names an entity of another document")
    return prune_relations(found, entities, allowed)


def _next_ledger(
    ledger: BuildLedger,
    order: list[str],
    touched: frozenset[str],
    extractions: list[DocumentExtraction],
    affected: set[str],
    relations: list[Relation],
    graph_dropped: list[Dropped],
    types: dict[str, tuple[EntityClass, str | None, str]],
    keys: Mapping[str, str],
) -> BuildLedger:
    facts = defaultdict(list)
    for relation in relations:
        facts[relation.evidence.doc].append(fact_key(relation))
    dropped = defaultdict(list)
    for item in graph_dropped:
        dropped[item.doc].append(item)
    new = {
        x.document.name: record_of(x, keys[x.document.name], facts[x.document.name], dropped[x.document.name])
        for x in extractions
    }
    documents = {name: new[name] if name in new else ledger.documents[name] for name in order}
    contributions = {eid: c for eid, c in ledger.contributions.items() if eid not in affected}
    per_entity: dict[str, list[Contribution]] = defaultdict(list)
    for eid in affected:
        per_entity[eid] = [c for c in ledger.contributions.get(eid, ()) if c[0] not in touched]
    for extraction in extractions:
        for entity in extraction.entities:
            per_entity[entity.id].append(contribution_of(extraction.document.name, entity))
    position = {name: i for i, name in enumerate(order)}
    for eid, found in per_entity.items():
        if found:
            contributions[eid] = sorted(found, key=lambda c: position[c[0]])
    rows = {name: ledger.rows[name] for name in order if name not in new}  # the touched ones' come with the report
    return BuildLedger(ledger.version, documents, contributions, types, ledger.layouts, ledger.sizes, rows)
