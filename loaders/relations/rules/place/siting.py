"""More ways a text says where something is (LOCATED_IN, PART_OF between places).

- "园区集聚A、B等企业" / "X：…，集聚A、B": what a park gathers or brings in is there.
- "A、B两所高校的主校区就在Y": a campus or headquarters in Y places its organisation.
- "位于Y东南部的X": X lies in Y (PART_OF for a place, LOCATED_IN otherwise).
- "X位于Y" between places: X is part of Y.
- "新区范围包括A、B": containment stated from the container's side.
- "A在Y设立(的)B": B is A's sub-unit; "A在Y设立研发中心" (unnamed) puts A in Y.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from loaders.relations.class_limits import PARENT_CLASSES
from loaders.relations.registry import Found, pairwise, relation_rule
from loaders.relations.topic import part_start
from loaders.relations.view import SentenceView

_GATHER_BEFORE = re.compile(r"(?:集聚|聚集|汇聚|引进|吸引|引育|招引)(?:了)?$")
_OPENER = re.compile(r"^(?:其中|此外|同时|目前)?[，,]?$")
_CAMPUS_GAP = re.compile(
    r"^(?:[^，。；,;：:]{0,8}?的)?(?:主校区|校区|总部|生产基地|研发基地|厂区)"
    r"(?:就|均|都|也|目前)?(?:在|设在|位于)$"
)
_CLAUSE_AFTER = re.compile(r"^(?:境内|区内|内)?(?:[，。；,;！？!?]|$)")
_SITUATED_BEFORE = re.compile(r"(?:位于|地处|坐落于|坐落在)$")
_SITUATED_GAP = re.compile(r"^(?:[东西南北中]{1,2}部|境内|城区|市区|中心城区)?的$")
_PLACE_SITUATED_GAP = re.compile(r"^[，,]?\s*(?:位于|地处|坐落于|坐落在)$")
_INCLUDES_GAP = re.compile(r"^(?:的)?(?:规划范围|范围|辖区|区域)?(?:包括|包含|涵盖|覆盖)(?:了)?$")
# "栖霞区八卦洲街道": only a sub-district of the place lies inside.
_PIECE_AFTER = re.compile(r"^[\u4e00-\u9fff]{0,5}?(?:街道|镇|乡|村|社区)")
_SET_UP_GAP = re.compile(r"^(?:在|于)$")
_SET_UP_VERB = re.compile(r"^(?:设立|成立|组建|建立)(?:的|了)?$")
_SUB_UNITS = frozenset({"ResearchInstitute", "Laboratory", "InnovationPlatform"})


def _nearest_place(view: SentenceView, index: int) -> int | None:
    """The place unit before unit ``index`` that speaks of it: right before it, or the
    place opening the sentence part (its subject)."""
    if index > 0 and view.units[index - 1].kind == "place":
        return index - 1
    start = part_start(view.text, view.units[index].start)
    for k in range(index):
        if view.units[k].start >= start:
            opens = _OPENER.match(view.text[start : view.units[k].start].strip())
            return k if view.units[k].kind == "place" and opens else None
    return None


@relation_rule("located-in-gathers", 0.75, needs="place org", cues="集聚 聚集 汇聚 引进 吸引 引育 招引")
def located_in_gathers(view: SentenceView) -> Iterator[Found]:
    """园区集聚A、B / X：…，引进A等企业: what the place gathers is in it."""
    for j, unit in enumerate(view.units):
        if unit.kind != "org" or not _GATHER_BEFORE.search(view.before(j, 4)):
            continue
        place = _nearest_place(view, j)
        if place is not None and not view.units[place].is_list:
            yield from pairwise("LOCATED_IN", unit.members, view.units[place].members)


@relation_rule("located-in-campus", 0.8, needs="org place", cues="在 位于")
def located_in_campus(view: SentenceView) -> Iterator[Found]:
    """A、B两所高校的主校区就在Y / X总部设在Y."""
    for i, j in view.consecutive():
        thing, place = view.units[i], view.units[j]
        if thing.kind != "org" or place.kind != "place":
            continue
        if _CAMPUS_GAP.match(view.gap(i, j)) and _CLAUSE_AFTER.match(view.text[place.tail_end :]):
            yield from pairwise("LOCATED_IN", thing.members, place.members)


@relation_rule("located-in-situated-of", 0.85, needs="place", cues="位于 地处 坐落")
def located_in_situated_of(view: SentenceView) -> Iterator[Found]:
    """位于Y东南部的X: X lies in Y."""
    for i, j in view.consecutive():
        place, thing = view.units[i], view.units[j]
        if place.kind != "place" or place.is_list or thing.kind == "chain":
            continue
        if _SITUATED_BEFORE.search(view.before(i, 3)) and _SITUATED_GAP.match(view.gap(i, j)):
            rel_type = "PART_OF" if thing.kind == "place" else "LOCATED_IN"
            yield from pairwise(rel_type, thing.members, place.members)


@relation_rule("part-of-place-situated", 0.8, needs="place", cues="位于 地处 坐落")
def part_of_place_situated(view: SentenceView) -> Iterator[Found]:
    """X位于Y / X（…），位于Y between places: X is part of Y."""
    for i, j in view.consecutive():
        inner, outer = view.units[i], view.units[j]
        places = inner.kind == outer.kind == "place" and not outer.is_list
        if places and _PLACE_SITUATED_GAP.match(view.gap(i, j)):
            yield from pairwise("PART_OF", inner.members, outer.members)


@relation_rule("part-of-place-includes", 0.85, needs="place", cues="包括 包含 涵盖 覆盖")
def part_of_place_includes(view: SentenceView) -> Iterator[Found]:
    """X范围包括A、B: each listed place is part of X (not one named with a street)."""
    for i, j in view.consecutive():
        outer, inner = view.units[i], view.units[j]
        if outer.kind != "place" or inner.kind != "place" or outer.is_list:
            continue
        if not _INCLUDES_GAP.match(view.gap(i, j)):
            continue
        whole = list(inner.members)
        if _PIECE_AFTER.match(view.text[inner.end :]):
            whole = whole[:-1]  # the last member is named only for a piece of it
        yield from pairwise("PART_OF", whole, outer.members)


def _set_up(view: SentenceView, parent: int, place: int) -> tuple[str, int | None] | None:
    """After "A在Y": the verb's text, and the organisation unit it sets up (None: unnamed)."""
    following = place + 1
    if following < len(view.units) and view.units[following].kind == "org":
        gap = view.gap(place, following)
        if _SET_UP_VERB.match(gap):
            return gap, following
    after = view.after(place, 4)
    return (after, None) if re.match(r"^(?:设立|成立|建立|设有)", after) else None


@relation_rule("part-of-set-up-at", 0.8, needs="org place", cues="设立 成立 组建 建立 设有")
def part_of_set_up_at(view: SentenceView) -> Iterator[Found]:
    """A在Y设立B: B is part of A (and in Y); A在Y设立研发中心 (unnamed): A is in Y."""
    for i in range(len(view.units) - 1):
        parent, place = view.units[i], view.units[i + 1]
        if parent.kind != "org" or place.kind != "place" or place.is_list:
            continue
        if not _SET_UP_GAP.match(view.gap(i, i + 1)):
            continue
        set_up = _set_up(view, i, i + 1)
        if set_up is None:
            continue
        built = set_up[1]
        if built is None:
            yield from pairwise("LOCATED_IN", parent.members, place.members)
            continue
        parents = [m for m in parent.members if m.type in PARENT_CLASSES]
        subs = [m for m in view.units[built].members if m.type in _SUB_UNITS]
        yield from pairwise("PART_OF", subs, parents)
