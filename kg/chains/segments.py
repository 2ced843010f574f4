"""Chain segments: the SKOS scheme of ontology/chains.ttl, and placing an enterprise in a
segment when the sentence that states its chain membership names the segment.

The rule is deliberately strict: the sentence must name the segment *for that enterprise*.
That is the case in two constructions only:

- the keyword stands in the enterprise's own list item (between 、 or clause breaks):
  "沛顿集成电路先进封测和模组生产" -> 封测, "丙电池作为动力电池链主企业" -> 动力电池;
- the enterprise is in a coordinated list that ends in 等 (with an optional count) and the
  keyword heads the list: "比亚迪、江淮、大众、蔚来、长安等6家整车企业" -> 整车.

A keyword in a neighbouring item ("…12 寸晶圆制造基地、沛顿…") or elsewhere in the clause
describes something else, and so does a keyword inside another entity's name; the
enterprise then stays attached to the chain itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
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
# Items of a coordinated list are separated by these (inside one clause).
ITEM_BREAKS = frozenset("、")
# What may follow the mention before a list head: more list items, then 等 and a count.
_LIST_TAIL = re.compile(
    r"(?:(?:、|和|及|与|以及|、以及)[^、，,；;。：:（）()\n等]{1,20})*"
    r"等(?:[0-9０-９一二三四五六七八九十百千两几多余]+(?:家|个|户|所|款|类))?(?:本地|本土|骨干|重点|知名|优质)?"
)


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


def _labels(graph: Graph, concept: URIRef, prop: URIRef) -> list[Literal]:
    return sorted((v for v in graph.objects(concept, prop) if isinstance(v, Literal)), key=str)


def _segments_under(
    graph: Graph,
    parent: URIRef,
    parent_key: str | None,
    depth: int,
    inherited_position: str,
) -> list[Segment]:
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


def item_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The list item of ``text`` that holds ``text[start:end]`` (between 、 and clause breaks)."""
    left = start
    while left > 0 and text[left - 1] not in CLAUSE_BREAKS and text[left - 1] not in ITEM_BREAKS:
        left -= 1
    right = end
    while right < len(text) and text[right] not in CLAUSE_BREAKS and text[right] not in ITEM_BREAKS:
        right += 1
    return left, right


def _keyword_hits(text: str, lo: int, hi: int, keywords: Iterable[tuple[str, str]]) -> list[SegmentMatch]:
    """Every (key, keyword) found in ``text[lo:hi]``, a keyword inside a longer one read once."""
    hits: list[SegmentMatch] = []
    for key, keyword in keywords:
        pos = text.find(keyword, lo, hi)
        while pos != -1:
            hits.append(SegmentMatch(key, keyword, pos, pos + len(keyword)))
            pos = text.find(keyword, pos + 1, hi)
    # A keyword inside a longer one ("逆变器" in "光伏逆变器") is the same mention, read once.
    return [
        h
        for h in hits
        if not any(
            o is not h and o.start <= h.start and h.end <= o.end and (o.end - o.start) > (h.end - h.start) for o in hits
        )
    ]


def _distance(match: SegmentMatch, start: int, end: int) -> int:
    return match.start - end if match.start >= end else start - match.end


def _outside(match: SegmentMatch, spans: Sequence[tuple[int, int]]) -> bool:
    return not any(a < match.end and match.start < b for a, b in spans)


def named_for(
    text: str,
    start: int,
    end: int,
    keywords: Iterable[tuple[str, str]],
    exclude: Sequence[tuple[int, int]] = (),
    depth: dict[str, int] | None = None,
) -> SegmentMatch | None:
    """The keyword the sentence names *for* the mention ``text[start:end]``, if any.

    A keyword counts when it stands in the mention's own list item, or heads the list the
    mention belongs to ("甲、乙等3家整车企业"); never inside the mention or inside another
    entity's name (``exclude``: spans of other mentions in the sentence). The nearest wins,
    and among equally near ones the deeper (more specific) key.
    """
    depth = depth or {}
    keywords = list(keywords)
    blocked = [(start, end), *exclude]
    lo, hi = item_bounds(text, start, end)
    candidates = [
        m
        for m in _keyword_hits(text, lo, hi, keywords)
        if _outside(m, blocked) and _distance(m, start, end) <= MAX_KEYWORD_DISTANCE
    ]
    if not candidates:
        _, clause_end = clause_bounds(text, start, end)
        tail = _LIST_TAIL.match(text, end, clause_end)
        if tail is not None and tail.end() > end:
            candidates = [
                m
                for m in _keyword_hits(text, tail.end(), clause_end, keywords)
                if m.start == tail.end() and _outside(m, exclude)
            ]
    if not candidates:
        head = _head_before_list(text, start, end, keywords, exclude)
        candidates = [head] if head is not None else []
    if not candidates:
        return None
    return min(candidates, key=lambda m: (_distance(m, start, end), -depth.get(m.segment, 0), m.start))


_CONNECTORS = ("", "和", "及", "与", "以及")
_HEAD_SUFFIX = re.compile(r"(?:企业|厂商|厂家|龙头企业|链主企业|领军企业|项目)?(?:有|如|包括|：|:)?$")


def _head_before_list(
    text: str, start: int, end: int, keywords: list[tuple[str, str]], exclude: Sequence[tuple[int, int]]
) -> SegmentMatch | None:
    """ "动力电池企业国轩高科、中创新航": a keyword heading a list of names, before its first name.

    Every item between the head and the mention must be exactly another entity's name.
    """
    lo, _ = clause_bounds(text, start, end)
    names = sorted((a, b) for a, b in exclude if lo <= a and b <= start)
    at = start
    # Walk back over "、name" items; each must end right where the next separator starts.
    while True:
        before = text[lo:at]
        sep = next((c for c in ("、和", "、及", "、与", "、", "以及", "和", "及", "与") if before.endswith(c)), None)
        if sep is None:
            return None
        item_end = at - len(sep)
        name = next(((a, b) for a, b in names if b == item_end), None)
        if name is None:
            return None
        at = name[0]
        if at == lo or text[at - 1] in ITEM_BREAKS:
            continue
        # ``text[lo:at]`` now holds what stands before the first name: it must end in a keyword.
        head = text[lo:at]
        suffix = _HEAD_SUFFIX.search(head)
        stem_end = lo + (suffix.start() if suffix else len(head))
        hits = [m for m in _keyword_hits(text, lo, stem_end, keywords) if m.end == stem_end and _outside(m, exclude)]
        return max(hits, key=lambda m: m.end - m.start) if hits else None


def find_segment(
    text: str, start: int, end: int, chain: ChainConcept, exclude: Sequence[tuple[int, int]] = ()
) -> SegmentMatch | None:
    """The segment of ``chain`` the sentence names for the mention ``text[start:end]`` (see named_for)."""
    keywords = [(seg.key, kw) for seg in chain.segments for kw in seg.keywords]
    return named_for(text, start, end, keywords, exclude, {s.key: s.depth for s in chain.segments})


def find_leader_cue(text: str, start: int, end: int, exclude: Sequence[tuple[int, int]] = ()) -> str | None:
    """A chain-leader cue (链主, 龙头企业…) the sentence states for the mention, or None."""
    match = named_for(text, start, end, [(cue, cue) for cue in LEADER_CUES], exclude)
    return match.keyword if match else None
