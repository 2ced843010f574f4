"""Firms written right before what their plant will make a year: "某某能源3万吨多晶硅升级改造",
"某煤120万吨/年煤热解", "以某汽40万辆整车…为龙头".

Reports on industry name a plant by the firm that builds it and its output, with no 公司 and
often no head word ("某煤", "某汽"), and not only inside a list of projects. Right before a
count and a unit of output (万吨, GW, 万辆…: ``capacity_units`` of
``data/company_short_names.json``) stands a firm where the run there opens at a clause's
start, after 、 or 的 or a preposition, and is a firm's short name: a coined stem and a head
word of company names ("某特能源"), or one word the dictionary lacks or knows as a body's
short name ("某煤", "某汽"). Words of output or time (年产, 产能, 一期) are no firm; nor is a
product ("乙烯100万吨"), a place ("全市100万吨") or a figure closing the clause
("丁二烯5万吨，": the count is what a place made, not a plant).
"""

from __future__ import annotations

import re
from functools import cache

import rjieba

from loaders.lexicon.chain_names import is_industry_term, is_segment_term, is_vocabulary_term
from loaders.lexicon.place_names import KNOWN_PLACES
from loaders.mentions.short_names import (
    NO_FIRM_OPENING_CHARS,
    company_head_words,
    cue_words,
    field_before_head,
    is_coined_word,
)

_MIN_NAME, _MAX_NAME = 2, 6
# Where a firm's name may open: a clause's start, a list's joint, 的, a preposition or a conjunction.
_OPENINGS = frozenset("。，；：！？“”（(、的以和及与 \t")
_NAME_CHARS = re.compile(r"[\u4e00-\u9fff]+")
# What the dictionary tags a body's short name or an organisation's name (北大, 某汽).
_SHORT_NAME_TAGS = frozenset({"j", "nt"})
# A verb, function word, numeral, pronoun or word of time or position shows a phrase ("已建成").
_PHRASE_TAGS = frozenset({"v", "vn", "vd", "p", "c", "u", "uj", "ul", "m", "q", "r", "t", "f"})
_NOT_COINED_OPENINGS = ("国家", "全国", "全省", "全市", "全区", "全县")
# After the unit: a product, "/年" or 等 follows a plant; a punctuation mark closes a figure.
_FIGURE_CLOSERS = frozenset("，。；、：！？,;")


_DIGIT = re.compile(r"\d")


@cache
def _capacity() -> re.Pattern[str]:
    units = "|".join(map(re.escape, sorted(cue_words()["capacity_units"], key=len, reverse=True)))
    return re.compile(rf"(?:年产)?\d+(?:\.\d+)?\s*(?:{units})")


@cache
def _head_name() -> re.Pattern[str]:
    heads = "|".join(map(re.escape, sorted(company_head_words(), key=len, reverse=True)))
    return re.compile(rf"(?P<stem>[\u4e00-\u9fff]{{2,4}}?)(?P<head>{heads})")


def firms_before_capacity(text: str) -> list[tuple[int, int]]:
    """Spans of firms' short names right before a plant's output in ``text``."""
    spans: list[tuple[int, int]] = []
    if _DIGIT.search(text) is None:
        return spans  # speed: no count, no output
    for capacity in _capacity().finditer(text):
        if _closes_a_figure(text, capacity.end()):
            continue
        span = _name_before(text, capacity.start())
        if span is not None:
            spans.append(span)
    return spans


def output_follows(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands where a firm names its plant: right before a count,
    a unit of output and what the plant makes ("某汽40万辆整车"), and is no word of output (日产)."""
    capacity = _capacity().match(text, end)
    if capacity is None or _closes_a_figure(text, capacity.end()):
        return False
    return not text[start:end].startswith(tuple(cue_words()["capacity_not_names"]))


def _closes_a_figure(text: str, at: int) -> bool:
    return at >= len(text) or text[at] in _FIGURE_CLOSERS


def _name_before(text: str, end: int) -> tuple[int, int] | None:
    """The shortest firm's name ending at ``end`` that opens where a name may open."""
    for length in range(_MIN_NAME, _MAX_NAME + 1):
        start = end - length
        if start < 0 or not _NAME_CHARS.fullmatch(text, start, end):
            return None
        if (start == 0 or text[start - 1] in _OPENINGS) and _is_firm_name(text[start:end]):
            return start, end
    return None


def _is_firm_name(name: str) -> bool:
    """Whether ``name`` is a firm's short name, not a word of output, a product or a place."""
    if name.startswith(tuple(cue_words()["capacity_not_names"])) or name.startswith(_NOT_COINED_OPENINGS):
        return False
    if name[0] in NO_FIRM_OPENING_CHARS or name in KNOWN_PLACES or _names_a_term(name):
        return False
    headed = _head_name().fullmatch(name)
    if headed is not None:
        return _is_stem_of_firm(headed.group("stem"), headed.group("head"))
    words = rjieba.tag(name)
    tags = [tag for _, tag in words]
    if any(tag in _PHRASE_TAGS or tag.startswith("v") for tag in tags):
        return False
    # one run the dictionary lacks ("某煤"), or one it knows as a body's short name ("某汽"); a
    # place before a word ("某州|大化", "某省|粗钢") may as well be the place's product
    return len(words) == 1 and (not rjieba.has_word(name) or tags[0] in _SHORT_NAME_TAGS)


def _is_stem_of_firm(stem: str, head: str) -> bool:
    """Whether the stem before a head word is a firm's own part of its name ("某特|能源"), not a
    place, a trade ("光伏|新能源") or a phrase ("新增|光伏")."""
    if stem in company_head_words() or stem in KNOWN_PLACES or field_before_head(stem, head):
        return False
    words = rjieba.tag(stem)
    if any(tag in _PHRASE_TAGS or tag.startswith("v") for _, tag in words):
        return False
    return len(words) > 1 or is_coined_word(stem, [tag for _, tag in words]) or not rjieba.has_word(stem)


def _names_a_term(name: str) -> bool:
    return is_industry_term(name) or is_segment_term(name) or is_vocabulary_term(name)
