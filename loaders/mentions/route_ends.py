"""Counties and county-level cities named bare as the ends of a route: "宁国至绩溪高速",
"某某铁路宁国至绩溪段".

Transport projects name their ends by short names ("甲至乙" then a word of roads or rails),
which alone are too ambiguous to look up anywhere. Right there, an end whose short name
plus 县/市/区/旗 is exactly one county-level division of the division table is that place.
(A shared name such as 朝阳区 stays unread; prefecture cities are found everywhere already.)
"""

from __future__ import annotations

import re

from loaders.lexicon.gazetteer import COUNTY_LEVEL, Division, Gazetteer
from loaders.mentions.district_lists import ListedDivision

_ROUTE_WORD = re.compile("段|高速|铁路|城际|公路|高铁|快速路|轨道|国道|省道|航线|动车")
_TO = "至"
_END_LENGTHS = (3, 2)  # longest first: 张家界 before 家界
_FAR_LENGTHS = (2, 3, 4)  # shortest first: the route word ends the name
_SUFFIXES = ("县", "市", "区", "旗")
_HAN = re.compile(r"[\u4e00-\u9fff]+")


def route_ends(text: str, gaz: Gazetteer) -> list[ListedDivision]:
    """Bare county-level places at the two ends of each "甲至乙<route word>" in ``text``."""
    found: list[ListedDivision] = []
    at = text.find(_TO)
    while at >= 0:
        far = _far_end(text, at + 1)
        if far > at:
            ends = (_end_before(text, at, gaz), _end_before(text, far, gaz))
            found += [end for end in ends if end is not None and (end.start > at or end.end == at)]
        at = text.find(_TO, at + 1)
    return found


def _far_end(text: str, start: int) -> int:
    """End of the place name after 至 when a route word follows it; -1 when none does.
    (The far end may be no county of the table, a town: 甲县至某某桥高速.)"""
    for length in _FAR_LENGTHS:
        if _HAN.fullmatch(text, start, start + length) and _ROUTE_WORD.match(text, start + length):
            return start + length
    return -1


def _end_before(text: str, end: int, gaz: Gazetteer) -> ListedDivision | None:
    for length in _END_LENGTHS:
        start = end - length
        if start >= 0:
            division = _division(text[start:end], gaz)
            if division is not None:
                return ListedDivision(start, end, division)
    return None


def _division(short: str, gaz: Gazetteer) -> Division | None:
    if not _HAN.fullmatch(short):
        return None
    found = [
        d for suffix in _SUFFIXES for d in gaz.divisions_by_name.get(short + suffix, []) if d.level == COUNTY_LEVEL
    ]
    return found[0] if len(found) == 1 else None
