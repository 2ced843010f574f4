"""Candidates the suffix rules find in a sentence (entity_rules.py): each hit judged, its
name's start found (rule_starts.py), owners, parent zones and industries read around it,
lists of chains a rule's suffix ends split into their items."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

import rjieba

from loaders.lexicon.chain_names import is_vocabulary_term, plain_chain_stem
from loaders.lexicon.gazetteer import Gazetteer
from loaders.lexicon.matcher import SurfaceMatch, name_form
from loaders.lexicon.segmenter import segment
from loaders.mentions.apposed_firms import quoted_firm_follows
from loaders.mentions.bracketed_segments import bracket_open_before
from loaders.mentions.candidates import CHAIN_LIST_SOURCE, Candidate, known_as
from loaders.mentions.chain_words import common_verb
from loaders.mentions.entity_rules import (
    OWNER_ADMIN_WORDS,
    judge,
    left_boundary,
    names_a_discipline,
    strip_generic_prefix,
)
from loaders.mentions.list_cues import FIELD_HEADS, INDUSTRY_AS_MODIFIER_OF
from loaders.mentions.nicknames import is_quoted_nickname
from loaders.mentions.park_kinds import KIND_RULES, LOCATIVES, is_kind_of_park
from loaders.mentions.rule_starts import JOINED_NAME_CLASSES, rule_start
from loaders.mentions.rule_table import MAX_NAME_CHARS, EntityRule

_CHAIN_LIST_JOINERS = ("、", "和", "与", "及", "以及")
MAX_LIST_ITEMS = 12

# A count or an ordinal inside the words before a place's suffix ("第四个", "两个", "3家")
# counts places of a kind: no place is named so.
_COUNT_INSIDE = re.compile(r"第?[0-9一二三四五六七八九十百千两几]+(?:个|家|座|处)")


def rule_candidates(
    text: str, matches: list[SurfaceMatch], gaz: Gazetteer, hits: list[tuple[int, int, EntityRule]]
) -> tuple[list[Candidate], list[tuple[int, int, str]]]:
    """``hits``: suffix_hits(text)."""
    found: list[Candidate] = []
    drops: list[tuple[int, int, str]] = []
    if not hits:
        return found, drops  # most sentences: nothing to index
    known = [(m.start, m.end) for m in matches]
    starts = [m.start for m in matches]  # sorted: matches are leftmost, non-overlapping
    for s, e, rule in hits:
        covering = bisect_right(starts, s) - 1
        if covering >= 0 and e <= known[covering][1] and not matches[covering].surface.needs_context:
            # The suffix belongs to a name the gazetteer knows. (An alias that names its
            # entity only in context may end a longer name: 某某大学重庆研究院 is the
            # university's institute, not the academy's one its city's name stands for.)
            continue
        if rule.type == "IndustryChain" and _FACILITY_AFTER_INDUSTRY.match(text, e):
            continue  # "某某产业孵化基地": 产业 qualifies a facility, as in 产业基地
        # Only names within reach of the suffix matter (long table rows hold hundreds).
        reach = bisect_left(starts, s - MAX_NAME_CHARS)
        near = matches[reach : covering + 1]
        start = rule_start(text, s, rule, near, known[reach : covering + 1])
        if start < 0:
            continue
        if rule.type == "Place":
            after_firm = _after_firm_name(text, start, s)
            if after_firm > start and rule.needs_place_prefix:
                continue  # the place opens the firm's name: the zone's own words have none
            start = after_firm
            if rule.name == _TOWN_RULE:
                start = _after_county_short_name(text, start, s, rule, gaz)
        if rule.type == "IndustryChain":
            start = _after_verb_before_short_stem(text, _after_bare_division_word(text, start, s), s, rule)
        owned = _owner_end(start, s, near)
        if rule.owner_words_must_name:
            owned, start = -1, _after_legal_owner(text, start, s)
        reason = "list" if _ends_in_list_word(text, start, s) else judge(rule, text[start:s], owned > start)
        if reason is None and rule.owner_words_must_name:
            reason = _owner_words_reason(text, start, s, rule, near)
        if reason is None and rule.type == "Place" and _industry_park(text, start, s, e, gaz):
            reason = "industry-park"  # 合成生物产业园: a park of a kind, not a named place
        if reason is None and rule.type == "Place" and _COUNT_INSIDE.search(text, start, s) is not None:
            reason = "counted"  # "某省第四个国家级高新区": a rank among zones of a kind, no name
        if reason is None and rule.type == "Place" and is_quoted_nickname(text, start, e):
            reason = "nickname"  # 被誉为“某某谷”, 打造“某某硅谷”: what a place is called, no place
        if reason is None and rule.name in KIND_RULES and _kind_of_park(text, start, e, owned > start, near):
            reason = "kind-of-park"  # 获评全国某某优秀产业园区, 三大某某工业园: a title or a kind
        if reason is None and rule.type == "IndustryChain":
            reason = _chain_stem_reason(text, start, s, e, gaz)
        if reason is None and text.startswith(_SCHOOL, s) and _unowned_school(text, start, s, near):
            reason = "faculty"  # 信息工程学院, 计算机与软件学院: a university's school, not one
        if reason is None and rule.type == "Enterprise" and text.startswith("“", e) and quoted_firm_follows(text, e):
            reason = "kind-of-firm"  # "某某研发公司“甲乙科技”": the firm's name is in the quotes
        if reason is None:
            cand = _rule_candidate(text, start, s, _with_bracketed_place(text, e, rule, matches), rule, gaz)
            if rule.type == "Place":
                cand = _after_parent_zone(text, _after_zone_prefix(text, cand, gaz), near)
            found.append(cand)
        elif rule.report_drops:
            drops.append((start, e, f"{rule.name}:{reason}"))
        if rule.type == "IndustryChain" and reason is not None and not _heads_other_things(text, start, s, e):
            found += _chain_list(text, start, rule, gaz, known)
        if rule.type == "IndustryChain" and not text.endswith("等", 0, start):
            found += _vocabulary_siblings(text, _last_member_start(start, s, known), known)
    return found, drops


def _last_member_start(start: int, suffix_start: int, known: list[tuple[int, int]]) -> int:
    """Where the name before an industry word starts: the rule's own stem, or the known
    name that ends right at the word (the rule's stem is then empty)."""
    if start < suffix_start:
        return start
    return next((a for a, b in known if b == suffix_start), start)


def _vocabulary_siblings(text: str, member_start: int, known: list[tuple[int, int]]) -> list[Candidate]:
    """ "新能源、新材料产业": the industry word closes a list with no 等, and the members
    before the named one share it. Only industries the vocabularies know are taken (a
    list without 等 may run back into other words); a known name is left to the gazetteer
    and the walk goes on before it."""
    if not text.startswith("、", member_start - 1):
        return []
    known_by_end = {b: a for a, b in known}
    found: list[Candidate] = []
    item_end = member_start - 1
    for _ in range(MAX_LIST_ITEMS):
        item_start = known_by_end.get(item_end, -1)
        if item_start < 0:
            item_start = left_boundary(text, item_end, known)
            item = name_form(text[item_start:item_end])
            if item_start == item_end or not is_vocabulary_term(item):
                break
            found.append(Candidate(item_start, item_end, "IndustryChain", None, item, CHAIN_LIST_SOURCE))
        if not text.startswith("、", item_start - 1):
            break
        item_end = item_start - 1
    return found


_SCHOOL = "学院"
_SCHOOL_OWNERS = frozenset({"University", "ResearchInstitute"})


def _unowned_school(text: str, start: int, suffix_start: int, near: list[SurfaceMatch]) -> bool:
    """A discipline alone before 学院 with no university right before it: one of a
    university's schools named in passing ("信息工程学院、智能制造学院"). After its
    university ("某某大学|能源学院") the school is named whole, and a later step joins them."""
    if any(m.end == start and m.surface.type in _SCHOOL_OWNERS for m in near):
        return False
    return names_a_discipline(text[start:suffix_start])


# Incubators and accelerators of an industry ("…产业孵化基地", "…产业加速器"): like 产业园
# and 产业基地 (the rule's bad next characters), facilities that 产业 only qualifies.
_FACILITY_AFTER_INDUSTRY = re.compile("(?:孵化|加速)(?:器|基地|园|中心)")


# Words that end in 等 without closing a list ("高等研究院": an institute of advanced study).
_WORDS_ENDING_IN_DENG = ("高等", "中等", "初等", "同等", "平等", "对等", "均等", "优等", "上等", "特等")


def _ends_in_list_word(text: str, start: int, end: int) -> bool:
    return text.endswith("等", start, end) and not text.endswith(_WORDS_ENDING_IN_DENG, start, end)


# A known name and 的 with nothing or a word of place between ("某区的", "某区内的").
_LOCATIVES_OR_NONE = LOCATIVES | {""}


def _kind_of_park(text: str, start: int, end: int, owned: bool, near: list[SurfaceMatch]) -> bool:
    """Whether the park is a title, a counted or a described kind (park_kinds.py); a known
    name written just before it (some zone's own park after 的, "某某高新区内的某某园") keeps it."""
    before_of = start - 1
    after_known = any(m.end <= before_of and text[m.end : before_of] in _LOCATIVES_OR_NONE for m in near)
    return is_kind_of_park(text, start, end, owned, after_known)


def _owner_end(start: int, suffix_start: int, near: list[SurfaceMatch]) -> int:
    """End of a known organisation or place that opens the name starting at ``start``
    and leaves words of its own before the suffix; -1 when there is none."""
    for m in near:
        if m.start == start and m.end < suffix_start and m.surface.type != "IndustryChain":
            return m.end
    return -1


_OWNER_CLASSES = frozenset({"Enterprise", "University", "ResearchInstitute"})


# A firm written with its legal form ("某某有限公司", "某某集团") before a unit's own name is
# a name of its own: the unit's name starts after it (a brand opens it: 某某葡萄酒研发中心).
def _owner_at(start: int, suffix_start: int, near: list[SurfaceMatch]) -> SurfaceMatch | None:
    return next(
        (m for m in near if m.start == start and m.end <= suffix_start and m.surface.type in _OWNER_CLASSES), None
    )


_LEGAL_FORM = re.compile("公司|集团")


def _after_legal_owner(text: str, start: int, suffix_start: int) -> int:
    """Start of a unit's own name after a firm's legal name opening it, if any."""
    for legal in _LEGAL_FORM.finditer(text, start, suffix_start):
        if legal.end() < suffix_start:
            start = legal.end()
    return start


# A firm's legal name never runs on into a place's: "某某科技有限公司某某高新区" is the
# firm and then the zone it is in, written without a mark between them.
_FIRM_FORM = re.compile("公司")


def _after_firm_name(text: str, start: int, suffix_start: int) -> int:
    """Start of a place's name after a firm's legal name glued before it, if any."""
    for firm in _FIRM_FORM.finditer(text, start, suffix_start):
        start = firm.end()
    return start


def _owner_words_reason(
    text: str, start: int, suffix_start: int, rule: EntityRule, near: list[SurfaceMatch]
) -> str | None:
    """Why the words after a known owner opening the name name no unit of their own."""
    owner = _owner_at(start, suffix_start, near)
    if owner is None:
        return None
    return "owner-alone" if owner.end == suffix_start else judge(rule, text[owner.end : suffix_start])


def _with_bracketed_place(text: str, end: int, rule: EntityRule, matches: list[SurfaceMatch]) -> int:
    """ "…检验中心（合肥）": a known place in brackets right after an institution's name
    is part of that name (the branch in that place); the name ends after the bracket."""
    if rule.type not in JOINED_NAME_CLASSES or end >= len(text) or text[end] not in "（(":
        return end
    for m in matches:
        if m.start == end + 1 and m.surface.type == "Place" and text[m.end : m.end + 1] in ("）", ")"):
            return m.end + 1
    return end


# Park suffixes that open with the industry the park is for: 生物|医药园区 is named by 生物医药.
_INDUSTRY_PARK_WORDS = ("园区", "园")


def _industry_park(text: str, start: int, suffix_start: int, end: int, gaz: Gazetteer) -> bool:
    """Whether the park's words before its kind word name an industry and nothing else:
    "合成生物|产业园", and "生物医药|园区" where the suffix holds part of the industry."""
    if names_an_industry(text[start:suffix_start], gaz):
        return True
    kind = next((w for w in _INDUSTRY_PARK_WORDS if text.endswith(w, start, end)), "")
    return suffix_start - start >= 2 and bool(kind) and names_an_industry(text[start : end - len(kind)], gaz)


def names_an_industry(stem: str, gaz: Gazetteer) -> bool:
    surface = gaz.surface(name_form(strip_generic_prefix(stem)))
    return surface is not None and surface.type == "IndustryChain"


# Words that name a part of a zone ("合肥片区", "蜀山分区").
_SUB_ZONE_WORDS = ("片区", "分区")


# A park with a name of its own written after the development zone it lies in
# ("某某高新区东部产业园", "某某新区凤凰湖产业园"): the zone is named for itself (its own
# suffix makes it a mention), and the park is called by its own words and kind. A park named
# by an industry ("某某高新区集成电路产业园") or a district ("某某高新区南海园") has no name
# without the zone, and keeps it.
_PARK_KIND = r"(?P<kind>产业园区|工业园区|产业园|工业园|物流园|产业城)"
_PARK_AFTER_ZONE = re.compile(
    r"(?P<zone>[\u4e00-\u9fff]{2,10}?(?:高新技术产业开发区|经济技术开发区|高新区|经开区|开发区|新区))"
    r"(?P<own>[\u4e00-\u9fff]{2,4}?)" + _PARK_KIND
)


# ... and so with a city written in full before the park ("某某市城南工业园"): the city is
# a gazetteer mention, the park is called by its own words.
_PARK_AFTER_CITY = re.compile(r"(?P<zone>[\u4e00-\u9fff]{2,4}?市)(?P<own>[\u4e00-\u9fff]{2,4}?)" + _PARK_KIND)


def _after_zone_prefix(text: str, cand: Candidate, gaz: Gazetteer) -> Candidate:
    """The park without the zone or city written before it, when the park has a name of its own."""
    match = _PARK_AFTER_ZONE.fullmatch(text, cand.start, cand.end)
    if match is None:
        match = _PARK_AFTER_CITY.fullmatch(text, cand.start, cand.end)
        if match is None or not _names_a_city(match.group("zone"), gaz) or match.group("own").endswith("区"):
            return cand  # "某市某某新区工业园区": the new area's park, named by it
    own = match.group("own")
    if not _own_park_words(own) or names_an_industry(own, gaz) or _names_a_place(own, gaz):
        return cand
    park = match.start("own")
    return Candidate(park, cand.end, cand.type, cand.subtype, name_form(text[park : cand.end]), cand.source)


# Word classes of a park's own words: names and directions (东部, 城南, 凤凰湖), not the
# nouns of a kind or a field (智能, 数字, 总部) nor verbs (创新).
_OWN_PARK_TAGS = frozenset({"ns", "nr", "nz", "f"})


def _own_park_words(words: str) -> bool:
    return all(tag in _OWN_PARK_TAGS for _word, tag in rjieba.tag(words))


_TOWN_RULE = "place-town"
_COUNTY_SHORT_CHARS = (3, 2)


def _after_county_short_name(text: str, start: int, suffix_start: int, rule: EntityRule, gaz: Gazetteer) -> int:
    """Where a town's own name starts after its county written by the short name ("顺德北滘镇":
    北滘): towns are named on their own, never with their county's words."""
    if suffix_start - start <= rule.max_stem:
        return start
    for n in _COUNTY_SHORT_CHARS:
        own = suffix_start - start - n
        if text[start : start + n] in gaz.county_short_forms and rule.min_stem <= own <= rule.max_stem:
            return start + n
    return start


def _names_a_city(words: str, gaz: Gazetteer) -> bool:
    surface = gaz.surface(words)
    return surface is not None and surface.type == "Place" and surface.subtype == "City"


def _names_a_place(words: str, gaz: Gazetteer) -> bool:
    surface = gaz.surface(words)
    return (surface is not None and surface.type == "Place") or words in gaz.county_short_forms


def _after_bare_division_word(text: str, start: int, suffix_start: int) -> int:
    """Where an industry's name starts when a bare 市, 省 or 县 opens its words: "the city's"
    ("在市光子产业创新集群发展大会上": 光子), after it. Only the character standing as a word of its
    own: 市政, 县域 and 区块链 open their words."""
    if text[start] not in OWNER_ADMIN_WORDS or suffix_start - start < 3:
        return start
    return start + 1 if segment(text[start:suffix_start])[0] == text[start] else start


def _after_verb_before_short_stem(text: str, start: int, suffix_start: int, rule: EntityRule) -> int:
    """Where an industry named by one character starts when a common verb is glued before it
    ("促进铜产业", "制定铝产业发展规划": 铜, 铝); a rarer verb makes a name with it (再生铝)."""
    for stem in rule.short_stems:
        if text.startswith(stem, suffix_start - len(stem)) and suffix_start - len(stem) > start:
            words = rjieba.tag(text[start : suffix_start - len(stem)])
            if words and (common_verb(*words[-1]) or _common_nominal_verb(*words[-1])):
                return suffix_start - len(stem)
    return start


def _common_nominal_verb(word: str, tag: str) -> bool:
    return tag == "vn" and common_verb(word, "v")  # 发展, 培育: verbs the tagger reads as nouns


def _chain_stem_reason(text: str, start: int, suffix_start: int, end: int, gaz: Gazetteer) -> str | None:
    """Why the words before 产业 at ``suffix_start`` name no chain, or None."""
    stem = text[start:suffix_start]
    reason = plain_chain_reason(stem, gaz)
    if reason is None and _ends_in_a_division(name_form(stem), gaz):
        reason = "place-alone"  # "某市产业", "某院某市产业": the place's industries, no one chain
    if reason is None and _unknown_before_industry_at_large(text, start, suffix_start, end, gaz):
        reason = "industry-at-large"
    return reason


# Abstract nouns 产业 makes a phrase about industry at large with ("调整产业结构", "承接国际产业
# 转移", "新一轮产业变革"): what stands before 产业 there is the clause's, unless it is an
# industry the gazetteer or the vocabularies know ("医药产业转移" moves that industry).
_INDUSTRY_AT_LARGE = ("结构", "转移", "变革")


def _unknown_before_industry_at_large(text: str, start: int, suffix_start: int, end: int, gaz: Gazetteer) -> bool:
    if not text.startswith(_INDUSTRY_AT_LARGE, end):
        return False
    stem = name_form(text[start:suffix_start])
    return not names_an_industry(stem, gaz) and not is_vocabulary_term(stem)


_DIVISION_CHARS = range(2, 5)


def _ends_in_a_division(stem: str, gaz: Gazetteer) -> bool:
    """Whether ``stem`` ends in a city, county or district: the industries are whose, not which."""
    return any(_names_a_division(stem[-n:], gaz) for n in _DIVISION_CHARS if n <= len(stem))


def _names_a_division(words: str, gaz: Gazetteer) -> bool:
    """Whether ``words`` name a city, county or district alone (a region's name, 京津冀, is
    left to the chain rule's other tests: "京津冀产业合作" is read as the region by its
    gazetteer match)."""
    surface = gaz.surface(words)
    if surface is not None and surface.type == "Place":
        return surface.subtype != "Region"
    return words in gaz.county_short_forms


def _after_parent_zone(text: str, cand: Candidate, near: list[SurfaceMatch]) -> Candidate:
    """A sub-zone named after its known parent zone ("安徽自贸试验区合肥片区"). The parent
    is an entity of its own, so the sub-zone's mention starts after it (mentions do not
    overlap) while its canonical name keeps the parent's canonical name before it."""
    if not text.endswith(_SUB_ZONE_WORDS, cand.start, cand.end):
        return cand  # 光谷科技创新大走廊: a place of its own that borrows the zone's name
    for m in near:
        zone = m.surface
        if m.start == cand.start and m.end < cand.end and zone.type == "Place" and zone.subtype == "DevelopmentZone":
            own = name_form(text[m.end : cand.end])
            return Candidate(m.end, cand.end, cand.type, cand.subtype, zone.canonical + own, cand.source)
    return cand


def plain_chain_reason(stem: str, gaz: Gazetteer) -> str | None:
    """A stem too plain for a chain (基因产业, IT产业) unless the gazetteer knows it."""
    if names_an_industry(stem, gaz):
        return None
    return plain_chain_stem(name_form(strip_generic_prefix(stem)).strip())


def _rule_candidate(text: str, start: int, suffix_start: int, end: int, rule: EntityRule, gaz: Gazetteer) -> Candidate:
    name = name_form(text[start:end])
    stem = name_form(text[start:suffix_start]).strip()
    canonical, subtype = (name, rule.subtype) if rule.keep_suffix else (stem, rule.subtype)
    # "某某研究院有限公司": a research institute registered as a company is an institute
    cls = "ResearchInstitute" if rule.type == "Enterprise" and stem.endswith(_INSTITUTE_ENDINGS) else rule.type
    canonical, subtype = known_as(canonical, cls, subtype, gaz)
    return Candidate(start, end, cls, subtype, canonical, rule.name)


_INSTITUTE_ENDINGS = ("研究院", "研究所")


def _heads_other_things(text: str, stem_start: int, suffix_start: int, end: int) -> bool:
    """Whether the list before 等 is one of other things than industries: fields ("等领域有根
    产业": 领域 heads it) or projects and parks ("等重大产业项目")."""
    if text.startswith(INDUSTRY_AS_MODIFIER_OF, end):
        return True
    if text.endswith(_INDUSTRY_WORD, 0, end) and _FIRMS_OF_INDUSTRY.match(text, end):
        return True  # (not 产业链: "等产业链规上企业" counts the firms of the segments listed)
    return any(head in text[stem_start:suffix_start] for head in FIELD_HEADS)


# "等激光产业领军企业", "等产业内知名企业", "等显示产业龙头": 产业 qualifies the firms that
# head the list, whose members are firms (loaders.mentions.lists types them).
_INDUSTRY_WORD = "产业"
_FIRMS_OF_INDUSTRY = re.compile("[内中]?[\u4e00-\u9fff]{0,4}?(?:企业|公司|集团|龙头|巨头|领军)")


def _chain_list(
    text: str, stop: int, rule: EntityRule, gaz: Gazetteer, known: list[tuple[int, int]]
) -> list[Candidate]:
    """Members of "新能源汽车、新型显示、集成电路等(未来)产业": every member is a chain.

    Members the gazetteer already matched are left to it; the walk continues before them.
    """
    known_by_end = {b: a for a, b in known}
    words_end = stop
    if not text.endswith("等", 0, words_end):  # (no slice: the sentence is not copied)
        return []
    item_end = words_end - 1
    found: list[Candidate] = []
    for _ in range(MAX_LIST_ITEMS):
        # "汽车（汽车零部件）", "新能源汽车（含零部件）": the bracket lists the member's parts or
        # says something of it; it is no part of the name (bracketed_segments.py reads it).
        bracketed = bracket_open_before(text, item_end)
        if bracketed >= 0:
            item_end = bracketed
        item_start = known_by_end.get(item_end, -1)
        if item_start < 0:
            item_start = left_boundary(text, item_end, known)
            item = text[item_start:item_end]
            if judge(rule, item) is None:
                found.append(_chain_item(item_start, item_end, item, gaz))
        joiner = next((j for j in _CHAIN_LIST_JOINERS if text.endswith(j, 0, item_start)), None)
        if joiner is None or item_start == item_end:
            break
        item_end = item_start - len(joiner)
    return found


def _chain_item(start: int, end: int, item: str, gaz: Gazetteer) -> Candidate:
    canonical, subtype = known_as(name_form(item), "IndustryChain", None, gaz)
    return Candidate(start, end, "IndustryChain", subtype, canonical, CHAIN_LIST_SOURCE)
