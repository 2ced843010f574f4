"""A place's industry targets carried over commas: "到2025年，新区A产业规模突破1000亿元，
B产业规模突破1000亿元，C、D等产业规模持续壮大，前瞻布局E、F等未来产业".

The first clause names the place and its first industry's scale; the clauses after it,
until one names another place or organisation, have no subject of their own: the place
is their subject, so it focuses on each industry whose scale they state or that they lay
out (布局, 培育, 发展…)."""

from __future__ import annotations

from collections.abc import Iterator

from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.registry import Found, pairwise, relation_rule
from loaders.relations.view import SentenceView

_CUES = cue_patterns(__name__)
_LIST_JOIN = frozenset({"、", "和", "及", "与", "以及"})


def _subject(view: SentenceView) -> tuple[int, int] | None:
    """(place unit, its chain unit) when a clause opens "X(place)A产业规模"."""
    for i, j in view.consecutive():
        place, chain = view.units[i], view.units[j]
        if place.kind != "place" or chain.kind != "chain" or place.is_list:
            continue
        opens = place.start == 0 or view.text[place.start - 1] in "，,："
        if opens and view.gap(i, j) == "" and _CUES.scale_after.match(view.text, chain.tail_end):
            return i, j
    return None


def _carries(view: SentenceView, previous: int, k: int) -> bool:
    """True when chain unit ``k`` continues the targets: in the same list as unit
    ``previous``, or opening a comma clause that states its scale or lays it out."""
    gap = view.gap(previous, k)
    if _CUES.comma.search(gap) is None:
        return gap in _LIST_JOIN
    head = _CUES.comma.split(gap)[-1].strip()
    if head == "":
        return _CUES.scale_after.match(view.text, view.units[k].tail_end) is not None
    return _CUES.layout_head.fullmatch(head) is not None


def _carried(view: SentenceView, first: int) -> Iterator[int]:
    """Chain units after ``first`` in subjectless clauses stating scale or layout."""
    previous = first
    for k in range(first + 1, len(view.units)):
        unit = view.units[k]
        if unit.kind != "chain" or _CUES.clause_end.search(view.gap(previous, k)):
            return  # another subject, or the sentence part ends
        if not _carries(view, previous, k):
            return
        yield k
        previous = k


@relation_rule("focuses-on-scale-targets", 0.75, needs="place chain", cues="规模 产值 营收")
def focuses_on_scale_targets(view: SentenceView) -> Iterator[Found]:
    """X(place)A产业规模…，B产业规模…，前瞻布局C、D: X focuses on A, B, C and D."""
    subject = _subject(view)
    if subject is None:
        return
    place, first = subject
    yield from pairwise("FOCUSES_ON", view.units[place].members, view.units[first].members)
    for k in _carried(view, first):
        yield from pairwise("FOCUSES_ON", view.units[place].members, view.units[k].members)
