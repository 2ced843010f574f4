"""PART_OF between a city that opens a sentence and the districts and counties it goes on
to list: "南京已形成以A区为核心，B区、C区各有特色的布局", "保定构建了…，徐水区、涿州市等…环绕的…".

A sentence whose subject is a city speaks of that city's layout; the districts, counties and
county-level cities it lists are its own. A list only: one district named in passing
("以X区的…为例") describes no layout; and a city written before 政府 names a body that acts.
The division codes decide which listed places lie in the city (a neighbouring city's
district named in the same sentence is left alone); they confirm what the sentence shows by
naming the city as its subject, and never act alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.model import Mention
from loaders.relations.class_limits import division_contains
from loaders.relations.registry import Found, found, relation_rule
from loaders.relations.view import SentenceView

# Divisions a city's layout names: its districts, counties and county-level cities.
_DIVISION_SUBTYPES = frozenset({"District", "County", "City"})
# A place written before a body's name ("乌海市政府、X区政府与…签约") names that body, which
# signs or acts: no layout of the city is described.
_BODY_AFTER = re.compile(r"(?:人民政府|政府|市委|区委|县委|党委|人大|政协|管委会|委员会)")
# Marks that end the sentence part the city opens ("；" starts a part with a subject of its own).
_PART_END = "；;"


def _subject_city(view: SentenceView) -> tuple[int, Mention] | None:
    """The first place the sentence names, when it is one city opening a comma clause
    ("为做强汽车产业，保定构建了…"): the subject the rest of that part speaks of."""
    for index, unit in enumerate(view.units):
        if unit.kind != "place":
            continue
        if unit.is_list or view.qualifies_next(index) or view.clause_before(index):
            return None
        if _BODY_AFTER.match(view.text, unit.tail_end):
            return None
        city = unit.members[0]
        return (index, city) if city.subtype == "City" else None
    return None


def _part_end(view: SentenceView, start: int) -> int:
    """Where the sentence part that begins at ``start`` ends."""
    ends = [view.text.find(mark, start) for mark in _PART_END]
    return min((end for end in ends if end >= 0), default=len(view.text))


def _divisions_within(view: SentenceView, first: int, city: Mention, end: int) -> Iterator[Mention]:
    """Districts, counties and county-level cities named after the city (unit ``first``),
    before ``end``, that the division codes put inside it."""
    for index in range(first + 1, len(view.units)):
        unit = view.units[index]
        if unit.kind != "place" or not unit.is_list or unit.start >= end:
            continue  # one district named in passing ("以X区的…为例") describes no layout
        for mention in _listed_on_their_own(view, index):
            is_division = mention.subtype in _DIVISION_SUBTYPES and mention.canonical != city.canonical
            if is_division and division_contains(city, mention):
                yield mention


def _listed_on_their_own(view: SentenceView, index: int) -> tuple[Mention, ...]:
    """The members of list unit ``index``, less a last one written onto a place that follows
    ("A区、B区八卦洲街道": B区 only says where the street is)."""
    unit = view.units[index]
    following = view.units[index + 1] if index + 1 < len(view.units) else None
    if following is not None and following.kind == "place" and following.start == unit.end:
        return unit.members[:-1]
    return unit.members


@relation_rule("part-of-subject-city-divisions", 0.55, needs="place")
def part_of_subject_city_divisions(view: SentenceView) -> Iterator[Found]:
    """The districts and counties a sentence about a city names are part of that city."""
    subject = _subject_city(view)
    if subject is None:
        return
    first, city = subject
    end = _part_end(view, view.units[first].tail_end)
    for division in _divisions_within(view, first, city, end):
        yield found("PART_OF", division, city)
