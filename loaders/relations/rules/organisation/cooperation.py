"""COOPERATES_WITH between organisations (合作, 共建, 联合, 携手), and joint operation."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from loaders.relations.registry import Found, pairwise, relation_rule
from loaders.relations.view import SentenceView

_COOPERATION = r"(?:合作|共建|联合|携手|联手|共同|协同|签约|签署[^，。；,;]{0,8}?(?:合作|协议))"
# After a list of organisations: "X、Y联合…", "X与Y签署战略合作协议".
_LIST_COOPERATES = re.compile(r"^[^，。；,;：:]{0,4}?" + _COOPERATION)
# Between two organisations: "X携手Y", "X与Y…合作" (与/和/同 need the verb after Y).
_JOIN_VERB_GAP = re.compile(r"^[^，。；,;：:]{0,4}?(?:携手|联合|联手|牵手)$")
_WITH_GAP = re.compile(r"^[^，。；,;：:]{0,4}?(?:与|和|同|跟)$")
_VERB_AFTER = re.compile(r"^[^，。；,;：:]{0,8}?" + _COOPERATION)
_JOINT_BUILD_GAP = re.compile(r"^(?:共同|联合)?(?:共建|建设|组建|承建|合作建设)(?:了|的)?$")


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
        if _LIST_COOPERATES.match(view.after(i, 14)):
            for a, b in itertools.combinations(view.units[i].members, 2):
                yield Found("COOPERATES_WITH", a, b)


@relation_rule("cooperates-with", 0.85, needs="org", cues="合作 共建 联合 携手 联手 共同 协同 签约 签署 牵手")
def cooperates_with(view: SentenceView) -> Iterator[Found]:
    """X携手Y / X积极与Y开展合作."""
    for i, j in view.consecutive():
        left, right = view.units[i], view.units[j]
        if left.kind != "org" or right.kind != "org":
            continue
        gap = view.gap(i, j)
        if _JOIN_VERB_GAP.match(gap) or (_WITH_GAP.match(gap) and _VERB_AFTER.match(view.after(j, 14))):
            yield from pairwise("COOPERATES_WITH", left.members, right.members)


@relation_rule("operated-by-joint", 0.8, needs="org", cues="建")
def operated_by_joint(view: SentenceView) -> Iterator[Found]:
    """X、Y共建Z / X与Y联合建设Z: Z is operated by each builder."""
    for i, j in view.consecutive():
        left, right = view.units[i], view.units[j]
        joint = left.kind == right.kind == "org" and left.is_list
        if joint and _JOINT_BUILD_GAP.match(view.gap(i, j)):
            yield from pairwise("OPERATED_BY", right.members, left.members)
