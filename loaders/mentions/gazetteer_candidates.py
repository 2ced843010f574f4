"""Candidates from the gazetteer's matches in a sentence, and the tests that drop a chosen
match whose sentence shows it names no entity (a place in a set phrase, a counted kind,
an academician's title, a centre of a city, a qualified thing, a river's bank); a
college written after its university joined to it."""

from __future__ import annotations

import re

from loaders.lexicon.matcher import SurfaceMatch, name_form
from loaders.mentions.candidates import GAZETTEER_SOURCE, RULE_PRIORITY, Candidate

_CENTRE_WORD = "中心"


def misread_in_its_sentence(text: str, cand: Candidate) -> bool:
    """Whether the words around ``cand`` show it names no entity (each test reads the
    candidate alone, so one pass over the chosen ones makes them all)."""
    return (
        _names_a_centre(text, cand)
        or _qualifies_a_thing(text, cand)
        or _place_in_a_set_phrase(text, cand)
        or _counted_kind(text, cand)
        or _academicians_title(text, cand)
        or _ends_inside_a_university_name(text, cand)
    )


def join_sub_colleges(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A college written right after its university ("中国科大科技商学院") is one named
    unit of that university: 中国科学技术大学科技商学院."""
    joined: list[Candidate] = []
    for cand in chosen:
        parent = joined[-1] if joined else None
        if (
            parent is not None
            and parent.end == cand.start
            and parent.type == cand.type == "University"
            and cand.source == "university"
            and text.endswith("学院", 0, cand.end)
        ):
            canonical = parent.canonical + name_form(text[cand.start : cand.end])
            joined[-1] = Candidate(parent.start, cand.end, "University", None, canonical, cand.source)
            continue
        joined.append(cand)
    return joined


# A place opening a newspaper's or broadcaster's name ("某市日报", "某省广播电视台") names the
# outlet, mostly in a byline or source line; the text says nothing there of the place.
_MEDIA_AFTER_PLACE = re.compile("日报|晚报|新闻|电视台|广播|融媒")


# "中共某市委组织部": a party body's full name, mostly a host or source line; the place
# is part of the body's name (titles of officials: city_scope.drop_other_places_titles).
_PARTY_BODY = re.compile("委(?:组织部|宣传部|统战部|办公厅)")


def _place_in_a_set_phrase(text: str, cand: Candidate) -> bool:
    """A place written only as part of an outlet's name, an official's title or a kind."""
    if cand.type != "Place":
        return False
    if _MEDIA_AFTER_PLACE.match(text, cand.end) is not None:
        return True
    if text.startswith("实验室", cand.end) and text.endswith("省", cand.start, cand.end):
        return True  # "两个某省实验室": the province's kind of laboratory, the province is no topic
    return (
        text.endswith(("省", "市"), cand.start, cand.end)
        and text.endswith("中共", 0, cand.start)
        and _PARTY_BODY.match(text, cand.end) is not None
    )


# "42个省部级海洋实验室", "建成5个量子实验室": a count before a rule-found body names how
# many of a kind there are, not one body (names that are data, like 国家实验室 lists, keep
# their own path: loaders.mentions.counted_kinds).
_COUNT_BEFORE = re.compile(r"[0-9一二三四五六七八九十百千两几]+(?:余|多)?[个家所座]$")
_COUNTABLE_BODIES = frozenset({"Laboratory", "InnovationPlatform", "ResearchInstitute", "LargeScientificFacility"})


def _counted_kind(text: str, cand: Candidate) -> bool:
    if cand.type not in _COUNTABLE_BODIES or cand.priority != RULE_PRIORITY:
        return False
    return _COUNT_BEFORE.search(text, max(0, cand.start - 6), cand.start) is not None


# "中国科学院院士某某", "中国工程院院士": an academy written as part of a scientist's title
# says what the person is; the text does not speak of the academy there.
_ACADEMICIAN = "院士"


def _academicians_title(text: str, cand: Candidate) -> bool:
    return cand.type == "ResearchInstitute" and text.startswith(_ACADEMICIAN, cand.end)


def _ends_inside_a_university_name(text: str, cand: Candidate) -> bool:
    """A university's short name ending in 大 right before 学 is the tail of a longer
    university's name: 北大 in "中北大学", 港大 in "香港大学", 台大 in "烟台大学"."""
    return cand.type == "University" and text.endswith("大", cand.start, cand.end) and text.startswith("学", cand.end)


def _names_a_centre(text: str, cand: Candidate) -> bool:
    """An industry right before 中心 ("工业设计中心", "检验检测中心") qualifies an
    institution; the text speaks of the centre, not of the industry."""
    return cand.type == "IndustryChain" and text.startswith(_CENTRE_WORD, cand.end)


# Nouns that a bare industry word qualifies when the text speaks of a technique, a
# product or a body rather than of the industry ("芯片设计技术", "锂电池精密结构件",
# "医疗器械检验检测中心", "金融科技企业"). Not 核心产业: "数字经济核心产业" counts the
# industry's own core, which names it; nor 企业 and a count ("集成电路企业150余家"): the text
# counts the industry's firms, and so speaks of the industry.
_QUALIFIED_NOUNS = re.compile(
    "技术|关键|研发|检验|检测|精密|结构件|企业(?![0-9一二三四五六七八九十百千两超近逾达])|器件|部件|产品|工艺|药物|专用|核心(?!产业)|创制|"
    "退火|镀膜|研究|应用|标准|人才|专业|学院|项目|衍生|基地|生产|模组|材料研发|器(?!械)"
)


def _qualifies_a_thing(text: str, cand: Candidate) -> bool:
    """A bare industry name (the gazetteer's, without 产业) right before such a noun
    qualifies the noun; the text does not name the industry there."""
    if cand.type != "IndustryChain" or cand.source != GAZETTEER_SOURCE:
        return False
    if _AFTER_DENG.search(text, 0, cand.start) and _FIRMS_AFTER.match(text, cand.end):
        return False  # "A公司等(众多)智能装备(龙头)企业": the firms are named by their industry
    return _QUALIFIED_NOUNS.match(text, cand.end) is not None


# Between a list's 等 and the industry that names its firms: a count or a word of many
# and a short modifier ("等众多新锐", "等10家"); after it, the firms' head noun.
_AFTER_DENG = re.compile(
    r"等(?:为代表的|为首的|为引领的)?(?:[0-9一二三四五六七八九十百千两多几]+[家个批])?(?:众多|诸多|一批|一大批|大批)?"
    r"[\u4e00-\u9fff]{0,2}$"
)
_FIRMS_AFTER = re.compile(r"(?:产业)?(?:龙头|骨干|领军|头部|重点|链主|配套)?企业")


def from_surface(match: SurfaceMatch) -> Candidate:
    s = match.surface
    return Candidate(
        match.start,
        match.end,
        s.type,
        s.subtype,
        s.canonical,
        GAZETTEER_SOURCE,
        s.needs_context,
        s.division_codes,
    )


# "深圳河南侧", "长江北岸": a water word and a direction followed by a side word is a
# bank or side of that water, not the province whose name it spells (河南, 湖北, 江西).
_WATER = frozenset("河江湖海")
_DIRECTION = frozenset("东南西北")
_SIDE = ("侧", "岸", "畔", "边", "沿", "面")


def riverside_phrase(text: str, cand: Candidate) -> bool:
    if cand.type != "Place" or cand.end - cand.start != 2:
        return False
    first, second = text[cand.start], text[cand.start + 1]
    return first in _WATER and second in _DIRECTION and text.startswith(_SIDE, cand.end)
