"""More ways a text says a research body supports a chain (SUPPORTS_CHAIN).

- "依托X的科研优势，大力发展Y产业": relied on, then a verb of developing Y, even across
  one comma (the cues.py rule wants the verb right after X).
- "依托X在Y领域的优势": X's strength in Y is what is relied on.
- "X为Y产业提供技术支撑": X provides for the chain.

The entity-class check keeps the head to labs, facilities, institutes, universities and
platforms; an enterprise "providing" for a chain is not support in this sense.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from loaders.relations.registry import Found, pairwise, relation_rule
from loaders.relations.view import SentenceView

_YITUO_BEFORE = re.compile(r"依托(?:于)?$")
# Between the relied-on X and chain Y: a short stretch, at most one comma, ending in a
# verb of developing (a few words such as 产业/新兴 may follow the verb).
_RELIED_GAP = re.compile(
    r"^[^，。；,;：:]{0,12}(?:[，,][^，。；,;：:]{0,12})?"
    r"(?:发展|支撑|服务|带动|培育|壮大|推动|做强|引领|打造|突破|布局)[^，。；,;：:、]{0,4}$"
)
_STRENGTH_GAP = re.compile(r"^(?:在)$")
_STRENGTH_AFTER = re.compile(r"^(?:产业|技术|领域|方面|方向)?[^，。；,;：:]{0,8}?(?:优势|基础|积累|实力)")
_PROVIDES_GAP = re.compile(r"^(?:可|将|能|能够|可以|持续|积极)?(?:为|向)$")
_PROVIDES_AFTER = re.compile(r"^(?:产业链|产业|行业|领域)?(?:发展)?(?:提供|输送|供给)")


def _org_then_chain(view: SentenceView) -> Iterator[tuple[int, int]]:
    for i, j in view.consecutive():
        if view.units[i].kind == "org" and view.units[j].kind == "chain":
            yield i, j


@relation_rule("supports-chain-relied-on-far", 0.8, needs="org chain", cues="依托")
def supports_chain_relied_on_far(view: SentenceView) -> Iterator[Found]:
    """依托X…，发展Y产业 / 依托X在Y领域的优势."""
    for i, j in _org_then_chain(view):
        if not _YITUO_BEFORE.search(view.before(i, 3)):
            continue
        gap = view.gap(i, j)
        strength = _STRENGTH_GAP.match(gap) and _STRENGTH_AFTER.match(view.after(j, 14))
        if strength or _RELIED_GAP.match(gap):
            yield from pairwise("SUPPORTS_CHAIN", view.units[i].members, view.units[j].members)


@relation_rule("supports-chain-provides", 0.8, needs="org chain", cues="为 向")
def supports_chain_provides(view: SentenceView) -> Iterator[Found]:
    """X为Y产业提供…: X supports chain Y."""
    for i, j in _org_then_chain(view):
        if _PROVIDES_GAP.match(view.gap(i, j)) and _PROVIDES_AFTER.match(view.after(j, 8)):
            yield from pairwise("SUPPORTS_CHAIN", view.units[i].members, view.units[j].members)
