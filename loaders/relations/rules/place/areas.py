"""PART_OF between places that a heading or a name states.

- A column headed "合肥市县（市）区…" with one paragraph per district or county: each
  paragraph's place is part of the city the heading names.
- Inside a district's or county's paragraph, the parks, zones and new towns it names as
  its own ("以X片区、Y开发区和Z新城为重点") are part of that district or county.
- Under a heading "下辖街道" / "内含乡镇", the subdistricts or towns listed are part of
  the place the heading names, else of the place the article is about (named first).
- A park whose name begins with a development zone's ("某某经济技术开发区装备制造产业园") is
  part of that zone, when the article names the zone.

The heading is the statement; the administrative division codes of the gazetteer only
confirm the direction (a county-level city such as 巢湖市 is a City by name, yet its code
lies under its prefecture's), they never create a fact on their own.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.model import Mention
from loaders.relations.class_limits import PLACE_DEPTH, division_contains
from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.registry import Found, pairwise, relation_rule
from loaders.relations.scope import clean_heading
from loaders.relations.view import SentenceView

_CUES = cue_patterns(__name__)
_ADMINISTRATIVE = frozenset({"District", "County", "City"})
# Areas below the administrative levels that a district or county can contain.
_AREA_SUBTYPES = frozenset({"DevelopmentZone", "ScienceCity", None})
_WIDE_SUBTYPES = frozenset({"Region", "Province"})
# Sections whose paragraphs name their own areas: districts, counties, cities (a
# county-level city such as 无为市 heads its own paragraph) and zones.
_SECTION_SUBTYPES = frozenset({"District", "County", "City", "DevelopmentZone"})


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
    if not heading or not _CUES.divisions_word.search(heading):
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
    return bool(_CUES.external_verb.search(clause) or _CUES.external_before.search(view.before(index, 2)))


def _wider_prefix(view: SentenceView, mention: Mention) -> bool:
    """A name led by a region or province ("长三角…示范区") is a wider project's name."""
    return any(
        mention.written.startswith(name) and m.subtype in _WIDE_SUBTYPES
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
                if place.subtype not in _ADMINISTRATIVE and _CUES.district_rank_zone.search(mention.canonical):
                    continue  # "成都高新区" under a park's heading: no part of the park
                yield Found("PART_OF", mention, place)


@relation_rule("part-of-place-builds-area", 0.7, needs="place", cues="建 打造 布局")
def part_of_place_builds_area(view: SentenceView) -> Iterator[Found]:
    """A district, zone or science city that builds a park, town or quarter contains it."""
    for i, j in view.neighbours("place", "place"):
        builder, built = view.units[i], view.units[j]
        if builder.is_list or not _CUES.builds_area_gap.match(view.gap(i, j)) or _is_external(view, i):
            continue
        areas = [m for m in built.members if m.subtype in _AREA_SUBTYPES and not _wider_prefix(view, m)]
        yield from pairwise("PART_OF", areas, builder.members)


# What each kind word of a township heading lets a listed name end with.
_TOWNSHIP_ENDS = {"街道": ("街道",), "乡镇": ("乡", "镇"), "镇街": ("镇", "街道"), "镇": ("镇",), "乡": ("乡",)}


def _heading_owner(view: SentenceView, heading: str, ends: tuple[str, ...]) -> Mention | None:
    """The place a township heading names ("X区下辖街道"), else the article's first place:
    a page or an encyclopedia entry names its subject before its divisions."""
    named = [m for name, m in view.places.items() if len(name) >= 2 and name in heading]
    owner = max(named, key=lambda m: len(m.written)) if named else next(iter(view.places.values()), None)
    if owner is None or owner.written.endswith(ends):
        return None
    return owner


@relation_rule("section-part-of-townships", 0.5, min_mentions=1, needs="place")
def section_part_of_townships(view: SentenceView) -> Iterator[Found]:
    """Subdistricts or towns listed under a heading "下辖街道": part of the heading's place."""
    heading = _CUES.township_heading.match(clean_heading(view.sentence.section or ""))
    if heading is None:
        return
    ends = _TOWNSHIP_ENDS[heading.group("kind")]
    owner = _heading_owner(view, heading.group(0), ends)
    if owner is None:
        return
    towns = [m for u in view.units if u.kind == "place" for m in u.members if m.written.endswith(ends)]
    yield from pairwise("PART_OF", towns, [owner])


# What a park or base inside a zone is called after the zone's name ("…开发区装备制造产业园").
_PARK_ENDS = ("园", "园区", "基地")
_SHORTEST_ZONE = 4  # 某某新区


def _zone_opening_the_name(view: SentenceView, park: Mention) -> Mention | None:
    """The article's development zone whose written name begins ``park``'s, longest first,
    with a name of its own after it ("大同经济技术开发区" + "装备制造产业园")."""
    name = park.written
    if not name.endswith(_PARK_ENDS):
        return None
    for cut in range(len(name) - 3, _SHORTEST_ZONE - 1, -1):
        zone = view.places.get(name[:cut])
        if zone is not None and zone.canonical != park.canonical:
            return zone if zone.subtype == "DevelopmentZone" else None
    return None


@relation_rule("part-of-zone-opening-the-name", 0.7, min_mentions=1, needs="place")
def part_of_zone_opening_the_name(view: SentenceView) -> Iterator[Found]:
    """ "大同经济技术开发区装备制造产业园", "合肥高新区集成电路产业园": a park or base whose
    name begins with the name of a development zone the article names lies in that zone."""
    for unit in view.units:
        if unit.kind != "place":
            continue
        for park in unit.members:
            zone = _zone_opening_the_name(view, park)
            if zone is not None:
                yield Found("PART_OF", park, zone)
