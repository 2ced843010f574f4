"""COOPERATES_WITH between organisations (合作, 共建, 联合, 携手), and joint operation."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.neighbour_rules import register_neighbour_rules
from loaders.relations.registry import Found, relation_rule
from loaders.relations.view import SentenceView

_CUES = cue_patterns(__name__)


_PARTNER_PREPOSITIONS = ("与", "同", "跟")


def _organisation_lists(view: SentenceView) -> Iterator[int]:
    for i, unit in enumerate(view.units):
        if unit.kind == "org" and unit.is_list and not unit.closed_by_deng:
            yield i


@relation_rule("cooperates-list", 0.85, needs="org", cues="合作 共建 联合 携手 联手 共同 协同 签约 签署")
def cooperates_list(view: SentenceView) -> Iterator[Found]:
    """X、Y联合… / X与Y合作: every pair of the list cooperates.

    A list closed by 等 is left out: its members are examples of a category, and
    "X、Y等高校合作" says less about each pair than a closed enumeration does.
    """
    for i in _organisation_lists(view):
        # "当地与A、B合作": the list is the partner of someone else, not of itself
        if view.before(i, 1) in _PARTNER_PREPOSITIONS:
            continue
        after = view.after(_last_listed_place(view, i), 14)
        if _CUES.list_cooperates.match(after) and not _CUES.signs_to_settle.match(after):
            for a, b in itertools.combinations(view.units[i].members, 2):
                yield Found("COOPERATES_WITH", a, b)


_LIST_JOINERS = frozenset({"、", "和", "及", "与", "以及"})


def _last_listed_place(view: SentenceView, index: int) -> int:
    """The last of the places listed on after the organisations of unit ``index``
    ("由A大学、B研究院和C高新区联合共建": a government or a zone builds with them, and the
    organisations still cooperate), else ``index``."""
    last = index
    while (
        last + 1 < len(view.units)
        and view.units[last + 1].kind == "place"
        and view.gap(last, last + 1) in _LIST_JOINERS
    ):
        last += 1
    return last


@relation_rule("cooperates-co-founders", 0.8, needs="org", cues="出资 合资 发起")
def cooperates_co_founders(view: SentenceView) -> Iterator[Found]:
    """由A、B等企业共同发起成立 / 由A和B合资成立: the founders of one body work together.

    Unlike a loose "A、B等高校合作", a list closed by 等 is read too: each one named is
    said to have put money into the same body."""
    for i, unit in enumerate(view.units):
        if unit.kind != "org" or not unit.is_list:
            continue
        if _CUES.founded_by_before.search(view.before(i, 2)) and _CUES.founders_after.match(view.after(i, 24)):
            for a, b in itertools.combinations(unit.members, 2):
                yield Found("COOPERATES_WITH", a, b)


# "X携手Y", "X与Y…合作", "X、Y共建Z": neighbour_rules.toml.
register_neighbour_rules(__name__, "pairs", _CUES)
