"""Candidates from lists in a sentence: coordination lists' members, term lists, the
laboratories a counted list names, the firms opening project items."""

from __future__ import annotations

import re

from loaders.lexicon.chain_names import strip_industry_suffix
from loaders.lexicon.gazetteer import Gazetteer
from loaders.lexicon.matcher import SurfaceMatch, name_form
from loaders.mentions.apposed_firms import apposed_firms, may_hold_apposed_firm
from loaders.mentions.candidates import (
    COORDINATION_SOURCE,
    COUNTED_LAB_SOURCE,
    PROJECT_FIRM_SOURCE,
    Candidate,
    known_as,
)
from loaders.mentions.counted_kinds import distributed_lists
from loaders.mentions.headless_firms import headless_firm_members
from loaders.mentions.industry_runs import headless_industry_members
from loaders.mentions.led_lists import led_list_members
from loaders.mentions.list_cues import may_end_in_demonstrative, may_end_in_quoted_count, may_end_in_role
from loaders.mentions.list_spans import KnownSpan, ListMember
from loaders.mentions.lists import list_members
from loaders.mentions.project_firms import KnownNames, listed_firms, project_firms
from loaders.mentions.term_lists import may_hold_term_list, term_list_members

# A Han character, a count, a measure word. (Written to open with the count and look
# behind for the Han character: the regex engine then skips ahead to digits, which makes
# the search over every sentence about twice as fast; the same sentences match.)
COUNTED_LIST = re.compile(r"[一二三四五六七八九十两0-9](?<=[\u4e00-\u9fff].)[一二三四五六七八九十两0-9]*[个大类项家条]")


def with_project_firms(text: str, pool: list[Candidate], matches: list[SurfaceMatch]) -> list[Candidate]:
    """``pool`` with the firms opening project items ("A化工新材料项目"). A longer name
    found over one (a company's full name, 某某科技城, a park named after a known firm:
    "A产业园等项目") keeps its place: it is chosen first."""
    known = KnownNames(
        [(m.start, m.end) for m in matches if m.surface.type == "Enterprise"],
        {(m.start, m.end) for m in matches if m.surface.type == "Place"},
        [(m.start, m.end) for m in matches if m.surface.type == "IndustryChain"],
        {m.start for m in matches if m.surface.type not in ("Enterprise", "Place", "IndustryChain")},
        {(m.start, m.end): m.surface.canonical for m in matches if m.surface.type == "Enterprise"},
    )
    firms = [firm for firm in project_firms(text, known) if not firm.known]  # known: in the pool already
    found = [
        Candidate(f.start, f.end, "Enterprise", None, name_form(text[f.start : f.end]), PROJECT_FIRM_SOURCE)
        for f in firms
    ]
    found += _listed_firms(text, pool + found)
    return pool + found


def _listed_firms(text: str, pool: list[Candidate]) -> list[Candidate]:
    """Short names alone among firms in a list of projects ("引进A药业、B、C生物等项目")."""
    firms = [(c.start, c.end) for c in pool if c.type == "Enterprise"]
    others = [(c.start, c.end) for c in pool if c.type != "Enterprise"]
    return [
        Candidate(a, b, "Enterprise", None, name_form(text[a:b]), PROJECT_FIRM_SOURCE)
        for a, b in listed_firms(text, firms, others)
    ]


def may_distribute(text: str) -> bool:
    """Whether a list of ``text`` may distribute a kind of laboratory or centre: a cheap
    test that spares most sentences the kinds' pattern."""
    return ("实验室" in text or "中心" in text) and ("等" in text or "个" in text or "家" in text)


def inside_a_kind(cand: Candidate, kinds: set[tuple[int, int]]) -> bool:
    """Whether ``cand`` lies in the kind a list distributes (湖北 of "等9家湖北实验室")."""
    return any(a <= cand.start and cand.end <= b for a, b in kinds)


def counted_lab_candidates(text: str, matches: list[SurfaceMatch]) -> tuple[list[Candidate], set[tuple[int, int]]]:
    """Names a list distributes over its members ("深空探测等4个全国重点实验室":
    深空探测全国重点实验室; loaders.mentions.counted_kinds), and the spans of the kinds."""
    known = [(m.start, m.end, m.surface.type) for m in matches]
    found: list[Candidate] = []
    kinds: set[tuple[int, int]] = set()
    for listed in distributed_lists(text, known):
        kinds.add((listed.kind_start, listed.kind_end))
        found += [Candidate(n.start, n.end, n.type, n.subtype, n.name, COUNTED_LAB_SOURCE) for n in listed.names]
    return found, kinds


def list_candidates(text: str, matches: list[SurfaceMatch], gaz: Gazetteer, industry_context: bool) -> list[Candidate]:
    """Unknown members of "A、B、C等企业/产业" lists, of "以A、B为核心的…产业" lists and of
    headless industry lists after a verb of scope, typed like the list
    (loaders.mentions.lists, .led_lists, .industry_runs)."""
    # Speed: each kind of list needs its own mark in the text; most sentences have none.
    headed = (
        "等" in text
        or COUNTED_LIST.search(text) is not None
        or may_end_in_role(text)
        or may_end_in_demonstrative(text)
        or may_end_in_quoted_count(text)
    )
    apposed = may_hold_apposed_firm(text)
    if not headed and not apposed and "以" not in text and "、" not in text:
        return []
    known = [KnownSpan(m.start, m.end, m.surface.type) for m in matches if not m.surface.needs_context]
    found = []
    members = list_members(text, known, industry_context) if headed else []
    if "以" in text or "等为" in text:
        members += led_list_members(text, known)
    if apposed:
        members += _new_members(apposed_firms(text, known), members)
    if not headed and "、" in text:
        members += headless_firm_members(text, known)
    for member in members + headless_industry_members(text, known):
        canonical, subtype = known_as(_member_name(text, member), member.type, member.subtype, gaz)
        found.append(Candidate(member.start, member.end, member.type, subtype, canonical, COORDINATION_SOURCE))
    return found


def _member_name(text: str, member: ListMember) -> str:
    """The name of a list member; an industry's without 产业 ("做强茶叶产业、竹木产业等": 茶叶),
    as the industry-chain rule names it."""
    name = name_form(text[member.start : member.end])
    return strip_industry_suffix(name) if member.type == "IndustryChain" else name


def _new_members(found: list[ListMember], members: list[ListMember]) -> list[ListMember]:
    """``found`` without the members that overlap one in ``members``."""
    return [f for f in found if not any(m.start < f.end and f.start < m.end for m in members)]


def term_list_candidates(text: str, matches: list[SurfaceMatch]) -> list[Candidate]:
    """Unknown members of headless lists of segment terms ("优化整车、零部件、后市场") in a
    sentence that names a chain (loaders.mentions.term_lists.term_list_members)."""
    if not any(m.surface.type == "IndustryChain" for m in matches) or not may_hold_term_list(text):
        return []  # speed: most sentences name no chain or list no term
    # Every match counts, context-dependent ones too: a list holding a possible firm or
    # place ("大众") is no list of segments.
    known = [KnownSpan(m.start, m.end, m.surface.type) for m in matches]
    return [
        Candidate(m.start, m.end, m.type, m.subtype, name_form(text[m.start : m.end]), COORDINATION_SOURCE)
        for m in term_list_members(text, known)
    ]
