"""The candidate record every source of names makes (a span, its class, its canonical name
and the source's name), the sources' names and priorities, and the state a document's
earlier sentences pass to later ones; with the two tests the sources share (a name's
gazetteer entity, a stop word)."""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter

import ahocorasick_rs

from loaders.lexicon.gazetteer import Gazetteer
from loaders.mentions.entity_rules import STOP_VERBS

GAZETTEER_SOURCE = "gazetteer"
DECLARED_SOURCE = "declared-abbreviation"
CHAIN_LIST_SOURCE = "industry-chain-list"
CHAIN_SPLIT_SOURCE = "industry-chain-split"
COUNTY_INDUSTRY_SOURCE = "county-industry"  # a county's short name before its industry
COUNTY_LEAD_SOURCE = "county-lead"  # a county written in full before a park's name
CHAIN_LEAD_SOURCE = "industry-chain-lead"
SHORT_COMPANY_SOURCE = "enterprise-short-name"
LISTED_DISTRICT_SOURCE = "district-list"
BARE_COUNTY_SOURCE = "bare-county"
BARE_SIBLINGS_SOURCE = "bare-sibling-counties"  # "灵石、介休": two counties of one city side by side
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
# A listed company's stock short name: the document's own declared abbreviation of the same
# string ("某某石油化工有限公司（以下简称某某石化）") says better which firm it is.
LISTED_COMPANY_SOURCE = "listed-company"
# A list's distributed name wins over the word its member is alone ("光谷等湖北实验室":
# 湖北光谷实验室, not the place 光谷).
PRIORITY = {COUNTED_LAB_SOURCE: -1, GAZETTEER_SOURCE: 0, DECLARED_SOURCE: 1}
BY_SPAN = attrgetter("start", "end")  # sort key (start, end), computed in C
RULE_PRIORITY = 2

_LEGAL_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "集团")


@dataclass(slots=True)
class Candidate:
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
        return PRIORITY.get(self.source, RULE_PRIORITY)


@dataclass(slots=True)
class DeclaredName:
    canonical: str
    type: str
    subtype: str | None


# The automata of a document's own names (a few, rebuilt as it declares them): for so few
# names the default builds a DFA, which costs more to build than it saves in searching.
FEW_NAMES_AUTOMATON = ahocorasick_rs.Implementation.NoncontiguousNFA


@dataclass(slots=True)
class DocState:
    """What earlier sentences of the document tell later ones."""

    declared: dict[str, DeclaredName] = field(default_factory=dict)
    automaton: ahocorasick_rs.AhoCorasick | None = None
    city_by_article: dict[int, str] = field(default_factory=dict)  # last city code seen
    # The division code of the place each article is about (Article.focus_place), if known.
    focus_by_article: dict[int, str] = field(default_factory=dict)
    # Paragraph leads ("**光伏及新能源。**围绕…"): the sentences of a paragraph led by an
    # industry speak about that industry; a column of such leads is a column of industries.
    industry_paragraph: bool = False
    # (section,) of the last industry lead in a column of them; None when there is none.
    chain_lead_section: tuple[str | None] | None = None
    previous_end: int = 0
    sentence_index: int = 0  # the sentence being read
    # Parks' and firms' short names learned from their full names: alias -> the sentence it
    # was learned in.
    learned_short_names: dict[str, int] = field(default_factory=dict)
    # Codes of the divisions the gazetteer finds anywhere in the document (a county's bare
    # short name is taken only in a document that names its city: county_context.py).
    division_codes: frozenset[str] = frozenset()
    # The codes a county's bare short name is read against (county_context.py): those above,
    # and the counties the document writes often by their short name with their cities (such
    # a page names its county even where it never writes it in full).
    county_context_codes: frozenset[str] = frozenset()

    def declare(self, alias: str, name: DeclaredName) -> None:
        self.declared[alias] = name
        self.automaton = ahocorasick_rs.AhoCorasick(
            list(self.declared),
            matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
            implementation=FEW_NAMES_AUTOMATON,
        )


def is_stop_word(word: str) -> bool:
    return word in STOP_VERBS


def known_as(name: str, cls: str, subtype: str | None, gaz: Gazetteer) -> tuple[str, str | None]:
    """Map a rule-found name to the gazetteer's entity when it is a variant of one."""
    forms = [name] + [name[: -len(s)] for s in _LEGAL_SUFFIXES if name.endswith(s)]
    if cls == "IndustryChain" and name.endswith("制造"):
        forms.append(name[:-2])  # 汽车及其零部件制造: the manufacturing of a known industry
    for form in forms:
        surface = gaz.surface(form)
        if surface is not None and surface.type == cls:
            return surface.canonical, surface.subtype
    return name, subtype
