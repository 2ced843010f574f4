"""Targets told apart from achievements: what the documents set out to reach, and what they
say was reached, for a chain or a place.

"到2025年，新能源汽车产业产值力争突破5000亿元" is a target (目标); "2023年合肥新能源汽车产量
达到74.6万辆，同比增长1.4倍" is an achievement (成绩). A planner who reads one for the other
misjudges where the city stands, so each statement is kept with its kind, its cue and its
sentence.

How a sentence is read: it is cut into clauses at "；" and "。", each clause into parts at
"，" and "：". Within a clause, a part with a target cue (力争, 目标, 到20XX年, 将, 计划, 预计,
争取, 确保, …) makes it and the parts after it targets until a part with an achievement cue
(已, 达到, 实现, 建成, 累计, 同比增长, …) makes them achievements. A part holding both takes
the kind of the cue that comes first ("力争达到" is a target, "形成了57个案例将在全市推广" an
achievement). Cues inside a name (荣事达) are not read. A part counts only when it states a
figure (a number with a unit, a percentage, 千亿级) or, for a target, a goal verb (达到,
突破, 建成, 培育, 打造, 形成…). Consecutive parts of one kind form one statement.

A statement is about a chain when it names the chain (a label or alias, as kg.chains.gaps reads
them), or the part just before it does ("新能源汽车出口超4万辆，增长3.2倍"); a sentence naming
more than ``MAX_CHAINS`` chains is about the city's industry as a whole and is given to
none. Districts named in the sentence are kept with the statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.chains.gaps import _chains_named
from kg.chains.places import is_district
from kg.chains.segments import ChainConcept
from kg.model import KnowledgeGraph

TARGET, ACHIEVEMENT = "target", "achievement"
KIND_LABELS = {TARGET: "目标 target", ACHIEVEMENT: "成绩 achievement"}
MAX_CHAINS = 3

TARGET_CUE = re.compile(
    r"力争|目标|(?:到|至|于)\s*20\d\d\s*年|20\d\d\s*年(?:底)?前|将(?!其|之|近)|计划|预计|争取|确保|预期|有望|"
    r"规划到|努力|期望|争创|谋划"
)
ACHIEVEMENT_CUE = re.compile(
    r"已经|已(?!有望)|达到|实现|建成|累计|同比增长|同比|比上年|增长|增速|达(?!成)|突破|超过|跃居|位居|居全国|"
    r"获批|入选|完成|(?<![为除])了(?=[^，。；]{0,12}[0-9０-９一二三四五六七八九十两百千万])"
)
# A figure: digits with a unit or a percentage, or a Chinese round number (千亿级, 万亿).
FIGURE = re.compile(
    r"[0-9０-９]+(?:[.．][0-9０-９]+)?\s*(?:%|％|‰|倍|个百分点|万亿|千亿|百亿|亿|万|千|百|家|个|项|座|条|台|辆|人|名|吨|"
    r"元|GWh|GW|MW|平方米|平方公里|亩|件|套|片|颗|块|位|所|强)(?:元|美元|辆|吨|台|片|人|户|家|千瓦)?"
    r"|[一二三四五六七八九十两百千万]+(?:万亿|千亿|百亿|亿)(?:元|级)?|[千百万]亿级|翻一番|翻番|倍增"
)
GOAL_VERB = re.compile(r"达到|突破|超过|建成|建设|培育|打造|形成|引进|新增|实现|提升|提高|跻身|迈入|进入|壮大|争创")
_CLAUSE = re.compile(r"[；;。！？!?]")
_PART = re.compile(r"[，,：:]")


@dataclass(frozen=True, slots=True)
class FigureStatement:
    """A target or an achievement a document states, with the sentence that states it."""

    kind: str  # TARGET | ACHIEVEMENT
    cue: str  # the word that decided the kind (力争, 到2025年, 已, 同比增长…)
    figures: tuple[str, ...]  # the figures of the statement, as written (5000亿元, 1.4倍)
    doc: str
    sentence: int
    text: str  # the sentence's cleaned text
    start: int  # original offsets of the sentence in the document
    end: int
    span: tuple[int, int]  # the statement's part of ``text`` (cleaned offsets)
    cue_span: tuple[int, int]  # where the cue stands in ``text``
    places: tuple[str, ...] = ()  # districts named in the sentence (entity ids)
    place_names: tuple[str, ...] = ()  # their names, in the same order

    @property
    def statement(self) -> str:
        return self.text[self.span[0] : self.span[1]]


def _spans(
    pattern: re.Pattern[str], text: str, lo: int, hi: int, blocked: tuple[tuple[int, int], ...] = ()
) -> list[re.Match[str]]:
    """Matches of ``pattern`` in text[lo:hi] outside names (荣事达's 达 is no cue)."""
    return [m for m in pattern.finditer(text, lo, hi) if not any(a < m.end() and m.start() < b for a, b in blocked)]


def _parts(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    parts, start = [], lo
    for m in _PART.finditer(text, lo, hi):
        parts.append((start, m.start()))
        start = m.end()
    parts.append((start, hi))
    return [(a, b) for a, b in parts if b > a]


def _clauses(text: str) -> list[tuple[int, int]]:
    clauses, start = [], 0
    for m in _CLAUSE.finditer(text):
        clauses.append((start, m.start()))
        start = m.end()
    clauses.append((start, len(text)))
    return [(a, b) for a, b in clauses if b > a]


def _part_kind(text: str, lo: int, hi: int, blocked: tuple[tuple[int, int], ...]) -> tuple[str, re.Match[str]] | None:
    """The kind a part's own cues give it (the first cue decides), or None without a cue."""
    targets = _spans(TARGET_CUE, text, lo, hi, blocked)
    done = _spans(ACHIEVEMENT_CUE, text, lo, hi, blocked)
    # The first cue decides: "力争达到…" is a target, "已建成…将…" and "形成了57个…将推广" are
    # achievements (what follows "将" there is no figure of its own).
    if targets and (not done or targets[0].start() <= done[0].start()):
        return TARGET, targets[0]
    if done:
        return ACHIEVEMENT, done[0]
    return None


Found = tuple[str, tuple[int, int], tuple[int, int], str, tuple[str, ...]]


def _close(
    text: str, kind: str | None, run: list[tuple[int, int]], cue: re.Match[str] | None, found: list[Found]
) -> None:
    """Record the run of parts (one statement), if there is one."""
    if run and kind and cue is not None:
        lo, hi = run[0][0], run[-1][1]
        figures = tuple(m.group(0) for m in FIGURE.finditer(text, lo, hi))
        found.append((kind, (lo, hi), (cue.start(), cue.end()), cue.group(0), figures))


def sentence_statements(text: str, blocked: tuple[tuple[int, int], ...] = ()) -> list[Found]:
    """(kind, span, cue_span, cue, figures) for every target or achievement in ``text``;
    ``blocked``: spans of names, where no cue is read."""
    found: list[Found] = []
    for c_lo, c_hi in _clauses(text):
        kind: str | None = None
        cue: re.Match[str] | None = None
        run: list[tuple[int, int]] = []
        run_cue: re.Match[str] | None = None
        pending: tuple[int, re.Match[str]] | None = None  # a part holding only the cue ("到2025年，")
        for lo, hi in _parts(text, c_lo, c_hi):
            own = _part_kind(text, lo, hi, blocked)
            if own is not None and own[0] != kind:
                _close(text, kind, run, run_cue, found)
                run, run_cue = [], None
                kind, cue = own
            if kind is None:
                continue
            counts = bool(FIGURE.search(text, lo, hi)) or (kind == TARGET and bool(GOAL_VERB.search(text, lo, hi)))
            if counts:
                if not run:
                    if pending is not None:
                        run_cue = pending[1]
                        run.append((pending[0], pending[0]))
                    else:
                        run_cue = cue if own is None else own[1]
                run.append((lo, hi))
                pending = None
            else:
                if run:
                    _close(text, kind, run, run_cue, found)
                    run, run_cue = [], None
                pending = (lo, own[1]) if own is not None else None
        _close(text, kind, run, run_cue, found)
    return found


def _mentions(graph: KnowledgeGraph) -> dict[tuple[str, int], list[tuple[int, int, str]]]:
    """(start, end, entity id) of every mention, per sentence (cleaned offsets)."""
    found: dict[tuple[str, int], list[tuple[int, int, str]]] = {}
    for entity in graph.entities.values():
        for m in entity.mentions:
            found.setdefault((m.doc, m.sentence), []).append((m.clean_start, m.clean_end, entity.id))
    return found


def _context(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The statement's span widened to the part before it in its clause ("新能源汽车出口超4万辆，
    增长3.2倍": the chain is named in the part before the statement)."""
    for c_lo, c_hi in _clauses(text):
        if c_lo <= span[0] < c_hi:
            before = [a for a, b in _parts(text, c_lo, c_hi) if b <= span[0]]
            return (before[-1] if before else span[0]), span[1]
    return span


def figure_statements(graph: KnowledgeGraph, chains: list[ChainConcept]) -> dict[str, list[FigureStatement]]:
    """Chain key -> the targets and achievements stated in sentences that name the chain."""
    mentions = _mentions(graph)
    by_chain: dict[str, list[FigureStatement]] = {}
    for document in graph.documents:
        for sentence in document.sentences:
            text = sentence.text
            if not (TARGET_CUE.search(text) or ACHIEVEMENT_CUE.search(text)):
                continue
            in_sentence = _chains_named(text, chains)
            if not in_sentence or len(in_sentence) > MAX_CHAINS:
                continue
            spans = mentions.get((sentence.doc, sentence.index), [])
            blocked = tuple((a, b) for a, b, _ in spans if b > a)
            found = sentence_statements(text, blocked)
            places: list[str] = []
            for _, _, eid in spans:
                entity = graph.entities.get(eid)
                if entity is not None and is_district(entity) and eid not in places:
                    places.append(eid)
            for kind, span, cue_span, cue, figures in found:
                # The chains named in the statement, or in the part just before it.
                lo, hi = _context(text, span)
                named = _chains_named(text, chains, lo, hi)
                st = FigureStatement(
                    kind,
                    cue,
                    figures,
                    sentence.doc,
                    sentence.index,
                    text,
                    sentence.start,
                    sentence.end,
                    span,
                    cue_span,
                    tuple(places),
                    tuple(graph.entities[p].name for p in places),
                )
                for chain in named[:MAX_CHAINS]:
                    by_chain.setdefault(chain.key, []).append(st)
    return by_chain


__all__ = ["ACHIEVEMENT", "KIND_LABELS", "TARGET", "FigureStatement", "figure_statements", "sentence_statements"]
