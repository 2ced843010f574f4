"""A learned relation with one member of a list of organisations holds for every member.

The pair model scores one pair of names at a time, within a reach of characters
(pair_model.MAX_GAP). "X园区入驻A、B、C、D等企业" states one fact about the whole list,
which the annotation counts fully (docs/annotation.md: coordination counts fully): the
model may reach A and B but not D, or score the members differently for the names between.
So a relation it finds between a name and a member of a coordinated list of organisations
(loaders.mentions.coordination) is given to the list's other members of the same class, with
the same confidence. Lists of places and of chains are not spread over: "A区、B区分别发展…"
or a chain's segments listed after it pair off member by member more often than not.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.model import SYMMETRIC_RELATIONS, Mention
from loaders.mentions.coordination import group_units, without_overlaps

Lists = dict[int, tuple[Mention, ...]]  # id of a member -> its list's members


def organisation_lists(text: str, mentions: list[Mention]) -> Lists:
    """The coordinated lists of organisations among one sentence's ``mentions``, by member
    (overlapping mentions: the earlier, then the longer, stands)."""
    placed = without_overlaps([(m, m.clean_start, m.clean_end) for m in mentions if m.clean_end > m.clean_start])
    lists: Lists = {}
    for unit in group_units(text, placed):
        if unit.is_list and unit.kind == "org":
            for member in unit.members:
                lists[id(member)] = unit.members
    return lists


def spread_over_lists(rel_type: str, head: Mention, tail: Mention, lists: Lists) -> Iterator[tuple[Mention, Mention]]:
    """``(head, tail)``, then the pairs the same fact gives the other members of the list
    either end stands in, members of the class of the end they stand for."""
    yield head, tail
    if rel_type in SYMMETRIC_RELATIONS:
        return  # members of one list cooperating with a name: said of the list, rarely of each
    heads = lists.get(id(head), (head,))
    tails = lists.get(id(tail), (tail,))
    if heads is tails:
        return  # both ends in one list: the fact is about two members, not the list
    for h in heads:
        for t in tails:
            if (h is not head or t is not tail) and h.type == head.type and t.type == tail.type:
                yield h, t
