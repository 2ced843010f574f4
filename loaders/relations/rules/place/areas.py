"""PART_OF between places that a heading states.

- A column headed "合肥市县（市）区…" with one paragraph per district or county: each
  paragraph's place is part of the city the heading names.
- Inside a district's or county's paragraph, the parks, zones and new towns it names as
  its own ("以X片区、Y开发区和Z新城为重点") are part of that district or county.

The heading is the statement; the administrative division codes of the gazetteer only
confirm the direction (a county-level city such as 巢湖市 is a City by name, yet its code
lies under its prefecture's), they never create a fact on their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.model import Mention
from loaders.relations.class_limits import PLACE_DEPTH, division_contains
from loaders.relations.registry import Found, relation_rule
from loaders.relations.scope import clean_heading
from loaders.relations.view import SentenceView

# The heading speaks of the city's districts and counties as a whole.
_DIVISIONS_WORD = re.compile(r"县[（(]?市[）)]?区|区[（(]?县[）)]?|县[（(]?区[）)]?|各区|各县|所辖|下辖|辖区")
_ADMINISTRATIVE = frozenset({"District", "County", "City"})
# Areas below the administrative levels that a district or county can contain.
_AREA_SUBTYPES = frozenset({"DevelopmentZone", "ScienceCity", None})
_WIDE_SUBTYPES = frozenset({"Region", "Province"})
# Sections whose paragraphs name their own areas: districts, counties, cities (a
# county-level city such as 无为市 heads its own paragraph) and zones.
_SECTION_SUBTYPES = frozenset({"District", "County", "City", "DevelopmentZone"})
# Named as a partner or a model, not as the section's own area.
_EXTERNAL_VERB = re.compile(
    r"(?:对接|借力|借助|联合|携手|面向|学习|借鉴|对标|吸引|赴|对外|辐射|连接|链接)"
    r"[^，。；,;：:]*$"
)
_EXTERNAL_BEFORE = re.compile(r"(?:与|和|同|向|到|至)$")


def lies_within(inner: Mention, outer: Mention) -> bool:
    """True when ``inner`` can be part of ``outer``: by division codes when both have one,
    else by administrative depth."""
    contained = division_contains(outer, inner)
    if contained is not None:
        return contained
    inner_depth = PLACE_DEPTH.get(inner.subtype or "")
    outer_depth = PLACE_DEPTH.get(outer.subtype or "")
    return inner_depth is not None and outer_depth is not None and inner_depth > outer_depth


def _heading_city(view: SentenceView) -> Mention | None:
    """The one city a heading about "its districts and counties" names."""
    heading = clean_heading(view.sentence.section or "")
    if not heading or not _DIVISIONS_WORD.search(heading):
        return None
    cities = {
        m.canonical: m
        for name, m in view.containers.items()
        if m.subtype == "City" and len(name) >= 2 and name in heading
    }
    return next(iter(cities.values())) if len(cities) == 1 else None


@relation_rule("section-part-of-column", 0.75, min_mentions=1, needs="section-place")
def section_part_of_column(view: SentenceView) -> Iterator[Found]:
    """A district's paragraph in a column headed by its city's districts and counties."""
    place = view.section_place
    if place is None or place.subtype not in _ADMINISTRATIVE:
        return
    city = _heading_city(view)
    if city is not None and city.canonical != place.canonical and lies_within(place, city):
        yield Found("PART_OF", place, city)


def _is_external(view: SentenceView, index: int) -> bool:
    clause = view.clause_before(index)
    return bool(_EXTERNAL_VERB.search(clause) or _EXTERNAL_BEFORE.search(view.before(index, 2)))


def _wider_prefix(view: SentenceView, mention: Mention) -> bool:
    """A name led by a region or province ("长三角…示范区") is a wider project's name."""
    return any(
        mention.text.startswith(name) and m.subtype in _WIDE_SUBTYPES
        for name, m in view.containers.items()
        if len(name) >= 2
    )


@relation_rule("section-part-of-area", 0.6, min_mentions=1, needs="place section-place")
def section_part_of_area(view: SentenceView) -> Iterator[Found]:
    """Parks and zones named as their own by a district's or county's paragraph."""
    place = view.section_place
    if place is None or place.subtype not in _SECTION_SUBTYPES:
        return
    for i, unit in enumerate(view.units):
        if unit.kind != "place" or _is_external(view, i):
            continue
        if any(m.canonical == place.canonical for m in unit.members):
            continue  # "X与Y合作联动": listed beside the section's place, a partner
        for mention in unit.members:
            if mention.subtype in _AREA_SUBTYPES and not _wider_prefix(view, mention):
                yield Found("PART_OF", mention, place)


# "X(place)建设Y(park)", "在X建设Y": the area built is part of the place building it.
_BUILDS_AREA_GAP = re.compile(
    r"^(?:的)?(?:加快|重点|全面|高水平|高标准|积极|率先)?(?:启动|规划|谋划|推进)?"
    r"(?:建设|打造|布局|规划建设|建成)(?:了)?[“‘「『《]?$"
)


@relation_rule("part-of-place-builds-area", 0.7, needs="place", cues="建 打造 布局")
def part_of_place_builds_area(view: SentenceView) -> Iterator[Found]:
    """A district, zone or science city that builds a park, town or quarter contains it."""
    for i, j in view.consecutive():
        builder, built = view.units[i], view.units[j]
        if builder.kind != "place" or built.kind != "place" or builder.is_list:
            continue
        if not _BUILDS_AREA_GAP.match(view.gap(i, j)) or _is_external(view, i):
            continue
        for mention in built.members:
            if mention.subtype in _AREA_SUBTYPES and not _wider_prefix(view, mention):
                yield from (Found("PART_OF", mention, b) for b in builder.members)
