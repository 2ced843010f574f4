"""Words of the sentence glued before a park's or a zone's name.

The word rules walk left from a place's suffix until a stop word; the verbs news writing
puts before a place are too many for a list ("正撑起某某高新区", "得益于某某高新区", "空中
俯瞰某某科技园"), and so are measures and pointers ("某平方公里科学城", "这条大走廊"). The
segmenter's part-of-speech tags tell them: a verb, a measure word, a pronoun or a
preposition inside the words before the suffix is the sentence's, and the name opens
after the last one, unless a known name stands before it (then the verb is inside a
longer name: "某市检测认证产业园").
"""

from __future__ import annotations

import re
from functools import lru_cache

import rjieba

# Verbs, measure words (平方公里), numeral-measures (这条), pronouns (大家) and prepositions.
_OPENING_TAGS = frozenset({"v", "q", "mq", "r", "p"})
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
_MIN_NAME_CHARS = 2  # a stem this short is one word: nothing to cut


@lru_cache(maxsize=16384)
def _last_opening_end(stem: str) -> int:
    """End offset in ``stem`` of its last sentence word (verb, measure, pronoun), or 0."""
    end, position = 0, 0
    for word, tag in rjieba.tag(stem):
        position += len(word)
        if _sentence_word(word, tag) and not stem.startswith(_PLACE_WORDS, position):
            end = position
    return end


def _sentence_word(word: str, tag: str) -> bool:
    # Only words of the dictionary: the tagger guesses "v" for unknown words, and an
    # unknown word before a park is mostly a place's own name ("某现文旅小镇").
    return tag in _OPENING_TAGS and len(word) > 1 and word not in _NAME_VERBS and rjieba.has_word(word)


def after_sentence_words(text: str, start: int, suffix_start: int, known_starts: list[int]) -> int:
    """Where a place's name opens once the sentence's verbs and measures before it are off.

    ``known_starts``: where known names (gazetteer matches) start; a verb after one of them
    inside the name is part of a longer name, and the start is kept."""
    stem = text[start:suffix_start]
    if len(stem) <= _MIN_NAME_CHARS:
        return start
    cut = _last_opening_end(stem)
    if cut == 0:
        return start
    if any(start <= k < start + cut for k in known_starts):
        return start
    return start + cut
