"""Type the members of a coordinated list by the list's head noun or by its known members.

"中科星图、航天宏图等龙头企业": the head 企业 makes every member an enterprise;
"草莓、龙虾等6个产业链": every member is a chain; "容知日新、阳光电源等": one member is a
known enterprise, so the unknown one is taken to be of the same kind (contagion). Known
members keep the class the gazetteer gives them; only unknown members are typed here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from loaders.entity_rules import RULES, judge, left_boundary

# 等 + optional count ("6个", "两家") + an optional "科研院所及" + up to four modifier
# characters ("龙头", "整车", "未来") + the head noun. Modifiers stop at words that show
# the head belongs to another phrase ("等指标中企业", "等精准医学形成产业").
_CUE = re.compile(
    r"等(?:[0-9一二三四五六七八九十百千两多几]+[个家项大类条户批])?"
    r"(?:[\u4e00-\u9fff]{1,4}[及和与])?(?:[^\W\d_中的之为形成标]{0,4}?)(企业|公司|集团|产业链|产业集群|产业)"
)
_HEAD_CLASS = {
    "企业": "Enterprise",
    "公司": "Enterprise",
    "集团": "Enterprise",
    "产业链": "IndustryChain",
    "产业集群": "IndustryChain",
    "产业": "IndustryChain",
}
# Classes a list may pass on to unknown members: short names a suffix cannot reveal.
_CONTAGIOUS = frozenset({"Enterprise", "IndustryChain"})
_RULE_FOR_CLASS = {"Enterprise": "enterprise", "IndustryChain": "industry-chain"}
_JOINERS = ("以及", "、", "和", "与", "及")
MAX_ITEMS = 12
MAX_ITEM_CHARS = 10
MIN_CONTAGION_CHARS = 3  # 信息、能源、新材料: two-character members of a field list are fields


@dataclass(frozen=True, slots=True)
class KnownSpan:
    start: int
    end: int
    type: str


@dataclass(frozen=True, slots=True)
class ListMember:
    start: int
    end: int
    type: str
    by_cue: bool  # typed by the head noun (True) or by a known member (False)


def list_members(text: str, known: list[KnownSpan]) -> list[ListMember]:
    """Unknown members of lists ending in 等 in ``text``, typed by head noun or contagion."""
    found: list[ListMember] = []
    at = text.find("等")
    if at <= 0:
        return found
    by_end = {k.end: k for k in known}
    contagious_ends = sorted(end for end, k in by_end.items() if k.type in _CONTAGIOUS)
    index = _KnownIndex(by_end, [(k.start, k.end) for k in known], contagious_ends)
    while at > 0:
        found += _members_before(text, at, index)
        at = text.find("等", at + 1)
    return found


@dataclass(frozen=True, slots=True)
class _KnownIndex:
    """The known names of one sentence, indexed once for all its lists."""

    by_end: dict[int, KnownSpan]
    spans: list[tuple[int, int]]
    contagious_ends: list[int]  # sorted ends of known enterprises and chains

    def may_spread_before(self, stop: int) -> bool:
        """Contagion needs two known members of one class (and an unknown one) before
        ``stop``; with fewer known enterprises or chains there, no list can spread."""
        return bisect_right(self.contagious_ends, stop) >= 2


def _members_before(text: str, stop: int, known: _KnownIndex) -> list[ListMember]:
    cue = _CUE.match(text, stop)
    cue_class = _HEAD_CLASS[cue.group(1)] if cue else None
    if cue_class is None and not known.may_spread_before(stop):
        return []  # speed: the walk below could only end in the same empty answer
    items = _walk_items(text, stop, known)
    known_classes = {k.type for _, _, k in items if k is not None}
    if cue_class is not None:
        # "集聚人工智能、数据等核心企业": known members of another kind show that the
        # members are fields, not companies.
        if known_classes & _CONTAGIOUS and cue_class not in known_classes:
            return []
        cls, by_cue = cue_class, True
    else:
        known_count = sum(1 for _, _, k in items if k is not None)
        # Contagion needs most members known: "信息、能源、新材料等领域" lists fields.
        if len(known_classes) != 1 or not known_classes <= _CONTAGIOUS or 2 * known_count <= len(items):
            return []
        cls, by_cue = next(iter(known_classes)), False
    return [ListMember(a, b, cls, by_cue) for a, b, k in items if k is None and _acceptable(text[a:b], cls, by_cue)]


def _walk_items(text: str, end: int, known: _KnownIndex) -> list[tuple[int, int, KnownSpan | None]]:
    """Members from right to left: (start, end, the known name it is, or None)."""
    items: list[tuple[int, int, KnownSpan | None]] = []
    for _ in range(MAX_ITEMS):
        hit = known.by_end.get(end)
        start = hit.start if hit else left_boundary(text, end, known.spans)
        if start >= end:
            break
        items.append((start, end, hit))
        joiner = _joiner_before(text, start)
        if joiner is None:
            break
        end = start - len(joiner)
    return items


def _joiner_before(text: str, start: int) -> str | None:
    for joiner in _JOINERS:
        if text.startswith(joiner, start - len(joiner)):
            return joiner
    return None


def _acceptable(name: str, cls: str, by_cue: bool) -> bool:
    if len(name) > MAX_ITEM_CHARS or (not by_cue and len(name) < MIN_CONTAGION_CHARS):
        return False
    return judge(RULES.get(_RULE_FOR_CLASS[cls]), name) is None
