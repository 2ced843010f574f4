"""Counties written by their bare short name (宜兴 for 宜兴市, gazetteer.county_short_forms),
taken where the text shows a place.

Many such short names are also everyday words or other things (光明, 公安, 大方), so one is
taken only in free text (no other name covers it) and where the text shows a place: right
after its own province or city ("江苏宜兴", "广州南沙"); anywhere in a document that names the
county in full (椒江区, then "椒江民营经济…"), when the dictionary knows the short name as
no common noun; or, in a document that names the
county's city (or its province, for a county under none), beside another place in a list
("溧阳、金坛"), next to a word of location ("落户从化", "宜兴等地"), as a clause's subject
before its verb ("……，而金坛是…", "孟村率先打响…"), or owning what follows 的
("临邑的高端化工"). A word of location, a clause or 的 is trusted only for a short name the
segmenter's dictionary does not know as a common noun ("在光明的未来" is no county). A short
name before 镇, 乡, 街道, a road's, a zone's, a river's, a building's or a local body's word
opens another name (上街镇 is no 上街区, 钱塘江 is a river, 海淀法院 a court). A county written
with its bare suffix, not its full official name (元江县 for 元江哈尼族彝族傣族自治县), is named
with the suffix.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import ahocorasick_rs
import rjieba

from loaders.lexicon.gazetteer import PREFECTURE_LEVEL, Division, Gazetteer, unknown_or_tagged

_LIST_GAP = frozenset("、，,和与及 ")
_MAX_LIST_GAP = 2
# Words of location before a place ("在", "落户", "位于") and after one ("等地", "境内").
# (在 not as part of 正在, 存在, 现在, 实在, 所在)
_LOCATION_BEFORE = re.compile("(?:(?<![正存现实所])在|赴|落户|落地|落子|位于|地处|来自|走进|扎根)$")
_LOCATION_AFTER = ("等地", "两地", "三地", "境内", "一带", "县域", "市域")
_LOCATION_WINDOW = 4
# Words after a short name that make it the opening of another name: a smaller place's or a
# road's (上街镇 is no 上街区), a zone's or park's (游仙经济试验区, 某某产业园), a river's, a
# lake's, a bay's or a building's (钱塘江, 胶州湾), or a local body's or outlet's ("北京海淀
# 法院" names a court; the text says nothing of the district).
_OPENS_ANOTHER_NAME = re.compile(
    "镇|乡|街道|村|社区|路|大道|街|经济|开发|高新|试验|示范|产业|工业|园|港"
    "|江|河|湖|湾|礼堂|大厦|广场|机场|大桥"
    "|法院|检察|公安|税务|海关|人民|日报|晚报|新闻|电视|广播|融媒"
)
_PROPER_TAGS = frozenset({"ns", "nr", "nz"})


@dataclass(frozen=True, slots=True)
class PlaceSpan:
    """A place found in the sentence: offsets and the codes of the divisions it may be."""

    start: int
    end: int
    division_codes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BareCounty:
    start: int
    end: int  # after the suffix of the county's kind when the text writes it (元江县)
    division: Division
    short: str  # the short name as the gazetteer knows it (元江)


def short_form_spans(text: str, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Where ``text`` writes the short name of some county, whatever stands around it:
    what :func:`bare_counties` reads. (Speed: most sentences write none, and then need
    not gather their places.)"""
    shorts = gaz.county_short_forms
    if not shorts:
        return []
    # overlapping: "浙江海宁" holds 江海 (a district elsewhere) across the province's end
    return [(start, end) for _index, start, end in _automaton(shorts).find_matches_as_indexes(text, overlapping=True)]


# Joins the texts of short_form_spans_each; no short name holds it.
_SEPARATOR = "\x00"


def short_form_spans_each(texts: list[str], gaz: Gazetteer) -> list[list[tuple[int, int]]]:
    """``[short_form_spans(t, gaz) for t in texts]`` in one automaton search (speed: one call
    per document instead of one per sentence). The texts are searched joined by a character
    no short name holds, so no match runs from one text into the next, and after it the
    search starts afresh, so each text's matches are the ones it has alone."""
    shorts = gaz.county_short_forms
    joined = _SEPARATOR.join(texts)
    if not shorts or not texts or not _joinable(shorts) or joined.count(_SEPARATOR) != len(texts) - 1:
        return [short_form_spans(t, gaz) for t in texts]  # (no name, no text, or a text holds the separator)
    found: list[list[tuple[int, int]]] = [[] for _ in texts]
    current, base, limit = 0, 0, len(texts[0])
    for _index, start, end in _automaton(shorts).find_matches_as_indexes(joined, overlapping=True):
        while start >= limit:  # move on to the text this match lies in
            current += 1
            base = limit + 1
            limit = base + len(texts[current])
        found[current].append((start - base, end - base))
    return found


# A page that names no province or city but the county's own and writes the county's short
# name this often is about that county ("在海宁扎根…", "2016年，海宁在…", "海宁近年来…").
_OFTEN_WRITTEN = 3


def often_written_counties(
    spans_of: list[list[tuple[int, int]]], texts: list[str], document_codes: frozenset[str], gaz: Gazetteer
) -> frozenset[str]:
    """The codes of the counties whose short name the document writes at least
    _OFTEN_WRITTEN times, for short names the dictionary knows as no common noun, when the
    document names no province or city but the county's own, and of their cities: such a
    page names the county as one that writes it in full does, for bare_counties. (A page
    naming another city means something else by a short name it repeats: a district of a
    far city that is also a word there, a football club.)"""
    counts = Counter(text[start:end] for text, spans in zip(texts, spans_of, strict=True) for start, end in spans)
    often = [short for short, count in counts.items() if count >= _OFTEN_WRITTEN and _proper_name(short)]
    if not often:
        return frozenset()
    named = {code for code in document_codes if code in gaz.divisions and gaz.divisions[code].level <= PREFECTURE_LEVEL}
    counties = [gaz.county_short_forms[short] for short in often]
    return frozenset(
        code
        for county in counties
        if county.parent and named <= set(gaz.parent_chain(county.code))
        for code in (county.code, county.parent)
    )


def bare_counties(
    text: str,
    spans: list[tuple[int, int]],
    places: list[PlaceSpan],
    taken: list[tuple[int, int]],
    document_codes: frozenset[str],
    gaz: Gazetteer,
) -> list[BareCounty]:
    """Counties named by their bare short name in ``text`` (at ``spans``, from
    :func:`short_form_spans`), outside the spans ``taken`` by other names, where ``places``
    (the sentence's other places) or words show a place; ``document_codes``: the divisions
    the whole document names."""
    shorts = gaz.county_short_forms
    hits = [
        _bare_county(text, start, end, shorts[text[start:end]])
        for start, end in spans
        if not any(a < end and start < b for a, b in taken) and _OPENS_ANOTHER_NAME.match(text, end) is None
    ]
    if not hits:
        return []
    neighbours = places + [PlaceSpan(h.start, h.end) for h in hits]
    found = [h for h in hits if _in_place_context(text, h, places, neighbours, document_codes, gaz)]
    return [h for h in found if not any(o is not h and o.start < h.end and h.start < o.end for o in found)]


def _bare_county(text: str, start: int, end: int, county: Division) -> BareCounty:
    """The short name at ``start:end``, with the suffix of the county's kind when it follows."""
    written_end = end + 1 if text.startswith(county.name[-1], end) else end
    return BareCounty(start, written_end, county, text[start:end])


# The automaton of each table of short names in use, by the table's identity (speed: built
# once, not looked up by the table's contents for every sentence).
_AUTOMATA: dict[int, tuple[dict[str, Division], ahocorasick_rs.AhoCorasick, bool]] = {}


def _automaton(shorts: dict[str, Division]) -> ahocorasick_rs.AhoCorasick:
    return _indexed(shorts)[1]


def _joinable(shorts: dict[str, Division]) -> bool:
    """Whether no short name holds the separator of short_form_spans_each."""
    return _indexed(shorts)[2]


def _indexed(shorts: dict[str, Division]) -> tuple[dict[str, Division], ahocorasick_rs.AhoCorasick, bool]:
    cached = _AUTOMATA.get(id(shorts))
    if cached is None or cached[0] is not shorts:
        joinable = not any(_SEPARATOR in name for name in shorts)
        cached = (shorts, ahocorasick_rs.AhoCorasick(list(shorts)), joinable)
        _AUTOMATA[id(shorts)] = cached
    return cached


def _in_place_context(
    text: str,
    county: BareCounty,
    places: list[PlaceSpan],
    neighbours: list[PlaceSpan],
    document_codes: frozenset[str],
    gaz: Gazetteer,
) -> bool:
    ancestors = gaz.parent_chain(county.division.code)
    if any(p.end == county.start and set(ancestors) & set(p.division_codes) for p in places):
        return True  # "江苏宜兴": under its own province or city
    if county.division.code in document_codes and _proper_name(county.short):
        return True  # the page names the county in full (椒江区): its short name is that county
    if not ancestors or ancestors[0] not in document_codes:
        return False  # a document that never names the county's city means something else
    for other in neighbours:
        gap = text[other.end : county.start] if other.end <= county.start else text[county.end : other.start]
        if 0 < len(gap) <= _MAX_LIST_GAP and set(gap) <= _LIST_GAP:
            return True  # "溧阳、金坛": a list of places
    return (
        _beside_location_word(text, county) or _clause_subject(text, county) or _owns_what_follows(text, county)
    ) and _proper_name(county.short)


def _beside_location_word(text: str, county: BareCounty) -> bool:
    before = text[max(0, county.start - _LOCATION_WINDOW) : county.start]
    return _LOCATION_BEFORE.search(before) is not None or text.startswith(_LOCATION_AFTER, county.end)


# A clause's subject: the short name opens the text or a clause (after a stop, a dash, or a
# conjunction or verb of cause after one) and a verb follows ("……，而金坛是…", "——某某打造…",
# "使某某成为…").
_CLAUSE_OPENING = re.compile("(?:^|[。，,；;：:！？!?—\\s]|[。，,；;：:—\\s](?:而|但|使|让|至此[，,]?))$")
_CLAUSE_WINDOW = 4
_ADVERB_TAGS = frozenset({"d", "ad"})  # "孟村率先打响…": an adverb may stand before the verb


def _clause_subject(text: str, county: BareCounty) -> bool:
    before = text[max(0, county.start - _CLAUSE_WINDOW) : county.start]
    if _CLAUSE_OPENING.search(before) is None:
        return False
    following = rjieba.tag(text[county.end : county.end + _CLAUSE_WINDOW])
    if following and following[0][1] in _ADVERB_TAGS:
        following = following[1:]  # "孟村率先打响…": an adverb before the verb
    return bool(following) and following[0][1].startswith("v")


# "临邑的高端化工、禹城的生物制造": a place's own industries or works, written with 的.
_POSSESSIVE = "的"


def _owns_what_follows(text: str, county: BareCounty) -> bool:
    return text.startswith(_POSSESSIVE, county.end)


def _proper_name(short: str) -> bool:
    """A word the dictionary lacks, or knows as a proper name only."""
    return unknown_or_tagged(short, _PROPER_TAGS)
