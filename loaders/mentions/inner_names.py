"""Known firms' short names matched inside a longer word.

A short known name is often a piece of another firm's name: 思科 in 沃思科技, 蓝思科技 or
新思科技. The segmenter knows where the words of the sentence fall; a known firm's name
that starts inside one word and ends inside another ("沃思|科技") is no name of its own
there. (A name the segmenter glues whole to its neighbour, "华为公司", keeps a word edge
on one side and is kept.)
"""

from __future__ import annotations

import re

from loaders.lexicon.matcher import SurfaceMatch
from loaders.lexicon.segmenter import segment

_HAN = re.compile(r"[\u4e00-\u9fff]")
_MAX_SHORT_NAME = 3  # longer known names are rarely the piece of a word
_WINDOW = 4  # characters segmented on each side of the match


def without_inner_firms(text: str, matches: list[SurfaceMatch]) -> list[SurfaceMatch]:
    """``matches`` without the known firms written inside a longer word."""
    return [m for m in matches if not _inside_words(text, m)]


def _inside_words(text: str, match: SurfaceMatch) -> bool:
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
