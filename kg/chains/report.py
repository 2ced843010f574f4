"""Industry-chain analysis for planners: who is in each segment of a chain, who leads it,
which research resources and districts back it, and where the gaps are.

Everything is read from the built graph (relations and their evidence) and the reference
scheme of ontology/chains.ttl; every attachment keeps the evidence that justifies it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from kg.chains.gaps import GapStatement, gap_statements
from kg.chains.imports import ImportedRow
from kg.chains.places import is_district
from kg.chains.segments import ChainConcept, ChainScheme, Segment, chain_scheme, find_leader_cue, find_segment
from kg.chains.targets import FigureStatement, figure_statements
from kg.errors import InputError
from kg.ids import entity_id
from kg.model import Entity, Evidence, KnowledgeGraph, Relation

RESEARCH_CLASSES = frozenset(
    {"Laboratory", "LargeScientificFacility", "ResearchInstitute", "University", "InnovationPlatform"}
)
# Only these count against the "no supporting laboratory or facility" gap.
LAB_OR_FACILITY = frozenset({"Laboratory", "LargeScientificFacility"})
_CHAIN_SUFFIXES = re.compile(r"(产业链|产业集群|产业|集群|行业)$")
# A chain outside the reference scheme gets a page only with this much evidence: distinct
# entities tied to it by sentences that name it, from at least this many sentences.
MIN_EVIDENCE_ENTITIES = 3
MIN_EVIDENCE_SENTENCES = 2
_ENTERPRISE_SUFFIXES = re.compile(r"(股份有限公司|有限责任公司|有限公司|集团|公司)$")


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
    origin: str = "document"  # "document", or "imported" (then doc is the list's file, sentence its line)


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
    imported: bool = False  # named by an imported list
    documented: bool = False  # named by a document sentence

    @property
    def origin(self) -> str:
        return "both" if self.imported and self.documented else "imported" if self.imported else "document"


@dataclass(slots=True)
class PlaceAttachment:
    """A place that hosts enterprises of the chain or prioritises the chain."""

    entity_id: str
    name: str
    subtype: str | None
    prioritises: bool = False
    hosted: list[str] = field(default_factory=list)  # enterprise ids located in it (or below it)
    evidence: list[EvidenceRef] = field(default_factory=list)


# Segment statuses. A gap needs a source that says so; silence is "unmentioned".
COVERED, WEAK, GAP, UNMENTIONED = "covered", "weak", "gap", "unmentioned"
STATUS_LABELS = {
    COVERED: "已覆盖 covered",
    WEAK: "文中指出薄弱 stated weak",
    GAP: "缺口 gap",
    UNMENTIONED: "文中未提及 not mentioned",
}


@dataclass(slots=True)
class SegmentReport:
    segment: Segment
    enterprises: list[str]  # entity ids, in this segment or one of its sub-segments
    leaders: list[str]  # entity ids of leaders among them
    status: str = UNMENTIONED  # COVERED | WEAK | GAP | UNMENTIONED
    statements: list[EvidenceRef] = field(default_factory=list)  # sentences / rows saying it is missing or weak

    @property
    def gap(self) -> bool:
        return self.status == GAP


@dataclass(frozen=True, slots=True)
class Gap:
    """Something a source says is missing or weak; ``evidence`` is never empty."""

    kind: str  # "segment" | "district" | "resource" | "chain"
    subject: str  # segment key, place id, or chain key
    label: str
    message: str  # Chinese first, English second
    evidence: tuple[EvidenceRef, ...]


@dataclass(frozen=True, slots=True)
class NotMentioned:
    """Something the documents read are silent about: not a gap, and drawn differently."""

    kind: str  # "segment" | "district" | "resource"
    subject: str
    label: str
    message: str


@dataclass(frozen=True, slots=True)
class ChainEvidence:
    """How much the graph says about a chain; chains outside the scheme need enough of it."""

    reference: bool  # one of the chains of ontology/chains.ttl
    entities: int  # distinct entities tied to it by sentences that name it
    sentences: int
    documents: int

    @property
    def enough(self) -> bool:
        return self.reference or (self.entities >= MIN_EVIDENCE_ENTITIES and self.sentences >= MIN_EVIDENCE_SENTENCES)

    def describe(self) -> str:
        found = f"图谱中 {self.entities} 个实体、{self.sentences} 句、{self.documents} 篇文档提及此链"
        if self.reference:
            return f"参考产业链（ontology/chains.ttl）；{found}"
        rule = f"非参考产业链：至少 {MIN_EVIDENCE_ENTITIES} 个实体、{MIN_EVIDENCE_SENTENCES} 句证据才单独成页"
        verdict = "证据充分 enough evidence" if self.enough else "证据不足 too little evidence"
        return f"{rule}；{found}（{verdict}）"


@dataclass(slots=True)
class ChainReport:
    chain: ChainConcept
    chain_entity_ids: list[str]
    enterprises: dict[str, Attachment]
    segments: list[SegmentReport]
    resources: dict[str, Attachment]
    places: dict[str, PlaceAttachment]
    gaps: list[Gap]
    not_mentioned: list[NotMentioned] = field(default_factory=list)
    documents_read: int = 0
    evidence: ChainEvidence = field(default_factory=lambda: ChainEvidence(True, 0, 0, 0))
    imported_rows: int = 0  # rows of imported lists used by this report
    # Targets (力争, 到2025年…) and achievements (已, 达到, 同比增长…) the documents state for the chain.
    statements: list[FigureStatement] = field(default_factory=list)

    def targets(self) -> list[FigureStatement]:
        return [s for s in self.statements if s.kind == "target"]

    def achievements(self) -> list[FigureStatement]:
        return [s for s in self.statements if s.kind == "achievement"]

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


def _segment_claims(scheme: ChainScheme) -> dict[str, tuple[str, str]]:
    """Normalised segment keyword -> (chain key, segment key), for keywords of one segment only."""
    owners: dict[str, set[tuple[str, str]]] = {}
    for concept in scheme.chains:
        for seg in concept.segments:
            for keyword in seg.keywords:
                owners.setdefault(normalise_chain_name(keyword), set()).add((concept.key, seg.key))
    chain_names = {normalise_chain_name(n) for c in scheme.chains for n in c.names()}
    return {k: next(iter(v)) for k, v in owners.items() if len(v) == 1 and k not in chain_names}


def chain_entities(
    graph: KnowledgeGraph, chain: ChainConcept, scheme: ChainScheme | None = None
) -> dict[str, str | None]:
    """Graph IndustryChain entities standing for the chain (-> None) or one of its segments.

    A graph chain whose name is a segment's label or keyword (skos:prefLabel / altLabel) is
    that segment ("DRAM" -> 集成电路 / 制造, "新型储能" -> 光伏 / 新型储能); a keyword shared
    by segments of two chains claims nothing.
    """
    claims = _segment_claims(scheme or chain_scheme())
    found: dict[str, str | None] = {}
    for entity in graph.entities.values():
        if entity.type != "IndustryChain":
            continue
        if entity.id == chain.key or _matches(entity, chain.names()):
            found[entity.id] = None
            continue
        for name in _entity_names(entity):
            owner = claims.get(normalise_chain_name(name))
            if owner is not None and owner[0] == chain.key:
                found[entity.id] = owner[1]
                break
    return found


def all_chains(graph: KnowledgeGraph, scheme: ChainScheme | None = None) -> list[ChainConcept]:
    """The scheme's chains, then graph chains the scheme does not know (segments excluded)."""
    scheme = scheme or chain_scheme()
    chains = list(scheme.chains)
    claimed: set[str] = set()
    for concept in chains:
        claimed.update(chain_entities(graph, concept, scheme))
    extra = [
        _ad_hoc_concept(e)
        for e in sorted(graph.entities.values(), key=lambda e: e.name)
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
    owner = _segment_claims(scheme or chain_scheme()).get(wanted)  # a segment's name: its chain
    if owner is not None:
        return next(c for c in chains if c.key == owner[0])
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
    return EvidenceRef(
        ev.doc,
        ev.sentence,
        ev.text,
        ev.start,
        ev.end,
        _mention_highlight(entity, ev),
        rel.rule,
        rel.confidence,
        rel.type,
    )


def imported_ref(row: ImportedRow) -> EvidenceRef:
    """An imported row shown as evidence: the file and line it came from, the row read out."""
    text = row.sentence()
    pos = text.find(row.name) if row.name else -1
    return EvidenceRef(
        row.file,
        row.line,
        text,
        0,
        0,
        (pos, pos + len(row.name)) if pos >= 0 else None,
        "import",
        1.0,
        "IMPORTED",
        "imported",
    )


def statement_ref(st: GapStatement) -> EvidenceRef:
    return EvidenceRef(
        st.doc, st.sentence, st.text, st.start, st.end, st.cue_span, "gap-statement", 1.0, f"GAP_STATEMENT:{st.cue}"
    )


class _MentionIndex:
    """Spans of every entity mention per sentence, so a keyword inside a name is not read."""

    def __init__(self, graph: KnowledgeGraph) -> None:
        self.spans: dict[tuple[str, int], list[tuple[int, int, str]]] = {}
        for entity in graph.entities.values():
            for m in entity.mentions:
                if m.clean_end > m.clean_start:
                    self.spans.setdefault((m.doc, m.sentence), []).append((m.clean_start, m.clean_end, entity.id))

    def others(self, ref: EvidenceRef, entity_id_: str) -> list[tuple[int, int]]:
        return [(a, b) for a, b, eid in self.spans.get((ref.doc, ref.sentence), []) if eid != entity_id_]


_LAST_INDEX: list[tuple[KnowledgeGraph, _MentionIndex]] = []


def _mention_index(graph: KnowledgeGraph) -> _MentionIndex:
    """One index per graph, reused while the same graph is analysed chain after chain."""
    if not _LAST_INDEX or _LAST_INDEX[0][0] is not graph:
        _LAST_INDEX[:] = [(graph, _MentionIndex(graph))]
    return _LAST_INDEX[0][1]


def _attachment(entity: Entity, table: dict[str, Attachment]) -> Attachment:
    if entity.id not in table:
        table[entity.id] = Attachment(entity.id, entity.name, entity.type, entity.subtype)
    return table[entity.id]


def _attach_enterprise(
    graph: KnowledgeGraph,
    chain: ChainConcept,
    entity: Entity,
    rel: Relation,
    segment_of_tail: str | None,
    table: dict[str, Attachment],
    index: _MentionIndex,
) -> None:
    att = _attachment(entity, table)
    att.documented = True
    ref = evidence_ref(graph, entity, rel)
    att.evidence.append(ref)
    segment = segment_of_tail
    others = index.others(ref, entity.id)
    if segment is None and ref.highlight is not None:
        match = find_segment(ref.text, ref.highlight[0], ref.highlight[1], chain, others)
        segment = match.segment if match else None
    if segment is not None and segment not in att.segments:
        att.segments.append(segment)
    cue = find_leader_cue(ref.text, *ref.highlight, exclude=others) if ref.highlight else None
    if cue is not None:
        att.leader, att.leader_cue = True, att.leader_cue or cue


def _place(entity: Entity, table: dict[str, PlaceAttachment]) -> PlaceAttachment:
    if entity.id not in table:
        table[entity.id] = PlaceAttachment(entity.id, entity.name, entity.subtype)
    return table[entity.id]


def place_ancestors(graph: KnowledgeGraph) -> dict[str, set[str]]:
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


def _attach_places(
    graph: KnowledgeGraph, enterprises: dict[str, Attachment], places: dict[str, PlaceAttachment]
) -> None:
    """Districts hosting an enterprise of the chain (and the places they are part of)."""
    ancestors = place_ancestors(graph)
    for rel in graph.relations:
        place = graph.entities.get(rel.tail)
        if rel.type != "LOCATED_IN" or rel.head not in enterprises or place is None or place.type != "Place":
            continue
        for place_id in (place.id, *sorted(ancestors.get(place.id, ()))):
            target = graph.entities[place_id]
            if not is_district(target):
                continue
            att = _place(target, places)
            if rel.head not in att.hosted:
                att.hosted.append(rel.head)
            if place_id == place.id:
                att.evidence.append(evidence_ref(graph, target, rel))


def _collect(
    graph: KnowledgeGraph, chain: ChainConcept, targets: dict[str, str | None]
) -> tuple[dict[str, Attachment], dict[str, Attachment], dict[str, PlaceAttachment]]:
    enterprises: dict[str, Attachment] = {}
    resources: dict[str, Attachment] = {}
    places: dict[str, PlaceAttachment] = {}
    index = _mention_index(graph)
    for rel in graph.relations:
        head = graph.entities.get(rel.head)
        if rel.tail not in targets or head is None:
            continue
        if head.type == "Enterprise" and rel.type in ("PART_OF_CHAIN", "FOCUSES_ON"):
            _attach_enterprise(graph, chain, head, rel, targets[rel.tail], enterprises, index)
        elif head.type in RESEARCH_CLASSES and rel.type in ("SUPPORTS_CHAIN", "FOCUSES_ON"):
            att = _attachment(head, resources)
            att.documented = True
            att.evidence.append(evidence_ref(graph, head, rel))
        elif head.type == "Place" and rel.type == "FOCUSES_ON" and is_district(head):
            p = _place(head, places)
            p.prioritises = True
            p.evidence.append(evidence_ref(graph, head, rel))
    _attach_places(graph, enterprises, places)
    return enterprises, resources, places


# ---------------------------------------------------------------- imported lists


def _compact_enterprise(name: str) -> str:
    return _ENTERPRISE_SUFFIXES.sub("", re.sub(r"\s+", "", name)).casefold()


def _lookup(graph: KnowledgeGraph, kinds: tuple[str, ...]) -> dict[str, Entity]:
    table: dict[str, Entity] = {}
    for entity in sorted(graph.entities.values(), key=lambda e: e.id):
        if entity.type in kinds:
            for name in _entity_names(entity):
                table.setdefault(_compact_enterprise(name), entity)
    return table


def row_segment(chain: ChainConcept, segment: str) -> Segment | None:
    """The segment of ``chain`` an imported row names (label, key or keyword)."""
    wanted = normalise_chain_name(segment)
    for seg in chain.segments:
        if wanted in {seg.key.casefold(), normalise_chain_name(seg.label_en), *map(normalise_chain_name, seg.keywords)}:
            return seg
    return None


def _row_place(graph: KnowledgeGraph, places_by_name: dict[str, Entity], district: str) -> Entity:
    found = places_by_name.get(_compact_enterprise(district))
    return found or Entity(f"imported:{district}", "Place", None, district, source="import")


def _apply_imports(
    graph: KnowledgeGraph,
    chain: ChainConcept,
    rows: list[ImportedRow],
    enterprises: dict[str, Attachment],
    places: dict[str, PlaceAttachment],
) -> tuple[int, list[Gap]]:
    """Add the imported rows about ``chain``; returns how many were used and the gaps they state."""
    wanted = {normalise_chain_name(n) for n in [chain.key, *chain.names()]}
    rows = [r for r in rows if normalise_chain_name(r.chain) in wanted]
    if not rows:
        return 0, []
    firms = _lookup(graph, ("Enterprise",))
    places_by_name = _lookup(graph, ("Place",))
    used, gaps = 0, []
    for row in rows:
        used += 1
        ref = imported_ref(row)
        seg = row_segment(chain, row.segment) if row.segment else None
        if row.is_gap:
            if seg is not None:
                gaps.append(
                    Gap("segment", seg.key, seg.label_zh, f"{seg.label_zh}：导入清单列为缺口 listed as a gap", (ref,))
                )
            if row.district:
                place = _row_place(graph, places_by_name, row.district)
                gaps.append(
                    Gap(
                        "district",
                        place.id,
                        place.name,
                        f"{place.name}：导入清单列为{chain.label_zh}缺口 listed as a gap",
                        (ref,),
                    )
                )
            continue
        entity = firms.get(_compact_enterprise(row.name)) or Entity(
            entity_id(row.name), "Enterprise", None, row.name, source="import"
        )
        att = _attachment(entity, enterprises)
        att.imported = True
        att.evidence.append(ref)
        if seg is not None and seg.key not in att.segments:
            att.segments.append(seg.key)
        if row.district:
            place = _row_place(graph, places_by_name, row.district)
            p = _place(place, places)
            if entity.id not in p.hosted:
                p.hosted.append(entity.id)
            p.evidence.append(ref)
    return used, gaps


# ---------------------------------------------------------------- segments, gaps, evidence


def _descendants(chain: ChainConcept, key: str) -> set[str]:
    keys = {key}
    for seg in chain.segments:  # parents come before children in chain.segments
        if seg.parent in keys:
            keys.add(seg.key)
    return keys


def _segment_reports(
    chain: ChainConcept, enterprises: dict[str, Attachment], stated: dict[str, list[EvidenceRef]]
) -> list[SegmentReport]:
    reports = []
    for seg in chain.segments:
        keys = _descendants(chain, seg.key)
        members = [a for a in enterprises.values() if keys.intersection(a.segments)]
        statements = stated.get(seg.key, [])
        status = (WEAK if statements else COVERED) if members else (GAP if statements else UNMENTIONED)
        reports.append(
            SegmentReport(
                seg,
                [a.entity_id for a in members],
                [a.entity_id for a in members if a.leader],
                status,
                list(statements),
            )
        )
    return reports


def _dedupe(refs: list[EvidenceRef]) -> tuple[EvidenceRef, ...]:
    seen: dict[tuple[str, int, str], EvidenceRef] = {}
    for ref in refs:
        seen.setdefault((ref.doc, ref.sentence, ref.relation), ref)
    return tuple(seen.values())


def _gaps(
    graph: KnowledgeGraph,
    chain: ChainConcept,
    segments: list[SegmentReport],
    resources: dict[str, Attachment],
    places: dict[str, PlaceAttachment],
    statements: list[GapStatement],
    imported_gaps: list[Gap],
    documents: int,
) -> tuple[list[Gap], list[NotMentioned]]:
    gaps: list[Gap] = []
    silent: list[NotMentioned] = []
    read = f"已读 {documents} 篇文档 in the {documents} documents read"
    for s in segments:
        label = s.segment.label_zh
        if s.status == GAP:
            gaps.append(
                Gap(
                    "segment",
                    s.segment.key,
                    label,
                    f"{label}：文中指出缺口，图谱中无本地企业 "
                    "a source names it as missing; no local enterprise in the graph",
                    _dedupe(s.statements),
                )
            )
        elif s.status == UNMENTIONED:
            silent.append(
                NotMentioned(
                    "segment",
                    s.segment.key,
                    label,
                    f"{label}：文中未提及本地企业，不等于缺口（{read}） no local enterprise named",
                )
            )
    by_place: dict[str, list[EvidenceRef]] = {}
    by_chain: list[EvidenceRef] = []
    by_resource: list[EvidenceRef] = []
    for st in statements:
        ref = statement_ref(st)
        if st.scope == "district":
            by_place.setdefault(st.subject, []).append(ref)
        elif st.scope == "resource":
            by_resource.append(ref)
        elif st.scope == "chain":
            by_chain.append(ref)
    for place_id, refs in by_place.items():
        place = graph.entities.get(place_id)
        name = place.name if place else place_id
        gaps.append(
            Gap(
                "district",
                place_id,
                name,
                f"{name}：文中指出{chain.label_zh}短板 a source names a weakness here",
                _dedupe(refs),
            )
        )
    for p in places.values():
        if p.prioritises and not p.hosted and p.entity_id not in by_place:
            silent.append(
                NotMentioned(
                    "district",
                    p.entity_id,
                    p.name,
                    f"{p.name}重点发展{chain.label_zh}，文中未提及区内本链企业（{read}）",
                )
            )
    has_lab = any(r.type in LAB_OR_FACILITY for r in resources.values())
    if by_resource:
        gaps.append(
            Gap(
                "resource",
                chain.key,
                chain.label_zh,
                f"{chain.label_zh}：文中指出科研支撑不足 a source names missing research support",
                _dedupe(by_resource),
            )
        )
    elif not has_lab:
        silent.append(
            NotMentioned(
                "resource",
                chain.key,
                chain.label_zh,
                f"{chain.label_zh}：文中未提及支撑本链的实验室或大科学装置（{read}）",
            )
        )
    if by_chain:
        gaps.append(
            Gap(
                "chain",
                chain.key,
                chain.label_zh,
                f"{chain.label_zh}：文中指出的整体短板 weaknesses the documents state for the chain",
                _dedupe(by_chain),
            )
        )
    gaps.extend(g for g in imported_gaps if g.kind == "district")
    return gaps, silent


def chain_evidence(
    graph: KnowledgeGraph, chain: ChainConcept, targets: dict[str, str | None], reference: bool
) -> ChainEvidence:
    """Entities tied to the chain by sentences that name it (or one of its segments)."""
    names: dict[str, list[str]] = {}
    for eid in targets:
        entity = graph.entities.get(eid)
        if entity is not None:
            names[eid] = [n for n in _entity_names(entity) if n]
    partners: set[str] = set()
    sentences: set[tuple[str, int]] = set()
    for rel in graph.relations:
        if rel.tail not in targets or rel.head not in graph.entities:
            continue
        if any(n in rel.evidence.text for n in names.get(rel.tail, ())):
            partners.add(rel.head)
            sentences.add((rel.evidence.doc, rel.evidence.sentence))
    return ChainEvidence(reference, len(partners), len(sentences), len({d for d, _ in sentences}))


def analyse_chain(
    graph: KnowledgeGraph,
    chain: ChainConcept,
    imports: list[ImportedRow] | None = None,
    scheme: ChainScheme | None = None,
    statements: list[GapStatement] | None = None,
    figures: dict[str, list[FigureStatement]] | None = None,
) -> ChainReport:
    """Segments, enterprises, leaders, research resources, districts and gaps of one chain.

    ``statements`` (from kg.chains.gaps.gap_statements) and ``figures`` (from
    kg.chains.targets.figure_statements) may be passed in when many chains are analysed, so the
    documents are scanned once.
    """
    scheme = scheme or chain_scheme()
    reference = scheme.by_key(chain.key) is not None
    targets = chain_entities(graph, chain, scheme)
    if chain.key in graph.entities:
        targets[chain.key] = None
    enterprises, resources, places = _collect(graph, chain, targets)
    used, imported_gaps = _apply_imports(graph, chain, imports or [], enterprises, places)
    if statements is None or figures is None:
        chains = all_chains(graph, scheme)
        statements = gap_statements(graph, chains) if statements is None else statements
        figures = figure_statements(graph, chains) if figures is None else figures
    mine = [st for st in statements if st.chain == chain.key]
    stated: dict[str, list[EvidenceRef]] = {}
    for st in mine:
        if st.scope == "segment":
            stated.setdefault(st.subject, []).append(statement_ref(st))
    for gap in imported_gaps:
        if gap.kind == "segment":
            stated.setdefault(gap.subject, []).extend(gap.evidence)
    segments = _segment_reports(chain, enterprises, stated)
    documents = len(graph.documents)
    gaps, silent = _gaps(graph, chain, segments, resources, places, mine, imported_gaps, documents)
    return ChainReport(
        chain,
        sorted(targets),
        enterprises,
        segments,
        resources,
        places,
        gaps,
        silent,
        documents,
        chain_evidence(graph, chain, targets, reference),
        used,
        list(figures.get(chain.key, [])),
    )


def analyse_all(
    graph: KnowledgeGraph, scheme: ChainScheme | None = None, imports: list[ImportedRow] | None = None
) -> list[ChainReport]:
    scheme = scheme or chain_scheme()
    chains = all_chains(graph, scheme)
    statements = gap_statements(graph, chains)
    figures = figure_statements(graph, chains)
    return [analyse_chain(graph, chain, imports, scheme, statements, figures) for chain in chains]


def page_worthy(reports: list[ChainReport]) -> list[ChainReport]:
    """The reference chains, then other chains with enough evidence for a page of their own."""
    return [r for r in reports if r.evidence.enough]
