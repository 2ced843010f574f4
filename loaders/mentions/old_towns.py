"""Towns named as old towns: "青石古镇" is the town 青石镇.

Travel and culture pages name a historic town by its own name and 古镇 ("old town"); the
annotators count it as the town (a 镇, a place without subtype). The 镇 rule cannot take
it: 古 before 镇 mostly makes a kind ("千年古镇"). Here the word right before 古镇 must be
a proper name by the segmenter's tags (a place or a person's name, as town names are
tagged), not a known place (苏州古镇: Suzhou's old towns) nor a word of praise or region.
"""

from __future__ import annotations

from dataclasses import dataclass

import rjieba

_OLD_TOWN = "古镇"
_TOWN = "镇"
_PROPER_TAGS = frozenset({"ns", "nr", "nz"})
_NAME_CHARS = (2, 3)
_WINDOW = 6  # characters segmented before 古镇: enough for a three-character name
# Proper-tagged words that make a kind of old town, not one town ("江南古镇").
_KIND_WORDS = frozenset({"江南", "江北", "岭南", "中华", "中国", "华夏", "徽州", "水乡"})


@dataclass(frozen=True, slots=True)
class OldTown:
    start: int
    end: int
    name: str  # the town's name: the proper word and 镇


def old_towns(text: str, known: list[tuple[int, int]]) -> list[OldTown]:
    """Old towns named in ``text``; ``known``: spans of names already found (places)."""
    found = []
    at = text.find(_OLD_TOWN)
    while at >= 0:
        word = _proper_word_before(text, at)
        start = at - len(word)
        if word and not any(a < at and start < b for a, b in known):
            found.append(OldTown(start, at + len(_OLD_TOWN), word + _TOWN))
        at = text.find(_OLD_TOWN, at + 1)
    return found


def _proper_word_before(text: str, at: int) -> str:
    tokens = rjieba.tag(text[max(0, at - _WINDOW) : at])
    if not tokens:
        return ""
    word, tag = tokens[-1]
    if tag not in _PROPER_TAGS or len(word) not in _NAME_CHARS or word in _KIND_WORDS:
        return ""
    return word
