"""Words of the sentence glued to either side of an industry's name.

A chain found by a rule or a list reads the words next to it as far as a stop: news writing
puts the stage of the chain before a link ("带动上游某某、下游某某"), a preposition or
pronoun before a list's first member ("以某某、某某为主导"), a count before 产业 ("两场某某
产业推介会"), and a count or the word 领域 after one ("某某、某某两条产业链", "某某领域产业链").
The segmenter's part-of-speech tags tell most of them (as for places, place_openings.py).

Words that are sometimes a sentence's and sometimes a name's own (当地, 满足, 前沿, 体外…)
are cut only when what is left is an industry the gazetteer or the vocabularies know and
the whole is none: "当地某某网" is that place's industry, "前沿新材料" names one of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import rjieba

from loaders.mentions.chain_words import verb_before_known

# Tags of a first word that is always the sentence's: prepositions (以, 向), pronouns (本地,
# 我市), directions of more than one character (上游, 下游; 后 opens 后市场) and measures
# of more than one character (平方公里; 零部件 is tagged mq, and stays).
_SENTENCE_TAGS = frozenset({"p", "r"})
_LONG_SENTENCE_TAGS = frozenset({"f", "q"})
# Tags of a first word that is the sentence's only before a known industry: a place
# word (当地, 国内; but 前沿, 体外 open names) and a verb of middling frequency or more
# (满足, 扶持; see chain_words.verb_before_known; but 显示, 合成 open
# names); and words of owner the tagger reads as plain nouns.
_LOCATIVE_TAG = "s"
_OWNER_WORDS = frozenset({"公司", "企业"})
# Words of scope, which say where an industry is, as 中国 and 全国 do (chain rule's nation
# words): "全球某某产业" is that industry the world over, "当地某某产业" the place's own.
_SCOPE_WORDS = frozenset({"全球", "世界", "国际", "当地"})
# Words of size and time, which say which firms or which year a figure counts ("规上汽车及零部件
# 产值", "全年现代医药产业"), never which industry.
_SIZE_AND_TIME_WORDS = frozenset({"规上", "规模以上", "全年", "今年", "当年", "上半年", "下半年"})
# "Our" or "this" division (我区, 本县; the tagger reads some as nouns): the writer's own
# place, a pronoun before the industry, never the first word of its name.
# "The whole" division (全区, 全省) says the same of the writer's place.
_OWN_DIVISION = re.compile("[我本全][省市区县州镇乡]")
# A count: a numeral and a measure ("两条", "两场"); 第三代 and 元 (元宇宙) are no counts.
_COUNT = re.compile("[一二三四五六七八九十两几0-9]+[^一二三四五六七八九十两几0-9]")
_COUNT_TAG = "m"
# Words after an industry that say what it is to the sentence, not which industry it is.
_FIELD_WORDS = frozenset({"领域"})
# Words after an industry that say what is done in it ("某某材料研发"): the work, not the trade.
_ACTIVITY_WORDS = frozenset({"研发"})
# The shape of a chain, said before 产业链 as 全 is ("某某垂直产业链": the chain integrated
# from end to end), no part of the industry's name.
_SHAPE_WORDS = frozenset({"垂直"})
# Joiners are tagged as prepositions too (与): inside a name they join its halves
# ("材料与设备", a link of a chain map), and no sentence opens there.
_JOINERS = frozenset("与和及")
# A count that closes a list, with the head it counts and up to two words of praise or kind
# before it ("A、B、C四大领域", "A、B三大新赛道", "A、B四大硬核赛道", "A、B五大"): the list's
# last member runs on into it when no mark stands between them.
# The head may be a rank or kind of the industries too ("A、B和C三大接续产业", "A、B两大主导").
_CLOSING_COUNT = re.compile(
    "(?:[0-9]+|[二三四五六七八九十两]+)[个大类项家条](?:[\u4e00-\u9fff]{0,2}(?:赛道|领域|板块|方向|行业)|[\u4e00-\u9fff]{1,2})?$"
)
MIN_LEFT_CHARS = 2  # what is left must be a name: two characters at least (5G, 钛 alone is not)

KnownTest = Callable[[str], bool]


def trimmed_chain(name: str, known: KnownTest) -> tuple[int, int]:
    """(start, end) of the industry inside ``name`` once the sentence's words on either
    side are off; ``(0, len(name))`` when there are none. ``known``: whether a name is an
    industry the gazetteer or the vocabularies know."""
    if known(name):
        return 0, len(name)
    words = _tagged(name)
    start = _opening_end(words, name, known)
    end = len(name) - _closing_length(words[::-1], name[start:])
    return start, _before_closing_count(name, start, end)


def _before_closing_count(name: str, start: int, end: int) -> int:
    """End of the industry before a count that closes its list, or ``end``."""
    count = _CLOSING_COUNT.search(name, start, end)
    return count.start() if count is not None and count.start() - start >= MIN_LEFT_CHARS else end


@lru_cache(maxsize=16384)
def _tagged(name: str) -> tuple[tuple[str, str], ...]:
    return tuple((word, tag) for word, tag in rjieba.tag(name) if word.strip())


def _opening_end(words: tuple[tuple[str, str], ...], name: str, known: KnownTest) -> int:
    """End of the last sentence word before the industry (0 when there is none): a list
    member may run back over a clause ("某某工艺可以满足某某")."""
    end, position = 0, 0
    for word, tag in words[:-1]:
        position = name.index(word, position) + len(word)
        rest = name[position:].lstrip()
        if len(rest) < MIN_LEFT_CHARS:
            break
        if _always_opening(word, tag) or (_opening_before_known(word, tag) and known(rest)):
            end = len(name) - len(rest)
    return end


def _always_opening(word: str, tag: str) -> bool:
    if word in _JOINERS:
        return False
    if tag in _SENTENCE_TAGS or (tag in _LONG_SENTENCE_TAGS and len(word) > 1) or word in _SCOPE_WORDS:
        return True
    if word in _SIZE_AND_TIME_WORDS:
        return True
    if _OWN_DIVISION.fullmatch(word):
        return True
    return tag == _COUNT_TAG and _COUNT.fullmatch(word) is not None


def _opening_before_known(word: str, tag: str) -> bool:
    if not rjieba.has_word(word) or len(word) < MIN_LEFT_CHARS:
        return False
    return verb_before_known(word, tag) or tag == _LOCATIVE_TAG or word in _OWNER_WORDS


def _closing_length(reversed_words: tuple[tuple[str, str], ...], name: str) -> int:
    """Length of the sentence's word at the end of ``name`` (a count, 领域), or 0."""
    if len(reversed_words) < 2:
        return 0
    word, tag = reversed_words[0]
    if len(name) - len(word) < MIN_LEFT_CHARS or not name.endswith(word):
        return 0
    if (
        word in _FIELD_WORDS
        or word in _ACTIVITY_WORDS
        or word in _SHAPE_WORDS
        or (tag == _COUNT_TAG and _COUNT.fullmatch(word) is not None)
    ):
        return len(word)
    return 0
