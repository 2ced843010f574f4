"""A learned relation with one member of a list holds for every member: of a list of
organisations always, of a closed list of industries for a place's focus.

The pair model scores one pair of names at a time, within a reach of characters
(pair_model.MAX_GAP). "X园区入驻A、B、C、D等企业" states one fact about the whole list,
which the annotation counts fully (docs/annotation.md: coordination counts fully): the
model may reach A and B but not D, or score the members differently for the names between.
So a relation it finds between a name and a member of a coordinated list of organisations
(loaders.mentions.coordination) is given to the list's other members of the same class, with
the same confidence. Lists of places are not spread over: "A区、B区分别发展…" pairs off
member by member more often than not. Nor are lists of chains, but for one fact: a place's
focus on a member of a closed list of industries is its focus on each, the list closed by 等
and an industry noun ("A、B、C等支柱产业", "等五大产业链") or by its count ("A、B、C三大先导产业").
A chain's segments listed after it ("X产业链，包括A、B") pair off one by one.

The cross-sentence stage spreads its relations the same way (loaders.relations.engine).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.model import SYMMETRIC_RELATIONS, Mention
from loaders.mentions.coordination import Unit, group_units, without_overlaps

Lists = dict[int, tuple[Mention, ...]]  # id of a member -> its list's members


def spreadable_lists(text: str, mentions: list[Mention]) -> Lists:
    """The coordinated lists among one sentence's ``mentions`` a fact spreads over (of
    organisations; closed lists of industries), by member
    (overlapping mentions: the earlier, then the longer, stands)."""
    placed = without_overlaps([(m, m.clean_start, m.clean_end) for m in mentions if m.clean_end > m.clean_start])
    lists: Lists = {}
    for unit in group_units(text, placed):
        if unit.is_list and (unit.kind == "org" or _closed_list_of_industries(text, unit)):
            for member in unit.members:
                lists[id(member)] = unit.members
    return lists


# What a place focuses on, said of a closed list of industries ("A、B、C等支柱产业"), is said of
# each: the list is one object. Chains listed without a closing head (after a chain, "X产业链，
# 包括A、B") are its segments, which pair off one by one.
_SPREAD_OVER_CHAINS = frozenset({"FOCUSES_ON"})
_INDUSTRY_NOUN = ("产业", "产业链", "集群", "行业")
# A list of industries closed by its count, without 等 ("A、B、C三大先导产业", "A、B两条产业链").
_COUNTED_INDUSTRIES = re.compile(
    r"(?:产业链|产业集群|产业|集群)?[”’」』》]?\s*[一二三四五六七八九十两\d]+\s*[大个条类项]"
    r"[\u4e00-\u9fff]{0,6}?(?:产业链|产业|集群|行业)"
)


def _organisations_only(end: Mention, members: tuple[Mention, ...]) -> tuple[Mention, ...]:
    return (end,) if end.type == "IndustryChain" else members


def _closed_list_of_industries(text: str, unit: Unit) -> bool:
    if unit.kind != "chain":
        return False
    if unit.closed_by_deng:
        return unit.noun.endswith(_INDUSTRY_NOUN)
    return _COUNTED_INDUSTRIES.match(text, unit.end) is not None


def spread_over_lists(rel_type: str, head: Mention, tail: Mention, lists: Lists) -> Iterator[tuple[Mention, Mention]]:
    """``(head, tail)``, then the pairs the same fact gives the other members of the list
    either end stands in, members of the class of the end they stand for."""
    yield head, tail
    if rel_type in SYMMETRIC_RELATIONS:
        return  # members of one list cooperating with a name: said of the list, rarely of each
    heads = lists.get(id(head), (head,))
    tails = lists.get(id(tail), (tail,))
    if rel_type not in _SPREAD_OVER_CHAINS:
        heads, tails = _organisations_only(head, heads), _organisations_only(tail, tails)
    if heads is tails:
        return  # both ends in one list: the fact is about two members, not the list
    for h in heads:
        for t in tails:
            if (h is not head or t is not tail) and h.type == head.type and t.type == tail.type:
                yield h, t
