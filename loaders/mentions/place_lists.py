"""Members of lists of parks and science cities that no name rule types.

"甲科技城、乙科技城、丙云城": a list whose other members are places names a place in each
member. A member no rule types ("丙云城", "丁科创港") is taken as a place when it ends in a
word parks and new towns end in (城, 港, 园, 基地) and at least one other member of the same
list is a place a rule or the gazetteer found. Lists of firms or industries ending in
such words are left alone: they hold no known place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.mentions.entity_rules import left_boundary

# A run of items joined by 、; an item holds no punctuation, space or 等. (Opened only where
# an item starts: every run found starts there, and a search that also tried each character
# inside an item would read the item again from each, to fail at its end.)
_ITEM_CHARS = r"[^、，。；：,;:！？!?\s等（）()“”\"]"
_RUN = re.compile(rf"(?<!{_ITEM_CHARS}){_ITEM_CHARS}+(?:、{_ITEM_CHARS}+)+")
_ITEM = re.compile(r"[^、]+")
_PLACE_ENDINGS = ("城", "港", "园", "基地")
_MIN_CHARS, _MAX_CHARS = 4, 10
# Kinds, not names: what stands before the ending is a word for a kind of park.
_KIND_STEMS = frozenset(
    ("产业", "科技", "工业", "创业", "孵化", "物流", "新", "老", "主", "大学", "软件", "科创", "智慧", "双创")
)
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_JOINERS = re.compile("[和及与或]")


@dataclass(frozen=True, slots=True)
class ListedPlace:
    start: int
    end: int


def listed_places(text: str, places: set[tuple[int, int]], others: set[tuple[int, int]]) -> list[ListedPlace]:
    """Unknown members of 、-lists in ``text`` beside a member whose span is in ``places``.

    ``others`` are spans of firms' names: an item with one inside it ("某公司智慧城") is
    the firm's project, not a place of its own.
    """
    found: list[ListedPlace] = []
    for run in _RUN.finditer(text):
        items = [(m.start(), m.end()) for m in _ITEM.finditer(text, run.start(), run.end())]
        # The first item's left edge is a guess: a verb may stand before the name. After
        # a space the run may open in the middle of a name ("12 寸…基地"): skip it then.
        first = 0 if run.start() == 0 or not text[run.start() - 1].isspace() else 1
        items[0] = (_name_start(text, *items[0]), items[0][1])
        known = [_ends_a_place(item, places) for item in items]
        if not any(known):
            continue
        for (start, end), is_known in zip(items[first:], known[first:], strict=True):
            if not is_known and _may_name_a_place(text, start, end, others):
                found.append(ListedPlace(start, end))
    return found


def _name_start(text: str, start: int, end: int) -> int:
    """Where a name ending at ``end`` starts, after the verbs before it ("推进|甲艺术园")."""
    ending = next((e for e in _PLACE_ENDINGS if text.endswith(e, start, end)), None)
    if ending is None or not _HAN.fullmatch(text, start, end):
        return start  # a count or a size before it ("12英寸…基地"): a thing, not a place
    return max(start, left_boundary(text, end - len(ending), []))


def _ends_a_place(item: tuple[int, int], places: set[tuple[int, int]]) -> bool:
    """A known place is the whole item. (Letting one only end the first item, after a
    verb, found lists of other things on the seed documents.)"""
    return item in places


def _may_name_a_place(text: str, start: int, end: int, others: set[tuple[int, int]]) -> bool:
    item = text[start:end]
    if not _MIN_CHARS <= len(item) <= _MAX_CHARS or not _HAN.fullmatch(item) or _JOINERS.search(item):
        return False
    ending = next((e for e in _PLACE_ENDINGS if item.endswith(e)), None)
    if ending is None or item[: -len(ending)] in _KIND_STEMS:
        return False
    return not any(start <= a and b <= end for a, b in others)
