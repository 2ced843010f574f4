"""Industry-chain analysis for planners: who is in each segment of a chain, who leads it,
which research resources and districts back it, and where the gaps are.

Everything is read from the built graph (relations and their evidence) and the reference
scheme of ontology/chains.ttl; every attachment keeps the evidence that justifies it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from kg.errors import InputError
from kg.model import Entity, Evidence, KnowledgeGraph, Relation
from kg.segments import ChainConcept, ChainScheme, Segment, chain_scheme, find_leader_cue, find_segment

RESEARCH_CLASSES = frozenset(
    {"Laboratory", "LargeScientificFacility", "ResearchInstitute", "University", "InnovationPlatform"}
)
# Only these count against the "no supporting laboratory or facility" gap.
LAB_OR_FACILITY = frozenset({"Laboratory", "LargeScientificFacility"})
# Places too large to be the "district" a planner works with.
NOT_DISTRICTS = frozenset({"Province", "Region"})
_CHAIN_SUFFIXES = re.compile(r"(产业链|产业集群|产业|集群|行业)$")


@dataclass(frozen=True, slots=True)
class EvidenceRef:
    """One sentence that justifies an attachment, with the attached entity marked in it."""

    doc: str
    sentence: int
    text: str  # the sentence's cleaned text
    start: int  # original offsets of the sentence in the document
    end: int
    highlight: tuple[int, int] | None  # the entity's mention in ``text`` (cleaned offsets)
    rule: str
    confidence: float
    relation: str  # the relation type this sentence states


@dataclass(slots=True)
class Attachment:
    """An entity attached to a chain (enterprise, research resource)."""

    entity_id: str
    name: str
    type: str
    subtype: str | None
    segments: list[str] = field(default_factory=list)  # Segment.key, most specific found
    leader: bool = False
    leader_cue: str | None = None
    evidence: list[EvidenceRef] = field(default_factory=list)


@dataclass(slots=True)
class PlaceAttachment:
    """A place that hosts enterprises of the chain or prioritises the chain."""

    entity_id: str
    name: str
    subtype: str | None
    prioritises: bool = False
    hosted: list[str] = field(default_factory=list)  # enterprise ids located in it (or below it)
    evidence: list[EvidenceRef] = field(default_factory=list)


@dataclass(slots=True)
class SegmentReport:
    segment: Segment
    enterprises: list[str]  # entity ids, in this segment or one of its sub-segments
    leaders: list[str]  # entity ids of leaders among them
    gap: bool


@dataclass(frozen=True, slots=True)
class Gap:
    kind: str  # "segment-without-enterprise" | "district-without-enterprise" | "no-lab-or-facility"
    subject: str  # segment key, place id, or chain key
    message: str


@dataclass(slots=True)
class ChainReport:
    chain: ChainConcept
    chain_entity_ids: list[str]
    enterprises: dict[str, Attachment]
    segments: list[SegmentReport]
    resources: dict[str, Attachment]
    places: dict[str, PlaceAttachment]
    gaps: list[Gap]

    def unsegmented(self) -> list[Attachment]:
        return [a for a in self.enterprises.values() if not a.segments]

    def leaders(self) -> list[Attachment]:
        return [a for a in self.enterprises.values() if a.leader]


def normalise_chain_name(name: str) -> str:
    """Compare chain names without 产业/产业链/集群 suffixes, spaces or case."""
    compact = re.sub(r"\s+", "", name).casefold()
    stripped = _CHAIN_SUFFIXES.sub("", compact)
    return stripped or compact


def _entity_names(entity: Entity) -> list[str]:
    return [entity.name, *entity.aliases]


def _ad_hoc_concept(entity: Entity) -> ChainConcept:
    """A graph chain the scheme does not describe: analysed at chain level only."""
    return ChainConcept(entity.id, entity.name, entity.name_en or entity.name, list(entity.aliases), [])


def _matches(entity: Entity, names: list[str]) -> bool:
    wanted = {normalise_chain_name(n) for n in names}
    return any(normalise_chain_name(n) in wanted for n in _entity_names(entity))


def chain_entities(graph: KnowledgeGraph, chain: ChainConcept) -> dict[str, str | None]:
    """Graph IndustryChain entities standing for the chain (-> None) or one of its segments."""
    found: dict[str, str | None] = {}
    for entity in graph.entities.values():
        if entity.type != "IndustryChain":
            continue
        if entity.id == chain.key or _matches(entity, chain.names()):
            found[entity.id] = None
            continue
        seg = next((s for s in chain.segments if entity.subtype == "ChainSegment" and _matches(entity, s.keywords[:1])),
                   None)
        if seg is not None:
            found[entity.id] = seg.key
    return found


def all_chains(graph: KnowledgeGraph, scheme: ChainScheme | None = None) -> list[ChainConcept]:
    """The scheme's chains, then graph chains the scheme does not know (segments excluded)."""
    scheme = scheme or chain_scheme()
    chains = list(scheme.chains)
    claimed: set[str] = set()
    for concept in chains:
        claimed.update(chain_entities(graph, concept))
    extra = [
        _ad_hoc_concept(e) for e in sorted(graph.entities.values(), key=lambda e: e.name)
        if e.type == "IndustryChain" and e.subtype != "ChainSegment" and e.id not in claimed
    ]
    return chains + extra


def find_chain(graph: KnowledgeGraph, name: str, scheme: ChainScheme | None = None) -> ChainConcept:
    """The chain called ``name`` (any label, alias or key); InputError lists close names."""
    chains = all_chains(graph, scheme)
    wanted = normalise_chain_name(name)
    for concept in chains:
        labels = [concept.key, concept.label_en, *concept.names()]
        if any(normalise_chain_name(label) == wanted for label in labels):
            return concept
    known = sorted({label for c in chains for label in (c.label_zh, c.key)})
    close = difflib.get_close_matches(name, known, n=5, cutoff=0.3)
    hint = f"close names: {', '.join(close)}" if close else f"known chains: {', '.join(known)}"
    raise InputError(f"unknown industry chain {name!r}; {hint}")


def _mention_highlight(entity: Entity, ev: Evidence) -> tuple[int, int] | None:
    """Where ``entity`` is named in the evidence sentence (cleaned offsets)."""
    for m in entity.mentions:
        if m.doc == ev.doc and m.sentence == ev.sentence and 0 <= m.clean_start < m.clean_end <= len(ev.text):
            return m.clean_start, m.clean_end
    # Mentions without cleaned offsets: look the surface forms up, longest first.
    for surface in sorted({*_entity_names(entity), *(m.text for m in entity.mentions)}, key=len, reverse=True):
        pos = ev.text.find(surface) if surface else -1
        if pos != -1:
            return pos, pos + len(surface)
    return None


def evidence_ref(graph: KnowledgeGraph, entity: Entity, rel: Relation) -> EvidenceRef:
    ev = rel.evidence
    return EvidenceRef(ev.doc, ev.sentence, ev.text, ev.start, ev.end, _mention_highlight(entity, ev),
                       rel.rule, rel.confidence, rel.type)


def _attachment(entity: Entity, table: dict[str, Attachment]) -> Attachment:
    if entity.id not in table:
        table[entity.id] = Attachment(entity.id, entity.name, entity.type, entity.subtype)
    return table[entity.id]


def _attach_enterprise(graph: KnowledgeGraph, chain: ChainConcept, entity: Entity, rel: Relation,
                       segment_of_tail: str | None, table: dict[str, Attachment]) -> None:
    att = _attachment(entity, table)
    ref = evidence_ref(graph, entity, rel)
    att.evidence.append(ref)
    segment = segment_of_tail
    if segment is None and ref.highlight is not None:
        match = find_segment(ref.text, ref.highlight[0], ref.highlight[1], chain)
        segment = match.segment if match else None
    if segment is not None and segment not in att.segments:
        att.segments.append(segment)
    cue = find_leader_cue(ref.text, *ref.highlight) if ref.highlight else None
    if cue is not None:
        att.leader, att.leader_cue = True, att.leader_cue or cue


def _place(entity: Entity, table: dict[str, PlaceAttachment]) -> PlaceAttachment:
    if entity.id not in table:
        table[entity.id] = PlaceAttachment(entity.id, entity.name, entity.subtype)
    return table[entity.id]


def _place_ancestors(graph: KnowledgeGraph) -> dict[str, set[str]]:
    """Place -> every place it is PART_OF, directly or through others."""
    parents: dict[str, set[str]] = {}
    for rel in graph.relations:
        head, tail = graph.entities.get(rel.head), graph.entities.get(rel.tail)
        if rel.type == "PART_OF" and head and tail and head.type == tail.type == "Place":
            parents.setdefault(rel.head, set()).add(rel.tail)
    closure: dict[str, set[str]] = {}
    for start in parents:
        seen: set[str] = set()
        todo = list(parents[start])
        while todo:
            node = todo.pop()
            if node not in seen and node != start:
                seen.add(node)
                todo.extend(parents.get(node, ()))
        closure[start] = seen
    return closure


def _attach_places(graph: KnowledgeGraph, enterprises: dict[str, Attachment],
                   places: dict[str, PlaceAttachment]) -> None:
    """Districts hosting an enterprise of the chain (and the places they are part of)."""
    ancestors = _place_ancestors(graph)
    for rel in graph.relations:
        place = graph.entities.get(rel.tail)
        if rel.type != "LOCATED_IN" or rel.head not in enterprises or place is None or place.type != "Place":
            continue
        for place_id in (place.id, *sorted(ancestors.get(place.id, ()))):
            target = graph.entities[place_id]
            if target.subtype in NOT_DISTRICTS:
                continue
            att = _place(target, places)
            if rel.head not in att.hosted:
                att.hosted.append(rel.head)
            if place_id == place.id:
                att.evidence.append(evidence_ref(graph, target, rel))


def _collect(graph: KnowledgeGraph, chain: ChainConcept, targets: dict[str, str | None]
             ) -> tuple[dict[str, Attachment], dict[str, Attachment], dict[str, PlaceAttachment]]:
    enterprises: dict[str, Attachment] = {}
    resources: dict[str, Attachment] = {}
    places: dict[str, PlaceAttachment] = {}
    for rel in graph.relations:
        head = graph.entities.get(rel.head)
        if rel.tail not in targets or head is None:
            continue
        if head.type == "Enterprise" and rel.type in ("PART_OF_CHAIN", "FOCUSES_ON"):
            _attach_enterprise(graph, chain, head, rel, targets[rel.tail], enterprises)
        elif head.type in RESEARCH_CLASSES and rel.type in ("SUPPORTS_CHAIN", "FOCUSES_ON"):
            _attachment(head, resources).evidence.append(evidence_ref(graph, head, rel))
        elif head.type == "Place" and rel.type == "FOCUSES_ON" and head.subtype not in NOT_DISTRICTS:
            att = _place(head, places)
            att.prioritises = True
            att.evidence.append(evidence_ref(graph, head, rel))
    _attach_places(graph, enterprises, places)
    return enterprises, resources, places


def _descendants(chain: ChainConcept, key: str) -> set[str]:
    keys = {key}
    for seg in chain.segments:  # parents come before children in chain.segments
        if seg.parent in keys:
            keys.add(seg.key)
    return keys


def _segment_reports(chain: ChainConcept, enterprises: dict[str, Attachment]) -> list[SegmentReport]:
    reports = []
    for seg in chain.segments:
        keys = _descendants(chain, seg.key)
        members = [a for a in enterprises.values() if keys.intersection(a.segments)]
        reports.append(SegmentReport(seg, [a.entity_id for a in members],
                                     [a.entity_id for a in members if a.leader], gap=not members))
    return reports


def _gaps(chain: ChainConcept, segments: list[SegmentReport], resources: dict[str, Attachment],
          places: dict[str, PlaceAttachment]) -> list[Gap]:
    gaps = [Gap("segment-without-enterprise", s.segment.key,
                f"{s.segment.label_zh}: no local enterprise named in this segment (补链 target)")
            for s in segments if s.gap]
    gaps += [Gap("district-without-enterprise", p.entity_id,
                 f"{p.name} prioritises {chain.label_zh} but no enterprise of the chain is located there")
             for p in places.values() if p.prioritises and not p.hosted]
    if not any(r.type in LAB_OR_FACILITY for r in resources.values()):
        gaps.append(Gap("no-lab-or-facility", chain.key,
                        f"{chain.label_zh}: no laboratory or large scientific facility supports this chain"))
    return gaps


def analyse_chain(graph: KnowledgeGraph, chain: ChainConcept) -> ChainReport:
    """Segments, enterprises, leaders, research resources, districts and gaps of one chain."""
    targets = chain_entities(graph, chain)
    if chain.key in graph.entities:
        targets[chain.key] = None
    enterprises, resources, places = _collect(graph, chain, targets)
    segments = _segment_reports(chain, enterprises)
    return ChainReport(chain, sorted(targets), enterprises, segments, resources, places,
                       _gaps(chain, segments, resources, places))


def analyse_all(graph: KnowledgeGraph, scheme: ChainScheme | None = None) -> list[ChainReport]:
    return [analyse_chain(graph, chain) for chain in all_chains(graph, scheme)]
