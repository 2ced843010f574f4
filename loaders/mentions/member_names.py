"""Whether the name of one list member may be what its list types it as.

A member typed by its list must pass the suffix rule of its class (no generic or category
word); a name that reads as a phrase ("做大做强", "产业配套不足") is no firm; a coined brand before
a firm's trade ("某智电子") or a brand alone names a firm, where a trade or a term of the
vocabulary names no firm.
"""

from __future__ import annotations

import re

import rjieba

from loaders.lexicon.chain_names import (
    is_industry_term,
    is_segment_term,
    is_vocabulary_term,
    strip_industry_suffix,
)
from loaders.lexicon.place_names import KNOWN_PLACES
from loaders.mentions.entity_rules import RULES, judge
from loaders.mentions.short_names import company_head_words

# A facility list passes its class only to members named like a facility
# ("大气环境模拟系统" among known 装置/设施): a system, device or light source.
FACILITY_TAILS = ("系统", "装置", "设施", "光源", "实验平台")
HAN_END = re.compile(r"[\u4e00-\u9fff]$")
PLAIN_HAN = re.compile(r"[\u4e00-\u9fff]{2,}")
_RULE_FOR_CLASS = {
    "Enterprise": "enterprise",
    "IndustryChain": "industry-chain",
    "LargeScientificFacility": "facility",
    "InnovationPlatform": "platform-center",
}
MAX_ITEM_CHARS = 10  # the longest member a list types
MIN_CONTAGION_CHARS = 3  # a member typed by its known neighbours alone needs a name this long


def reads_as_listed_phrase(name: str) -> bool:
    """:func:`reads_as_phrase`, but a coined brand the dictionary tags as a verb (依爱, 岚启:
    no word of its own) may open a firm's name in a list a head of firms introduces."""
    words = rjieba.tag(name)
    first, first_tag = words[0]
    if len(words) > 1 and first_tag in _PHRASE_START_TAGS and not rjieba.has_word(first):
        return words[-1][1] in _PHRASE_END_TAGS  # (a place or an adjective last still ends a phrase)
    return reads_as_phrase(name)


def reads_as_phrase(name: str) -> bool:
    """Whether a short name written after a firm's role reads as a phrase, not a firm: one
    common word (发展, 规模), a verb first (做大做强), or a place word or an adjective last
    (身后, 较少); or a longer run ending in a verb or adjective (产业配套不足)."""
    words = rjieba.tag(name)
    if len(words) == 1:
        return words[0][1] in _COMMON_TAGS
    first, first_tag = words[0]
    if first_tag in _FUNCTION_TAGS or (first_tag in _PHRASE_START_TAGS and len(first) > 1):
        return True  # (a coined name may open on a one-character verb: 安捷利美维)
    if words[-1][1] in _PHRASE_END_TAGS:
        return True
    return len(name) > MAX_SHORT_FIRM_CHARS and words[-1][1] in _PREDICATE_TAGS


# Tags of one dictionary word that is a common word, not a coined name: nouns, verbs,
# adjectives, adverbs and abbreviations of phrases.
_COMMON_TAGS = frozenset({"n", "v", "vn", "vd", "a", "ad", "an", "d", "l", "j", "m", "r", "t", "f"})
_PHRASE_START_TAGS = frozenset({"v", "vn", "vd"})
_FUNCTION_TAGS = frozenset({"p", "d", "c", "u"})  # 为主体, 向高端…: a preposition opens a phrase
_PHRASE_END_TAGS = frozenset({"f", "s", "t", "a"})
_PREDICATE_TAGS = frozenset({"v", "a", "ad", "d"})
MAX_SHORT_FIRM_CHARS = 5  # 三安集成 ends in a verb too: a short name may


# Tags of the segmenter's proper nouns a brand's own name may carry (no place names: ns).
_BRAND_TAGS = frozenset({"nr", "nz", "nrt", "nrfg"})
_BRAND_ALONE_CHARS = range(2, 5)


def brand_alone(name: str) -> bool:
    """A firm's brand without its trade: two to four characters, no word of the dictionary
    nor of the vocabularies, read by the segmenter as holding a proper noun (a coined
    name splits into odd pieces: 某某|奇)."""
    if len(name) not in _BRAND_ALONE_CHARS or rjieba.has_word(name) or name in KNOWN_PLACES:
        return False
    return not is_vocabulary_term(name) and any(tag in _BRAND_TAGS for _word, tag in rjieba.tag(name))


# Trades a firm's name ends in after its brand ("某智电子", "某奇半导体"); an industry ends so
# too, after a common word (汽车电子, 功率半导体), never after a coined brand.
FIRM_TRADE_ENDINGS = ("微电子", "半导体", "电子", "科技", "光电", "化工", "生物", "智能")
# How long a coined brand before a firm's trade may be: two to four characters (某智|电子, 某时|医疗).
_BRAND_CHARS = range(2, 5)


def looks_like_firm(name: str) -> bool:
    """Whether ``name`` is a coined brand (and a place) before a firm's trade: 某智电子,
    某能新疆化工; not a common word before it (汽车电子, 精细化工)."""
    ending = next((e for e in FIRM_TRADE_ENDINGS if name.endswith(e)), None)
    if ending is None:
        return False
    words = rjieba.tag(name[: -len(ending)])
    if len(words) > 1 and words[-1][1] == _PLACE_TAG:
        words = words[:-1]  # "某能新疆化工": the branch's place follows the brand
    brand = "".join(word for word, _ in words)
    if len(brand) not in _BRAND_CHARS or brand in KNOWN_PLACES:
        return False
    return not (len(words) == 1 and words[0][1] in _COMMON_TAGS | {_PLACE_TAG})


_PLACE_TAG = "ns"


def names_a_trade(name: str) -> bool:
    """Whether a list member is a trade, a segment or a term of the vocabulary, no firm."""
    return is_industry_term(name) or is_segment_term(name) or is_vocabulary_term(name)


def acceptable_member(name: str, cls: str, by_cue: bool) -> bool:
    """Whether a list member may be of the class ``cls`` its list gives it: short enough, long
    enough when only contagion (``by_cue`` False) types it, and no generic or category word
    by the suffix rule of that class."""
    if len(name) > MAX_ITEM_CHARS or (not by_cue and len(name) < MIN_CONTAGION_CHARS):
        return False
    if name.endswith(_CLAUSE_END):
        return False  # "…为代表的", "…为主的": 的 closes a clause, and no name ends in it
    if cls == "LargeScientificFacility" and not name.endswith(FACILITY_TAILS):
        return False
    if cls == "IndustryChain":
        name = strip_industry_suffix(name)  # "三大主导产业以及…": 主导产业 is a category word
        if _says_how_it_is(name):
            return False
    if cls == "Enterprise" and name.endswith(_FIRM_WORD) and len(name) > len(_FIRM_WORD):
        name = name[: -len(_FIRM_WORD)]  # "上市企业、独角兽企业": kinds of firm by the words before 企业
    verdict = judge(RULES.get(_RULE_FOR_CLASS[cls]), name)
    if verdict == _GENERIC and cls == "Enterprise" and _coined_brand_and_trade(name):
        return True  # "某时医疗": a kind's word (城市医疗集团) after a coined brand is the firm's trade
    return verdict is None


_GENERIC = "generic-name"
# A noun and an adjective after it ("资源优势明显", "外贸需求量大", "专业化程度高") make a clause
# that says what something is like: a list of such says which industries, names none.
# (Adjectives that end industries' names, 健康 and 配套, are no predicates: only these are.)
_PREDICATES = frozenset({
    "明显", "显著", "突出", "大", "高", "低", "强", "好", "优", "多", "少", "长", "短", "快",
    "丰富", "完善", "齐全", "领先", "良好", "雄厚", "扎实", "广", "深",
})  # fmt: skip
_BEFORE_PREDICATE = ("n", "d", "zg")


def _says_how_it_is(name: str) -> bool:
    words = rjieba.tag(name)
    return len(words) >= 2 and words[-1][0] in _PREDICATES and words[-2][1].startswith(_BEFORE_PREDICATE)


_FIRM_WORD = "企业"
_CLAUSE_END = "的"


def _coined_brand_and_trade(name: str) -> bool:
    """Whether ``name`` is a coined brand (no word of the dictionary, no place) and a company's
    trade head word ("…医疗", "…科技")."""
    for head in company_head_words():
        stem = name[: -len(head)]
        if name.endswith(head) and len(stem) in _BRAND_CHARS and PLAIN_HAN.fullmatch(stem):
            return not rjieba.has_word(stem) and stem not in KNOWN_PLACES
    return False


def acceptable_firm(name: str) -> bool:
    """Whether a name a firm's role introduces may be a firm: no generic or category word."""
    return acceptable_member(name, "Enterprise", True)


def acceptable_chain(name: str) -> bool:
    """Whether a list member typed by its head may be a chain: no generic or category word."""
    return acceptable_member(name, "IndustryChain", True)


def acceptable_headless_firm(name: str) -> bool:
    """Whether an unknown member of a headless list of firms may be a firm (no cue word typed
    it): at least a few characters, no generic or category word."""
    return acceptable_member(name, "Enterprise", False)
