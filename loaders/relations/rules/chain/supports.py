"""More ways a text says a research body supports a chain (SUPPORTS_CHAIN).

- "依托X的科研优势，大力发展Y产业": relied on, then a verb of developing Y, even across
  one comma (the cues.py rule wants the verb right after X).
- "依托X在Y领域的优势": X's strength in Y is what is relied on.
- "X为Y产业提供技术支撑": X provides for the chain.

The entity-class check keeps the head to labs, facilities, institutes, universities and
platforms; an enterprise "providing" for a chain is not support in this sense.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.model import Mention
from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.neighbour_rules import register_neighbour_rules
from loaders.relations.registry import Found, pairwise, relation_rule
from loaders.relations.topic import supporters
from loaders.relations.view import SentenceView

_CUES = cue_patterns(__name__)


@relation_rule("supports-chain-relied-on-far", 0.8, needs="org chain", cues="依托")
def supports_chain_relied_on_far(view: SentenceView) -> Iterator[Found]:
    """依托X…，发展Y产业 / 依托X在Y领域的优势."""
    for i, j in view.neighbours("org", "chain"):
        if not _CUES.yituo_before.search(view.before(i, 3)):
            continue
        gap = view.gap(i, j)
        strength = _CUES.strength_gap.match(gap) and _CUES.strength_after.match(view.after(j, 14))
        if strength or _CUES.relied_gap.match(gap):
            yield from pairwise("SUPPORTS_CHAIN", view.units[i].members, view.units[j].members)


# "X为Y产业提供…": neighbour_rules.toml.
register_neighbour_rules(__name__, "provides", _CUES)


def _one_chain_before(view: SentenceView, index: int) -> list[Mention]:
    """The sentence's one whole chain, when it is named before unit ``index``."""
    chains: dict[str, tuple[int, Mention]] = {}
    for k, unit in enumerate(view.units):
        if unit.kind == "chain":
            for m in unit.members:
                chains.setdefault(m.canonical, (k, m))  # where it is first named
    whole = [(k, m) for k, m in chains.values() if m.subtype != "ChainSegment"]
    if len(whole) != 1 or whole[0][0] > index:
        return []
    return [whole[0][1]]


@relation_rule("supports-chain-gathered", 0.6, needs="org chain", cues="聚集 集聚 汇聚 拥有")
def supports_chain_gathered(view: SentenceView) -> Iterator[Found]:
    """X是Y产业的高地，聚集A、B等机构: in a sentence about one chain, the research bodies a
    clause gathers serve that chain."""
    for i, unit in enumerate(view.units):
        if unit.kind != "org" or not _CUES.gathers_opens.match(view.clause_before(i)):
            continue
        chain = _one_chain_before(view, i)
        if chain:
            yield from pairwise("SUPPORTS_CHAIN", supporters(unit.members), chain)
