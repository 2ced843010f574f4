"""Place and zone candidates of a sentence: places split off the names they open, centres
of places, bare zones, listed, sibling, chained and bare-county districts, parks listed
beside places, counties written before their industry, old towns, route ends, province
abbreviations."""

from __future__ import annotations

import re

from kg.model import Sentence
from loaders.lexicon.chain_names import strip_industry_suffix, vocabulary_term_start
from loaders.lexicon.gazetteer import COUNTY_LEVEL, PREFECTURE_LEVEL, Division, Gazetteer, short_form
from loaders.lexicon.matcher import SurfaceMatch, name_form
from loaders.lexicon.place_names import province_abbreviations
from loaders.mentions.candidates import (
    ABBREVIATION_SOURCE,
    BARE_COUNTY_SOURCE,
    BARE_SIBLINGS_SOURCE,
    BARE_ZONE_SOURCE,
    CHAINED_DISTRICT_SOURCE,
    COUNTY_INDUSTRY_SOURCE,
    COUNTY_LEAD_SOURCE,
    GAZETTEER_SOURCE,
    LISTED_DISTRICT_SOURCE,
    OLD_TOWN_SOURCE,
    PLACE_CENTRE_SOURCE,
    PLACE_LIST_SOURCE,
    ROUTE_END_SOURCE,
    Candidate,
    DocState,
    known_as,
)
from loaders.mentions.chained_divisions import chained_division
from loaders.mentions.county_context import PlaceSpan, bare_counties
from loaders.mentions.district_lists import (
    bare_listed_divisions,
    listed_divisions,
    sibling_divisions,
)
from loaders.mentions.entity_rules import RULES, judge, left_boundary
from loaders.mentions.field_lists import is_industry_sibling
from loaders.mentions.gazetteer_candidates import from_surface
from loaders.mentions.old_towns import old_towns
from loaders.mentions.place_lists import listed_places
from loaders.mentions.route_ends import route_ends
from loaders.mentions.zone_names import full_zone_name

_BARE_ZONE = re.compile("高新区|经开区|经济技术开发区|高新技术产业开发区")
_NATIONAL_ZONE_WORDS = frozenset({"高新区", "经开区"})
# "市高新区": the city's own zone, with no name before 市 (not 全市, not 某某市).
_OWN_CITY_WORD = "市"

_URBAN_CENTRE = re.compile("(?:东部|西部|南部|北部|中部|东南|西南|东北|西北|南|北|东|西)新?中心(?![城区])")
_CENTRE_NOT_NAME_NEXT = set("城区")  # 合肥中心城区: the city's central districts
_MIN_PROGRAMME_CHARS = 3

# Zones whose official name is their city's name and their type ("济南高新技术产业开发区"):
# a province or a 市 written before the city is no part of it.
_NATIONAL_ZONE = re.compile(r"(?:高新技术产业开发区|经济技术开发区|高新区|经开区)$")
_CITY_BEFORE_ZONE = re.compile(r"^([\u4e00-\u9fff]{2,3})市(?=高新技术产业开发区|经济技术开发区)")
_ADMIN_ENDINGS = ("市", "区", "县")
_MIN_ZONE_CHARS = 4
# A zone's kind with no name of its own: what it is called after the area written before it.
_ZONE_KIND_ONLY = re.compile(
    "(?:国家级|省级)?(?:经济技术开发区|高新技术产业开发区|高新技术开发区|经济开发区|工业开发区|开发区"
    "|工业园区|工业集中区|产业园区|综合保税区|保税区|新区)"
)

_OWN_PLACE_ENDINGS = ("城", "区")  # science cities and zones
# A park ("某某新区绿色化工园区", "某某区新能源汽车产业港", "某某县工业集中区") lies in the
# area before it, which stays a mention of its own (the park is part of it), but the park
# is named with the area: its canonical name keeps the area's, as a sub-zone's does.
_PARK_ENDINGS = ("园区", "集中区", "园", "港", "基地")


def split_leading_places(
    text: str, chosen: list[Candidate], matches: list[SurfaceMatch], gaz: Gazetteer
) -> list[Candidate]:
    """A zone or park a rule found whose name opens with a place that only says where it
    lies: a province before a national zone's city ("江西省|赣州高新技术产业开发区"), a city or
    district written in full before a name that opens with a province ("溧阳市|江苏中关村科技
    产业园"), a place written twice ("天津|天津滨海…"). The leading place becomes a mention of
    its own and the zone starts after it. Other zones keep their names whole: a policy
    zone's official name holds its places ("安徽合肥庐江国家农业高新技术产业示范区")."""
    places = {m.start: m for m in matches if m.surface.type == "Place"}
    result: list[Candidate] = []
    for cand in chosen:
        split = _split_places_off(text, cand, places, gaz)
        result += split if len(split) > 1 else _split_county_off(text, cand, gaz)
    return result


# County-level names written in full: the divisions' names the gazetteer's own entries lack.
_COUNTY_NAME_CHARS = range(2, 6)
_COUNTY_ENDINGS = ("县", "区", "旗", "市")


def _split_county_off(text: str, cand: Candidate, gaz: Gazetteer) -> list[Candidate]:
    """ "某县某某产业园": a park a rule found, opening with a county or district written in full
    (a division's official name that the division table holds once): the county is a mention
    of its own and the park keeps it in its name, as _district_before_a_place does for the
    gazetteer's places."""
    if cand.type != "Place" or cand.source == GAZETTEER_SOURCE or not text.endswith(_PARK_ENDINGS, 0, cand.end):
        return [cand]
    for n in _COUNTY_NAME_CHARS:
        lead_end = cand.start + n
        name = text[cand.start : lead_end]
        if cand.end - lead_end < _MIN_ZONE_CHARS or not name.endswith(_COUNTY_ENDINGS):
            continue
        found = gaz.divisions_by_name.get(name, [])
        if len(found) == 1 and found[0].level == COUNTY_LEVEL:
            park = Candidate(lead_end, cand.end, cand.type, cand.subtype, cand.canonical, cand.source)
            return [_division_candidate(cand.start, lead_end, found[0], COUNTY_LEAD_SOURCE), park]
    return [cand]


def _split_places_off(text: str, cand: Candidate, places: dict[int, SurfaceMatch], gaz: Gazetteer) -> list[Candidate]:
    """``cand`` with the places that only say where it lies split off, one after the
    other ("山东省|济南市|高新区")."""
    split: list[Candidate] = []
    while True:
        lead = places.get(cand.start) if cand.type == "Place" and cand.source != GAZETTEER_SOURCE else None
        if lead is None:
            return [*split, cand]
        nxt = places.get(lead.end)
        if _city_and_its_zone(text, cand, lead):
            canonical = full_zone_name(
                name_form((short_form(lead.surface.canonical) or "") + text[lead.end : cand.end])
            )
        elif nxt is not None and _qualifies(text, cand, lead, nxt):
            canonical = _CITY_BEFORE_ZONE.sub(r"\1", full_zone_name(name_form(text[lead.end : cand.end])))
        elif _zone_before_its_part(text, cand, lead, gaz):
            canonical = name_form(text[lead.end : cand.end])
        elif _district_before_a_place(text, cand, lead, gaz):
            canonical = full_zone_name(name_form(text[lead.end : cand.end]))
            if text.endswith(_PARK_ENDINGS, lead.end, cand.end) or _ZONE_KIND_ONLY.fullmatch(text, lead.end, cand.end):
                # a park is named with its area, and so is a zone its kind alone names
                # ("含山县|经济开发区": 含山县经济开发区, not a place called 经济开发区)
                canonical = lead.surface.canonical + canonical
        else:
            return [*split, cand]
        split.append(from_surface(lead))
        cand = Candidate(lead.end, cand.end, cand.type, cand.subtype, canonical, cand.source)


def _city_and_its_zone(text: str, cand: Candidate, lead: SurfaceMatch) -> bool:
    """ "济南市高新区": a city written in full, then a bare zone word (the city's zone, named
    after the city): two mentions, the city and its zone."""
    return (
        lead.surface.subtype == "City"
        and text.endswith("市", lead.start, lead.end)
        and _BARE_ZONE.fullmatch(text, lead.end, cand.end) is not None
    )


def _qualifies(text: str, cand: Candidate, lead: SurfaceMatch, nxt: SurfaceMatch) -> bool:
    if cand.end - lead.end < _MIN_ZONE_CHARS:
        return False
    if lead.surface.canonical == nxt.surface.canonical:
        return True
    if lead.surface.subtype == "Province":
        national = _NATIONAL_ZONE.search(text, 0, cand.end) is not None
        return national and nxt.surface.subtype in ("City", "District", "County")
    written_in_full = text.endswith(_ADMIN_ENDINGS, lead.start, lead.end)
    local = lead.surface.subtype in ("City", "District", "County")
    return written_in_full and local and nxt.surface.subtype == "Province"


# What a zone holds, named after the zone's name: a sub-area, a town, a base or a science
# park of a name of its own. (Industrial parks are rule_candidates._after_zone_prefix's: a
# park named by an industry has no name without its zone.)
_ZONE_PART_ENDINGS = ("片区", "小镇", "科技园", "基地")
_ZONE_WORDS = ("开发区", "经开区", "高新区", "新区")


def _zone_before_its_part(text: str, cand: Candidate, lead: SurfaceMatch, gaz: Gazetteer) -> bool:
    """ "某某高新区星湖片区", "某某经开区云栖小镇": a known zone, then a part of it with a name of
    its own (not an industry's: "生物医药基地"): two places, and the part is named alone."""
    return (
        lead.surface.subtype == "DevelopmentZone"
        and text.endswith(_ZONE_WORDS, lead.start, lead.end)
        and text.endswith(_ZONE_PART_ENDINGS, lead.end, cand.end)
        and cand.end - lead.end >= _MIN_ZONE_CHARS
        and not _named_by_an_industry(text[lead.end : cand.end], gaz)
    )


def parts_after_zones(text: str, pool: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """``pool`` with each park or area a rule read over a zone the rules read too ("浦口经济开发区
    桥林片区") cut to start after the zone: the zone and its part are two places (as
    _zone_before_its_part splits a known zone off)."""
    zones = {
        (c.start, c.end)
        for c in pool
        if c.type == "Place" and c.subtype == "DevelopmentZone" and text.endswith(_ZONE_WORDS, c.start, c.end)
    }
    if not zones:
        return pool
    result = []
    for cand in pool:
        zone_end = _zone_opening(text, cand, zones, gaz)
        if zone_end > 0:
            cand = Candidate(
                zone_end, cand.end, cand.type, cand.subtype, name_form(text[zone_end : cand.end]), cand.source
            )
        result.append(cand)
    return result


def _zone_opening(text: str, cand: Candidate, zones: set[tuple[int, int]], gaz: Gazetteer) -> int:
    """The end of the zone that opens place ``cand`` when the rest names a part of it, or -1."""
    if cand.type != "Place" or not text.endswith(_ZONE_PART_ENDINGS, cand.start, cand.end):
        return -1
    ends = [b for a, b in zones if a == cand.start and cand.end - b >= _MIN_ZONE_CHARS]
    end = max(ends, default=-1)
    return end if end > 0 and not _named_by_an_industry(text[end : cand.end], gaz) else -1


def _named_by_an_industry(part: str, gaz: Gazetteer) -> bool:
    """ "生物医药基地": a part named by an industry has no name without its zone."""
    own = next((part[: -len(w)] for w in _ZONE_PART_ENDINGS if part.endswith(w)), part)
    surface = gaz.surface(own)
    return surface is not None and surface.type == "IndustryChain"


def _district_before_a_place(text: str, cand: Candidate, lead: SurfaceMatch, gaz: Gazetteer) -> bool:
    """ "红谷滩区VR科创城", "哈尔滨新区江北一体发展区", "乐清市柳白新区": a district, county,
    county-level city or new area written in full, then a science city, zone or park of its
    own name: two places, not one. A park keeps the district in its canonical name ("包河区…
    产业港"). (A prefecture's zone keeps its city: "北海市铁山港工业区".)"""
    in_full = (
        lead.surface.subtype in ("District", "County")
        or lead.surface.canonical.endswith("新区")
        or _county_level_city(lead, gaz)
    )
    return (
        in_full
        and text.endswith(("区", "县", "市"), lead.start, lead.end)
        and text.endswith((*_OWN_PLACE_ENDINGS, *_PARK_ENDINGS), lead.end, cand.end)
        and cand.end - lead.end >= _MIN_ZONE_CHARS
        and _BARE_ZONE.fullmatch(text, lead.end, cand.end) is None
    )


def _county_level_city(lead: SurfaceMatch, gaz: Gazetteer) -> bool:
    codes = lead.surface.division_codes
    return (
        lead.surface.subtype == "City"
        and len(codes) == 1
        and codes[0] in gaz.divisions
        and gaz.divisions[codes[0]].level == COUNTY_LEVEL
    )


def place_centre_candidates(text: str, matches: list[SurfaceMatch]) -> list[Candidate]:
    """Centres named by a place. "<place>东部新中心" / "<place>北部中心" is a new urban
    centre, a Place; "<program or field><place>中心" ("某某网络合肥中心") is the place's
    branch of a national programme, an InnovationPlatform."""
    known = [(m.start, m.end) for m in matches]
    found = []
    for m in matches:
        if m.surface.type != "Place" or m.surface.subtype == "Region":
            continue
        area = _URBAN_CENTRE.match(text, m.end)
        if area is not None:
            name = name_form(text[m.start : area.end()])
            found.append(Candidate(m.start, area.end(), "Place", None, name, PLACE_CENTRE_SOURCE))
            continue
        if not text.startswith("中心", m.end) or text[m.end + 2 : m.end + 3] in _CENTRE_NOT_NAME_NEXT:
            continue
        start = left_boundary(text, m.start, known)
        rule = RULES.get("platform-center")
        if m.start - start >= _MIN_PROGRAMME_CHARS and judge(rule, text[start : m.start]) is None:
            name = name_form(text[start : m.end + 2])
            found.append(Candidate(start, m.end + 2, "InnovationPlatform", None, name, PLACE_CENTRE_SOURCE))
    return found


def bare_zone_candidates(
    sentence: Sentence, matches: list[SurfaceMatch], gaz: Gazetteer, state: DocState
) -> list[Candidate]:
    """ "经开区。…" / "高新区：…" / "，市经开区…": a zone word with no name before it (or
    only 市, the city's own) is the zone of that kind of the city the article is about
    (合肥 + 经开区 -> 合肥经济技术开发区): the last city it named, or before any, the city
    it names most (its focus)."""
    text = sentence.text
    if "区" not in text:
        return []
    city = _city_short_name(sentence, gaz, state)
    if city is None:
        return []
    known = [(m.start, m.end) for m in matches]
    found = []
    for hit in _BARE_ZONE.finditer(text):
        s, e = hit.span()
        opening = s - 1 if s > 0 and text[s - 1] == _OWN_CITY_WORD else s
        if any(a < e and s < b for a, b in known) or left_boundary(text, opening, known) != opening:
            continue  # part of a longer name, or a name stands before it
        surface = gaz.surface(city + hit.group())
        if surface is not None and surface.type == "Place":
            found.append(Candidate(s, e, "Place", surface.subtype, surface.canonical, BARE_ZONE_SOURCE))
        elif surface is None and hit.group() in _NATIONAL_ZONE_WORDS:
            # A city the reference data has no zone for: its national zone of that kind,
            # by the fixed official pattern (宜昌 + 高新区 -> 宜昌高新技术产业开发区).
            name = full_zone_name(city + hit.group())
            found.append(Candidate(s, e, "Place", "DevelopmentZone", name, BARE_ZONE_SOURCE))
    return found


def listed_district_candidates(text: str, matches: list[SurfaceMatch], gaz: Gazetteer) -> list[Candidate]:
    """ "广州市荔湾、越秀、天河等区": the bare names are districts of the city before them."""
    cities = [m for m in matches if m.surface.type == "Place" and m.surface.subtype == "City"]
    found = []
    for city in cities:
        code = gaz.division_code(city.surface.canonical)
        if code is None:
            continue
        for item in listed_divisions(text[city.end :], code, gaz):
            found.append(
                _division_candidate(city.end + item.start, city.end + item.end, item.division, LISTED_DISTRICT_SOURCE)
            )
    return found


def sibling_district_candidates(text: str, gaz: Gazetteer) -> list[Candidate]:
    """ "小店区、晋源、清徐县": a bare member beside its city's divisions (district_lists.py)."""
    return [
        _division_candidate(item.start, item.end, item.division, LISTED_DISTRICT_SOURCE)
        for item in sibling_divisions(text, gaz)
    ]


def bare_sibling_candidates(text: str, gaz: Gazetteer) -> list[Candidate]:
    """ "在灵石、介休建设": bare members of a list that are divisions of one city
    (district_lists.py). Read after the lists of places, as the bare counties are: a bare
    member is no place those lists may take as their cue to type the members after it
    ("溧阳、金坛两地共建电池基地" names no place 金坛两地共建电池基地)."""
    return [
        _division_candidate(item.start, item.end, item.division, BARE_SIBLINGS_SOURCE)
        for item in bare_listed_divisions(text, gaz)
    ]


def bare_county_candidates(
    text: str, spans: list[tuple[int, int]], pool: list[Candidate], document_codes: frozenset[str], gaz: Gazetteer
) -> list[Candidate]:
    """Counties by their bare short name where the text shows a place ("江苏宜兴",
    "溧阳、金坛", "落户从化"), in text no other name covers (county_context.py); ``spans``:
    where the text writes a county's short name."""
    if not spans:
        return []  # speed: most sentences write no county's short name
    places = [PlaceSpan(c.start, c.end, c.division_codes) for c in pool if c.type == "Place"]
    taken = [(c.start, c.end) for c in pool]
    return [
        _division_candidate(c.start, c.end, c.division, BARE_COUNTY_SOURCE)
        for c in bare_counties(text, spans, places, taken, document_codes, gaz)
    ]


def place_list_candidates(text: str, pool: list[Candidate]) -> list[Candidate]:
    """Unknown members of lists of places ("甲科技城、乙云城") (place_lists.py)."""
    places = {(c.start, c.end) for c in pool if c.type == "Place"}
    if not any(_beside_enumeration_comma(text, a, b) for a, b in places):
        return []  # speed: every member of a 、-list stands beside a 、, so no known place is one
    firms = {(c.start, c.end) for c in pool if c.type == "Enterprise"}
    return [
        Candidate(p.start, p.end, "Place", None, name_form(text[p.start : p.end]), PLACE_LIST_SOURCE)
        for p in listed_places(text, places, firms)
    ]


def _beside_enumeration_comma(text: str, start: int, end: int) -> bool:
    return text.startswith("、", end) or (start > 0 and text[start - 1] == "、")


def chained_district_candidates(text: str, matches: list[SurfaceMatch], gaz: Gazetteer) -> list[Candidate]:
    """ "山东青岛崂山": a bare district name after its province and city (chained_divisions.py)."""
    found = []
    for province, city in zip(matches, matches[1:], strict=False):
        if city.start != province.end or province.surface.subtype != "Province" or city.surface.subtype != "City":
            continue
        province_code = gaz.division_code(province.surface.canonical)
        city_code = gaz.division_code(city.surface.canonical)
        if province_code is None or city_code is None:
            continue
        item = chained_division(text, city.end, province_code, city_code, gaz)
        if item is not None:
            found.append(_division_candidate(item.start, item.end, item.division, CHAINED_DISTRICT_SOURCE))
    return found


def old_town_candidates(text: str, matches: list[SurfaceMatch]) -> list[Candidate]:
    """ "青石古镇": the town 青石镇 (old_towns.py)."""
    known = [(m.start, m.end) for m in matches]
    return [Candidate(t.start, t.end, "Place", None, t.name, OLD_TOWN_SOURCE) for t in old_towns(text, known)]


def route_end_candidates(text: str, gaz: Gazetteer) -> list[Candidate]:
    """ "宁国至绩溪高速": bare county-level places ending a route (route_ends.py)."""
    return [_division_candidate(r.start, r.end, r.division, ROUTE_END_SOURCE) for r in route_ends(text, gaz)]


def _division_candidate(start: int, end: int, division: Division, source: str) -> Candidate:
    """A bare county-level name read as the division it is (its name and code)."""
    return Candidate(start, end, "Place", division.subtype, division.name, source, division_codes=(division.code,))


def abbreviation_candidates(text: str, matches: list[SurfaceMatch], gaz: Gazetteer) -> list[Candidate]:
    """Provinces named by one character in a run of abbreviations ("沪苏浙皖")."""
    found = []
    for at, province in province_abbreviations(text):
        surface = gaz.surface(province)
        if surface is None or any(m.start <= at < m.end for m in matches):
            continue  # inside a longer known name (江苏浙江), or unknown to the gazetteer
        found.append(Candidate(at, at + 1, "Place", surface.subtype, surface.canonical, ABBREVIATION_SOURCE))
    return found


def _city_short_name(sentence: Sentence, gaz: Gazetteer, state: DocState) -> str | None:
    code = state.city_by_article.get(sentence.article) or state.focus_by_article.get(sentence.article)
    division = gaz.divisions.get(code) if code else None
    if division is None or division.level != PREFECTURE_LEVEL:
        return None
    return short_form(division.name)


# The industry after a county's short name: a term of the vocabularies ends it, and it is no
# longer than a cluster's name usually is ("高端交通铝材", "环境控制装备").
_MAX_COUNTY_INDUSTRY_CHARS = 8
_MIN_INDUSTRY_TERM_CHARS = 2


def split_county_industries(
    text: str, chosen: list[Candidate], document_codes: frozenset[str], gaz: Gazetteer
) -> list[Candidate]:
    """ "福山汽车零部件、龙口铝材等产业集群": a city's clusters written by the
    county's short name and the industry it hosts. A chain a rule found that opens with the
    short name of a county of a city the page names, before an industry, is two names: the
    county, a place of its own, and the industry."""
    result: list[Candidate] = []
    for cand in chosen:
        split = _county_and_industry(text, cand, document_codes, gaz) if cand.type == "IndustryChain" else None
        result += split if split is not None else [cand]
    return result


def _county_and_industry(
    text: str, cand: Candidate, document_codes: frozenset[str], gaz: Gazetteer
) -> list[Candidate] | None:
    if cand.source == GAZETTEER_SOURCE:
        return None
    name_end = cand.start + len(strip_industry_suffix(text[cand.start : cand.end]))
    for at, county in gaz.county_short_forms_at(text, cand.start):
        if county.parent not in document_codes or not _industry_after(text, at, name_end):
            continue
        canonical, subtype = known_as(name_form(text[at:name_end]), "IndustryChain", cand.subtype, gaz)
        industry = Candidate(at, cand.end, "IndustryChain", subtype, canonical, cand.source)
        return [_division_candidate(cand.start, at, county, COUNTY_INDUSTRY_SOURCE), industry]
    return None


def _industry_after(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is an industry: a vocabulary term ends it, or it is named
    like one by two words at least (环境控制装备, 加工制造)."""
    if not 0 < end - start <= _MAX_COUNTY_INDUSTRY_CHARS:
        return False
    term = vocabulary_term_start(text, end, start)
    return (term >= 0 and end - term >= _MIN_INDUSTRY_TERM_CHARS) or is_industry_sibling(text[start:end])
