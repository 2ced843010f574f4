"""The names a document declares (……（以下简称“X”）, a park's, a firm's or an institute's
short name learned from its full name): learning them from chosen candidates and finding
them in later sentences (and, for short names learned from full names, in the title and
lead before)."""

from __future__ import annotations

import re

import ahocorasick_rs

from kg.model import Document, Mention
from loaders import ablation
from loaders.lexicon.gazetteer import default_gazetteer
from loaders.mentions.candidates import (
    DECLARED_SOURCE,
    FEW_NAMES_AUTOMATON,
    RULE_PRIORITY,
    Candidate,
    DeclaredName,
    DocState,
)
from loaders.mentions.firm_short_names import firm_short_name
from loaders.mentions.institute_short_names import institute_short_names
from loaders.mentions.mention_records import to_mention
from loaders.mentions.zone_names import park_short_name

# "（以下简称“合肥物质院”）", "(简称:合肥物质院)", "，简称“X”" right after a name.
_DECLARATION = re.compile(
    r"\s*[（(，,]?\s*(?:以下|下文)?(?:简称|称)\s*[：:]?\s*[“\"「『]?"
    r"([\u4e00-\u9fffA-Za-z0-9]{2,12}?)[”\"」』]?\s*[）)]"
    r"|\s*[（(，,]\s*(?:以下|下文)?简称\s*[：:]?\s*[“\"「『]?([\u4e00-\u9fffA-Za-z0-9]{2,12})[”\"」』]"
    # a bracketed Latin acronym right after a name is its short name: "…加速器装置（HIAF）"
    r"|\s*[（(]\s*([A-Z][A-Za-z0-9\-]{1,11})\s*[）)]"
)


# A short name ending in 院 before 士 is the start of 院士 (an academician), no institute.
_ACADEMY_END = "院"
_ACADEMICIAN_END = "士"


def declared_candidates(text: str, state: DocState) -> list[Candidate]:
    if state.automaton is None:
        return []
    found = []
    for _index, start, end in state.automaton.find_matches_as_indexes(text):
        if text[end - 1] == _ACADEMY_END and text.startswith(_ACADEMICIAN_END, end):
            continue
        name = state.declared[text[start:end]]
        found.append(Candidate(start, end, name.type, name.subtype, name.canonical, DECLARED_SOURCE))
    return found


def _learn_park_short_name(cand: Candidate, state: DocState) -> bool:
    """A park a rule found in full is named by its owner's words later (zone_names.py)."""
    if cand.type != "Place" or cand.priority != RULE_PRIORITY:
        return False
    short = park_short_name(cand.canonical)
    if short is None or default_gazetteer().surface(short) is not None:
        return False
    return _learn_short_name(short, cand, state)


# The ablation part that switches the firms' and institutes' learned short names off.
_LEARNED_SHORT_NAMES = "learned-short-names"


def _learn_firm_short_name(cand: Candidate, state: DocState) -> bool:
    """A firm named by its legal name is named by its brand later (firm_short_names.py)."""
    if cand.type != "Enterprise" or not ablation.enabled(_LEARNED_SHORT_NAMES):
        return False
    short = firm_short_name(cand.canonical)
    return short is not None and _learn_short_name(short, cand, state)


def _learn_institute_short_names(cand: Candidate, state: DocState) -> bool:
    """An institute named in full is named by place, field and 所/院 later
    (institute_short_names.py)."""
    if cand.type != "ResearchInstitute" or not ablation.enabled(_LEARNED_SHORT_NAMES):
        return False
    learned = [_learn_short_name(short, cand, state) for short in institute_short_names(cand.canonical)]
    return any(learned)


def _learn_short_name(short: str, cand: Candidate, state: DocState) -> bool:
    """Register ``short`` as naming ``cand`` from the sentence being read on (and, before it,
    in the title and lead: short_names_before); False when it names something already."""
    if short in state.declared:
        return False
    state.declare(short, DeclaredName(cand.canonical, cand.type, cand.subtype))
    state.learned_short_names[short] = state.sentence_index
    return True


def short_names_before(doc: Document, mentions: list[Mention], state: DocState) -> list[Mention]:
    """A title or lead may call a park, a firm or an institute by its short name before the
    text names it in full ("某省某某入选…" above "…某省某某科技产业园…"): those earlier short
    names are that park, firm or institute too, in place of the shorter names found inside
    them (the province)."""
    if not state.learned_short_names:
        return mentions
    automaton = ahocorasick_rs.AhoCorasick(list(state.learned_short_names), implementation=FEW_NAMES_AUTOMATON)
    last_learned = max(state.learned_short_names.values())
    for sentence in doc.sentences:
        if sentence.index >= last_learned:
            continue  # speed: no short name was learned after this sentence
        for _index, start, end in automaton.find_matches_as_indexes(sentence.text):
            alias = sentence.text[start:end]
            if sentence.index >= state.learned_short_names[alias]:
                continue
            name = state.declared[alias]
            inside = [
                m for m in mentions if m.sentence == sentence.index and start < m.clean_end and m.clean_start < end
            ]
            if any(m.clean_start < start or m.clean_end > end for m in inside):
                continue  # part of a longer name
            cand = Candidate(start, end, name.type, name.subtype, name.canonical, DECLARED_SOURCE)
            mentions = [m for m in mentions if m not in inside] + [to_mention(doc, sentence, cand)]
    return mentions


def _may_declare(text: str) -> bool:
    """Whether ``text`` may hold a declaration at all: each of _DECLARATION's forms needs
    a 称 or an opening bracket (a cheap test that spares most sentences the pattern)."""
    return "称" in text or "（" in text or "(" in text


def learn_declarations(text: str, chosen: list[Candidate], state: DocState) -> bool:
    """Register "X（以下简称“Y”）" so Y names X for the rest of the document."""
    learned = False
    may_declare = _may_declare(text)
    for cand in chosen:
        if (
            _learn_park_short_name(cand, state)
            or _learn_firm_short_name(cand, state)
            or _learn_institute_short_names(cand, state)
        ):
            learned = True
        match = _DECLARATION.match(text, cand.end) if may_declare else None
        if match is None:
            continue
        alias = match.group(1) or match.group(2) or match.group(3)
        if alias and alias != cand.canonical and alias not in state.declared:
            state.declare(alias, DeclaredName(cand.canonical, cand.type, cand.subtype))
            learned = True
    return learned
