"""Sentences in which a document itself says that part of a chain is missing or weak.

A planner's 缺口 (gap) must come from a source, never from the documents' silence. This module
finds statements such as "产业下游配套不足", "集群小、大企业少是合肥生物医药产业的一大短板" or
"稀释制冷机系统等“卡脖子”核心装备研制", and works out what they are about:

- the chain: named in the sentence (or, when the sentence names none, in the sentence just
  before it in the same section, as in "新型显示是…。合肥龙头企业较少、产业下游配套不足…");
- within the chain: a segment named in the cue's own list item ("下游配套不足" -> the
  downstream segments, "稀释制冷机…卡脖子" -> 核心器件), a district named there, a laboratory
  or facility, or else the chain as a whole.

Achievements are not gaps: "填补国内空白" and "打破垄断" say something was filled, and the
slogan "延链补链强链" names no target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.chains.places import is_district
from kg.chains.segments import POSITIONS, ChainConcept, _keyword_hits, clause_bounds, item_bounds
from kg.model import Document, KnowledgeGraph, Sentence

# Words that state a lack or a weakness. "缺" alone only before a quoted noun (缺“头部”).
GAP_CUE = re.compile(
    r"短板|空白|空缺|缺乏|缺少|欠缺|缺失|缺口|紧缺|稀缺|匮乏|薄弱|弱项|不足(?![0-9０-９一二三四五六七八九十百千万两半])|"
    r"较少|偏少|瓶颈|卡脖子|断链|卡链|补链|依赖进口|受制于人|缺(?=[“\"「])"
)
# "补链" names a gap only together with what is to be filled (a segment, a district);
# alone ("强龙头、补链条、聚集群") it is a slogan.
TARGET_ONLY_CUES = frozenset({"补链"})
# A cue preceded by one of these reports a gap that was closed.
_FILLED = re.compile(r"(?:(?:填补|弥补|补齐了|填平)[^，。；]{0,12}|(?:打破|突破|攻克)[^，。；]{0,30})$")
_SLOGAN = re.compile(r"(延链|强链|升链|优链)")
POSITION_WORDS = {"上游": "upstream", "中游": "midstream", "下游": "downstream"}
RESOURCE_WORDS = ("实验室", "大科学装置", "科学装置", "研发平台", "创新平台", "科研平台")
ENTERPRISE_WORDS = ("龙头企业", "大企业", "链主", "头部", "企业")
WINDOW = 40  # how far (characters) a segment keyword may stand from the cue


@dataclass(frozen=True, slots=True)
class GapStatement:
    """A document sentence that says part of a chain is missing or weak."""

    chain: str  # ChainConcept.key
    scope: str  # "segment" | "district" | "resource" | "chain"
    subject: str  # segment key, place id, or chain key
    cue: str
    doc: str
    sentence: int
    text: str
    start: int  # original offsets of the sentence
    end: int
    cue_span: tuple[int, int]  # cleaned offsets of the cue in ``text``
    subject_span: tuple[int, int] | None  # where the segment / place / position word is named


def _names(chain: ChainConcept) -> list[str]:
    names = {n for n in chain.names() if len(n) >= 2}
    names.update(n + suffix for n in list(names) for suffix in ("产业", "产业链"))
    return sorted(names, key=len, reverse=True)


_CHAIN_HEAD = re.compile(r"产业|产业链|集群|行业|领域")
_ITEM_EDGE = frozenset('、，,；;。：:（）()“”"等和及与')


def _stands_alone(text: str, span: tuple[int, int]) -> bool:
    """A short name (two characters: 芯片, 量子, 显示) counts only as a chain name, not inside a
    longer word (光芯片, 量子计算): followed by 产业/产业链/集群/行业/领域, or a list item of its own."""
    a, b = span
    if b - a > 2 or _CHAIN_HEAD.match(text, b):
        return True
    return (a == 0 or text[a - 1] in _ITEM_EDGE) and (b == len(text) or text[b] in _ITEM_EDGE)


def _distinctive_segments(
    text: str,
    lo: int,
    hi: int,
    cue: tuple[int, int],
    chains: list[ChainConcept],
    blocked: list[tuple[int, int]],
    window: int = WINDOW,
) -> list[ChainConcept]:
    """Chains one of whose segment keywords of four or more characters (稀释制冷机, 动力电池;
    not a generic 零部件), used by no other chain, stands in the cue's item."""
    owners: dict[str, set[str]] = {}
    for c in chains:
        for seg in c.segments:
            for k in seg.keywords:
                owners.setdefault(k, set()).add(c.key)
    found = []
    for c in chains:
        keywords = [(s.key, k) for s in c.segments for k in s.keywords if len(k) >= 4 and owners[k] == {c.key}]
        hits = [
            h
            for h in _keyword_hits(text, lo, hi, keywords)
            if not any(a < h.end and h.start < b for a, b in blocked)
            and min(abs(h.start - cue[1]), abs(cue[0] - h.end)) <= window
        ]
        if hits:
            found.append(c)
    return found


def _chains_named(text: str, chains: list[ChainConcept], lo: int = 0, hi: int | None = None) -> list[ChainConcept]:
    """Chains whose name stands in ``text[lo:hi]`` (longest names first, no overlaps)."""
    hi = len(text) if hi is None else hi
    taken: list[tuple[int, int]] = []
    found: list[ChainConcept] = []
    pairs = sorted(((n, c) for c in chains for n in _names(c)), key=lambda p: len(p[0]), reverse=True)
    for name, concept in pairs:
        pos = text.find(name, lo, hi)
        while pos != -1:
            span = (pos, pos + len(name))
            if _stands_alone(text, span) and not any(a < span[1] and span[0] < b for a, b in taken):
                taken.append(span)
                if concept not in found:
                    found.append(concept)
            pos = text.find(name, pos + 1, hi)
    return found


def _sentence_mentions(graph: KnowledgeGraph) -> dict[tuple[str, int], list[tuple[int, int, str]]]:
    spans: dict[tuple[str, int], list[tuple[int, int, str]]] = {}
    for entity in graph.entities.values():
        for m in entity.mentions:
            if m.clean_end > m.clean_start:
                spans.setdefault((m.doc, m.sentence), []).append((m.clean_start, m.clean_end, entity.id))
    return spans


def _previous(document: Document, sentence: Sentence) -> Sentence | None:
    before = [s for s in document.sentences if s.index == sentence.index - 1]
    if before and before[0].section == sentence.section and before[0].article == sentence.article:
        return before[0]
    return None


def _segment_hit(
    text: str, lo: int, hi: int, cue: tuple[int, int], chain: ChainConcept, blocked: list[tuple[int, int]]
) -> tuple[str, tuple[int, int]] | None:
    keywords = [(s.key, k) for s in chain.segments for k in s.keywords]
    hits = [
        h
        for h in _keyword_hits(text, lo, hi, keywords)
        if not any(a < h.end and h.start < b for a, b in blocked)
        and min(abs(h.start - cue[1]), abs(cue[0] - h.end)) <= WINDOW
    ]
    if not hits:
        return None
    depth = {s.key: s.depth for s in chain.segments}
    # The most specific segment named in the item: "电控配套不足" is about 电控, not 零部件 (配套).
    best = min(hits, key=lambda h: (-depth[h.segment], min(abs(h.start - cue[1]), abs(cue[0] - h.end))))
    return best.segment, (best.start, best.end)


def _statement(
    chain: ChainConcept,
    scope: str,
    subject: str,
    cue: re.Match[str],
    sentence: Sentence,
    subject_span: tuple[int, int] | None,
) -> GapStatement:
    return GapStatement(
        chain.key,
        scope,
        subject,
        cue.group(0),
        sentence.doc,
        sentence.index,
        sentence.text,
        sentence.start,
        sentence.end,
        (cue.start(), cue.end()),
        subject_span,
    )


def _about(
    graph: KnowledgeGraph,
    chain: ChainConcept,
    cue: re.Match[str],
    sentence: Sentence,
    mentions: list[tuple[int, int, str]],
) -> list[GapStatement]:
    text = sentence.text
    lo, hi = item_bounds(text, cue.start(), cue.end())
    blocked = [(a, b) for a, b, _ in mentions]
    places = [(a, b, eid) for a, b, eid in mentions if lo <= a and b <= hi and is_district(graph.entities[eid])]
    if places:
        a, b, eid = min(places, key=lambda p: abs(p[0] - cue.start()))
        return [_statement(chain, "district", eid, cue, sentence, (a, b))]
    seg = _segment_hit(text, lo, hi, (cue.start(), cue.end()), chain, blocked)
    if seg is not None:
        return [_statement(chain, "segment", seg[0], cue, sentence, seg[1])]
    for word, position in POSITION_WORDS.items():
        pos = text.find(word, lo, hi)
        if pos != -1:
            tops = [s for s in chain.segments if s.depth == 0 and s.position == position]
            return [_statement(chain, "segment", s.key, cue, sentence, (pos, pos + len(word))) for s in tops]
    for word in RESOURCE_WORDS:
        pos = text.find(word, lo, hi)
        if pos != -1:
            return [_statement(chain, "resource", chain.key, cue, sentence, (pos, pos + len(word)))]
    if cue.group(0) in TARGET_ONLY_CUES:
        return []
    return [_statement(chain, "chain", chain.key, cue, sentence, None)]


def gap_statements(graph: KnowledgeGraph, chains: list[ChainConcept]) -> list[GapStatement]:
    """Every statement of a gap in the graph's documents, about one of ``chains``."""
    mentions = _sentence_mentions(graph)
    found: list[GapStatement] = []
    for document in graph.documents:
        for sentence in document.sentences:
            text = sentence.text
            for cue in GAP_CUE.finditer(text):
                if _FILLED.search(text, 0, cue.start()):
                    continue
                if cue.group(0) == "补链" and _SLOGAN.search(text, max(0, cue.start() - 3), cue.end() + 3):
                    continue
                found.extend(
                    _for_cue(graph, chains, document, sentence, cue, mentions.get((sentence.doc, sentence.index), []))
                )
    return found


def _for_cue(
    graph: KnowledgeGraph,
    chains: list[ChainConcept],
    document: Document,
    sentence: Sentence,
    cue: re.Match[str],
    mentions: list[tuple[int, int, str]],
) -> list[GapStatement]:
    text = sentence.text
    c_lo, c_hi = clause_bounds(text, cue.start(), cue.end())
    lo, hi = item_bounds(text, cue.start(), cue.end())
    blocked = [(a, b) for a, b, _ in mentions]
    by_segment = _distinctive_segments(text, lo, hi, (cue.start(), cue.end()), chains, blocked)
    named = _chains_named(text, chains, c_lo, c_hi) or _chains_named(text, chains)
    # A chain is named, too, by its distinctive segments anywhere in the sentence
    # ("量子计算…量子通信…稀释制冷机…“卡脖子”").
    named += [
        c
        for c in _distinctive_segments(text, 0, len(text), (0, len(text)), chains, blocked, len(text))
        if c not in named
    ]
    if not named and not by_segment:
        # "新型显示是…。合肥龙头企业较少、产业下游配套不足…": the sentence before, when it opens
        # with the chain's name, sets the topic of a sentence about an industry.
        before = _previous(document, sentence)
        about_industry = any(w in text for w in ("产业", *POSITION_WORDS))
        if before is not None and about_industry:
            named = [c for c in _chains_named(before.text, chains) if any(before.text.startswith(n) for n in _names(c))]
    if by_segment:
        # A segment only one chain has, named next to the cue, says which of the chains is meant.
        named = [c for c in named if c in by_segment]
    elif len(named) > 1:
        # Several chains: only the one whose segment is named next to the cue is meant.
        named = [c for c in named if _segment_hit(text, lo, hi, (cue.start(), cue.end()), c, blocked)]
    if len(named) != 1:
        return []
    return _about(graph, named[0], cue, sentence, mentions)


__all__ = ["GAP_CUE", "POSITIONS", "GapStatement", "gap_statements"]
