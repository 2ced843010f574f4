"""Find typed entity mentions in a document: gazetteer matches, rule-found names and
abbreviations the document declares (……（以下简称“X”）).

Per sentence: candidates from the three sources are pooled, then chosen longest first
(ties: gazetteer, then declared abbreviation, then rule), so the result never overlaps.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from operator import attrgetter

import ahocorasick_rs
import rjieba

from kg.model import Document, Dropped, Mention, Sentence, entity_class
from loaders import ablation
from loaders.lexicon.chain_names import (
    ECONOMY_WORD,
    NamePart,
    has_joiner,
    is_stage_word,
    is_vocabulary_term,
    looks_like_industry,
    names_stages,
    paired_category_spans,
    plain_chain_stem,
    split_joined_chain,
    split_paired_categories,
    strip_industry_suffix,
    suffixed_industries,
    vocabulary_term_start,
)
from loaders.lexicon.gazetteer import Division, Gazetteer, default_gazetteer, short_form
from loaders.lexicon.matcher import SurfaceMatch, default_matcher, fix_ocr, name_form
from loaders.lexicon.place_names import province_abbreviations
from loaders.lexicon.segmenter import segment
from loaders.mentions.apposed_firms import apposed_firms, may_hold_apposed_firm
from loaders.mentions.chain_edges import trimmed_chain
from loaders.mentions.chain_links import chain_link_runs, chain_link_spans
from loaders.mentions.chain_words import is_verb_phrase
from loaders.mentions.chained_divisions import chained_division
from loaders.mentions.city_scope import drop_other_places_titles, keep_own_city_names
from loaders.mentions.counted_kinds import distributed_lists
from loaders.mentions.county_context import PlaceSpan, bare_counties, short_form_spans_each
from loaders.mentions.dependent_parts import joined_dependent_chains
from loaders.mentions.district_lists import listed_divisions, sibling_divisions
from loaders.mentions.entity_rules import (
    RULES,
    STOP_VERBS,
    STOP_WORDS,
    judge,
    left_boundary,
    strip_generic_prefix,
    suffix_hits_each,
    zone_start,
)
from loaders.mentions.industry_runs import headless_industry_members
from loaders.mentions.inner_names import without_inner_firms
from loaders.mentions.joined_chains import first_joined_members
from loaders.mentions.led_lists import led_list_members
from loaders.mentions.listed_links import from_to_link_spans, listed_link_spans
from loaders.mentions.lists import (
    FIELD_HEADS,
    INDUSTRY_AS_MODIFIER_OF,
    KnownSpan,
    ListMember,
    acceptable_chain,
    list_members,
    may_end_in_demonstrative,
    may_end_in_role,
    may_hold_term_list,
    term_list_members,
)
from loaders.mentions.numbered_institutes import numbered_institutes
from loaders.mentions.old_towns import old_towns
from loaders.mentions.place_lists import listed_places
from loaders.mentions.place_openings import after_sentence_words
from loaders.mentions.project_firms import KnownNames, project_firms
from loaders.mentions.route_ends import route_ends
from loaders.mentions.rule_table import MAX_NAME_CHARS, EntityRule
from loaders.mentions.short_names import foreign_company_names, short_company_names
from loaders.mentions.whole_chains import whole_chain_industries
from loaders.mentions.zone_names import full_zone_name, other_zone_spelling, park_short_name, without_rank_word

GAZETTEER_SOURCE = "gazetteer"
DECLARED_SOURCE = "declared-abbreviation"
CHAIN_LIST_SOURCE = "industry-chain-list"
CHAIN_SPLIT_SOURCE = "industry-chain-split"
CHAIN_LEAD_SOURCE = "industry-chain-lead"
SHORT_COMPANY_SOURCE = "enterprise-short-name"
LISTED_DISTRICT_SOURCE = "district-list"
BARE_COUNTY_SOURCE = "bare-county"
CHAINED_DISTRICT_SOURCE = "district-after-province-city"
OLD_TOWN_SOURCE = "old-town"
BARE_ZONE_SOURCE = "bare-zone"
ABBREVIATION_SOURCE = "province-abbreviation"
COORDINATION_SOURCE = "coordination-list"
PLACE_CENTRE_SOURCE = "place-centre"
COUNTED_LAB_SOURCE = "counted-lab-list"
NUMBERED_INSTITUTE_SOURCE = "numbered-institute"
WHOLE_CHAIN_SOURCE = "whole-chain"
ROUTE_END_SOURCE = "route-end"
JOINED_FIRST_SOURCE = "joined-first-member"
DEPENDENT_PART_SOURCE = "dependent-part"
PLACE_LIST_SOURCE = "place-list"
PROJECT_FIRM_SOURCE = "project-firm"
# A list's distributed name wins over the word its member is alone ("光谷等湖北实验室":
# 湖北光谷实验室, not the place 光谷).
_PRIORITY = {COUNTED_LAB_SOURCE: -1, GAZETTEER_SOURCE: 0, DECLARED_SOURCE: 1}
_BY_SPAN = attrgetter("start", "end")  # sort key (start, end), computed in C
_RULE_PRIORITY = 2

# "（以下简称“合肥物质院”）", "(简称:合肥物质院)", "，简称“X”" right after a name.
_DECLARATION = re.compile(
    r"\s*[（(，,]?\s*(?:以下|下文)?(?:简称|称)\s*[：:]?\s*[“\"「『]?"
    r"([\u4e00-\u9fffA-Za-z0-9]{2,12}?)[”\"」』]?\s*[）)]"
    r"|\s*[（(，,]\s*(?:以下|下文)?简称\s*[：:]?\s*[“\"「『]?([\u4e00-\u9fffA-Za-z0-9]{2,12})[”\"」』]"
    # a bracketed Latin acronym right after a name is its short name: "…加速器装置（HIAF）"
    r"|\s*[（(]\s*([A-Z][A-Za-z0-9\-]{1,11})\s*[）)]"
)
_LEGAL_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "集团")
_CONTEXT_CUES = ("汽车", "集团", "公司", "企业", "品牌", "等整", "等车")
# An industry named like its product (电动车) is the industry only where an industry word
# follows it (电动车制造基地, 电动车产业); alone it is the product (3辆电动车).
_CHAIN_CONTEXT_CUES = ("制造", "产业", "行业", "整车", "零部", "配套")
_LIST_GAP = set("、，,和与及 ")
_CHAIN_LIST_JOINERS = ("、", "和", "与", "及", "以及")
MAX_LIST_ITEMS = 12
_BARE_ZONE = re.compile("高新区|经开区|经济技术开发区|高新技术产业开发区")
_NATIONAL_ZONE_WORDS = frozenset({"高新区", "经开区"})
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}")
# A Han character, a count, a measure word. (Written to open with the count and look
# behind for the Han character: the regex engine then skips ahead to digits, which makes
# the search over every sentence about twice as fast; the same sentences match.)
_COUNTED_LIST = re.compile(r"[一二三四五六七八九十两0-9](?<=[\u4e00-\u9fff].)[一二三四五六七八九十两0-9]*[个大类项家]")
_LEAD_END = "。：:；; "
MAX_LEAD_CHARS = 16
_LEAD_FILLER = set("及暨和与、")
_HAN_LEAD = re.compile(r"[\u4e00-\u9fff]{2,10}")
_CENTRE_WORD = "中心"
_URBAN_CENTRE = re.compile("(?:东部|西部|南部|北部|中部|东南|西南|东北|西北|南|北|东|西)新?中心(?![城区])")
_CENTRE_NOT_NAME_NEXT = set("城区")  # 合肥中心城区: the city's central districts
_MIN_PROGRAMME_CHARS = 3
# Classes whose names may hold a 与/及/和 ("…先进技术与装备国家工程实验室"); industries and
# places joined so are two names.
_JOINED_NAME_CLASSES = frozenset({"Laboratory", "InnovationPlatform", "ResearchInstitute", "LargeScientificFacility"})


@dataclass(slots=True)
class MentionResult:
    mentions: list[Mention]
    dropped: list[Dropped]


@dataclass(slots=True)
class _Candidate:
    start: int  # cleaned offsets
    end: int
    type: str
    subtype: str | None
    canonical: str
    source: str
    needs_context: bool = False
    division_codes: tuple[str, ...] = ()

    @property
    def priority(self) -> int:
        return _PRIORITY.get(self.source, _RULE_PRIORITY)


@dataclass(slots=True)
class _DeclaredName:
    canonical: str
    type: str
    subtype: str | None


# The automata of a document's own names (a few, rebuilt as it declares them): for so few
# names the default builds a DFA, which costs more to build than it saves in searching.
_FEW_NAMES_AUTOMATON = ahocorasick_rs.Implementation.NoncontiguousNFA


@dataclass(slots=True)
class _DocState:
    """What earlier sentences of the document tell later ones."""

    declared: dict[str, _DeclaredName] = field(default_factory=dict)
    automaton: ahocorasick_rs.AhoCorasick | None = None
    city_by_article: dict[int, str] = field(default_factory=dict)  # last city code seen
    # Paragraph leads ("**光伏及新能源。**围绕…"): the sentences of a paragraph led by an
    # industry speak about that industry; a column of such leads is a column of industries.
    industry_paragraph: bool = False
    # (section,) of the last industry lead in a column of them; None when there is none.
    chain_lead_section: tuple[str | None] | None = None
    previous_end: int = 0
    sentence_index: int = 0  # the sentence being read
    # Parks' short names learned from their full names: alias -> the sentence it was learned in.
    park_short_names: dict[str, int] = field(default_factory=dict)
    # Codes of the divisions the gazetteer finds anywhere in the document (a county's bare
    # short name is taken only in a document that names its city: county_context.py).
    division_codes: frozenset[str] = frozenset()

    def declare(self, alias: str, name: _DeclaredName) -> None:
        self.declared[alias] = name
        self.automaton = ahocorasick_rs.AhoCorasick(
            list(self.declared),
            matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
            implementation=_FEW_NAMES_AUTOMATON,
        )


def find_mentions(doc: Document) -> MentionResult:
    """Typed, non-overlapping mentions of ``doc``, sorted by (start, end)."""
    gaz = default_gazetteer()
    state = _DocState()
    mentions: list[Mention] = []
    dropped: list[Dropped] = []
    # Speed: the three automata search all sentences in one pass each.
    texts = [sentence.text for sentence in doc.sentences]
    matches_of = default_matcher().find_each(texts)
    hits_of = suffix_hits_each(texts)
    county_spans_of = short_form_spans_each(texts, gaz)
    state.division_codes = frozenset(code for found in matches_of for m in found for code in m.surface.division_codes)
    for sentence, all_matches, hits, county_spans in zip(
        doc.sentences, matches_of, hits_of, county_spans_of, strict=True
    ):
        matches = without_inner_firms(sentence.text, all_matches)  # 思科 in 沃思科技 is none
        opens_paragraph = sentence.index == 0 or "\n" in doc.text[state.previous_end : sentence.start]
        if opens_paragraph:
            state.industry_paragraph = False  # a new paragraph: the last lead is over
        state.previous_end = sentence.end
        state.sentence_index = sentence.index
        chosen, drops = _sentence_candidates(sentence, gaz, state, matches, hits, county_spans)
        if _learn_declarations(sentence.text, chosen, state):
            chosen, drops = _sentence_candidates(sentence, gaz, state, matches, hits, county_spans)
        chosen = _trim_chain_edges(sentence.text, _split_joined_chains(sentence.text, chosen, gaz), gaz)
        if "及" in sentence.text or "与" in sentence.text or "和" in sentence.text:
            chosen = _join_dependent_parts(sentence.text, chosen, gaz)
        chosen = _split_hosts_off(sentence.text, _join_parent_prefixed(sentence.text, chosen), matches)
        if opens_paragraph:
            chosen = _read_lead(sentence, chosen, gaz, state)
        for cand in chosen:
            _resolve_division(cand, sentence, doc, gaz, state)
            mentions.append(_to_mention(doc, sentence, cand))
        dropped.extend(_to_dropped(doc, sentence, d) for d in drops)
    mentions = _park_short_names_before(doc, mentions, state)
    mentions.sort(key=_BY_SPAN)
    if ablation.enabled("city-scope"):
        mentions, other_city = keep_own_city_names(mentions, gaz)
        dropped.extend(other_city)
    mentions, titles = drop_other_places_titles(doc, mentions, gaz)
    dropped.extend(titles)
    return MentionResult(mentions, dropped)


def _sentence_candidates(
    sentence: Sentence,
    gaz: Gazetteer,
    state: _DocState,
    matches: list[SurfaceMatch],
    hits: list[tuple[int, int, EntityRule]],
    county_spans: list[tuple[int, int]],
) -> tuple[list[_Candidate], list[tuple[int, int, str]]]:
    """``matches``: the gazetteer's matches in the sentence; ``hits``: its rule suffixes;
    ``county_spans``: where it writes a county's short name (county_context.short_form_spans)."""
    text = sentence.text
    pool = [_from_surface(m) for m in matches]
    pool += _declared_candidates(text, state)
    rule_cands, drops = _rule_candidates(text, matches, gaz, hits)
    pool += rule_cands
    pool += _list_candidates(text, matches, gaz, _industry_context(sentence, state))
    if "、" in text:
        pool += _term_list_candidates(text, matches)
    pool += _bare_zone_candidates(sentence, matches, gaz, state)
    if "等" in text or "个区" in text:
        pool += _listed_district_candidates(text, matches, gaz)
    if "、" in text:
        pool += _sibling_district_candidates(text, gaz)
    pool += _chained_district_candidates(text, matches, gaz)
    pool += _abbreviation_candidates(text, matches, gaz)
    if "至" in text:
        pool += _route_end_candidates(text, gaz)
    if "古镇" in text:
        pool += _old_town_candidates(text, matches)
    if "游" in text:
        pool += _stage_list_candidates(text, matches)
    if "链" in text or "“" in text:
        pool += _chain_link_candidates(text, gaz)
        pool += _whole_chain_candidates(text, gaz)
    if "、" in text and ("链" in text or "产业化" in text):
        pool += _listed_link_candidates(text, matches)
    if "产业" in text:
        pool += _joined_first_candidates(text, matches, gaz)
    if "新" in text:
        pool += _paired_category_candidates(text)
    if "是" in text:
        pool += _ranked_industry_candidates(text, gaz)
    if "工业" in text or "行业" in text or ECONOMY_WORD in text:
        pool += _suffixed_industry_candidates(text, matches)
    if "中心" in text:
        pool += _place_centre_candidates(text, matches)
    if "所" in text:
        pool += [
            _Candidate(n.start, n.end, "ResearchInstitute", None, n.canonical, NUMBERED_INSTITUTE_SOURCE)
            for n in numbered_institutes(text)
        ]
    if "、" in text:
        pool += _place_list_candidates(text, pool)
    pool += _bare_county_candidates(text, county_spans, pool, state.division_codes, gaz)
    kinds: set[tuple[int, int]] = set()
    if _may_distribute(text) and ablation.enabled("distributed-lists"):
        counted, kinds = _counted_lab_candidates(text, matches)
        pool += counted
    if ablation.enabled("company-short-names"):
        pool += [
            _Candidate(a, b, "Enterprise", None, text[a:b], SHORT_COMPANY_SOURCE) for a, b in short_company_names(text)
        ]
        pool += [
            _Candidate(a, b, "Enterprise", None, text[a:b], SHORT_COMPANY_SOURCE)
            for a, b in foreign_company_names(text)
        ]
    if "项目" in text:
        pool = _with_project_firms(text, pool, matches)
    chosen = _choose([c for c in pool if not _riverside_phrase(text, c) and not _inside_a_kind(c, kinds)])
    chosen = [c for c in chosen if not c.needs_context or _context_supports(text, c, chosen)]
    chosen = [c for c in chosen if not _misread_in_its_sentence(text, c)]
    return _join_sub_colleges(text, _split_leading_places(text, chosen, matches)), drops


def _misread_in_its_sentence(text: str, cand: _Candidate) -> bool:
    """Whether the words around ``cand`` show it names no entity (each test reads the
    candidate alone, so one pass over the chosen ones makes them all)."""
    return (
        _names_a_centre(text, cand)
        or _qualifies_a_thing(text, cand)
        or _place_in_a_set_phrase(text, cand)
        or _counted_kind(text, cand)
        or _academicians_title(text, cand)
    )


def _with_project_firms(text: str, pool: list[_Candidate], matches: list[SurfaceMatch]) -> list[_Candidate]:
    """``pool`` with the firms opening project items ("A化工新材料项目"). A longer name
    found over one (a company's full name, 某某科技城, a park named after a known firm:
    "A产业园等项目") keeps its place: it is chosen first."""
    known = KnownNames(
        [(m.start, m.end) for m in matches if m.surface.type == "Enterprise"],
        {(m.start, m.end) for m in matches if m.surface.type == "Place"},
        [(m.start, m.end) for m in matches if m.surface.type == "IndustryChain"],
        {m.start for m in matches if m.surface.type not in ("Enterprise", "Place", "IndustryChain")},
    )
    firms = [firm for firm in project_firms(text, known) if not firm.known]  # known: in the pool already
    found = [
        _Candidate(f.start, f.end, "Enterprise", None, name_form(text[f.start : f.end]), PROJECT_FIRM_SOURCE)
        for f in firms
    ]
    return pool + found


# Zones whose official name is their city's name and their type ("济南高新技术产业开发区"):
# a province or a 市 written before the city is no part of it.
_NATIONAL_ZONE = re.compile(r"(?:高新技术产业开发区|经济技术开发区|高新区|经开区)$")
_CITY_BEFORE_ZONE = re.compile(r"^([\u4e00-\u9fff]{2,3})市(?=高新技术产业开发区|经济技术开发区)")
_ADMIN_ENDINGS = ("市", "区", "县")
_MIN_ZONE_CHARS = 4
_TOWN_RULE = "place-town"
_OWN_PLACE_ENDINGS = ("城", "区")  # science cities and zones, not parks (园, 港, 基地)


def _split_leading_places(text: str, chosen: list[_Candidate], matches: list[SurfaceMatch]) -> list[_Candidate]:
    """A zone or park a rule found whose name opens with a place that only says where it
    lies: a province before a national zone's city ("江西省|赣州高新技术产业开发区"), a city or
    district written in full before a name that opens with a province ("溧阳市|江苏中关村科技
    产业园"), a place written twice ("天津|天津滨海…"). The leading place becomes a mention of
    its own and the zone starts after it. Other zones keep their names whole: a policy
    zone's official name holds its places ("安徽合肥庐江国家农业高新技术产业示范区")."""
    places = {m.start: m for m in matches if m.surface.type == "Place"}
    result: list[_Candidate] = []
    for cand in chosen:
        result += _split_places_off(text, cand, places)
    return result


def _split_places_off(text: str, cand: _Candidate, places: dict[int, SurfaceMatch]) -> list[_Candidate]:
    """``cand`` with the places that only say where it lies split off, one after the
    other ("山东省|济南市|高新区")."""
    split: list[_Candidate] = []
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
        elif _district_before_a_place(text, cand, lead):
            canonical = full_zone_name(name_form(text[lead.end : cand.end]))
        else:
            return [*split, cand]
        split.append(_from_surface(lead))
        cand = _Candidate(lead.end, cand.end, cand.type, cand.subtype, canonical, cand.source)


def _city_and_its_zone(text: str, cand: _Candidate, lead: SurfaceMatch) -> bool:
    """ "济南市高新区": a city written in full, then a bare zone word (the city's zone, named
    after the city): two mentions, the city and its zone."""
    return (
        lead.surface.subtype == "City"
        and text.endswith("市", lead.start, lead.end)
        and _BARE_ZONE.fullmatch(text, lead.end, cand.end) is not None
    )


def _qualifies(text: str, cand: _Candidate, lead: SurfaceMatch, nxt: SurfaceMatch) -> bool:
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


def _district_before_a_place(text: str, cand: _Candidate, lead: SurfaceMatch) -> bool:
    """ "红谷滩区VR科创城", "哈尔滨新区江北一体发展区": a district, county or new area
    written in full, then a science city or zone of its own name: two places, not one.
    A park keeps the district its name is written with ("包河区…产业港")."""
    in_full = lead.surface.subtype in ("District", "County") or lead.surface.canonical.endswith("新区")
    return (
        in_full
        and text.endswith(("区", "县"), lead.start, lead.end)
        and text.endswith(_OWN_PLACE_ENDINGS, lead.end, cand.end)
        and cand.end - lead.end >= _MIN_ZONE_CHARS
        and _BARE_ZONE.fullmatch(text, lead.end, cand.end) is None
    )


def _join_sub_colleges(text: str, chosen: list[_Candidate]) -> list[_Candidate]:
    """A college written right after its university ("中国科大科技商学院") is one named
    unit of that university: 中国科学技术大学科技商学院."""
    joined: list[_Candidate] = []
    for cand in chosen:
        parent = joined[-1] if joined else None
        if (
            parent is not None
            and parent.end == cand.start
            and parent.type == cand.type == "University"
            and cand.source == "university"
            and text.endswith("学院", 0, cand.end)
        ):
            canonical = parent.canonical + name_form(text[cand.start : cand.end])
            joined[-1] = _Candidate(parent.start, cand.end, "University", None, canonical, cand.source)
            continue
        joined.append(cand)
    return joined


# A place opening a newspaper's or broadcaster's name ("某市日报", "某省广播电视台") names the
# outlet, mostly in a byline or source line; the text says nothing there of the place.
_MEDIA_AFTER_PLACE = re.compile("日报|晚报|新闻|电视台|广播|融媒")


# "中共某市委组织部": a party body's full name, mostly a host or source line; the place
# is part of the body's name (titles of officials: city_scope.drop_other_places_titles).
_PARTY_BODY = re.compile("委(?:组织部|宣传部|统战部|办公厅)")


def _place_in_a_set_phrase(text: str, cand: _Candidate) -> bool:
    """A place written only as part of an outlet's name, an official's title or a kind."""
    if cand.type != "Place":
        return False
    if _MEDIA_AFTER_PLACE.match(text, cand.end) is not None:
        return True
    if text.startswith("实验室", cand.end) and text.endswith("省", cand.start, cand.end):
        return True  # "两个某省实验室": the province's kind of laboratory, the province is no topic
    return (
        text.endswith(("省", "市"), cand.start, cand.end)
        and text.endswith("中共", 0, cand.start)
        and _PARTY_BODY.match(text, cand.end) is not None
    )


# "42个省部级海洋实验室", "建成5个量子实验室": a count before a rule-found body names how
# many of a kind there are, not one body (names that are data, like 国家实验室 lists, keep
# their own path: loaders.mentions.counted_kinds).
_COUNT_BEFORE = re.compile(r"[0-9一二三四五六七八九十百千两几]+(?:余|多)?[个家所座]$")
_COUNTABLE_BODIES = frozenset({"Laboratory", "InnovationPlatform", "ResearchInstitute", "LargeScientificFacility"})


# A count or an ordinal inside the words before a place's suffix ("第四个", "两个", "3家")
# counts places of a kind: no place is named so.
_COUNT_INSIDE = re.compile(r"第?[0-9一二三四五六七八九十百千两几]+(?:个|家|座|处)")


def _counted_kind(text: str, cand: _Candidate) -> bool:
    if cand.type not in _COUNTABLE_BODIES or cand.priority != _RULE_PRIORITY:
        return False
    return _COUNT_BEFORE.search(text, max(0, cand.start - 6), cand.start) is not None


# "中国科学院院士某某", "中国工程院院士": an academy written as part of a scientist's title
# says what the person is; the text does not speak of the academy there.
_ACADEMICIAN = "院士"


def _academicians_title(text: str, cand: _Candidate) -> bool:
    return cand.type == "ResearchInstitute" and text.startswith(_ACADEMICIAN, cand.end)


def _names_a_centre(text: str, cand: _Candidate) -> bool:
    """An industry right before 中心 ("工业设计中心", "检验检测中心") qualifies an
    institution; the text speaks of the centre, not of the industry."""
    return cand.type == "IndustryChain" and text.startswith(_CENTRE_WORD, cand.end)


# Nouns that a bare industry word qualifies when the text speaks of a technique, a
# product or a body rather than of the industry ("芯片设计技术", "锂电池精密结构件",
# "医疗器械检验检测中心", "金融科技企业"). Not 核心产业: "数字经济核心产业" counts the
# industry's own core, which names it; nor 企业 and a count ("集成电路企业150余家"): the text
# counts the industry's firms, and so speaks of the industry.
_QUALIFIED_NOUNS = re.compile(
    "技术|关键|研发|检验|检测|精密|结构件|企业(?![0-9一二三四五六七八九十百千两超近逾达])|器件|部件|产品|工艺|药物|专用|核心(?!产业)|创制|"
    "退火|镀膜|研究|应用|标准|人才|专业|学院|项目|衍生|基地|生产|模组|材料研发|器(?!械)"
)


def _qualifies_a_thing(text: str, cand: _Candidate) -> bool:
    """A bare industry name (the gazetteer's, without 产业) right before such a noun
    qualifies the noun; the text does not name the industry there."""
    if cand.type != "IndustryChain" or cand.source != GAZETTEER_SOURCE:
        return False
    if _AFTER_DENG.search(text, 0, cand.start) and _FIRMS_AFTER.match(text, cand.end):
        return False  # "A公司等(众多)智能装备(龙头)企业": the firms are named by their industry
    return _QUALIFIED_NOUNS.match(text, cand.end) is not None


# Between a list's 等 and the industry that names its firms: a count or a word of many
# and a short modifier ("等众多新锐", "等10家"); after it, the firms' head noun.
_AFTER_DENG = re.compile(
    r"等(?:为代表的|为首的|为引领的)?(?:[0-9一二三四五六七八九十百千两多几]+[家个批])?(?:众多|诸多|一批|一大批|大批)?"
    r"[\u4e00-\u9fff]{0,2}$"
)
_FIRMS_AFTER = re.compile(r"(?:产业)?(?:龙头|骨干|领军|头部|重点|链主|配套)?企业")


def _from_surface(match: SurfaceMatch) -> _Candidate:
    s = match.surface
    return _Candidate(
        match.start,
        match.end,
        s.type,
        s.subtype,
        s.canonical,
        GAZETTEER_SOURCE,
        s.needs_context,
        s.division_codes,
    )


def _declared_candidates(text: str, state: _DocState) -> list[_Candidate]:
    if state.automaton is None:
        return []
    found = []
    for _index, start, end in state.automaton.find_matches_as_indexes(text):
        name = state.declared[text[start:end]]
        found.append(_Candidate(start, end, name.type, name.subtype, name.canonical, DECLARED_SOURCE))
    return found


CHAIN_LINK_SOURCE = "chain-dashed-links"


def _chain_link_candidates(text: str, gaz: Gazetteer) -> list[_Candidate]:
    """Links of a chain written with dashes before 产业链/链条: segments (ChainSegment); and
    the chain they make up, named between the run and the chain word ("“衬底—芯片—封装”的
    LED全产业链": LED)."""
    found = [
        _Candidate(a, b, "IndustryChain", "ChainSegment", name_form(text[a:b]), CHAIN_LINK_SOURCE)
        for a, b in chain_link_spans(text)
        if not any(_is_stop_word(w) for w in segment(text[a:b]))
    ]
    for links, word_at in chain_link_runs(text):
        named = _RUN_CHAIN_NAME.fullmatch(text, links[-1][1], word_at) if word_at >= 0 else None
        spans = [named.span("name")] if named is not None else []
        if word_at >= 0:
            spans += _chain_before_quoted_run(text, links[0][0])
        for a, b in spans:
            if acceptable_chain(text[a:b]) and not any(_is_stop_word(w) for w in segment(text[a:b])):
                canonical, subtype = _known_as(name_form(text[a:b]), "IndustryChain", None, gaz)
                found.append(_Candidate(a, b, "IndustryChain", subtype, canonical, CHAIN_LINK_SOURCE))
    return found


def _chain_before_quoted_run(text: str, first_link: int) -> list[tuple[int, int]]:
    """ "打造存储器“设计—封测”产业链": the name right before the quoted run is the chain."""
    quote = first_link - 1
    if quote < 1 or text[quote] not in _OPENING_QUOTES:
        return []
    start = left_boundary(text, quote, [])
    return [(start, quote)] if 2 <= quote - start <= MAX_RUN_CHAIN_CHARS else []


_OPENING_QUOTES = '“"「'
MAX_RUN_CHAIN_CHARS = 10


# Between a dashed run and its chain word: a closing quote, 的, the chain's name, 全.
_RUN_CHAIN_NAME = re.compile(r"[”\"」]?的?(?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,10}?)全?")


RANKED_INDUSTRY_SOURCE = "ranked-industry"
# "绿色化工是该市的当家产业": the subject of a clause that ranks it among a place's industries.
_RANKED_INDUSTRY = re.compile(
    r"(?:^|(?<=[，。；：,;:]))(?P<name>[\u4e00-\u9fff]{2,8}?)(?:产业|行业)?是"
    r"(?:[\u4e00-\u9fff]{0,8}?的)?(?:当家|主导|支柱|首位|优势|特色)产业"
)


def _ranked_industry_candidates(text: str, gaz: Gazetteer) -> list[_Candidate]:
    """ "绿色化工是该市的当家产业": the subject named a leading industry is an industry."""
    found = []
    for ranked in _RANKED_INDUSTRY.finditer(text):
        a, b = ranked.span("name")
        name = text[a:b]
        if acceptable_chain(name) and _plain_chain_reason(name, gaz) is None and not is_verb_phrase(name):
            canonical, subtype = _known_as(name_form(name), "IndustryChain", None, gaz)
            found.append(_Candidate(a, b, "IndustryChain", subtype, canonical, RANKED_INDUSTRY_SOURCE))
    return found


LISTED_LINK_SOURCE = "chain-listed-links"


def _listed_link_candidates(text: str, matches: list[SurfaceMatch]) -> list[_Candidate]:
    """Members of a list that 产业链 closes ("建成电芯、模组和电池包全产业链"): segments
    (see listed_links.py). One member with a verb or stop word in it shows a list of
    something else ("市委、市政府重视产业链"), and none is taken; a generic member
    alone is left out."""
    known = [(m.start, m.end, m.surface.type) for m in matches]
    found: list[_Candidate] = []
    for listed in [*listed_link_spans(text, known), *from_to_link_spans(text, known)]:
        if any(_is_stop_word(w) for a, b in listed.links for w in segment(text[a:b])):
            continue
        subtype = None if listed.of_chains else "ChainSegment"
        stages = names_stages([text[a:b] for a, b in listed.links])
        found += [
            _Candidate(a, b, "IndustryChain", subtype, name_form(text[a:b]), LISTED_LINK_SOURCE)
            for a, b in listed.links
            if acceptable_chain(text[a:b])
            or is_vocabulary_term(text[a:b])
            or _supply_link(text[a:b])
            or (stages and is_stage_word(text[a:b]))  # "设计、制造、封测产业链": 制造 too
        ]
    return found


_SUPPLY_WORD = "配套"
_SUPPLY_JOINERS = "与及和"
MIN_SUPPLIED_CHARS = 2


def _supply_link(name: str) -> bool:
    """ "原材料配套", "材料与配套": in a chain map, the link that supplies what it names; alone
    配套 is too generic a tail for a chain's name."""
    supplied = name.removesuffix(_SUPPLY_WORD).rstrip(_SUPPLY_JOINERS)
    return name.endswith(_SUPPLY_WORD) and len(supplied) >= MIN_SUPPLIED_CHARS and acceptable_chain(supplied)


def _whole_chain_candidates(text: str, gaz: Gazetteer) -> list[_Candidate]:
    """ "某某新材料全产业链": the industry before 全产业链 (see whole_chains.py)."""
    found = []
    for a, b in whole_chain_industries(text):
        canonical, subtype = _known_as(name_form(text[a:b]), "IndustryChain", None, gaz)
        found.append(_Candidate(a, b, "IndustryChain", subtype, canonical, WHOLE_CHAIN_SOURCE))
    return found


def _joined_first_candidates(text: str, matches: list[SurfaceMatch], gaz: Gazetteer) -> list[_Candidate]:
    """ "先进陶瓷与集成电路产业": the member before the joiner (joined_chains.py)."""
    chains = [(m.start, m.end) for m in matches if m.surface.type == "IndustryChain"]
    found = []
    for a, b in first_joined_members(text, chains):
        canonical, subtype = _known_as(name_form(text[a:b]), "IndustryChain", None, gaz)
        found.append(_Candidate(a, b, "IndustryChain", subtype, canonical, JOINED_FIRST_SOURCE))
    return found


INDUSTRY_WORD_SOURCE = "industry-word"


def _paired_category_candidates(text: str) -> list[_Candidate]:
    """ "新能源新材料": two categories back to back, one span that _split_joined_chains
    cuts in two (新能源 alone is no gazetteer name, so it would be lost beside 新材料)."""
    return [
        _Candidate(a, b, "IndustryChain", None, text[a:b], CHAIN_SPLIT_SOURCE) for a, b in paired_category_spans(text)
    ]


def _suffixed_industry_candidates(text: str, matches: list[SurfaceMatch]) -> list[_Candidate]:
    """Industries of the vocabulary written with 工业 or 行业 ("钢铁工业", "化工行业"),
    where no known name runs across their edges (one inside, 汽车 of "汽车零部件行业", is a
    part of the longer industry)."""
    return [
        _Candidate(a, b, "IndustryChain", None, industry, INDUSTRY_WORD_SOURCE)
        for a, b, industry in suffixed_industries(text)
        if not any(m.start < b and a < m.end and not (a <= m.start and m.end <= b) for m in matches)
    ]


STAGE_SOURCE = "chain-stage-list"
# "上游A、B，中游C": the words after a stage marker list links of a chain. Not a stage
# list: "向下游延伸", "上下游企业", "下游关联企业A", "下游的…" — but "从上游的A、B，到中游的C" walks the
# chain's stages in order, and "产业链上游的A、B" names the stage of a chain: there 的 opens the list.
_STAGE = re.compile("(?<![向往上])(?:上游|中游|下游)(?![企的延环配协产关])|(?<=[从到链])(?:上游|中游|下游)的")
_STAGE_ITEM_SPLIT = re.compile("、|和|与|及")
# (到/至 end a stage's list: "从上游原料到下游代工" spans two stages, not one list.)
_STAGE_LIST_END = re.compile(r"[，。；：,;:（）()“”\s]|的|等|协同|均|各|到|至")
MAX_STAGE_ITEM_CHARS = 8
_APPLIED = "应用"
_STAGE_ITEM_LEAD = re.compile("(?:上游|中游|下游)?(?:为|是|有|包括|主要有|涵盖)?")


def _stage_list_candidates(text: str, matches: list[SurfaceMatch]) -> list[_Candidate]:
    """Members of lists after 上游/中游/下游: segments (ChainSegment) of the chain."""
    found = []
    for hit in _STAGE.finditer(text):
        end_hit = _STAGE_LIST_END.search(text, hit.end())
        end = end_hit.start() if end_hit else len(text)
        pos = hit.end()
        for piece in _STAGE_ITEM_SPLIT.split(text[hit.end() : end]):
            start, stop = pos, pos + len(piece)
            pos = stop + 1
            # "上游为A、中游B": the next stage's word, or a copula, opens the piece
            lead = _STAGE_ITEM_LEAD.match(piece)
            skip = lead.end() if lead else 0
            start, piece = start + skip, piece[skip:]
            if len(piece) - len(_APPLIED) >= 2 and piece.endswith(_APPLIED):
                stop, piece = stop - len(_APPLIED), piece[: -len(_APPLIED)]  # 下游的智能终端应用: 智能终端
            if 2 <= len(piece) <= MAX_STAGE_ITEM_CHARS and not any(_is_stop_word(w) for w in segment(piece)):
                found.append(_Candidate(start, stop, "IndustryChain", "ChainSegment", name_form(piece), STAGE_SOURCE))
    return found


def _is_stop_word(word: str) -> bool:
    return word in STOP_VERBS


def _may_distribute(text: str) -> bool:
    """Whether a list of ``text`` may distribute a kind of laboratory or centre: a cheap
    test that spares most sentences the kinds' pattern."""
    return ("实验室" in text or "中心" in text) and ("等" in text or "个" in text or "家" in text)


def _inside_a_kind(cand: _Candidate, kinds: set[tuple[int, int]]) -> bool:
    """Whether ``cand`` lies in the kind a list distributes (湖北 of "等9家湖北实验室")."""
    return any(a <= cand.start and cand.end <= b for a, b in kinds)


def _counted_lab_candidates(text: str, matches: list[SurfaceMatch]) -> tuple[list[_Candidate], set[tuple[int, int]]]:
    """Names a list distributes over its members ("深空探测等4个全国重点实验室":
    深空探测全国重点实验室; loaders.mentions.counted_kinds), and the spans of the kinds."""
    known = [(m.start, m.end, m.surface.type) for m in matches]
    found: list[_Candidate] = []
    kinds: set[tuple[int, int]] = set()
    for listed in distributed_lists(text, known):
        kinds.add((listed.kind_start, listed.kind_end))
        found += [_Candidate(n.start, n.end, n.type, n.subtype, n.name, COUNTED_LAB_SOURCE) for n in listed.names]
    return found, kinds


def _place_centre_candidates(text: str, matches: list[SurfaceMatch]) -> list[_Candidate]:
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
            found.append(_Candidate(m.start, area.end(), "Place", None, name, PLACE_CENTRE_SOURCE))
            continue
        if not text.startswith("中心", m.end) or text[m.end + 2 : m.end + 3] in _CENTRE_NOT_NAME_NEXT:
            continue
        start = left_boundary(text, m.start, known)
        rule = RULES.get("platform-center")
        if m.start - start >= _MIN_PROGRAMME_CHARS and judge(rule, text[start : m.start]) is None:
            name = name_form(text[start : m.end + 2])
            found.append(_Candidate(start, m.end + 2, "InnovationPlatform", None, name, PLACE_CENTRE_SOURCE))
    return found


def _bare_zone_candidates(
    sentence: Sentence, matches: list[SurfaceMatch], gaz: Gazetteer, state: _DocState
) -> list[_Candidate]:
    """ "经开区。…" / "高新区：…": a zone word with no name before it is the zone of that
    kind of the city the document is about (合肥 + 经开区 -> 合肥经济技术开发区), when the
    gazetteer knows that city's zone."""
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
        if any(a < e and s < b for a, b in known) or left_boundary(text, s, known) != s:
            continue  # part of a longer name, or a name stands before it
        surface = gaz.surface(city + hit.group())
        if surface is not None and surface.type == "Place":
            found.append(_Candidate(s, e, "Place", surface.subtype, surface.canonical, BARE_ZONE_SOURCE))
        elif surface is None and hit.group() in _NATIONAL_ZONE_WORDS:
            # A city the reference data has no zone for: its national zone of that kind,
            # by the fixed official pattern (宜昌 + 高新区 -> 宜昌高新技术产业开发区).
            name = full_zone_name(city + hit.group())
            found.append(_Candidate(s, e, "Place", "DevelopmentZone", name, BARE_ZONE_SOURCE))
    return found


# "深圳河南侧", "长江北岸": a water word and a direction followed by a side word is a
# bank or side of that water, not the province whose name it spells (河南, 湖北, 江西).
_WATER = frozenset("河江湖海")
_DIRECTION = frozenset("东南西北")
_SIDE = ("侧", "岸", "畔", "边", "沿", "面")


def _riverside_phrase(text: str, cand: _Candidate) -> bool:
    if cand.type != "Place" or cand.end - cand.start != 2:
        return False
    first, second = text[cand.start], text[cand.start + 1]
    return first in _WATER and second in _DIRECTION and text.startswith(_SIDE, cand.end)


def _listed_district_candidates(text: str, matches: list[SurfaceMatch], gaz: Gazetteer) -> list[_Candidate]:
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


def _sibling_district_candidates(text: str, gaz: Gazetteer) -> list[_Candidate]:
    """ "小店区、晋源、清徐县": a bare member beside its city's divisions (district_lists.py)."""
    return [
        _division_candidate(item.start, item.end, item.division, LISTED_DISTRICT_SOURCE)
        for item in sibling_divisions(text, gaz)
    ]


def _bare_county_candidates(
    text: str, spans: list[tuple[int, int]], pool: list[_Candidate], document_codes: frozenset[str], gaz: Gazetteer
) -> list[_Candidate]:
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


def _place_list_candidates(text: str, pool: list[_Candidate]) -> list[_Candidate]:
    """Unknown members of lists of places ("甲科技城、乙云城") (place_lists.py)."""
    places = {(c.start, c.end) for c in pool if c.type == "Place"}
    if not any(_beside_enumeration_comma(text, a, b) for a, b in places):
        return []  # speed: every member of a 、-list stands beside a 、, so no known place is one
    firms = {(c.start, c.end) for c in pool if c.type == "Enterprise"}
    return [
        _Candidate(p.start, p.end, "Place", None, name_form(text[p.start : p.end]), PLACE_LIST_SOURCE)
        for p in listed_places(text, places, firms)
    ]


def _beside_enumeration_comma(text: str, start: int, end: int) -> bool:
    return text.startswith("、", end) or (start > 0 and text[start - 1] == "、")


def _chained_district_candidates(text: str, matches: list[SurfaceMatch], gaz: Gazetteer) -> list[_Candidate]:
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


def _old_town_candidates(text: str, matches: list[SurfaceMatch]) -> list[_Candidate]:
    """ "青石古镇": the town 青石镇 (old_towns.py)."""
    known = [(m.start, m.end) for m in matches]
    return [_Candidate(t.start, t.end, "Place", None, t.name, OLD_TOWN_SOURCE) for t in old_towns(text, known)]


def _route_end_candidates(text: str, gaz: Gazetteer) -> list[_Candidate]:
    """ "宁国至绩溪高速": bare county-level places ending a route (route_ends.py)."""
    return [_division_candidate(r.start, r.end, r.division, ROUTE_END_SOURCE) for r in route_ends(text, gaz)]


def _division_candidate(start: int, end: int, division: Division, source: str) -> _Candidate:
    """A bare county-level name read as the division it is (its name and code)."""
    return _Candidate(start, end, "Place", division.subtype, division.name, source, division_codes=(division.code,))


def _abbreviation_candidates(text: str, matches: list[SurfaceMatch], gaz: Gazetteer) -> list[_Candidate]:
    """Provinces named by one character in a run of abbreviations ("沪苏浙皖")."""
    found = []
    for at, province in province_abbreviations(text):
        surface = gaz.surface(province)
        if surface is None or any(m.start <= at < m.end for m in matches):
            continue  # inside a longer known name (江苏浙江), or unknown to the gazetteer
        found.append(_Candidate(at, at + 1, "Place", surface.subtype, surface.canonical, ABBREVIATION_SOURCE))
    return found


def _city_short_name(sentence: Sentence, gaz: Gazetteer, state: _DocState) -> str | None:
    code = state.city_by_article.get(sentence.article)
    division = gaz.divisions.get(code) if code else None
    if division is None or division.level != 2:
        return None
    return short_form(division.name)


def _industry_context(sentence: Sentence, state: _DocState) -> bool:
    """Whether "等领域/方向/环节" lists of this sentence are lists of industries: it stands
    in a paragraph led by an industry. (A heading naming 产业 is too broad a cue: columns
    of "产业…攻关行动" list materials and research fields as well.)"""
    return state.industry_paragraph


def _list_candidates(
    text: str, matches: list[SurfaceMatch], gaz: Gazetteer, industry_context: bool
) -> list[_Candidate]:
    """Unknown members of "A、B、C等企业/产业" lists, of "以A、B为核心的…产业" lists and of
    headless industry lists after a verb of scope, typed like the list
    (loaders.mentions.lists, .led_lists, .industry_runs)."""
    # Speed: each kind of list needs its own mark in the text; most sentences have none.
    headed = (
        "等" in text
        or _COUNTED_LIST.search(text) is not None
        or may_end_in_role(text)
        or may_end_in_demonstrative(text)
    )
    apposed = may_hold_apposed_firm(text)
    if not headed and not apposed and "以" not in text and "、" not in text:
        return []
    known = [KnownSpan(m.start, m.end, m.surface.type) for m in matches if not m.surface.needs_context]
    found = []
    members = list_members(text, known, industry_context) if headed else []
    if "以" in text:
        members += led_list_members(text, known)
    if apposed:
        members += _new_members(apposed_firms(text, known), members)
    for member in members + headless_industry_members(text, known):
        canonical, subtype = _known_as(_member_name(text, member), member.type, member.subtype, gaz)
        found.append(_Candidate(member.start, member.end, member.type, subtype, canonical, COORDINATION_SOURCE))
    return found


def _member_name(text: str, member: ListMember) -> str:
    """The name of a list member; an industry's without 产业 ("做强茶叶产业、竹木产业等": 茶叶),
    as the industry-chain rule names it."""
    name = name_form(text[member.start : member.end])
    return strip_industry_suffix(name) if member.type == "IndustryChain" else name


def _new_members(found: list[ListMember], members: list[ListMember]) -> list[ListMember]:
    """``found`` without the members that overlap one in ``members``."""
    return [f for f in found if not any(m.start < f.end and f.start < m.end for m in members)]


def _term_list_candidates(text: str, matches: list[SurfaceMatch]) -> list[_Candidate]:
    """Unknown members of headless lists of segment terms ("优化整车、零部件、后市场") in a
    sentence that names a chain (loaders.mentions.lists.term_list_members)."""
    if not any(m.surface.type == "IndustryChain" for m in matches) or not may_hold_term_list(text):
        return []  # speed: most sentences name no chain or list no term
    # Every match counts, context-dependent ones too: a list holding a possible firm or
    # place ("大众") is no list of segments.
    known = [KnownSpan(m.start, m.end, m.surface.type) for m in matches]
    return [
        _Candidate(m.start, m.end, m.type, m.subtype, name_form(text[m.start : m.end]), COORDINATION_SOURCE)
        for m in term_list_members(text, known)
    ]


def _rule_candidates(
    text: str, matches: list[SurfaceMatch], gaz: Gazetteer, hits: list[tuple[int, int, EntityRule]]
) -> tuple[list[_Candidate], list[tuple[int, int, str]]]:
    """``hits``: suffix_hits(text)."""
    found: list[_Candidate] = []
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
        start = _rule_start(text, s, rule, near, known[reach : covering + 1])
        if start < 0:
            continue
        if rule.type == "Place":
            after_firm = _after_firm_name(text, start, s)
            if after_firm > start and rule.needs_place_prefix:
                continue  # the place opens the firm's name: the zone's own words have none
            start = after_firm
        owned = _owner_end(start, s, near)
        if rule.owner_words_must_name:
            owned, start = -1, _after_legal_owner(text, start, s)
        reason = "list" if _ends_in_list_word(text, start, s) else judge(rule, text[start:s], owned > start)
        if reason is None and rule.owner_words_must_name:
            reason = _owner_words_reason(text, start, s, rule, near)
        if reason is None and rule.type == "Place" and _names_an_industry(text[start:s], gaz):
            reason = "industry-park"  # 合成生物产业园: a park of a kind, not a named place
        if reason is None and rule.type == "Place" and _COUNT_INSIDE.search(text, start, s) is not None:
            reason = "counted"  # "某省第四个国家级高新区": a rank among zones of a kind, no name
        if reason is None and rule.type == "IndustryChain":
            reason = _plain_chain_reason(text[start:s], gaz)
        if reason is None:
            cand = _rule_candidate(text, start, s, _with_bracketed_place(text, e, rule, matches), rule, gaz)
            if rule.type == "Place":
                cand = _after_parent_zone(text, _after_zone_prefix(text, cand, gaz), near)
            found.append(cand)
        elif rule.report_drops:
            drops.append((start, e, f"{rule.name}:{reason}"))
        if rule.type == "IndustryChain" and reason is not None and not _heads_other_things(text, start, s, e):
            found += _chain_list(text, start, rule, gaz, known)
    return found, drops


# Incubators and accelerators of an industry ("…产业孵化基地", "…产业加速器"): like 产业园
# and 产业基地 (the rule's bad next characters), facilities that 产业 only qualifies.
_FACILITY_AFTER_INDUSTRY = re.compile("(?:孵化|加速)(?:器|基地|园|中心)")


# Words that end in 等 without closing a list ("高等研究院": an institute of advanced study).
_WORDS_ENDING_IN_DENG = ("高等", "中等", "初等", "同等", "平等", "对等", "均等", "优等", "上等", "特等")


def _ends_in_list_word(text: str, start: int, end: int) -> bool:
    return text.endswith("等", start, end) and not text.endswith(_WORDS_ENDING_IN_DENG, start, end)


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
    if rule.type not in _JOINED_NAME_CLASSES or end >= len(text) or text[end] not in "（(":
        return end
    for m in matches:
        if m.start == end + 1 and m.surface.type == "Place" and text[m.end : m.end + 1] in ("）", ")"):
            return m.end + 1
    return end


def _names_an_industry(stem: str, gaz: Gazetteer) -> bool:
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


def _after_zone_prefix(text: str, cand: _Candidate, gaz: Gazetteer) -> _Candidate:
    """The park without the zone or city written before it, when the park has a name of its own."""
    match = _PARK_AFTER_ZONE.fullmatch(text, cand.start, cand.end)
    if match is None:
        match = _PARK_AFTER_CITY.fullmatch(text, cand.start, cand.end)
        if match is None or not _names_a_city(match.group("zone"), gaz) or match.group("own").endswith("区"):
            return cand  # "某市某某新区工业园区": the new area's park, named by it
    own = match.group("own")
    if not _own_park_words(own) or _names_an_industry(own, gaz) or _names_a_place(own, gaz):
        return cand
    park = match.start("own")
    return _Candidate(park, cand.end, cand.type, cand.subtype, name_form(text[park : cand.end]), cand.source)


# Word classes of a park's own words: names and directions (东部, 城南, 凤凰湖), not the
# nouns of a kind or a field (智能, 数字, 总部) nor verbs (创新).
_OWN_PARK_TAGS = frozenset({"ns", "nr", "nz", "f"})


def _own_park_words(words: str) -> bool:
    return all(tag in _OWN_PARK_TAGS for _word, tag in rjieba.tag(words))


def _names_a_city(words: str, gaz: Gazetteer) -> bool:
    surface = gaz.surface(words)
    return surface is not None and surface.type == "Place" and surface.subtype == "City"


def _names_a_place(words: str, gaz: Gazetteer) -> bool:
    surface = gaz.surface(words)
    return (surface is not None and surface.type == "Place") or words in gaz.county_short_forms


def _after_parent_zone(text: str, cand: _Candidate, near: list[SurfaceMatch]) -> _Candidate:
    """A sub-zone named after its known parent zone ("安徽自贸试验区合肥片区"). The parent
    is an entity of its own, so the sub-zone's mention starts after it (mentions do not
    overlap) while its canonical name keeps the parent's canonical name before it."""
    if not text.endswith(_SUB_ZONE_WORDS, cand.start, cand.end):
        return cand  # 光谷科技创新大走廊: a place of its own that borrows the zone's name
    for m in near:
        zone = m.surface
        if m.start == cand.start and m.end < cand.end and zone.type == "Place" and zone.subtype == "DevelopmentZone":
            own = name_form(text[m.end : cand.end])
            return _Candidate(m.end, cand.end, cand.type, cand.subtype, zone.canonical + own, cand.source)
    return cand


def _plain_chain_reason(stem: str, gaz: Gazetteer) -> str | None:
    """A stem too plain for a chain (基因产业, IT产业) unless the gazetteer knows it."""
    if _names_an_industry(stem, gaz):
        return None
    return plain_chain_stem(name_form(strip_generic_prefix(stem)).strip())


# Endings that make a known place name a whole zone or area of its own kind.
_PLACE_KIND_ENDINGS = ("区", "园", "城", "港", "镇", "县", "市", "省", "岛", "廊", "湾")


def _rule_start(text: str, s: int, rule: EntityRule, matches: list[SurfaceMatch], known: list[tuple[int, int]]) -> int:
    """Start of the name ending in the suffix at ``s``; -1 when the rule does not apply.
    ``known``: the (start, end) of ``matches``."""
    if rule.subtype in ("County", "District"):
        # Bare …区/…县 is too common a suffix (社区, 园区); only "<known place>XX区" counts.
        before = [m.end for m in matches if m.surface.type == "Place" and m.end <= s]
        if not before or not _HAN_NAME.fullmatch(text[max(before) : s]) or _no_division_stem(text, max(before), s):
            return -1
        return max(before)
    if rule.needs_place_prefix:
        # A region's policy designations ("长三角…示范区") are programmes, not places.
        owners = [m for m in matches if m.surface.type == "Place" and m.surface.subtype != "Region" and m.end <= s]
        return zone_start(text, s, [m.start for m in owners])
    start = left_boundary(text, s, known)
    bound = start
    if rule.type == "Laboratory" and start > 0 and text[start - 1] in _CLOSING_QUOTES:
        start = _quoted_part_start(text, start, s, known)
    if rule.type in _JOINED_NAME_CLASSES and start > 0 and text[start - 1] in "与及和":
        # "…先进技术与装备国家工程实验室": the words after the joiner must make a name
        # with the suffix on their own, or the joiner is between two phrases.
        # (An industry before the joiner is part of the name: "某某医药与高端制剂工程中心".)
        organisations = [(m.start, m.end) for m in matches if m.surface.type != "IndustryChain"]
        joined = left_boundary(text, s, organisations, through_joiner=True)
        if joined < start and (judge(rule, text[start:s]) is None or _names_a_field(text, start, rule)):
            start = joined
    # A name never holds a whole known name of its own kind: in "合肥经开区稳居国家级经开区"
    # the second zone starts after the first. (Companies may: a subsidiary's legal name
    # opens with its parent's, "某某（南京）有限公司", "中国石化扬子石油化工有限公司".) A
    # short name without a kind word (光谷, 中关村) does open a longer one: 光谷生物城.
    for m in matches:
        if rule.type == "Enterprise" or rule.name == _BRANCH_RULE:
            break  # (a branch is named with its parent: 某某科学院某市分院)
        if (
            start <= m.start
            and m.end <= s
            and m.surface.type == rule.type
            and m.surface.subtype == rule.subtype
            and (rule.type != "Place" or m.surface.text.endswith(_PLACE_KIND_ENDINGS))
            and not (rule.name == _PARK_RULE and m.start == start)
        ):
            start = m.end
    if rule.name == _ZONE_RULE:
        start = _zone_owner_start(text, start, s, matches)
    if rule.name == _TOWN_RULE:
        # a town is never named with its county or district: "洪山区|左岭镇"
        start = max([start, *(m.end for m in matches if m.surface.type == "Place" and start <= m.start and m.end <= s)])
    if rule.type == "IndustryChain":
        start = _term_over_known_start(text, bound, start, s, matches)
        return _after_leading_amount(
            text, _chain_start_after_place(text, _vocabulary_start(text, start, s), s, matches), s
        )
    if rule.type == "Enterprise":
        start = _after_zone_word(text, _place_anchored_start(text, start, s, matches), s)
        return _after_role_noun(text, start, s, rule)
    if rule.type == "Place":
        start = _after_body_word(text, after_sentence_words(text, start, s, [m.start for m in matches]), s)
        start = _after_part_word(text, _dotted_place_start(text, start, matches), s, matches)
        return _after_former_word(text, start, matches)
    return start


# A size opening the words before 产业 ("千亿元锂电产业", "百亿级新材料产业集群"): what an
# industry is to grow to, no part of its name.
_LEADING_AMOUNT = re.compile("[0-9０-９一二三四五六七八九十百千万两]+亿元?级?")
MIN_CHAIN_STEM = 2


def _after_leading_amount(text: str, start: int, s: int) -> int:
    """Start a chain's name after a size that opens it, when a name of two or more
    characters is left ("千亿元|锂电产业")."""
    amount = _LEADING_AMOUNT.match(text, start, s)
    if amount is None or s - amount.end() < MIN_CHAIN_STEM:
        return start
    return amount.end()


# A laboratory's name may hold a programme or field in quotes ("中国—某国某某“一带一路”联合
# 实验室", "“某某探测”某省实验室"): the quoted words, and the name before them, are part of it.
_CLOSING_QUOTES = '”"'
_QUOTED_PART = re.compile(r"[“\"][\u4e00-\u9fff]{2,12}[”\"]$")
MAX_QUOTED_CHARS = 14


def _quoted_part_start(text: str, start: int, suffix_start: int, known: list[tuple[int, int]]) -> int:
    """Start of a laboratory's name whose own words stop at a closing quote right before
    ``start``: the quoted part and the name before its opening quote. Quoted words alone
    before a bare kind ("“十四五”重点实验室") name none: the name needs words before the
    quote or a place after it (“某某探测”安徽省实验室)."""
    quoted = _QUOTED_PART.search(text, max(0, start - MAX_QUOTED_CHARS), start)
    if quoted is None:
        return start
    before = left_boundary(text, quoted.start(), known, through_joiner=True)
    return before if before < quoted.start() or start < suffix_start else start


# "某某科学与技术研究院", "某某科学与技术重点实验室": an institute or lab of a discipline named
# "<science>科学与技术/工程", one field however plain the words after the joiner are.
# (Centres so named are mostly what a city aims to become: "建成国际某某科学与技术研究中心".)
_SCIENCE = "科学"
_FIELD_NAMED_RULES = frozenset({"institute", "lab-key"})


def _names_a_field(text: str, after_joiner: int, rule: EntityRule) -> bool:
    return rule.name in _FIELD_NAMED_RULES and text.endswith(_SCIENCE, 0, after_joiner - 1)


# "北部某某产业园区": 北部 says which part of the city the park lies in; the park's name
# starts after it. (中部 is left: it opens names of regions, 中部地区. A known name that
# opens with the word, 北部湾, is kept.)
_PART_WORDS = ("东部", "西部", "南部", "北部")
_MIN_NAME_AFTER_PART = 2


def _after_part_word(text: str, start: int, s: int, matches: list[SurfaceMatch]) -> int:
    if not text.startswith(_PART_WORDS, start) or s - start - len(_PART_WORDS[0]) < _MIN_NAME_AFTER_PART:
        return start
    if any(m.start == start for m in matches) or text.startswith("湾", start + 2):
        return start
    return start + len(_PART_WORDS[0])


# A park a brand opens in another city is named "<city>·<brand park>" ("某市·某某科技园"):
# the city and the middle dot belong to the park's name.
_NAME_DOTS = "·・•"


# A zone's administrative committee is a body, never a word of a place's name: a place
# written after it ("某某高新区管委会某某分园区办事处") opens after it.
_BODY_WORDS = ("管理委员会", "管委会")


def _after_body_word(text: str, start: int, s: int) -> int:
    found = [(text.rfind(word, start, s), word) for word in _BODY_WORDS]
    return max((at + len(word) for at, word in found if at >= 0), default=start)


# "整合原某市化工园": 原 says the park was so named before a merger; it is no part of the
# name, which opens with the place after it.
_FORMER = "原"


def _after_former_word(text: str, start: int, matches: list[SurfaceMatch]) -> int:
    if not text.startswith(_FORMER, start):
        return start
    opens_place = any(m.start == start + 1 and m.surface.type == "Place" for m in matches)
    return start + 1 if opens_place else start


def _dotted_place_start(text: str, start: int, matches: list[SurfaceMatch]) -> int:
    if start < 1 or text[start - 1] not in _NAME_DOTS:
        return start
    city = next((m for m in matches if m.end == start - 1 and m.surface.type == "Place"), None)
    return start if city is None else city.start


# A firm's registered name holds a province or a city, never a development zone: in
# "某市高新区某某科技有限公司" the zone says where the firm is, and its name starts after it.
_ZONE_WORD = re.compile("高新技术产业开发区|经济技术开发区|高新区|经开区|开发区")
MIN_FIRM_STEM = 2


def _after_zone_word(text: str, start: int, s: int) -> int:
    for hit in _ZONE_WORD.finditer(text, start, s):
        if s - hit.end() >= MIN_FIRM_STEM:
            start = hit.end()
    return start


# "<known place>的核心区", "<known place>的园区": a part or the parks of the place, described
# after 的, no division's name; and a district's own name never ends in a word for parks.
_NOT_DIVISION_OPENING = "的"
_NOT_DIVISION_ENDING = "园"


def _no_division_stem(text: str, place_end: int, suffix_start: int) -> bool:
    """Whether the words between a known place and 区 are no district's own name: they
    open with 的 or a determiner ("珠三角这些地区"), or end in a word for parks."""
    if text.startswith(_NOT_DIVISION_OPENING, place_end) or text.endswith(_NOT_DIVISION_ENDING, 0, suffix_start):
        return True
    first = segment(text[place_end:suffix_start])[0]
    return len(first) > 1 and first in STOP_WORDS


_ZONE_RULE = "place-zone"
_BRANCH_RULE = "institute-branch"
# A park built in a zone is named with it ("某某高新区集成电路产业园"): the zone opens it.
_PARK_RULE = "place-park"
_ZONE_OWNER_TYPES = frozenset({"Province", "City", "District", "County"})


def _zone_owner_start(text: str, start: int, s: int, matches: list[SurfaceMatch]) -> int:
    """A zone is named after the place it is built on ("郑州高新区", "湖北襄阳经开区"): the
    name starts at the first known place before the suffix, whatever the word rules took
    before it (a verb or adverb of news the stop words miss: "前往郑州高新区", "今年以来
    长沙高新区"). A place in brackets is inside a longer name and does not count."""
    for m in matches:
        if start < m.start < s and m.surface.subtype in _ZONE_OWNER_TYPES and text[m.start - 1] not in "（(":
            return m.start
    return start


def _term_over_known_start(text: str, bound: int, start: int, s: int, matches: list[SurfaceMatch]) -> int:
    """Start of a vocabulary industry before 产业 at ``s`` that holds the known chain the
    name was cut after ("绿色石化产业": 石化 is known, 绿色石化 is an industry of its own),
    else ``start``. ``bound``: where the name may open at most."""
    term = vocabulary_term_start(text, s, bound)
    if not bound <= term < start:
        return start
    held = any(m.surface.type == "IndustryChain" and term <= m.start and m.end == start for m in matches)
    return term if held else start


def _vocabulary_start(text: str, start: int, s: int) -> int:
    """Start of the chain before 产业 at ``s``: an industry of the vocabulary whose last
    word the word rules stop at ("信息技术服务产业": 服务), else ``start``."""
    term = vocabulary_term_start(text, s, max(0, s - MAX_NAME_CHARS))
    if not 0 <= term < start or not _is_stop_word(segment(text[term:s])[-1]):
        return start
    return term


# A zone or province word inside a would-be chain name: the words before it are the
# place the industry is in ("东湖高新区光电子信息产业" is the zone's 光电子信息 industry).
_PLACE_END_IN_CHAIN = re.compile("(?:高新区|开发区|经开区|新区|省)")
MIN_CHAIN_REST = 2


_NOT_CHAIN_OPENERS = frozenset({"Place", "Enterprise"})


def _chain_start_after_place(text: str, start: int, s: int, matches: list[SurfaceMatch]) -> int:
    """Industries are not named after places or firms: a chain name starts after a known
    place, a zone word or a known firm that opens it ("某某集团鸿雁产业": the firm's
    ecosystem is the chain 鸿雁)."""
    for m in matches:
        if start <= m.start and m.end <= s - MIN_CHAIN_REST and m.surface.type in _NOT_CHAIN_OPENERS:
            start = m.end
    # (A zone word is cut off however little is left: "滨海新区新产业" is the zone's new
    # industries, and 新 alone is no chain.)
    for hit in _PLACE_END_IN_CHAIN.finditer(text, start, s):
        start = hit.end()
    # "某某经开区（杭州）飞地产业孵化基地": a bracket closing a place's name ends it too.
    while start < s and text[start] in _CLOSING_BRACKETS:
        start += 1
    # "中国美妆产业", "国家稀土产业…试点": the nation says where, like a place (美妆, 稀土).
    nation = _NATION_WORD.match(text, start, s)
    if nation is not None and s - nation.end() >= MIN_CHAIN_REST:
        start = nation.end()
    return start


_CLOSING_BRACKETS = "）)"
_NATION_WORD = re.compile("(?:中国|国家|我国|全国)(?!级)")  # (国家级 is a rank: judge's)


# Words that say what kind of company follows ("龙头企业安徽海螺…", "链主企业埃夫特…") or
# introduce a picture ("图为某某有限公司车间"); they are not part of the name.
_ROLE_NOUNS = re.compile("企业|龙头|链主|厂商|厂家|图为")
MIN_NAME_AFTER_ROLE = 3


def _after_role_noun(text: str, start: int, s: int, rule: EntityRule) -> int:
    """Start the company name after the last role noun before it, when what follows is
    a name of its own ("企业管理有限公司" keeps 企业: 管理 alone is no name)."""
    last = -1
    for hit in _ROLE_NOUNS.finditer(text, start, s):
        last = hit.end()
    if last < 0 or s - last < MIN_NAME_AFTER_ROLE or judge(rule, text[last:s]) is not None:
        return start
    return last


# Characters that stand between a place and a name only as function words.
_FUNCTION_CHARS = frozenset("在对向从由把将和与及等的为是了以于到至、")
MAX_TRADE_NAME_GAP = 3
_PARTNER_JOINERS = frozenset("和与及同")


def _place_anchored_start(text: str, start: int, s: int, matches: list[SurfaceMatch]) -> int:
    """ "安徽澜至人形机器人科技有限公司": a company's legal name opens with a place and a
    trade name of a few characters; the segmenter may read a trade-name character as a
    function word (澜|至) and stop the walk there. A known place right before the stop,
    with only such a short gap of Han characters and no two-character verb, opens the
    name. (A single-character function word right after the place is kept out: 在, 向…)"""
    for m in reversed(matches):
        if m.end > start or m.surface.type != "Place" or m.surface.subtype == "Region":
            continue
        gap = text[m.end : start]
        if not 1 <= len(gap) <= MAX_TRADE_NAME_GAP or not _HAN_NAME_RUN.fullmatch(gap):
            return start
        if gap[0] in _FUNCTION_CHARS or any(w in STOP_VERBS for w in segment(gap)):
            return start
        if gap[-1] in _PARTNER_JOINERS:
            return start  # "某区政府与某某有限公司": the place's body is the firm's partner
        return m.start
    return start


_HAN_NAME_RUN = re.compile(r"[\u4e00-\u9fff]+")


def _rule_candidate(text: str, start: int, suffix_start: int, end: int, rule: EntityRule, gaz: Gazetteer) -> _Candidate:
    name = name_form(text[start:end])
    stem = name_form(text[start:suffix_start]).strip()
    canonical, subtype = (name, rule.subtype) if rule.keep_suffix else (stem, rule.subtype)
    # "某某研究院有限公司": a research institute registered as a company is an institute
    cls = "ResearchInstitute" if rule.type == "Enterprise" and stem.endswith(_INSTITUTE_ENDINGS) else rule.type
    canonical, subtype = _known_as(canonical, cls, subtype, gaz)
    return _Candidate(start, end, cls, subtype, canonical, rule.name)


_INSTITUTE_ENDINGS = ("研究院", "研究所")


def _known_as(name: str, cls: str, subtype: str | None, gaz: Gazetteer) -> tuple[str, str | None]:
    """Map a rule-found name to the gazetteer's entity when it is a variant of one."""
    forms = [name] + [name[: -len(s)] for s in _LEGAL_SUFFIXES if name.endswith(s)]
    if cls == "IndustryChain" and name.endswith("制造"):
        forms.append(name[:-2])  # 汽车及其零部件制造: the manufacturing of a known industry
    for form in forms:
        surface = gaz.surface(form)
        if surface is not None and surface.type == cls:
            return surface.canonical, surface.subtype
    return name, subtype


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
) -> list[_Candidate]:
    """Members of "新能源汽车、新型显示、集成电路等(未来)产业": every member is a chain.

    Members the gazetteer already matched are left to it; the walk continues before them.
    """
    known_by_end = {b: a for a, b in known}
    words_end = stop
    if not text.endswith("等", 0, words_end):  # (no slice: the sentence is not copied)
        return []
    item_end = words_end - 1
    found: list[_Candidate] = []
    for _ in range(MAX_LIST_ITEMS):
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


def _chain_item(start: int, end: int, item: str, gaz: Gazetteer) -> _Candidate:
    canonical, subtype = _known_as(name_form(item), "IndustryChain", None, gaz)
    return _Candidate(start, end, "IndustryChain", subtype, canonical, CHAIN_LIST_SOURCE)


# Organisations whose units are named "<parent><unit>" (中国科学院近代物理研究所): a known
# parent right before a unit found by its suffix is one name with it, the parent's full name
# written out (中科院赣江创新研究院 -> 中国科学院赣江创新研究院).
_PARENT_CLASSES = frozenset({"ResearchInstitute", "University"})
_UNIT_CLASSES = frozenset({"ResearchInstitute", "Laboratory", "InnovationPlatform", "LargeScientificFacility"})


def _join_parent_prefixed(text: str, chosen: list[_Candidate]) -> list[_Candidate]:
    result: list[_Candidate] = []
    for cand in chosen:
        parent = result[-1] if result else None
        if (
            parent is not None
            and parent.end == cand.start
            and parent.source == "gazetteer"
            and cand.source != "gazetteer"
            and parent.type in _PARENT_CLASSES
            and cand.type in _UNIT_CLASSES
        ):
            result[-1:] = _academy_units(text, parent, cand)
            continue
        result.append(cand)
    return result


# An academy's institute inside one of its regional academies is written "<academy><regional
# 研究院><institute 研究所>" (中国科学院某某物质科学研究院某某物理研究所): two units, each
# named with the academy (中国科学院某某物质科学研究院, 中国科学院某某物理研究所).
_ACADEMY = re.compile("^[\u4e00-\u9fff]{2,6}?科学院")
_REGIONAL_ACADEMY = re.compile("[\u4e00-\u9fff]{2,10}?研究院(?=[\u4e00-\u9fff]{2,12}研究所$)")
_INSTITUTE_END = "研究所"


def _academy_units(text: str, parent: _Candidate, unit: _Candidate) -> list[_Candidate]:
    """The known ``parent`` joined with the rule-found ``unit`` after it, or the two split
    into an academy's regional academy and its institute."""
    academy = _ACADEMY.match(parent.canonical)
    if academy is None or unit.type != "ResearchInstitute" or not text.endswith(_INSTITUTE_END, 0, unit.end):
        return [_joined_unit(parent, unit)]
    own = text[unit.start : unit.end]
    if academy.end() < len(parent.canonical) and parent.canonical.endswith("研究院"):
        # the parent is the regional academy already: "中国科学院某某研究院|某某研究所"
        institute = _Candidate(unit.start, unit.end, unit.type, unit.subtype, academy.group() + own, unit.source)
        return [parent, institute]
    regional = _REGIONAL_ACADEMY.match(own)
    if regional is None:
        return [_joined_unit(parent, unit)]
    middle = unit.start + regional.end()
    return [
        _Candidate(parent.start, middle, unit.type, None, parent.canonical + regional.group(), unit.source),
        _Candidate(middle, unit.end, unit.type, unit.subtype, parent.canonical + text[middle : unit.end], unit.source),
    ]


def _joined_unit(parent: _Candidate, unit: _Candidate) -> _Candidate:
    return _Candidate(parent.start, unit.end, unit.type, unit.subtype, parent.canonical + unit.canonical, unit.source)


_HOST_CLASSES = frozenset({"ResearchInstitute", "University"})
MIN_LAB_CHARS = 5  # a stem of two characters and 实验室


def _split_hosts_off(text: str, chosen: list[_Candidate], matches: list[SurfaceMatch]) -> list[_Candidate]:
    """ "某某大学某某材料实验室": a laboratory a rule found whose name opens with a known
    university or institute is that host's lab; the host is a mention of its own and the
    lab's name starts after it (labs are named without their host). So is any unit whose
    own name opens with 国家 or 中科, after a known host or an unknown one ending in its
    kind word ("某某研究所中科某某研究院")."""
    hosts = {m.start: m for m in matches if m.surface.type in _HOST_CLASSES}
    result: list[_Candidate] = []
    for cand in chosen:
        host = hosts.get(cand.start) if cand.source != GAZETTEER_SOURCE else None
        if host is None or not _unit_named_alone(text, cand, host):
            result += _split_at_national_unit(text, cand)
            continue
        lab = name_form(text[host.end : cand.end])
        result += [_from_surface(host), _Candidate(host.end, cand.end, cand.type, cand.subtype, lab, cand.source)]
    return result


# A key laboratory an academy designates is named with the academy ("中国科学院某某重点
# 实验室", like 国家重点实验室): the academy is the designation, not a host to split off;
# and an academy's units opening with 国家 are its own institutes (中国科学院国家授时中心).
_DESIGNATING_ACADEMY_END = "科学院"
_KEY_LAB_END = "重点实验室"
# A unit whose own name opens with a national designation ("国家某某工程技术研究中心") or a
# Chinese Academy of Sciences brand (中科…) is named without its host, whatever its kind.
_OWN_NAME_OPENINGS = ("国家", "中科")
# ... but a national university science park is named with its university (某某大学国家
# 大学科技园), and so are the bases it opens.
_UNIVERSITY_PARK = "国家大学科技园"
_SPLIT_UNIT_CLASSES = frozenset({"Laboratory", "InnovationPlatform", "ResearchInstitute"})


def _unit_named_alone(text: str, cand: _Candidate, host: SurfaceMatch) -> bool:
    """Whether the rule-found ``cand`` opening with the known ``host`` is the host's unit
    named after it: a lab with a stem of its own, or any unit with a name of its own."""
    if cand.type not in _SPLIT_UNIT_CLASSES or cand.end - host.end < MIN_LAB_CHARS:
        return False
    academy = host.surface.canonical.endswith(_DESIGNATING_ACADEMY_END)
    if _opens_unit_name(text, host.end):
        return not academy  # 中国科学院国家某某中心: the academy's own institute, so named
    academy_key_lab = academy and text.endswith(_KEY_LAB_END, 0, cand.end)
    return cand.type == "Laboratory" and not academy_key_lab and _opens_own_name(text, host.end)


# An institute or university written right before a unit's own name ("某某大学国家某某工程
# 研究中心", "某某研究所中科某某研究院"): two names, the first ending in its kind word.
_HOST_NAME_ENDS = re.compile(
    "(?:研究所|研究院|大学)(?=" + "|".join(_OWN_NAME_OPENINGS) + ")(?!" + _UNIVERSITY_PARK + ")"
)
_HOST_KIND_BY_END = {"研究所": "ResearchInstitute", "研究院": "ResearchInstitute", "大学": "University"}
MIN_HOST_CHARS = 4  # 某某大学


def _opens_unit_name(text: str, at: int) -> bool:
    return text.startswith(_OWN_NAME_OPENINGS, at) and not text.startswith(_UNIVERSITY_PARK, at)


def _split_at_national_unit(text: str, cand: _Candidate) -> list[_Candidate]:
    """``cand`` split where a host's name ends in its kind word and a unit's own name
    (国家…, 中科…) begins; ``[cand]`` when there is no such place."""
    if cand.type not in _SPLIT_UNIT_CLASSES or cand.source == GAZETTEER_SOURCE:
        return [cand]
    hit = _HOST_NAME_ENDS.search(text, cand.start + MIN_HOST_CHARS - 2, cand.end)
    if hit is None or cand.end - hit.end() < MIN_LAB_CHARS:
        return [cand]
    host = _Candidate(
        cand.start,
        hit.end(),
        _HOST_KIND_BY_END[hit.group()],
        None,
        name_form(text[cand.start : hit.end()]),
        cand.source,
    )
    unit = _Candidate(hit.end(), cand.end, cand.type, cand.subtype, name_form(text[hit.end() : cand.end]), cand.source)
    return [host, unit]


def _opens_own_name(text: str, at: int) -> bool:
    """A Han character that joins no partner ("某某大学–某某公司联合实验室", "某大学与某所…")
    opens the lab's own name."""
    return "\u4e00" <= text[at] <= "\u9fff" and text[at] not in _LAB_PARTNER_JOINERS


# (Its own name: _PARTNER_JOINERS above, which also holds 同, is what a place's body is joined by.)
_LAB_PARTNER_JOINERS = frozenset("与和及")


def _split_joined_chains(text: str, chosen: list[_Candidate], gaz: Gazetteer) -> list[_Candidate]:
    """ "光伏及新能源" names two chains; fixed joined names (汽车及零部件) stay whole."""
    result: list[_Candidate] = []
    for cand in chosen:
        parts = _joined_parts(text, cand, gaz)
        if not parts:
            result.append(cand)
            continue
        for part in parts:
            canonical, subtype = _known_as(fix_ocr(part.name), "IndustryChain", None, gaz)
            result.append(_Candidate(part.start, part.end, "IndustryChain", subtype, canonical, CHAIN_SPLIT_SOURCE))
    return result


def _trim_chain_edges(text: str, chosen: list[_Candidate], gaz: Gazetteer) -> list[_Candidate]:
    """Chains found by rules and lists without the sentence's words glued to their sides
    ("带动上游某某材料", "某某领域产业链"; see chain_edges.py). Known names are left whole;
    a chain whose rest is too plain a stem (全球|IT) goes, as "IT产业" does."""
    result = []
    for cand in chosen:
        trimmed = _trimmed(text, cand, gaz) if cand.type == "IndustryChain" and cand.priority > 1 else cand
        if trimmed is not None:
            result.append(trimmed)
    return result


def _trimmed(text: str, cand: _Candidate, gaz: Gazetteer) -> _Candidate | None:
    name_end = cand.start + len(strip_industry_suffix(text[cand.start : cand.end]))
    start, end = trimmed_chain(text[cand.start : name_end], lambda name: _known_industry(name, gaz))
    if (start, end) == (0, name_end - cand.start):
        return cand
    a, b = cand.start + start, cand.start + end
    if _plain_chain_reason(text[a:b], gaz) is not None:
        return None
    canonical, subtype = _known_as(name_form(text[a:b]), "IndustryChain", cand.subtype, gaz)
    return _Candidate(a, b if b < name_end else cand.end, "IndustryChain", subtype, canonical, cand.source)


def _join_dependent_parts(text: str, chosen: list[_Candidate], gaz: Gazetteer) -> list[_Candidate]:
    """ "汽车及配套": an industry and its parts or uses, one chain (dependent_parts.py);
    the pieces found inside it go."""
    chains = [(c.start, c.end) for c in chosen if c.type == "IndustryChain"]
    joined = joined_dependent_chains(text, chains)
    if not joined:
        return chosen
    kept = [c for c in chosen if not any(c.start < b and a < c.end for a, b in joined)]
    for a, b in joined:
        name = name_form(strip_industry_suffix(text[a:b]))
        canonical, subtype = _known_as(name, "IndustryChain", None, gaz)
        kept.append(_Candidate(a, b, "IndustryChain", subtype, canonical, DEPENDENT_PART_SOURCE))
    return sorted(kept, key=_BY_SPAN)


def _known_industry(name: str, gaz: Gazetteer) -> bool:
    return _names_an_industry(name, gaz) or is_vocabulary_term(name_form(name))


def _joined_parts(text: str, cand: _Candidate, gaz: Gazetteer) -> list[NamePart]:
    if cand.type != "IndustryChain":
        return []
    if not has_joiner(text[cand.start : cand.end]):
        return split_paired_categories(text, cand.start, cand.end)
    if cand.source == LISTED_LINK_SOURCE:
        return []  # a chain map's link stays as the map writes it ("装备与材料")
    entry = gaz.entry(cand.canonical)
    if entry is not None and has_joiner(entry.canonical):
        return []  # a fixed name of one industry
    return split_joined_chain(text, cand.start, cand.end)


def _read_lead(sentence: Sentence, chosen: list[_Candidate], gaz: Gazetteer, state: _DocState) -> list[_Candidate]:
    """Notice a paragraph lead that names industries ("光伏及新能源。"). An unknown lead is
    an industry when part of it is a known one, or when the lead before it in the same
    section was an industry (a column of industry paragraphs)."""
    lead = sentence.text.rstrip(_LEAD_END)
    if not lead or len(lead) > MAX_LEAD_CHARS or len(lead) == len(sentence.text):
        return chosen
    if any(c.type != "IndustryChain" for c in chosen):
        state.chain_lead_section = None
        return chosen
    if not (chosen and _covers_lead(lead, chosen)):
        in_column = state.chain_lead_section == (sentence.section,)
        # (the cheap test first: most leads with nothing chosen stand outside a column)
        if not (chosen or in_column) or not _plausible_chain_name(lead):
            state.chain_lead_section = None  # the column of industry leads has ended
            return chosen
        whole = _Candidate(0, len(lead), "IndustryChain", None, fix_ocr(strip_industry_suffix(lead)), CHAIN_LEAD_SOURCE)
        chosen = _split_joined_chains(sentence.text, [whole], gaz)
    state.industry_paragraph = True
    state.chain_lead_section = (sentence.section,)
    return chosen


def _covers_lead(lead: str, chosen: list[_Candidate]) -> bool:
    if any(c.type != "IndustryChain" for c in chosen):
        return False
    rest = list(lead)
    for cand in chosen:
        rest[cand.start : cand.end] = [""] * (cand.end - cand.start)
    return set("".join(rest)) <= _LEAD_FILLER


def _plausible_chain_name(lead: str) -> bool:
    """Short runs of Han characters (joined by 及/暨…) with no verb, function word or
    category word."""
    parts = [p.name for p in split_joined_chain(lead, 0, len(lead))] or [lead]
    return all(_plausible_chain_part(p) for p in parts)


def _plausible_chain_part(name: str) -> bool:
    if "产业" in strip_industry_suffix(name):
        return False  # "某某产业特色鲜明": a clause about an industry, not its name
    if not _HAN_LEAD.fullmatch(name) or not looks_like_industry(name) or left_boundary(name, len(name), []) != 0:
        return False
    return judge(RULES.get("industry-chain"), strip_industry_suffix(name)) is None


def _choose(pool: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, longest first; ties go to the more trusted source."""
    if len(pool) < 2:
        return list(pool)  # nothing to compare (most sentences)
    # (The priority is looked up inline: a property call per candidate costs more.)
    pool.sort(key=lambda c: (c.start - c.end, _PRIORITY.get(c.source, _RULE_PRIORITY), c.start))
    limit = 0
    for c in pool:
        if c.start >= c.end or c.start < 0:
            return _choose_by_comparison(pool)  # an empty span: the mask below cannot hold it
        if c.end > limit:
            limit = c.end
    # One flag per character taken by a chosen candidate: a candidate is free when no
    # character of its span is taken (the same test as comparing it with every chosen
    # one, in one C call instead of a loop over them).
    taken = bytearray(limit)
    chosen: list[_Candidate] = []
    for cand in pool:
        if taken.find(1, cand.start, cand.end) < 0:
            chosen.append(cand)
            taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
    chosen.sort(key=_BY_SPAN)
    return chosen


def _choose_by_comparison(pool: list[_Candidate]) -> list[_Candidate]:
    """_choose's selection for a sorted pool that holds empty spans."""
    chosen: list[_Candidate] = []
    for cand in pool:
        if all(cand.end <= c.start or c.end <= cand.start for c in chosen):
            chosen.append(cand)
    chosen.sort(key=_BY_SPAN)
    return chosen


def _context_supports(text: str, cand: _Candidate, chosen: list[_Candidate]) -> bool:
    """An ambiguous alias (江淮, 大众) counts only beside a same-class name or a cue word."""
    cues = _CHAIN_CONTEXT_CUES if cand.type == "IndustryChain" else _CONTEXT_CUES
    if text[cand.end : cand.end + 2] in cues:
        return True
    for other in chosen:
        if other is cand or other.type != cand.type:
            continue
        gap = text[other.end : cand.start] if other.end <= cand.start else text[cand.end : other.start]
        if len(gap) <= 2 and set(gap) <= _LIST_GAP:
            return True
    return False


def _learn_park_short_name(cand: _Candidate, state: _DocState) -> bool:
    """A park a rule found in full is named by its owner's words later (zone_names.py)."""
    if cand.type != "Place" or cand.priority != _RULE_PRIORITY:
        return False
    short = park_short_name(cand.canonical)
    if short is None or short in state.declared or default_gazetteer().surface(short) is not None:
        return False
    state.declare(short, _DeclaredName(cand.canonical, cand.type, cand.subtype))
    state.park_short_names[short] = state.sentence_index
    return True


def _park_short_names_before(doc: Document, mentions: list[Mention], state: _DocState) -> list[Mention]:
    """A title or lead may call a park by its short name before the text names it in full
    ("某省某某入选…" above "…某省某某科技产业园…"): those earlier short names are the park too,
    in place of the shorter names found inside them (the province)."""
    if not state.park_short_names:
        return mentions
    automaton = ahocorasick_rs.AhoCorasick(list(state.park_short_names), implementation=_FEW_NAMES_AUTOMATON)
    last_learned = max(state.park_short_names.values())
    for sentence in doc.sentences:
        if sentence.index >= last_learned:
            continue  # speed: no short name was learned after this sentence
        for _index, start, end in automaton.find_matches_as_indexes(sentence.text):
            alias = sentence.text[start:end]
            if sentence.index >= state.park_short_names[alias]:
                continue
            name = state.declared[alias]
            inside = [
                m for m in mentions if m.sentence == sentence.index and start < m.clean_end and m.clean_start < end
            ]
            if any(m.clean_start < start or m.clean_end > end for m in inside):
                continue  # part of a longer name
            cand = _Candidate(start, end, name.type, name.subtype, name.canonical, DECLARED_SOURCE)
            mentions = [m for m in mentions if m not in inside] + [_to_mention(doc, sentence, cand)]
    return mentions


def _may_declare(text: str) -> bool:
    """Whether ``text`` may hold a declaration at all: each of _DECLARATION's forms needs
    a 称 or an opening bracket (a cheap test that spares most sentences the pattern)."""
    return "称" in text or "（" in text or "(" in text


def _learn_declarations(text: str, chosen: list[_Candidate], state: _DocState) -> bool:
    """Register "X（以下简称“Y”）" so Y names X for the rest of the document."""
    learned = False
    may_declare = _may_declare(text)
    for cand in chosen:
        if _learn_park_short_name(cand, state):
            learned = True
        match = _DECLARATION.match(text, cand.end) if may_declare else None
        if match is None:
            continue
        alias = match.group(1) or match.group(2) or match.group(3)
        if alias and alias != cand.canonical and alias not in state.declared:
            state.declare(alias, _DeclaredName(cand.canonical, cand.type, cand.subtype))
            learned = True
    return learned


def _resolve_division(cand: _Candidate, sentence: Sentence, doc: Document, gaz: Gazetteer, state: _DocState) -> None:
    """Pick the division an ambiguous district name means, and remember cities seen."""
    codes = cand.division_codes
    if len(codes) == 1:
        division = gaz.divisions.get(codes[0])
        if division is not None and division.level <= 2:
            state.city_by_article[sentence.article] = division.code
        return
    if len(codes) < 2:
        return
    context = [state.city_by_article.get(sentence.article), _focus_code(doc, sentence, gaz)]
    for place in (c for c in context if c):
        fitting = [code for code in codes if place in gaz.parent_chain(code)]
        if len(fitting) == 1:
            parent = gaz.divisions[gaz.divisions[fitting[0]].parent]
            cand.canonical = parent.name + gaz.divisions[fitting[0]].name
            cand.division_codes = (fitting[0],)
            return


def _focus_code(doc: Document, sentence: Sentence, gaz: Gazetteer) -> str | None:
    for article in doc.articles:
        if article.index == sentence.article and article.focus_place:
            return gaz.division_code(article.focus_place)
    return None


def _to_mention(doc: Document, sentence: Sentence, cand: _Candidate) -> Mention:
    # Sentence.original_span's mapping, without building a Span per mention (speed).
    start, end = sentence.offsets[cand.start], sentence.offsets[cand.end - 1] + 1
    return Mention(
        doc=doc.name,
        sentence=sentence.index,
        start=start,
        end=end,
        text=doc.text[start:end],
        type=entity_class(cand.type),
        subtype=cand.subtype,
        canonical=_zone_canonical(cand.canonical) if _zone_by_rule(cand) else cand.canonical,
        source=cand.source,
        clean_start=cand.start,
        clean_end=cand.end,
        clean_text=sentence.text[cand.start : cand.end],
    )


def _zone_canonical(name: str) -> str:
    """A rule-found zone's full name, or the reference data's name when that writes the
    zone's type the other way (with or without 产业): one zone, one entity."""
    full = full_zone_name(without_rank_word(name))
    other = other_zone_spelling(full)
    known = default_gazetteer().surface(other) if other else None
    return known.canonical if known is not None and known.type == "Place" else full


def _zone_by_rule(cand: _Candidate) -> bool:
    """A zone a rule found (not one the reference data or a declaration named)."""
    return cand.type == "Place" and cand.priority == _RULE_PRIORITY


def _to_dropped(doc: Document, sentence: Sentence, drop: tuple[int, int, str]) -> Dropped:
    start, end, reason = drop
    # Sentence.original_span's mapping, without building a Span per record (speed).
    offsets = sentence.offsets
    return Dropped(doc.name, "mentions", reason, offsets[start], offsets[end - 1] + 1, sentence.text[start:end])
