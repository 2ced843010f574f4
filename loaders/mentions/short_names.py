"""Company short names that open a clause and act: "赣锋锂电投资100亿元", "太蓝科技建设…".

Business news names most companies by a short form that no suffix rule sees (no 公司, no
集团). When a clause opens with two to four characters, a head word of company names
(科技, 锂电, 电子…) and then a verb of doing business (投资, 建设, 联合…), that run is a
company. Cue words are data (``data/company_short_names.json``).
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

import ahocorasick_rs
import rjieba

from loaders.lexicon.chain_names import is_vocabulary_term

# A company's own part of the name (赣锋, 太蓝, 长安) is a coined word the dictionary lacks,
# or a proper noun; a common word before a head word (数字科技, 国内新能源) is a phrase.
_PROPER_TAGS = frozenset({"nr", "ns", "nz", "nt", "j"})
_FUNCTION_CHARS = frozenset("由在将向对从以把被与和为及并")
# What no firm's own name opens with, where a name is cut out of running text before a
# product or a project: a preposition, a conjunction, 的 or 了.
NO_FIRM_OPENING_CHARS = _FUNCTION_CHARS | frozenset("的了")
# (The tagger writes particles with a second letter: 的 is uj, 了 ul, 着 uz, 地 uv.)
_PHRASE_TAGS = frozenset(
    {"v", "vn", "vd", "p", "d", "c", "r", "u", "uj", "ul", "uz", "ud", "ug", "uv", "m", "q", "f", "t"}
)


@cache
def _cue_words() -> dict[str, list[str]]:
    data: dict[str, list[str]] = json.loads(
        resources.files("loaders.lexicon").joinpath("data/company_short_names.json").read_text("utf-8")
    )
    return data


def cue_words() -> dict[str, list[str]]:
    """The cue words of company short names, by kind (heads, verbs, capacity_units…)."""
    return _cue_words()


def origin_words() -> list[str]:
    """The foreign countries and the regions a firm is said to come from (德国, 台湾…)."""
    data = _cue_words()
    return [*data["countries"], *data["regions"]]


def company_head_words() -> list[str]:
    """The words company short names end in (科技, 电子, 化工…)."""
    return _cue_words()["heads"]


@cache
def _pattern() -> re.Pattern[str]:
    """The pattern of a short name opening a clause."""
    data = _cue_words()
    heads = "|".join(map(re.escape, sorted(data["heads"], key=len, reverse=True)))
    verbs = "|".join(map(re.escape, sorted(data["verbs"], key=len, reverse=True)))
    # a clause's start, or a role noun naming what the firm is ("龙头企业X投资…") or where it
    # stands among a place's firms ("入驻企业X负责人…"); one look-behind per role (each has
    # its own length)
    roles = "|".join(f"(?<={re.escape(role)})" for role in data["roles"])
    opening = rf"(?:^|(?<=[。，；：！？”\s])|(?P<role>{roles}))"
    return re.compile(rf"{opening}(?P<name>[\u4e00-\u9fff]{{2,4}}?(?P<head>{heads}))(?=(?:{verbs}))")


@cache
def _heads_before_verbs() -> ahocorasick_rs.AhoCorasick:
    """Every head word written before every verb, in one automaton, for
    :func:`_head_before_verb` (a few thousand strings: built once)."""
    data = _cue_words()
    return ahocorasick_rs.AhoCorasick(sorted({head + verb for head in data["heads"] for verb in data["verbs"]}))


def _head_before_verb(text: str) -> bool:
    """Whether some head word of ``text`` stands right before a verb, as the short name
    pattern needs: a cheap test that spares most sentences the whole pattern. (One search
    for the head and verb written together: it finds one whenever any of them occurs.)"""
    return bool(_heads_before_verbs().find_matches_as_indexes(text))


def short_company_names(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that are company short names opening a clause."""
    spans: list[tuple[int, int]] = []
    if not _head_before_verb(text):
        return spans  # speed: most sentences hold no head word right before such a verb
    for match in _pattern().finditer(text):
        stem = text[match.start("name") : match.start("head")]
        if field_before_head(stem, match.group("head")):
            continue
        # after a role noun the run is a name even when made of words (远航动力)
        if _is_own_name(stem) or (match.group("role") is not None and stem[0] not in _FUNCTION_CHARS):
            spans.append((match.start("name"), match.end("name")))
    return spans


# A list of short names may open the clause and act together: "甲海电子、乙金模具在新三板挂牌",
# "甲科技和乙电子相继落户". Each member is a short name (a coined stem and a head word), and the
# last one stands before a verb of the cue words or an adverb that shares the act among them.
_SHARED_ACT = ("相继", "先后", "分别", "纷纷", "同时", "均", "都")
_LIST_JOINERS = "、和与及"
# A maker of parts names them after its head word: "某龙汽车部件", "某达机电配件".
_PARTS = "(?:零部件|部件|配件)"


@cache
def _list_pattern() -> re.Pattern[str]:
    """The pattern of a list of short names opening a clause and acting together."""
    data = _cue_words()
    heads = "|".join(map(re.escape, sorted(data["heads"], key=len, reverse=True)))
    verbs = "|".join(map(re.escape, sorted([*data["verbs"], *_SHARED_ACT], key=len, reverse=True)))
    item = rf"[\u4e00-\u9fff]{{2,4}}?(?:{heads}){_PARTS}?"
    opening = r"(?:^|(?<=[。，；：！？”\s]))"
    return re.compile(rf"{opening}(?P<list>(?:{item}[{_LIST_JOINERS}])+{item})(?=(?:{verbs}))")


def listed_company_names(text: str) -> list[tuple[int, int]]:
    """Spans of the members of a list of company short names that opens a clause and acts
    ("甲海电子、乙金模具在…挂牌"); every member must be such a name, or none is taken."""
    spans: list[tuple[int, int]] = []
    if "、" not in text and "和" not in text:
        return spans
    item = _item_pattern()
    for match in _list_pattern().finditer(text):
        start = match.start("list")
        found: list[tuple[int, int]] = []
        own_names = 0
        for member in re.split(f"[{_LIST_JOINERS}]", match.group("list")):
            name = item.fullmatch(member)
            stem = member[: name.start("head")] if name else ""
            if name is None or _names_a_trade(member, stem, name.group("head")) or not _may_be_own_name(stem):
                break
            own_names += _is_own_name(stem)
            found.append((start, start + len(member)))
            start += len(member) + 1
        else:
            # a coined stem among them (星河 and 群龙 are words, 云帆 is a name): a list of names
            if own_names >= 1:
                spans += found
    return spans


def _names_a_trade(member: str, stem: str, head: str) -> bool:
    """Whether the list member is a trade: two head words (汽车电子, 智能装备), an industry of
    the vocabularies, or a place or field before one ("宜昌|磷化工")."""
    return stem in _head_set() or is_vocabulary_term(member) or field_before_head(stem, head)


@cache
def _head_set() -> frozenset[str]:
    return frozenset(company_head_words())


# Verbs, function words and words of quality or place (精密, 新型, 本地, 国内) open a trade;
# a numeral may open a name (三金).
_NOT_IN_LISTED_NAMES = (_PHRASE_TAGS - {"m", "q"}) | {"a", "ad", "an", "b", "s"}


def _may_be_own_name(stem: str) -> bool:
    """Whether ``stem`` may be a firm's own part of a name beside other names in a list: no
    verb, function word or word of quality in it, though a common noun or a numeral may be
    (星河, 三金)."""
    if stem[0] in _FUNCTION_CHARS:
        return False
    return not any(tag in _NOT_IN_LISTED_NAMES for _, tag in rjieba.tag(stem))


@cache
def _item_pattern() -> re.Pattern[str]:
    heads = "|".join(map(re.escape, sorted(company_head_words(), key=len, reverse=True)))
    return re.compile(rf"[\u4e00-\u9fff]{{2,4}}?(?P<head>{heads}){_PARTS}?")


def field_before_head(stem: str, head: str) -> bool:
    """Whether the stem's last characters and the head word are an industry of the
    vocabularies ("宜昌|磷化工"): a place or a field and its industry, not a firm."""
    return any(is_vocabulary_term(stem[i:] + head) for i in range(1, len(stem)))


def _is_own_name(stem: str) -> bool:
    if stem[0] in _FUNCTION_CHARS:
        return False  # 由光迅科技: the preposition opens the clause, not the name
    tags = [tag for _, tag in rjieba.tag(stem)]
    if any(tag in _PHRASE_TAGS for tag in tags):
        return False  # 由光迅, 聚焦光通信, 集群建设: a verb or function word, not a name
    return is_coined_word(stem, tags)


def is_coined_word(stem: str, tags: list[str]) -> bool:
    """Whether ``stem`` (its words tagged ``tags``) is a coined word the dictionary lacks,
    or proper nouns only: a firm's own part of its name, not a common word (蜂巢, 智能)."""
    return not rjieba.has_word(stem) or all(tag in _PROPER_TAGS for tag in tags)


@cache
def _foreign_cues() -> tuple[re.Pattern[str], frozenset[str], re.Pattern[str]]:
    data = _cue_words()
    countries = "|".join(map(re.escape, data["countries"]))
    verbs = "|".join(map(re.escape, sorted(data["foreign_verbs"], key=len, reverse=True)))
    opening = r"(?:^|(?<=[。，；：！？”\s]))"
    pattern = re.compile(rf"{opening}(?P<name>(?:{countries})(?P<own>[\u4e00-\u9fff]{{2,3}}?))(?=(?:{verbs}))")
    # Any country's name: a cheap test that spares most sentences the whole pattern.
    any_country = re.compile(countries)
    return pattern, frozenset(data["foreign_generic"]), any_country


def foreign_company_names(text: str) -> list[tuple[int, int]]:
    """Spans of foreign firms named by country and own short name opening a clause and
    acting: "德国某某成立…" (the country is part of how the page names the firm)."""
    pattern, generic, any_country = _foreign_cues()
    spans: list[tuple[int, int]] = []
    if any_country.search(text) is None:
        return spans  # speed: most sentences name no foreign country
    for match in pattern.finditer(text):
        own = match.group("own")
        if own in generic or own.startswith(tuple(generic)) or not _is_name_word(own):
            continue
        spans.append((match.start("name"), match.end("name")))
    return spans


def _is_name_word(own: str) -> bool:
    # 德国大陆, 日本电产: a noun or a proper name; a verb or function word shows a phrase.
    return not any(tag in _PHRASE_TAGS for _, tag in rjieba.tag(own)) and own[0] not in _FUNCTION_CHARS
