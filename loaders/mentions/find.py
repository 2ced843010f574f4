"""Find typed entity mentions in a document: gazetteer matches, rule-found names and
abbreviations the document declares (……（以下简称“X”）).

Per sentence: candidates from the three sources are pooled, then chosen longest first
(ties: gazetteer, then declared abbreviation, then rule), so the result never overlaps.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from kg.model import Document, Dropped, Mention, Sentence
from loaders import ablation
from loaders.lexicon.chain_names import ECONOMY_WORD, INDUSTRY_WORD_SUFFIXES
from loaders.lexicon.gazetteer import Gazetteer, default_gazetteer
from loaders.lexicon.matcher import SurfaceMatch, default_matcher
from loaders.mentions.candidates import BY_SPAN, NUMBERED_INSTITUTE_SOURCE, SHORT_COMPANY_SOURCE, Candidate, DocState
from loaders.mentions.capacity_firms import firms_before_capacity
from loaders.mentions.chain_candidates import (
    bracketed_segment_candidates,
    chain_holder_candidates,
    chain_link_candidates,
    industry_context,
    joined_first_candidates,
    joined_named_first_candidates,
    listed_link_candidates,
    paired_category_candidates,
    production_base_candidates,
    ranked_industry_candidates,
    stage_list_candidates,
    suffixed_industry_candidates,
    supply_industry_candidates,
    whole_chain_candidates,
)
from loaders.mentions.choice import choose, context_supports
from loaders.mentions.chosen_edits import (
    MODIFIED_HEADS,
    join_dependent_parts,
    join_parent_prefixed,
    read_lead,
    split_hosts_off,
    split_joined_chains,
    trim_chain_edges,
    widen_based_materials,
    widen_modified_heads,
)
from loaders.mentions.city_scope import drop_other_places_titles, keep_own_city_names
from loaders.mentions.county_context import often_written_counties, short_form_spans_each
from loaders.mentions.datelines import drop_dateline_places
from loaders.mentions.declared_names import declared_candidates, learn_declarations, short_names_before
from loaders.mentions.entity_rules import suffix_hits_each
from loaders.mentions.firm_kinds import firm_kind_candidates
from loaders.mentions.firm_origins import without_origins
from loaders.mentions.gazetteer_candidates import (
    from_surface,
    join_sub_colleges,
    misread_in_its_sentence,
    riverside_phrase,
)
from loaders.mentions.inner_names import without_inner_firms
from loaders.mentions.list_candidates import (
    counted_lab_candidates,
    inside_a_kind,
    list_candidates,
    may_distribute,
    term_list_candidates,
    with_project_firms,
)
from loaders.mentions.mention_records import focus_codes, resolve_division, to_dropped, to_mention
from loaders.mentions.name_tagger import TaggerReading, with_tagged_names
from loaders.mentions.numbered_institutes import numbered_institutes
from loaders.mentions.place_candidates import (
    abbreviation_candidates,
    bare_county_candidates,
    bare_sibling_candidates,
    bare_zone_candidates,
    chained_district_candidates,
    listed_district_candidates,
    old_town_candidates,
    parts_after_zones,
    place_centre_candidates,
    place_list_candidates,
    route_end_candidates,
    sibling_district_candidates,
    split_county_industries,
    split_leading_places,
)
from loaders.mentions.place_led_firms import place_led_firms
from loaders.mentions.rule_candidates import rule_candidates
from loaders.mentions.rule_table import EntityRule
from loaders.mentions.short_names import foreign_company_names, listed_company_names, short_company_names


@dataclass(slots=True)
class MentionResult:
    mentions: list[Mention]
    dropped: list[Dropped]
    # What the name tagger read in each sentence; None when it is switched off.
    tagger_reading: TaggerReading | None = None


def find_mentions(doc: Document) -> MentionResult:
    """Typed, non-overlapping mentions of ``doc``, sorted by (start, end)."""
    gaz = default_gazetteer()
    state = DocState(focus_by_article=focus_codes(doc, gaz))
    mentions: list[Mention] = []
    dropped: list[Dropped] = []
    # Speed: the three automata search all sentences in one pass each.
    texts = [sentence.text for sentence in doc.sentences]
    matches_of = default_matcher().find_each(texts)
    hits_of = suffix_hits_each(texts)
    county_spans_of = short_form_spans_each(texts, gaz)
    state.division_codes = frozenset(code for found in matches_of for m in found for code in m.surface.division_codes)
    state.county_context_codes = state.division_codes | often_written_counties(
        county_spans_of, texts, state.division_codes, gaz
    )
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
        if learn_declarations(sentence.text, chosen, state):
            chosen, drops = _sentence_candidates(sentence, gaz, state, matches, hits, county_spans)
        chosen = trim_chain_edges(sentence.text, split_joined_chains(sentence.text, chosen, gaz), gaz)
        chosen = split_county_industries(sentence.text, chosen, state.division_codes, gaz)
        if "基" in sentence.text:
            chosen = widen_based_materials(sentence.text, chosen, gaz)
        if any(head in sentence.text for head in MODIFIED_HEADS):
            chosen = widen_modified_heads(sentence.text, chosen, gaz)
        if "及" in sentence.text or "与" in sentence.text or "和" in sentence.text:
            chosen = join_dependent_parts(sentence.text, chosen, gaz)
        chosen = split_hosts_off(sentence.text, join_parent_prefixed(sentence.text, chosen), matches)
        if opens_paragraph:
            chosen = read_lead(sentence, chosen, gaz, state)
        for cand in chosen:
            resolve_division(cand, sentence, gaz, state)
            mentions.append(to_mention(doc, sentence, cand))
        dropped.extend(to_dropped(doc, sentence, d) for d in drops)
    mentions = without_origins(short_names_before(doc, mentions, state), gaz)
    mentions.sort(key=BY_SPAN)
    if ablation.enabled("city-scope"):
        mentions, other_city = keep_own_city_names(mentions, gaz)
        dropped.extend(other_city)
    mentions, titles = drop_other_places_titles(doc, mentions, gaz)
    dropped.extend(titles)
    mentions, datelines = drop_dateline_places(doc, mentions)
    dropped.extend(datelines)
    if not ablation.enabled("name-tagger"):
        return MentionResult(mentions, dropped)
    tagged = with_tagged_names(doc, mentions, dropped)
    return MentionResult(tagged.mentions, dropped, tagged.reading)


def _sentence_candidates(
    sentence: Sentence,
    gaz: Gazetteer,
    state: DocState,
    matches: list[SurfaceMatch],
    hits: list[tuple[int, int, EntityRule]],
    county_spans: list[tuple[int, int]],
) -> tuple[list[Candidate], list[tuple[int, int, str]]]:
    """``matches``: the gazetteer's matches in the sentence; ``hits``: its rule suffixes;
    ``county_spans``: where it writes a county's short name (county_context.short_form_spans)."""
    text = sentence.text
    pool = [from_surface(m) for m in matches]
    pool += declared_candidates(text, state)
    rule_cands, drops = rule_candidates(text, matches, gaz, hits)
    pool += rule_cands
    pool += list_candidates(text, matches, gaz, industry_context(sentence, state))
    if "、" in text:
        pool += term_list_candidates(text, matches)
    pool += bare_zone_candidates(sentence, matches, gaz, state)
    if "等" in text or "个区" in text:
        pool += listed_district_candidates(text, matches, gaz)
    if "、" in text:
        pool += sibling_district_candidates(text, gaz)
    pool += chained_district_candidates(text, matches, gaz)
    pool += abbreviation_candidates(text, matches, gaz)
    if "至" in text:
        pool += route_end_candidates(text, gaz)
    if "古镇" in text:
        pool += old_town_candidates(text, matches)
    if "游" in text:
        pool += stage_list_candidates(text, matches)
    if "链" in text or "“" in text:
        pool += chain_link_candidates(text, gaz)
        pool += whole_chain_candidates(text, gaz)
    if "、" in text and ("链" in text or "产业化" in text):
        pool += listed_link_candidates(text, matches)
    if "产业" in text:
        pool += joined_first_candidates(text, matches, gaz)
        pool += joined_named_first_candidates(text, matches, gaz)
    if "新" in text:
        pool += paired_category_candidates(text)
    if "产业" in text and ("是" in text or "为" in text):
        pool += ranked_industry_candidates(text, gaz)
    if any(word in text for word in INDUSTRY_WORD_SUFFIXES) or ECONOMY_WORD in text:
        pool += suffixed_industry_candidates(text, matches)
    pool += chain_holder_candidates(text, matches)
    if "企业" in text or "厂商" in text or "供应商" in text:
        pool += firm_kind_candidates(text, matches)
    if "产业" in text:
        pool += supply_industry_candidates(text, matches)
    if "基地" in text:
        pool += production_base_candidates(text, matches)
    if "中心" in text:
        pool += place_centre_candidates(text, matches)
    if "所" in text:
        pool += [
            Candidate(n.start, n.end, "ResearchInstitute", None, n.canonical, NUMBERED_INSTITUTE_SOURCE)
            for n in numbered_institutes(text)
        ]
    if "（" in text or "(" in text:
        pool += bracketed_segment_candidates(text, pool, gaz)
    if "、" in text:
        pool += place_list_candidates(text, pool)
        pool += bare_sibling_candidates(text, gaz)
    pool += bare_county_candidates(text, county_spans, pool, state.county_context_codes, gaz)
    kinds: set[tuple[int, int]] = set()
    if may_distribute(text) and ablation.enabled("distributed-lists"):
        counted, kinds = counted_lab_candidates(text, matches)
        pool += counted
    if ablation.enabled("company-short-names"):
        pool += [
            Candidate(a, b, "Enterprise", None, text[a:b], SHORT_COMPANY_SOURCE) for a, b in short_company_names(text)
        ]
        pool += [
            Candidate(a, b, "Enterprise", None, text[a:b], SHORT_COMPANY_SOURCE) for a, b in listed_company_names(text)
        ]
        pool += [
            Candidate(a, b, "Enterprise", None, text[a:b], SHORT_COMPANY_SOURCE) for a, b in foreign_company_names(text)
        ]
        pool += [
            Candidate(a, b, "Enterprise", None, text[a:b], SHORT_COMPANY_SOURCE) for a, b in firms_before_capacity(text)
        ]
    if "项目" in text:
        pool = with_project_firms(text, pool, matches)
    if "区" in text:
        pool = parts_after_zones(text, pool, gaz)
    pool += place_led_firms(text, pool)
    chosen = choose(
        [
            c
            for c in pool
            if not riverside_phrase(text, c) and not inside_a_kind(c, kinds) and not opens_on_a_mark(text, c)
        ]
    )
    chosen = [c for c in chosen if not c.needs_context or context_supports(text, c, chosen)]
    chosen = [c for c in chosen if not misread_in_its_sentence(text, c)]
    return join_sub_colleges(text, split_leading_places(text, chosen, matches, gaz)), drops


# Marks that may open a name: brackets and quotes ("（筹）", "“某某”").
_OPENING_MARKS = frozenset({"Ps", "Pi"})


def opens_on_a_mark(text: str, cand: Candidate) -> bool:
    """Whether ``cand`` opens on a dash, arrow, other mark or a space: no name does. A rule
    that walked back over one has cut a name joined by it ("中国—东盟…": —东盟) or taken
    a page's decoration ("↓↓↓") for part of the name after it."""
    if cand.start >= len(text):
        return False
    first = text[cand.start]
    if first.isspace():
        return True
    category = unicodedata.category(first)
    return category[0] in "PS" and category not in _OPENING_MARKS
