"""Bare county-level names listed under their city: "广州市荔湾、越秀、天河等区".

A list of two- or three-character items closed by 等 (and a count) and 区/县/区县 names
the districts or counties of the city written before it. Each item is looked up in the
division table (loaders/lexicon/data/divisions.tsv) as item + 区/县/市 among that city's own
divisions, so only real divisions of that city are taken, whatever the item's words. A
bare member beside full ones is a division of the full ones' city (sibling_divisions), and
bare members of which two at least are divisions of one city are that city's
(bare_listed_divisions: "在灵石、介休建设").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from loaders.lexicon.gazetteer import COUNTY_LEVEL, PREFECTURE_LEVEL, Division, Gazetteer

_HAN_BUT_DENG = "[\u4e00-\u7b48\u7b4a-\u9fff]"  # 等 (U+7B49) closes the list
_LIST = re.compile(
    rf"(?P<items>{_HAN_BUT_DENG}{{2,3}}(?:[、和及与]{_HAN_BUT_DENG}{{2,3}}){{1,15}})"
    r"(?P<deng>等)?(?:[0-9一二三四五六七八九十两]+个)?(?P<kind>区县|县区|县市区|区|县|地区|地)"
)
_SUFFIXES = {
    "区": ("区",),
    "县": ("县", "市"),
    "区县": ("区", "县", "市"),
    "县区": ("县", "区", "市"),
    "县市区": ("县", "市", "区"),
    # "余杭、萧山和临安等地(区)": places at large, after 等 only; any county-level ending.
    "地区": ("区", "县", "市"),
    "地": ("区", "县", "市"),
}
_PLACES_AT_LARGE = ("地区", "地")
_JOINERS = re.compile(r"[、和及与]")


@dataclass(frozen=True, slots=True)
class ListedDivision:
    """A county-level division named by its bare short name (in a list, or at a route's end)."""

    start: int
    end: int
    division: Division


def listed_divisions(text: str, city_code: str, gaz: Gazetteer) -> list[ListedDivision]:
    """Items of district lists in ``text`` that are divisions of the city ``city_code``."""
    found: list[ListedDivision] = []
    for match in _LIST.finditer(text):
        if match.group("kind") in _PLACES_AT_LARGE and not match.group("deng"):
            continue  # "某某地区" without 等 is a region's own name, no list of divisions
        start = match.start("items")
        items = match.group("items")
        suffixes = _SUFFIXES[match.group("kind")]
        position = start
        for index, item in enumerate(_JOINERS.split(items)):
            division = division_of(item, suffixes, city_code, gaz)
            if division is None and index == 0 and len(item) > _BARE_CHARS[0]:
                # The first item's left edge is a guess: a preposition may be glued to
                # it ("向余杭、萧山等地"); its last two characters may be the name.
                division = division_of(item[1:], suffixes, city_code, gaz)
                position, item = position + 1, item[1:]
            if division is not None:
                found.append(ListedDivision(position, position + len(item), division))
            position += len(item) + 1
    return found


def division_of(item: str, suffixes: tuple[str, ...], city_code: str, gaz: Gazetteer) -> Division | None:
    """The division of city ``city_code`` named ``item`` plus one of ``suffixes``, if any."""
    for suffix in suffixes:
        for division in gaz.divisions_by_name.get(item + suffix, []):
            if division.parent == city_code:
                return division
    return None


# "小店区、晋源、清徐县": in a list whose other members are a city's districts or counties
# written in full, a bare member is a division of the same city when the table holds it
# with a suffix ("晋源" → 晋源区). The full members tell the city: no city need be written.
_SIBLING_RUN = re.compile(r"[\u4e00-\u9fff]{2,8}(?:[、和及与][\u4e00-\u9fff]{2,8})+")
_MIN_ITEM_CHARS, _MAX_ITEM_CHARS = 2, 8  # the lengths of an item of _SIBLING_RUN
_BARE_CHARS = (2, 3)
_FULL_ENDINGS = ("区", "县", "市")  # how a county-level division's full name ends
_FULL_ENDING_CHAR = re.compile(f"[{''.join(_FULL_ENDINGS)}]")


def sibling_divisions(text: str, gaz: Gazetteer) -> list[ListedDivision]:
    """Bare members of lists in ``text`` that are divisions of the city of the full ones."""
    found: list[ListedDivision] = []
    if not any(ending in text for ending in _FULL_ENDINGS):
        return found  # speed: no member can be written in full, so none tells the city
    for run in _sibling_runs(text):
        if _FULL_ENDING_CHAR.search(text, run.start(), run.end()) is None:
            continue  # speed: as above, for the run alone (most runs hold no division)
        items = _items_of(run.group(), run.start())
        cities = _shared_cities([name for _, name in items], gaz)
        if not cities:
            continue
        for index, (start, item) in enumerate(items):
            if index == 0 and run.start() > 0:
                continue  # the first item's left edge is unknown: words may stand before it
            if len(item) not in _BARE_CHARS or gaz.surface(item) is not None:
                continue
            division = _only_division(item, cities, gaz)
            if division is not None:
                found.append(ListedDivision(start, start + len(item), division))
    return found


def _sibling_runs(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_SIBLING_RUN.finditer(text)``, found faster.

    Speed: the pattern opens with a run of Han characters that it backtracks through, and
    ``finditer`` tries it at every character. A run's first joiner stands two to eight
    characters after its start, so trying only there, left to right and never inside the
    previous run, yields the same matches."""
    resume = 0
    for joiner in _JOINERS.finditer(text):
        first_item_end = joiner.start()
        for start in range(max(resume, first_item_end - _MAX_ITEM_CHARS), first_item_end - _MIN_ITEM_CHARS + 1):
            run = _SIBLING_RUN.match(text, start)
            if run is not None:
                resume = run.end()
                yield run
                break


def _items_of(run: str, offset: int) -> list[tuple[int, str]]:
    items, position = [], offset
    for item in _JOINERS.split(run):
        items.append((position, item))
        position += len(item) + 1
    return items


def _shared_cities(items: list[str], gaz: Gazetteer) -> set[str]:
    """The cities every member written as a full county-level name may belong to."""
    shared: set[str] | None = None
    for item in items:
        parents = {d.parent for d in _full_division_ending(item, gaz)}
        if parents:
            shared = parents if shared is None else shared & parents
    return shared or set()


def _full_division_ending(item: str, gaz: Gazetteer) -> list[Division]:
    """County-level divisions whose full name (with 区/县/市) ends ``item``."""
    if not item.endswith(_FULL_ENDINGS):
        return []  # (every ending of ``item`` ends in its last character)
    for size in range(len(item), 2, -1):
        found = [d for d in gaz.divisions_by_name.get(item[-size:], []) if d.level == COUNTY_LEVEL]
        if found:
            return found
    return []


def _only_division(item: str, cities: set[str], gaz: Gazetteer) -> Division | None:
    """The one division of ``cities`` that ``item`` names bare, or in full where the full
    name is too short for the gazetteer to take anywhere (费县, 萧县: two characters)."""
    found = [d for city in sorted(cities) if (d := division_of(item, ("区", "县", "市", ""), city, gaz)) is not None]
    return found[0] if len(found) == 1 else None


# "在灵石、介休建设", "即墨、莱西、西海岸": a list of bare short names, none written in full.
# Two members or more that are county-level divisions of one city, and of no other city as
# many, name that city's divisions: two of one city's counties side by side are seldom two
# everyday words. The first member's left edge and the last one's right edge are guesses
# (words stand glued to them), so their ends are tried as names too.
_MIN_BARE_SIBLINGS = 2


def bare_listed_divisions(text: str, gaz: Gazetteer) -> list[ListedDivision]:
    """Members of lists of bare names that are divisions: a city's counties side by side
    (see above), and prefectures named by their own name beside their province's cities
    (_bare_prefectures_in). Each run of the text is walked once for both."""
    found: list[ListedDivision] = []
    for run in _sibling_runs(text):
        items = _items_of(run.group(), run.start())
        found += _bare_siblings_in(items, gaz)
        found += _bare_prefectures_in(text, items, gaz)
    return found


def _bare_siblings_in(items: list[tuple[int, str]], gaz: Gazetteer) -> list[ListedDivision]:
    """The members of one run that are bare divisions of one city (see above)."""
    readings = [_bare_readings(start, item, index, len(items), gaz) for index, (start, item) in enumerate(items)]
    city = _city_of_most(readings)
    if city is None:
        return []
    found = []
    for options in readings:
        taken = [(a, b, d) for a, b, d in options if d.parent == city]
        if taken:
            a, b, division = taken[0]
            found.append(ListedDivision(a, b, division))
    return found


def _bare_readings(start: int, item: str, index: int, count: int, gaz: Gazetteer) -> list[tuple[int, int, Division]]:
    """(start, end, division) of each way ``item`` may be a bare county-level name: whole, or,
    for the first member, its last characters, and for the last, its first ones."""
    spans = [(start, start + len(item))] if len(item) in _BARE_CHARS else []
    if index == 0:
        spans += [(start + len(item) - n, start + len(item)) for n in _BARE_CHARS if len(item) > n]
    if index == count - 1:
        spans += [(start, start + n) for n in _BARE_CHARS if len(item) > n]
    readings = []
    for a, b in spans:
        name = item[a - start : b - start]
        if gaz.surface(name) is not None:
            continue  # a full name, or a name the gazetteer knows as something else
        # (A full name too short for the gazetteer, 费县, is read here as its own short form.)
        found = gaz.counties_by_short_form.get(name, ()) or _short_full_names(name, gaz)
        readings += [(a, b, d) for d in found]
    return readings


def _city_of_most(readings: list[list[tuple[int, int, Division]]]) -> str | None:
    """The one city of which members name at least _MIN_BARE_SIBLINGS distinct divisions,
    more than of any other city."""
    named: dict[str, set[str]] = {}  # city: the distinct divisions members may name in it
    for options in readings:
        for _, _, division in options:
            named.setdefault(division.parent, set()).add(division.code)
    counts = {city: len(codes) for city, codes in named.items()}
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or ranked[0] < _MIN_BARE_SIBLINGS or (len(ranked) > 1 and ranked[1] == ranked[0]):
        return None
    return next(city for city, n in counts.items() if n == ranked[0])


def _short_full_names(name: str, gaz: Gazetteer) -> tuple[Division, ...]:
    """County-level divisions whose full name is ``name`` when it is too short for the
    gazetteer to take anywhere (费县, 萧县): beside another division of their city only."""
    if len(name) >= _MIN_SURFACE_CHARS:
        return ()
    return tuple(d for d in gaz.divisions_by_name.get(name, ()) if d.level == COUNTY_LEVEL)


_MIN_SURFACE_CHARS = 3


# "文山、昭通、曲靖、红河、昆明等地", "成都、甘孜、阿坝": prefectures named by their own
# name alone (文山壮族苗族自治州, 大同市 whose short name is an everyday word) beside
# prefecture-level cities of the same province that the gazetteer knows by short name. Alone
# such a name is a river, a mountain or a word; in a list of its province's cities it is one.


def _bare_prefectures_in(text: str, items: list[tuple[int, str]], gaz: Gazetteer) -> list[ListedDivision]:
    """The members of one run that name prefectures by their own name, beside at least
    _MIN_BARE_SIBLINGS known prefecture-level cities of the same province (see above)."""
    own_names = gaz.prefectures_by_own_name
    provinces: dict[str, int] = {}
    bare: list[tuple[int, int, Division]] = []
    for index, (start, item) in enumerate(items):
        for a, b in _item_spans(start, item, index, len(items)):
            name = text[a:b]
            province = _known_prefecture_province(name, gaz)
            if province is not None:
                provinces[province] = provinces.get(province, 0) + 1
                break
            if name in own_names:
                bare.append((a, b, own_names[name]))
                break
    return [ListedDivision(a, b, d) for a, b, d in bare if provinces.get(d.parent, 0) >= _MIN_BARE_SIBLINGS]


def _item_spans(start: int, item: str, index: int, count: int) -> list[tuple[int, int]]:
    """Where a member's name may stand: the whole item, the last characters of the first
    item, the first characters of the last one (words glue to a run's ends: "在文山", "昆明等地")."""
    spans = [(start, start + len(item))]
    if index == 0:
        spans += [(start + len(item) - n, start + len(item)) for n in _OWN_NAME_CHARS if len(item) > n]
    if index == count - 1:
        spans += [(start, start + n) for n in _OWN_NAME_CHARS if len(item) > n]
    return spans


_OWN_NAME_CHARS = (4, 3, 2)


def _known_prefecture_province(name: str, gaz: Gazetteer) -> str | None:
    """The province of the prefecture-level city the gazetteer knows as ``name``, if any."""
    surface = gaz.surface(name)
    if surface is None or surface.type != "Place" or len(surface.division_codes) != 1:
        return None
    division = gaz.divisions.get(surface.division_codes[0])
    return division.parent if division is not None and division.level == PREFECTURE_LEVEL else None
