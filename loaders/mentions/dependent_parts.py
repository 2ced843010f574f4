"""An industry joined with its own parts, trade or uses: "汽车及零部件", "家电及配套",
"某某新材料及应用", "钛及钛合金" name one chain, not two.

Plans and cluster lists write a chain together with what hangs on it (its parts, the
trade that supplies it, its applications, the metal's alloys); the word after the joiner
names nothing alone (零部件 of what?), so the whole is the chain's name. The joiner is
kept only when the first member is an industry: a segment before it ("整车及零部件")
lists two links of a chain map, which stay two.
"""

from __future__ import annotations

import re

from loaders.lexicon.chain_names import (
    INDUSTRY_SUFFIXES,
    is_industry_term,
    is_segment_term,
    is_stage_word,
    vocabulary_term_start,
)

# What hangs on an industry: its parts, its supporting trade, its applications. 其 is
# the written "its" ("汽车及其配套").
_DEPENDENT = re.compile("(?:及|与|和)其?(零部件|配套|配件|应用|應用)")
_ALLOY = "合金"  # "钛及钛合金": the metal and its alloys
# The words one of which ends every name joined so (the dependent parts and 合金).
_DEPENDENT_WORDS = ("零部件", "配套", "配件", "应用", "應用", _ALLOY)
# What may follow the joined name in a sentence: an industry word, a list's next member or
# end, a count ("两大"), a field word. A Han character else continues the word (配套服务).
_FOLLOWERS = ("产业", "集群", "行业", "领域", "板块", "等", "为", "和", "与", "及", "产值", "企业")
_COUNT_CHARS = frozenset("一二三四五六七八九十两百千万")
MAX_TERM_CHARS = 10  # longest industry the vocabularies hold, and then some


def joined_dependent_chains(text: str, chains: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of each industry joined with its dependent part in ``text``, the
    industry word after it included; ``chains``: spans of the chains found so far. The
    industry is a chain found there, or a vocabulary industry the finders left inside a
    longer name ("稀土新材料及应用": only 新材料 is found)."""
    if not any(word in text for word in _DEPENDENT_WORDS):
        return []  # speed: every joined name ends in one of these words, and most sentences hold none
    found_before: dict[int, int] = {}
    for a, b in chains:
        found_before[b] = min(a, found_before.get(b, a))
    spans = []
    for joiner in re.finditer("及|与|和", text):
        at = joiner.start()
        start = _industry_start(text, at, found_before.get(at, -1))
        end = dependent_part_end(text, at) if start >= 0 and not _is_link(text[start:at]) else -1
        if end < 0:
            start, end = _metal_and_alloy(text, at)
        if end > 0:
            spans.append((start, _with_industry_word(text, end)))
    return spans


def _is_link(name: str) -> bool:
    """A segment or a bare stage ("设备及应用" closing "设计、制造…"): a link of a chain map,
    joined with the next link, not an industry with what hangs on it."""
    return is_segment_term(name) or is_stage_word(name)


def _metal_and_alloy(text: str, at: int) -> tuple[int, int]:
    """(start, end) of "钛及钛合金" around the joiner at ``at``: a metal of one or two
    characters (no vocabulary lists it alone) repeated before 合金; (-1, -1) else."""
    for chars in (2, 1):
        metal = text[max(0, at - chars) : at]
        if len(metal) == chars and _is_han(metal) and text.startswith(metal + _ALLOY, at + 1):
            end = at + 1 + len(metal) + len(_ALLOY)
            return (at - chars, end) if _ends_a_name(text, end) else (-1, -1)
    return -1, -1


def _is_han(word: str) -> bool:
    return all("\u4e00" <= char <= "\u9fff" for char in word)


def _industry_start(text: str, end: int, found_start: int) -> int:
    term_start = vocabulary_term_start(text, end, max(0, end - MAX_TERM_CHARS))
    if term_start >= 0 and is_industry_term(text[term_start:end]):
        return term_start if found_start < 0 else min(term_start, found_start)
    return found_start


def _with_industry_word(text: str, end: int) -> int:
    for suffix in INDUSTRY_SUFFIXES:
        if text.startswith(suffix, end):
            return end + len(suffix)
    return end


def dependent_part_end(text: str, industry_end: int) -> int:
    """End of the dependent part joined right after an industry ending at
    ``industry_end`` in ``text``, or -1 when none follows."""
    match = _DEPENDENT.match(text, industry_end)
    if match is None or not _ends_a_name(text, match.end()):
        return -1
    return match.end()


def _ends_a_name(text: str, end: int) -> bool:
    if end >= len(text):
        return True
    nxt = text[end]
    if not "\u4e00" <= nxt <= "\u9fff":
        return True
    return nxt in _COUNT_CHARS or text.startswith(_FOLLOWERS, end)
