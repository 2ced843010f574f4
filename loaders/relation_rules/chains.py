"""Industry chains: who focuses on, supports, belongs to and feeds which chain."""

from __future__ import annotations

import re
from collections.abc import Iterator

from loaders.relation_rules.registry import Found, pairwise, relation_rule
from loaders.relation_rules.view import SentenceView

_FOCUS_VERB = re.compile(
    r"(?:重点发展|聚焦|聚力发展|聚力|打造|布局|大力发展|着力发展|优先发展|优先布局|培育|壮大|"
    r"做强|做大|主攻|深耕|发展|发力|突破)(?:壮大|打造|建设|培育|发展|助推|和助推)?"
    r"[^，。；,;：:、]{0,5}$"
)
_ORG_FOCUS_GAP = re.compile(r"^[^，。；,;：:]{0,6}?(?:聚焦|专注于?|致力于|主攻|深耕)[^，。；,;：:、]{0,4}$")
_SUPPORT_GAP = re.compile(
    r"^[^，。；,;：:]{0,6}?(?:服务于?|支撑|赋能|助力|支持|带动|引领)[^，。；,;：:、]{0,4}$"
)
_YITUO_BEFORE = re.compile(r"依托(?:于)?$")
_DEVELOP_GAP = re.compile(
    r"^[^，。；,;：:]{0,8}?(?:发展|支撑|服务|带动|培育|壮大|推动|做强|引领|打造)[^，。；,;：:、]{0,4}$"
)
# The place is an object, not the subject, when one of these comes right before it.
_PLACE_AS_OBJECT = re.compile(r"(?:在|与|和|同|对接|联合|携手|向|到|赴|对标|学习|借鉴|依托|支持)$")
_FOCUS_REACH = 30  # max characters between a place subject and its chain

_ROLE = r"(?:链主|龙头|领军|骨干|头部|链长|核心|代表|重点|整车|主要)"
_IS_ROLE_GAP = re.compile(r"^(?:是|作为|为|成为|系)[^，。；,;：:]{0,6}?$")
_ROLE_AFTER = re.compile(r"^(?:产业链|产业集群|产业|行业|领域)?(?:的)?" + _ROLE)
_CHAIN_ROLE_GAP = re.compile(
    r"^(?:产业链|产业集群|产业|行业|领域)?(?:的)?" + _ROLE + r"{1,2}(?:性)?"
    r"(?:企业|厂商|车企|公司)?(?:有|如|包括|像|是|为)?$"
)
_FIRM_NOUN = re.compile(r"企业|车企|厂商|厂家|公司|集团")

_UP_GAP = re.compile(r"^(?:产业链|产业|行业)?(?:的)?上游(?:环节|领域)?(?:的|是|为|有|包括)?$")
_DOWN_GAP = re.compile(r"^(?:产业链|产业|行业)?(?:的)?下游(?:环节|领域)?(?:的|是|为|有|包括)?$")
_EXTEND_DOWN = re.compile(r"^(?:产业链|产业)?(?:向)?下游(?:延伸|拓展)(?:到|至)?$")
_EXTEND_UP = re.compile(r"^(?:产业链|产业)?(?:向)?上游(?:延伸|拓展)(?:到|至)?$")
_SUPPLIES = re.compile(r"^(?:产业)?(?:为|向)$")
_SUPPLY_AFTER = re.compile(r"^(?:产业)?(?:提供)?配套")


def _chain_units_after(view: SentenceView, index: int) -> Iterator[int]:
    """Chain units after ``index`` in its clause, until any place or organisation unit."""
    for j in range(index + 1, len(view.units)):
        if not view.same_clause(index, j) or view.units[j].kind != "chain":
            return
        yield j


@relation_rule("focuses-on-verb", 0.85)
def focuses_on_verb(view: SentenceView) -> Iterator[Found]:
    """X(place)重点发展/聚焦/打造/布局Y产业."""
    for i, unit in enumerate(view.units):
        if unit.kind != "place" or _PLACE_AS_OBJECT.search(view.before(i, 4)):
            continue
        for j in _chain_units_after(view, i):
            if view.units[j].start - unit.end > _FOCUS_REACH:
                break
            if _FOCUS_VERB.search(view.before(j, 14)):
                yield from pairwise("FOCUSES_ON", unit.members, view.units[j].members)


@relation_rule("focuses-on-org", 0.8)
def focuses_on_org(view: SentenceView) -> Iterator[Found]:
    """X(lab/institute/platform)聚焦/专注/致力于Y."""
    for i, j in view.consecutive():
        left, right = view.units[i], view.units[j]
        if left.kind == "org" and right.kind == "chain" and _ORG_FOCUS_GAP.match(view.gap(i, j)):
            research = [m for m in left.members if m.type != "Enterprise"]
            yield from pairwise("FOCUSES_ON", research, right.members)


@relation_rule("supports-chain-verb", 0.85)
def supports_chain_verb(view: SentenceView) -> Iterator[Found]:
    """X服务/支撑/赋能Y产业."""
    for i, j in view.consecutive():
        left, right = view.units[i], view.units[j]
        if left.kind == "org" and right.kind == "chain" and _SUPPORT_GAP.match(view.gap(i, j)):
            yield from pairwise("SUPPORTS_CHAIN", left.members, right.members)


@relation_rule("supports-chain-relied-on", 0.85)
def supports_chain_relied_on(view: SentenceView) -> Iterator[Found]:
    """依托X发展/支撑/服务Y产业."""
    for i, j in view.consecutive():
        left, right = view.units[i], view.units[j]
        if left.kind != "org" or right.kind != "chain":
            continue
        if _YITUO_BEFORE.search(view.before(i, 3)) and _DEVELOP_GAP.match(view.gap(i, j)):
            yield from pairwise("SUPPORTS_CHAIN", left.members, right.members)


@relation_rule("part-of-chain-role", 0.9)
def part_of_chain_role(view: SentenceView) -> Iterator[Found]:
    """X是Y产业链链主/龙头 and Y产业链链主X / Y龙头企业X."""
    for i, j in view.consecutive():
        left, right = view.units[i], view.units[j]
        if left.kind == "org" and right.kind == "chain":
            if _IS_ROLE_GAP.match(view.gap(i, j)) and _ROLE_AFTER.match(view.after(j, 8)):
                yield from pairwise("PART_OF_CHAIN", left.members, right.members)
        elif left.kind == "chain" and right.kind == "org" and not left.is_list:
            if _CHAIN_ROLE_GAP.match(view.gap(i, j)):
                yield from pairwise("PART_OF_CHAIN", right.members, left.members)


def _topic_chain(view: SentenceView, index: int) -> int | None:
    """The one chain unit before ``index`` in its clause, if exactly one chain is named."""
    chain_units = [
        k for k in range(index) if view.units[k].kind == "chain" and view.same_clause(k, index)
    ]
    if len(chain_units) != 1 or view.units[chain_units[0]].is_list:
        return None
    return chain_units[0]


def _firm_lists(view: SentenceView) -> Iterator[int]:
    """Organisation lists closed by 等 + a noun naming firms (等6家整车企业)."""
    for i, unit in enumerate(view.units):
        if unit.kind == "org" and unit.closed_by_deng and _FIRM_NOUN.search(unit.noun):
            yield i


@relation_rule("part-of-chain-firm-list", 0.8)
def part_of_chain_firm_list(view: SentenceView) -> Iterator[Found]:
    """Y产业…X、Z等N家(整车)企业: the listed firms belong to the one chain named before."""
    for i in _firm_lists(view):
        topic = _topic_chain(view, i)
        if topic is not None:
            yield from pairwise("PART_OF_CHAIN", view.units[i].members, view.units[topic].members)



@relation_rule("upstream-of-stream", 0.8)
def upstream_of_stream(view: SentenceView) -> Iterator[Found]:
    """Y产业链上游的X (X feeds Y); X下游的Y; X向下游延伸到Y; X为Y配套."""
    for i, j in view.consecutive():
        left, right = view.units[i], view.units[j]
        if left.kind != "chain" or right.kind != "chain" or left.is_list:
            continue
        gap = view.gap(i, j)
        if _UP_GAP.match(gap) or _EXTEND_UP.match(gap):
            yield from pairwise("UPSTREAM_OF", right.members, left.members)
        elif _DOWN_GAP.match(gap) or _EXTEND_DOWN.match(gap):
            yield from pairwise("UPSTREAM_OF", left.members, right.members)
        elif _SUPPLIES.match(gap) and _SUPPLY_AFTER.match(view.after(j, 6)):
            yield from pairwise("UPSTREAM_OF", left.members, right.members)
