"""Tell a stem before 产业 that is no industry by its parts of speech.

"X产业" names a chain only when X is a noun phrase. Real text puts verbs, adverbs and
quantities right before 产业 ("具备产业先发优势", "更是产业链…", "众多产业", "帮助厘清产业链"),
and the suffix rule would take them as chains. The segmenter's part-of-speech tags (rjieba,
jieba's dictionary) tell them apart; industry names the vocabulary knows never reach here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import rjieba

from loaders.lexicon.chain_names import read_segment_terms

# A stem of one word with one of these tags is no industry: adverbs, numerals, adjectives,
# pronouns, conjunctions, prepositions, particles, measure words, directions, time words
# and words of location (更是, 众多, 先进, 上游, 现代, 当地…). Verbs pass (超导, 图传 are
# tagged v), and so do fixed expressions (逆变器 is tagged l).
_NOT_ALONE = frozenset({"d", "m", "a", "r", "c", "p", "u", "q", "f", "t", "ad", "s"})
# A verb this common in the segmenter's dictionary (分为, 具备, 确保, 推动) is the sentence's
# verb, not an industry; rare ones are technical words tagged as verbs (超导 381, 图传 3).
_COMMON_VERB_FREQUENCY = 1000
_IDIOM_LENGTH = 4
_RESULT_COMPLEMENTS = "下出起上到完"
_NOUN_TAGS = frozenset({"n", "vn", "nz"})
_VERB_WITH_RESULT_LENGTH = 2
_ADVERB_TAGS = frozenset({"d", "ad"})
# A place's name (ns) of two characters or more: an industry may be named after a thing
# tagged as a place (应用|云), never after a region a clause moves things to or from.
_PLACE_TAG = "ns"
_MIN_PLACE_CHARS = 2
# An adverb (亲自, 更为) opens an industry's name only before its nouns (快速|消费品).
_ADVERB_TAG = "d"
_MIN_ADVERB_CHARS = 2
# A common verb before two words or more is a verb with its object (进军海洋生物医药); a
# trade named by a verb and one noun (制造装备, 服务机器人) stays.
_MIN_VERB_OBJECT_WORDS = 3
_MANNER_AND_VERB = 2  # words of "配套支撑": an adjective of manner and a common verb
# Tags that may not end a longer stem (稀土资源上游, 中国稀土集团现代).
_NOT_LAST = frozenset({"f", "t", "d", "u", "p", "c", "r", "q"})
# Tags that may not open a longer stem: a preposition, conjunction, pronoun or particle.
_NOT_FIRST = frozenset({"p", "c", "r", "u", "ad"})
# An adjective of kind (战略性, 先导性, 基础性) qualifies industries; it never names one.
_QUALITY_SUFFIX = "性"
# Words that make a stem a place or a body, not an industry (园区纳米, 开发区产业链).
_JOINERS = "及和与、"
_PLACE_OR_BODY = ("园区", "开发区", "经济区", "地区", "政府", "全国", "整体", "集团")
# Verbs whose object is industries themselves (承接产业转移): data/industry_object_verbs.txt.
_INDUSTRY_OBJECT_VERBS = read_segment_terms(
    Path(__file__).parents[1] / "lexicon" / "data" / "industry_object_verbs.txt"
)
# "一是产业…, 二是…": the ordinals that number the points of a speech or a plan, no trade.
_ORDINAL_POINT = re.compile("[一二三四五六七八九十]是")


def common_verb(word: str, tag: str) -> bool:
    """A verb this common is the clause's verb, not (the first word of) an industry."""
    return tag == "v" and rjieba.suggest_freq(word) >= _COMMON_VERB_FREQUENCY


# Before an industry the gazetteer or the vocabularies know, a verb of middling frequency
# is the clause's too ("扶持|智慧医疗", "打造|某某"): the known rest tells the name, so the
# bar is lower than for common_verb (装配 373, 封装 112 and 制冷 127 still open names).
_VERB_BEFORE_KNOWN_FREQUENCY = 500


def verb_before_known(word: str, tag: str) -> bool:
    """A verb this common, before a known industry, is the clause's verb."""
    return tag == "v" and rjieba.suggest_freq(word) >= _VERB_BEFORE_KNOWN_FREQUENCY


def _ends_in_noun(word: str) -> bool:
    """Whether a fixed expression ends in a noun or a nominal verb (远洋运输: 运输 is vn),
    as trades do, unlike set phrases of action (高度重视: 重视 is v)."""
    parts = [part for part in rjieba.cut_for_search(word) if part != word]
    if not parts:
        return False
    tagged = rjieba.tag(parts[-1])
    return len(tagged) == 1 and tagged[0][1] in _NOUN_TAGS


def _set_phrase_of_action(word: str, tag: str) -> bool:
    """A set phrase of four characters or more that ends in no noun (高度重视): an action."""
    return tag == "l" and len(word) >= _IDIOM_LENGTH and not _ends_in_noun(word)


# A verb that ends in its preposition (得益于, 致力于, 立足于) takes an object after it.
_PREPOSITION_IN_VERB = "于"


def _verb_with_preposition(word: str, tag: str) -> bool:
    return tag == "v" and len(word) > 1 and word.endswith(_PREPOSITION_IN_VERB)


def _resultative_verb(word: str, tag: str) -> bool:
    """A verb with its result (创下, 迈出, 提出) reports an event; no industry is named so."""
    return tag == "v" and len(word) == _VERB_WITH_RESULT_LENGTH and word[-1] in _RESULT_COMPLEMENTS


def _a_place(word: str, tag: str) -> bool:
    return tag == _PLACE_TAG and len(word) >= _MIN_PLACE_CHARS


def _verb_before_place(tagged: list[tuple[str, str]]) -> bool:
    """A verb of the dictionary, however rare, before a region (承接京津, 重点承接某省信息)
    moves industries between places; it names none."""
    return any(
        tag == "v" and len(word) > 1 and rjieba.has_word(word) and _a_place(*after)
        for (word, tag), after in zip(tagged, tagged[1:], strict=False)
    )


def _adverb_before_verb_or_place(tagged: list[tuple[str, str]]) -> bool:
    """An adverb before a verb or a place is the clause's (亲自协调, 更为惠州)."""
    word, tag = tagged[0]
    if tag != _ADVERB_TAG or len(word) < _MIN_ADVERB_CHARS or not rjieba.has_word(word):
        return False
    return any((t.startswith("v") and t != "vn") or _a_place(w, t) for w, t in tagged[1:])


@lru_cache(maxsize=65536)
def is_verb_phrase(stem: str) -> bool:
    """True when ``stem`` reads as a verb phrase, an adverb or a place, not an industry."""
    if any(word in stem for word in _PLACE_OR_BODY) or stem.endswith(_QUALITY_SUFFIX):
        return True
    # a joined name's second half keeps its joiner here ("新型显示及|星河材料"): not a verb
    tagged = [(w, t) for w, t in rjieba.tag(stem.lstrip(_JOINERS)) if w.strip()]
    if not tagged:
        return False
    if any(word in _INDUSTRY_OBJECT_VERBS for word, _ in tagged) or _ORDINAL_POINT.fullmatch(stem):
        return True  # 某市承接|产业转移, 谋求两地|产业合作: the clause's verb and its object
    if _set_phrase_of_action(*tagged[0]) or any(_verb_with_preposition(*wt) for wt in tagged):
        return True  # 高度重视|航空, 得益于: the clause's verb, not a trade (远洋运输 is one)
    if len(tagged) == 1:
        word, tag = tagged[0]
        return tag in _NOT_ALONE or common_verb(word, tag) or _resultative_verb(word, tag)
    if tagged[-1][1] in _NOT_LAST or tagged[0][1] in _NOT_FIRST or _resultative_verb(*tagged[-1]):
        return True
    if common_verb(*tagged[0]) and all(tag.startswith("v") for _, tag in tagged[1:]):
        return True  # 帮助厘清: a verb and its verbal object; 创新药 holds a noun
    if common_verb(*tagged[0]) and len(tagged) >= _MIN_VERB_OBJECT_WORDS:
        return True  # 进军海洋生物医药: a move into an industry, the industry is the object
    if _verb_before_place(tagged) or _adverb_before_verb_or_place(tagged):
        return True  # 承接京津, 亲自协调, 更为惠州: the clause's verb and its object or place
    if len(tagged) == _MANNER_AND_VERB and tagged[0][1] == "a" and common_verb(*tagged[1]):
        return True  # 配套支撑, 高效推进: how something is done (高效节能 names a trade)
    return any(tag in _ADVERB_TAGS for _, tag in tagged[1:])  # 全国率先提出, 某部正式公布: an adverb inside
