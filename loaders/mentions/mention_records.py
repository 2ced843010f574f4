"""Chosen candidates turned into the stage's records: a Mention (its division resolved,
a zone's canonical name) and a Dropped for each candidate a rule turned down."""

from __future__ import annotations

from kg.model import Document, Dropped, EntityClass, Mention, Sentence, entity_class
from loaders.lexicon.gazetteer import PREFECTURE_LEVEL, Gazetteer, default_gazetteer
from loaders.mentions.candidates import RULE_PRIORITY, Candidate, DocState
from loaders.mentions.zone_names import full_zone_name, other_zone_spelling, without_rank_word


def resolve_division(cand: Candidate, sentence: Sentence, gaz: Gazetteer, state: DocState) -> None:
    """Pick the division an ambiguous district name means, and remember cities seen."""
    codes = cand.division_codes
    if len(codes) == 1:
        division = gaz.divisions.get(codes[0])
        if division is not None and division.level <= PREFECTURE_LEVEL:
            state.city_by_article[sentence.article] = division.code
        return
    if len(codes) < 2:
        return
    context = [state.city_by_article.get(sentence.article), state.focus_by_article.get(sentence.article)]
    for place in (c for c in context if c):
        fitting = [code for code in codes if place in gaz.parent_chain(code)]
        if len(fitting) == 1:
            cand.canonical = gaz.division_canonical(gaz.divisions[fitting[0]])
            cand.division_codes = (fitting[0],)
            return


def focus_codes(doc: Document, gaz: Gazetteer) -> dict[int, str]:
    """The division code of the place each article is about, for the articles whose place
    the gazetteer knows."""
    codes = {a.index: gaz.division_code(a.focus_place) for a in doc.articles if a.focus_place}
    return {index: code for index, code in codes.items() if code}


def to_mention(doc: Document, sentence: Sentence, cand: Candidate) -> Mention:
    canonical = _zone_canonical(cand.canonical) if _zone_by_rule(cand) else cand.canonical
    return sentence_mention(
        doc, sentence, cand.start, cand.end, entity_class(cand.type), cand.subtype, canonical, cand.source
    )


def sentence_mention(
    doc: Document,
    sentence: Sentence,
    start: int,
    end: int,
    type_: EntityClass,
    subtype: str | None,
    canonical: str,
    source: str,
) -> Mention:
    """A mention of ``sentence.text[start:end]`` (cleaned offsets), with its span in the file."""
    # Sentence.original_span's mapping, without building a Span per mention (speed).
    first, last = sentence.offsets[start], sentence.offsets[end - 1] + 1
    return Mention(
        doc=doc.name,
        sentence=sentence.index,
        start=first,
        end=last,
        text=doc.text[first:last],
        type=type_,
        subtype=subtype,
        canonical=canonical,
        source=source,
        clean_start=start,
        clean_end=end,
        clean_text=sentence.text[start:end],
    )


def _zone_canonical(name: str) -> str:
    """A rule-found zone's full name, or the reference data's name when that writes the
    zone's type the other way (with or without 产业): one zone, one entity."""
    full = full_zone_name(without_rank_word(name))
    other = other_zone_spelling(full)
    known = default_gazetteer().surface(other) if other else None
    return known.canonical if known is not None and known.type == "Place" else full


def _zone_by_rule(cand: Candidate) -> bool:
    """A zone a rule found (not one the reference data or a declaration named)."""
    return cand.type == "Place" and cand.priority == RULE_PRIORITY


def to_dropped(doc: Document, sentence: Sentence, drop: tuple[int, int, str]) -> Dropped:
    start, end, reason = drop
    # Sentence.original_span's mapping, without building a Span per record (speed).
    offsets = sentence.offsets
    return Dropped(doc.name, "mentions", reason, offsets[start], offsets[end - 1] + 1, sentence.text[start:end])
