"""Known firms' short names matched inside a longer word, and known names opening on the
measure word of a count.

A short known name is often a piece of another firm's name: 思科 in 沃思科技, 蓝思科技 or
新思科技. The segmenter knows where the words of the sentence fall; a known firm's name
that starts inside one word and ends inside another ("沃思|科技") is no name of its own
there. (A name the segmenter glues whole to its neighbour, "华为公司", keeps a word edge
on one side and is kept.)

A count of firms or bodies ends on its measure word: in "366家电子信息企业" the 家 counts
the firms, so 家电 (household appliances) is not written there, and the name after it
(电子信息) keeps its first character.
"""

from __future__ import annotations

import re

from loaders.lexicon.gazetteer import LISTED_KIND
from loaders.lexicon.matcher import SurfaceMatch
from loaders.lexicon.segmenter import segment

_HAN = re.compile(r"[\u4e00-\u9fff]")
_MAX_SHORT_NAME = 3  # longer known names are rarely the piece of a word
_WINDOW = 4  # characters segmented on each side of the match


def without_inner_firms(text: str, matches: list[SurfaceMatch]) -> list[SurfaceMatch]:
    """``matches`` without the known firms written inside a longer word and the known names
    opening on a count's measure word."""
    return [m for m in matches if not _inside_words(text, m) and not _opens_on_a_measure_word(text, m)]


# Numerals a count is written with, and the measure words that close it ("3家", "十几所"); not
# 多, 余 or 数, which other words end ("众多家电企业", "其余家电企业" write 家电).
_NUMERAL_CHARS = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十百千万两几")
_MEASURE_WORDS = frozenset("家个所座项位")


def _opens_on_a_measure_word(text: str, match: SurfaceMatch) -> bool:
    return match.start > 0 and text[match.start] in _MEASURE_WORDS and text[match.start - 1] in _NUMERAL_CHARS


def _inside_words(text: str, match: SurfaceMatch) -> bool:
    if match.surface.kind == LISTED_KIND:
        return _starts_inside_a_word(text, match)
    if match.surface.type != "Enterprise" or match.end - match.start > _MAX_SHORT_NAME:
        return False
    if match.start == 0 or match.end >= len(text):
        return False
    if not (_HAN.match(text[match.start - 1]) and _HAN.match(text[match.end])):
        return False  # cheap test first: a name next to a mark or a Latin run has an edge
    floor = max(0, match.start - _WINDOW)
    edges, position = set(), floor
    for word in segment(text[floor : match.end + _WINDOW]):
        position += len(word)
        edges.add(position)
    return match.start not in edges and match.end not in edges


def _starts_inside_a_word(text: str, match: SurfaceMatch) -> bool:
    """A listed company's short name whose first character the word before it takes ("全国|新能源"
    holds 国新能源): a run of letters, not the firm. The short names are many and made by rule, so
    one side is tested, the start (a name glued whole to a city, 衡阳|特变|电工, keeps its edge)."""
    if match.start == 0 or not _HAN.match(text[match.start - 1]):
        return False
    floor = max(0, match.start - _WINDOW)
    position = floor
    for word in segment(text[floor : match.end]):
        if position < match.start < position + len(word):
            return True
        position += len(word)
    return False
