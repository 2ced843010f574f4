"""Words of the sentence glued before a park's or a zone's name.

The word rules walk left from a place's suffix until a stop word; the verbs news writing
puts before a place are too many for a list ("正撑起某某高新区", "得益于某某高新区", "空中
俯瞰某某科技园"), and so are measures and pointers ("某平方公里科学城", "这条大走廊"). The
segmenter's part-of-speech tags tell them: a verb, a measure word, a pronoun or a
preposition inside the words before the suffix is the sentence's, and the name opens
after the last one, unless a known name stands before a verb (then the verb is inside a
longer name: "某市检测认证产业园"). An adverb of manner is never inside one, whatever
stands before it.

A stem of one word that is the sentence's ("只是开发区", "千亿开发区", "制定高新区…")
is cut whole: what is left is the bare zone word, which names no place of its own.
"""

from __future__ import annotations

import re
from functools import lru_cache

import rjieba

from loaders.mentions.chain_words import common_verb

# Verbs, measure words (平方公里), numeral-measures (这条), pronouns (大家) and prepositions.
_OPENING_TAGS = frozenset({"v", "q", "mq", "r", "p"})
# Adverbs of manner (明确): the sentence's too, and never inside a longer name, so a known
# name before one keeps nothing.
_NEVER_NAME_TAGS = frozenset({"ad"})
# A conjunction (只是) or a numeral (千亿, 一片) is the sentence's as a stem of its own;
# inside a longer stem it is often a name's (无为|高沟 is a county the tagger reads as a
# conjunction; 第三代功率半导体产业园, 合六经济走廊), and it is left there.
_STEM_ALONE_TAGS = frozenset({"c", "m"})
_CONJUNCTION_TAG = "c"
# Tags of a verb, the one word a known name before it may take into a longer name; the
# tagger guesses them for words it does not know, so only words of its dictionary count.
_VERB_TAGS = frozenset({"v"})
# Verbs that name what a park or zone is for and stand inside its name ("某某孵化园",
# "某某示范园", "某某创新园"): the name goes on through them.
_NAME_VERBS = frozenset(
    re.findall(
        r"\S+",
        "创新 示范 孵化 加速 制造 转化 转移 转换 合作 开放 共享 集成 创意 聚集 集聚 联动 引领 度假 发展 研发 服务",
    )
)
# A word before one of these is a name's first word the tagger split off ("知识|城科教…":
# 知识城 is a place), not the sentence's verb.
_PLACE_WORDS = tuple("城区园港谷湾岛")
_MIN_NAME_CHARS = 2  # a stem this short is one word: all of it is the name's or none


@lru_cache(maxsize=16384)
def _tagged(stem: str) -> tuple[tuple[str, str], ...]:
    """The stem's words and tags: read once, though three tests ask for them."""
    return tuple(rjieba.tag(stem))


@lru_cache(maxsize=16384)
def _last_opening_end(stem: str, known_starts: tuple[int, ...]) -> tuple[int, bool]:
    """End offset in ``stem`` of its last sentence word (verb, measure, pronoun,
    preposition, adverb of manner), or 0; and whether that word may stand inside a longer name
    (a verb: "某市检测认证产业园"). A word where a known name starts is that name (无为 is a
    county the tagger reads as a conjunction)."""
    end, position, inside = 0, 0, False
    for word, tag in _tagged(stem):
        word_start, position = position, position + len(word)
        if word_start in known_starts:
            continue
        if _sentence_word(word, tag) and not stem.startswith(_PLACE_WORDS, position):
            end, inside = position, tag not in _NEVER_NAME_TAGS
    return end, inside


def _sentence_word(word: str, tag: str) -> bool:
    # Only words of the dictionary: the tagger guesses "v" for unknown words, and an
    # unknown word before a park is mostly a place's own name ("某现文旅小镇").
    if tag not in _OPENING_TAGS and tag not in _NEVER_NAME_TAGS:
        return False
    return len(word) > 1 and word not in _NAME_VERBS and (tag not in _VERB_TAGS or rjieba.has_word(word))


def after_sentence_words(text: str, start: int, suffix_start: int, known_starts: list[int]) -> int:
    """Where a place's name opens once the sentence's verbs and measures before it are off.

    ``known_starts``: where known names (gazetteer matches) start; a verb after one of them
    inside the name is part of a longer name, and the start is kept."""
    stem = text[start:suffix_start]
    if _ends_in_conjunction(stem):
        return suffix_start  # "成绩只是开发区": the clause runs up to the bare zone word
    if len(stem) > _MIN_NAME_CHARS:
        inner_known = tuple(k - start for k in known_starts if start <= k < suffix_start)
        cut, inside_a_name = _last_opening_end(stem, inner_known)
        if cut > 0 and not (inside_a_name and any(start <= k < start + cut for k in known_starts)):
            start += cut
    # What is left may itself be one word of the sentence ("变成|千亿开发区").
    stem = text[start:suffix_start]
    if len(stem) <= _MIN_NAME_CHARS and _one_sentence_word(stem) and start not in known_starts:
        return suffix_start
    return start


def _ends_in_conjunction(stem: str) -> bool:
    """A conjunction of the dictionary right before the suffix (只是, 但是) ends a clause;
    no name ends in one."""
    tagged = _tagged(stem)
    if len(tagged) < 2:
        return False
    word, tag = tagged[-1]
    return tag == _CONJUNCTION_TAG and len(word) > 1 and rjieba.has_word(word)


def _one_sentence_word(stem: str) -> bool:
    """A stem of two characters is a name's own word ("滨湖", "保定") unless it is one word
    of the sentence: a conjunction, preposition, pronoun or numeral, or a verb as common as
    the clause's verbs are (制定; a rarer verb may be a place's name, 保定 is tagged v)."""
    tagged = _tagged(stem)
    if len(tagged) != 1:
        return False
    word, tag = tagged[0]
    if tag in _STEM_ALONE_TAGS:
        return rjieba.has_word(word)
    return _sentence_word(word, tag) and (tag not in _VERB_TAGS or common_verb(word, tag))
