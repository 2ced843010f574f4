"""Chain segments: the SKOS scheme of ontology/chains.ttl, and placing an enterprise in a
segment when the sentence that states its chain membership names the segment.

The rule is deliberately local: a segment keyword must stand in the same clause as the
enterprise and close to it ("比亚迪、江淮…等6家整车企业" -> 整车). A keyword elsewhere in the
sentence usually describes something else (a plan for the chain as a whole), so it does not
count; the enterprise then stays attached to the chain itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import SKOS

from kg.ids import ONTOLOGY_IRI
from kg.schema import ONTOLOGY_DIR, load_turtle

CHAINS_PATH = ONTOLOGY_DIR / "chains.ttl"
SEGMENT_POSITION = Namespace(ONTOLOGY_IRI)["segmentPosition"]
POSITIONS: tuple[str, ...] = ("upstream", "midstream", "downstream")

# Clause boundaries: a keyword across one of these is about another clause.
CLAUSE_BREAKS = frozenset("，,；;。！？!?：:\n（）()")
# How far (in characters of the cleaned sentence) a segment keyword may stand from the
# enterprise; a coordinated list of six short names plus "等6家" fits in this window.
MAX_KEYWORD_DISTANCE = 40
LEADER_CUES: tuple[str, ...] = ("链主", "龙头企业", "龙头", "领军企业")


@dataclass(slots=True)
class Segment:
    key: str  # local name of the concept IRI, e.g. "nev-vehicle"
    label_zh: str
    label_en: str
    position: str  # one of POSITIONS
    keywords: list[str]  # prefLabel first, then altLabels
    parent: str | None = None  # key of the enclosing segment, None under the chain
    depth: int = 0


@dataclass(slots=True)
class ChainConcept:
    key: str  # e.g. "nev"; also the page slug
    label_zh: str
    label_en: str
    alt_labels: list[str] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)  # depth-first, parents before children

    def names(self) -> list[str]:
        return [self.label_zh, *self.alt_labels]

    def segment(self, key: str) -> Segment:
        for seg in self.segments:
            if seg.key == key:
                return seg
        raise KeyError(key)


@dataclass(slots=True)
class ChainScheme:
    chains: list[ChainConcept]

    def by_key(self, key: str) -> ChainConcept | None:
        return next((c for c in self.chains if c.key == key), None)


@dataclass(frozen=True, slots=True)
class SegmentMatch:
    segment: str  # Segment.key
    keyword: str
    start: int  # offsets of the keyword in the cleaned sentence text
    end: int


def _literal(graph_values: list[Literal], lang: str) -> str | None:
    return next((str(v) for v in graph_values if v.language == lang), None)


def _local(iri: URIRef) -> str:
    return str(iri).rstrip("/").rsplit("/", 1)[-1]


def _labels(graph, concept: URIRef, prop: URIRef) -> list[Literal]:  # type: ignore[no-untyped-def]
    return sorted((v for v in graph.objects(concept, prop) if isinstance(v, Literal)), key=str)


def _segments_under(graph, parent: URIRef, parent_key: str | None, depth: int,  # type: ignore[no-untyped-def]
                    inherited_position: str) -> list[Segment]:
    found: list[Segment] = []
    children = [c for c in graph.subjects(SKOS.broader, parent) if isinstance(c, URIRef)]
    positions = {c: str(graph.value(c, SEGMENT_POSITION) or inherited_position) for c in children}
    for child, position in positions.items():
        if position not in POSITIONS:
            raise ValueError(f"{_local(child)}: ikg:segmentPosition must be one of {POSITIONS}, not {position!r}")
    # Upstream first, so every listing reads along the chain.
    for child in sorted(children, key=lambda c: (POSITIONS.index(positions[c]), str(c))):
        position = positions[child]
        pref = _labels(graph, child, SKOS.prefLabel)
        zh = _literal(pref, "zh") or _local(child)
        alts = [str(v) for v in _labels(graph, child, SKOS.altLabel) if v.language == "zh"]
        seg = Segment(_local(child), zh, _literal(pref, "en") or zh, position, [zh, *alts], parent_key, depth)
        found.append(seg)
        found.extend(_segments_under(graph, child, seg.key, depth + 1, position))
    return found


def parse_chain_scheme(path: Path) -> ChainScheme:
    """Read a SKOS chain scheme; errors name the file (kg.errors.InputError)."""
    from kg.errors import InputError

    graph = load_turtle(path)
    chains: list[ChainConcept] = []
    for top in sorted(graph.subjects(SKOS.topConceptOf, None), key=str):
        if not isinstance(top, URIRef):
            continue
        pref = _labels(graph, top, SKOS.prefLabel)
        zh = _literal(pref, "zh")
        if zh is None:
            raise InputError(f"{path}: chain {top} has no skos:prefLabel in zh")
        alts = [str(v) for v in _labels(graph, top, SKOS.altLabel) if v.language == "zh"]
        try:
            segments = _segments_under(graph, top, None, 0, "midstream")
        except ValueError as exc:
            raise InputError(f"{path}: {exc}") from exc
        chains.append(ChainConcept(_local(top), zh, _literal(pref, "en") or zh, alts, segments))
    return ChainScheme(chains)


@cache
def chain_scheme() -> ChainScheme:
    """The scheme of ontology/chains.ttl, read once per process."""
    return parse_chain_scheme(CHAINS_PATH)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text`` that holds ``text[start:end]`` (between clause breaks)."""
    left = start
    while left > 0 and text[left - 1] not in CLAUSE_BREAKS:
        left -= 1
    right = end
    while right < len(text) and text[right] not in CLAUSE_BREAKS:
        right += 1
    return left, right


def _keyword_hits(text: str, lo: int, hi: int, chain: ChainConcept) -> list[SegmentMatch]:
    hits: list[SegmentMatch] = []
    for seg in chain.segments:
        for keyword in seg.keywords:
            pos = text.find(keyword, lo, hi)
            while pos != -1:
                hits.append(SegmentMatch(seg.key, keyword, pos, pos + len(keyword)))
                pos = text.find(keyword, pos + 1, hi)
    # A keyword inside a longer one ("逆变器" in "光伏逆变器") is the same mention, read once.
    return [h for h in hits if not any(o is not h and o.start <= h.start and h.end <= o.end
                                       and (o.end - o.start) > (h.end - h.start) for o in hits)]


def _distance(match: SegmentMatch, start: int, end: int) -> int:
    return match.start - end if match.start >= end else start - match.end


def find_segment(text: str, start: int, end: int, chain: ChainConcept) -> SegmentMatch | None:
    """The segment a sentence places the mention ``text[start:end]`` in, if any.

    Candidates are keywords of the chain's segments in the mention's clause, outside the
    mention itself, at most MAX_KEYWORD_DISTANCE characters away; the nearest wins, and
    among equally near ones the deeper (more specific) segment.
    """
    lo, hi = clause_bounds(text, start, end)
    depth = {s.key: s.depth for s in chain.segments}
    candidates = [
        m for m in _keyword_hits(text, lo, hi, chain)
        if (m.end <= start or m.start >= end) and _distance(m, start, end) <= MAX_KEYWORD_DISTANCE
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda m: (_distance(m, start, end), -depth[m.segment], m.start))


def find_leader_cue(text: str, start: int, end: int) -> str | None:
    """A chain-leader cue (链主, 龙头企业…) in the mention's clause, near it, or None."""
    lo, hi = clause_bounds(text, start, end)
    for cue in LEADER_CUES:
        pos = text.find(cue, lo, hi)
        while pos != -1:
            outside = pos + len(cue) <= start or pos >= end
            near = min(abs(pos - end), abs(start - (pos + len(cue)))) <= MAX_KEYWORD_DISTANCE
            if outside and near:
                return cue
            pos = text.find(cue, pos + 1, hi)
    return None
