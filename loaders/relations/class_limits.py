"""Which entity classes each relation type may join: the ontology's domain and range
(kg.constraints, from ontology/innokg.ttl), and, for PART_OF, the kinds it may join and
the administrative order of places.

A candidate that breaks its type's constraint is dropped with the reason, never kept:
the rules read surface cues, and a cue between the wrong classes is a misreading.
"""

from __future__ import annotations

from functools import lru_cache

from kg.constraints import domain_and_range
from kg.model import Mention
from loaders.lexicon.gazetteer import PREFECTURE_LEVEL, default_gazetteer
from loaders.mentions.coordination import ORGANISATION_CLASSES

# Who may support a chain and who may be a parent organisation (the ontology's
# supportsChain domain; parents of labs and institutes named after them).
SUPPORTER_CLASSES = frozenset(
    {"Laboratory", "LargeScientificFacility", "ResearchInstitute", "University", "InnovationPlatform"}
)
PARENT_CLASSES = frozenset({"University", "ResearchInstitute", "Enterprise"})
# What may be operated (the ontology's operatedBy domain): labs, facilities and platforms.
OPERATED_CLASSES = domain_and_range("OPERATED_BY")[0]
_PLACE = frozenset({"Place"})
_CHAIN = frozenset({"IndustryChain"})

# Administrative depth of place subtypes: a place is PART_OF a shallower one only.
PLACE_DEPTH: dict[str, int] = {
    "Region": 0,
    "Province": 1,
    "City": 2,
    "District": 3,
    "County": 3,
    "DevelopmentZone": 3,
    "ScienceCity": 3,
}


# Parks, zones, science cities and unnamed-level areas: below (or beside) the
# administrative levels, so one may lie inside a district, a county or another zone.
AREA_SUBTYPES: frozenset[str | None] = frozenset({"DevelopmentZone", "ScienceCity", None})
_NAMED_AREAS = frozenset({"DevelopmentZone", "ScienceCity"})


@lru_cache(maxsize=4096)
def _division_code(name: str) -> str | None:
    return default_gazetteer().division_code(name)


def division_contains(outer: Mention, inner: Mention) -> bool | None:
    """Whether the division codes put ``inner`` inside ``outer``; None when either place
    has no (unambiguous) code. Codes check a stated containment, never create one."""
    steps = _steps_up(outer.canonical, inner.canonical)
    return None if steps is None else steps >= 0


_COUNTY_LEVEL = frozenset({"County", "District"})


def skips_a_level(outer: Mention, inner: Mention) -> bool:
    """Whether the division codes put ``inner`` inside ``outer`` only through a division
    between them ("安徽肥东": 肥东县 is in 合肥市, which is in 安徽省). Counties and districts
    only: a zone's code is that of the division it is named after, not its own level."""
    if inner.subtype not in _COUNTY_LEVEL:
        return False
    steps = _steps_up(outer.canonical, inner.canonical)
    return steps is not None and steps > 0


@lru_cache(maxsize=4096)
def _steps_up(outer: str, inner: str) -> int | None:
    """Where ``outer``'s division stands among those enclosing ``inner``'s: 0 for its direct
    parent, 1 for the one above, -1 when it encloses it not at all; None when either has no
    (unambiguous) code."""
    inner_code, outer_code = _division_code(inner), _division_code(outer)
    if not inner_code or not outer_code:
        return None
    chain = default_gazetteer().parent_chain(inner_code)
    return chain.index(outer_code) if outer_code in chain else -1


def _place_violation(head: Mention, tail: Mention) -> str | None:
    contained = division_contains(tail, head)
    if contained is not None:
        # 巢湖市 (a county-level city) is a City by name yet lies under 合肥市.
        return None if contained else "place-not-within"
    if head.subtype in AREA_SUBTYPES and _named_elsewhere(head.canonical, tail.canonical):
        return "zone-named-after-another-place"
    if _new_area_holds(head, tail):
        return None
    tail_depth = PLACE_DEPTH.get(tail.subtype or "")
    if tail_depth is None:
        # A named park or zone lies in a town or a new town ("大杨镇的X产业园"), whose level
        # the names do not tell; other places of unknown level are ordered by nothing.
        return None if head.subtype in _NAMED_AREAS else "place-level-unknown"
    if head.subtype in AREA_SUBTYPES and tail.subtype != "Region":
        return None  # an area inside a zone, district, county, city or province
    head_depth = PLACE_DEPTH.get(head.subtype or "")
    if head_depth is None:
        return "place-level-unknown"
    return None if head_depth > tail_depth else "place-level-order"


# A zone's name opens with its city's short name (贵阳经开区, 池州高新区); the longest
# short names are of four characters (呼和浩特).
_CITY_SHORT_NAME_LENGTHS = (4, 3, 2)
# Marks of a name that joins two places (深圳（哈尔滨）产业园区, 京津·中关村科技城): a park
# one city builds in another bears the builder's name first.
_JOINED_NAME_MARKS = frozenset("（）()·•—-")


@lru_cache(maxsize=4096)
def _named_elsewhere(zone: str, tail: str) -> bool:
    """Whether ``zone`` is named after a city whose division and ``tail``'s neither hold
    each other (贵阳经开区 is no part of 大庆市): the name is the city's, so it lies there.
    False when the name joins places or names another one (苏州宿迁工业园区), or when
    either division is unknown."""
    tail_code = _division_code(tail)
    named = _opening_city_code(zone)
    if not tail_code or not named or named == tail_code:
        return False
    chains = default_gazetteer().parent_chain
    return tail_code not in chains(named) and named not in chains(tail_code)


def _opening_city_code(zone: str) -> str | None:
    """The code of the prefecture-level city whose short name opens ``zone``, when the rest
    of the name holds no mark of a joined name and no other place's name."""
    if not _JOINED_NAME_MARKS.isdisjoint(zone):
        return None
    gazetteer = default_gazetteer()
    for length in _CITY_SHORT_NAME_LENGTHS:
        surface = gazetteer.surface(zone[:length])
        if surface is None or surface.type != "Place" or len(surface.division_codes) != 1:
            continue
        code = surface.division_codes[0]
        division = gazetteer.divisions.get(code)
        if division is None or division.level != PREFECTURE_LEVEL or _names_a_place(zone[length:]):
            return None
        return code
    return None


_NAME_PART_LENGTHS = (2, 3, 4)


def _names_a_place(rest: str) -> bool:
    """Whether ``rest`` (a zone's name past its city) holds another place's name."""
    return default_gazetteer().holds_name(rest, "Place", _NAME_PART_LENGTHS)


# A state-level new area (南京江北新区) is a zone that spans whole districts and counties.
_NEW_AREA = "新区"


def _new_area_holds(head: Mention, tail: Mention) -> bool:
    return (
        tail.subtype == "DevelopmentZone"
        and tail.canonical.endswith(_NEW_AREA)
        and head.subtype in ("District", "County")
    )


def _part_of_classes(head_class: str, tail_class: str) -> bool:
    """Whether PART_OF may join the two classes: places, organisations or chains each among
    themselves. A chain is a segment of another where the text says so ("A、B等X"); the
    subtype ChainSegment is a role in that statement, so it is not required here."""
    if head_class in ORGANISATION_CLASSES and tail_class in ORGANISATION_CLASSES:
        return True
    return head_class == tail_class and head_class in _PART_OF_ALONE


_PART_OF_ALONE = frozenset({"Place", "IndustryChain"})  # classes PART_OF joins only to their own


def _part_of_violation(head: Mention, tail: Mention) -> str | None:
    if not _part_of_classes(head.type, tail.type):
        return "class-mismatch"
    if head.type == "Place":
        return _place_violation(head, tail)
    return None


def classes_may_join(rel_type: str, head_class: str, tail_class: str) -> bool:
    """Whether ``rel_type`` may join a head and a tail of these classes at all, whatever
    the names (PART_OF between places depends on them besides: violation)."""
    if rel_type == "PART_OF":
        return _part_of_classes(head_class, tail_class)
    # The ontology's rdfs:domain and rdfs:range are the one table of who may join whom.
    heads, tails = domain_and_range(rel_type)
    return head_class in heads and tail_class in tails


def violation(rel_type: str, head: Mention, tail: Mention) -> str | None:
    """Why ``head -rel_type-> tail`` is not allowed, or None when it is."""
    if rel_type == "PART_OF":
        reason = _part_of_violation(head, tail)
        return None if reason is None else f"type-constraint:PART_OF:{reason}"
    if classes_may_join(rel_type, head.type, tail.type):
        return None
    return f"type-constraint:{rel_type}:{head.type}->{tail.type}"
