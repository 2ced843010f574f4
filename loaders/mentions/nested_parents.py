"""Universities named at the head of a unit's name: "浙江大学金华研究院", "同济大学汽车学院".

A unit named after the university it belongs to (浙江大学金华研究院, 同济大学汽车学院, 南京大学
昆山创新研究院) names that university too, and a page may write it nowhere else. The university
gets a mention of its own, inside the unit's: the one place where mentions overlap. It is an
entity of the page, and the unit is part of it (relations: part-of-parent-name). A university
the page names elsewhere needs no second mention; only universities the reference data knows
are read so, and only at the head of a unit's name. (Institutes are left out: an institute
named "中国科学院某某研究院" was read so by readers half the time on the pages at hand, a
university's unit three times in four.)
"""

from __future__ import annotations

from kg.model import Document, Mention, entity_class
from loaders.lexicon.gazetteer import Gazetteer, Surface
from loaders.mentions.candidates import BY_SPAN, GAZETTEER_SOURCE
from loaders.mentions.mention_records import sentence_mention

NESTED_PARENT_SOURCE = "nested-parent"
_PARENT_CLASSES = frozenset({"University"})
# Units that belong to a university (a university's school or college is a University).
_CHILD_CLASSES = frozenset({"ResearchInstitute", "Laboratory", "InnovationPlatform", "University"})
_MIN_PARENT = 3  # three characters at least: two-character short forms (安大) open other words too
_MIN_REST = 2  # the unit's own words after the university's name ("学院", "研究院")


def with_nested_parents(doc: Document, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """``mentions`` and a mention for each university named at the head of a unit's name
    that the page names nowhere else, sorted by span; ``mentions`` itself when there is none."""
    named = {m.canonical for m in mentions}
    added: dict[str, Mention] = {}
    for mention in mentions:
        if mention.type not in _CHILD_CLASSES or mention.source == GAZETTEER_SOURCE:
            continue  # (a body the reference data knows whole: its parent is no word of the page)
        found = _parent_at_head(mention.clean_text or mention.text, gaz)
        if found is None:
            continue
        surface, length = found
        if surface.canonical in named or surface.canonical in added or surface.canonical == mention.canonical:
            continue
        added[surface.canonical] = _nested_mention(doc, mention, surface, length)
    return sorted([*mentions, *added.values()], key=BY_SPAN) if added else mentions


def _parent_at_head(name: str, gaz: Gazetteer) -> tuple[Surface, int] | None:
    """The longest known university name that opens ``name`` and leaves a unit's own words
    after it, with its length."""
    for length in range(len(name) - _MIN_REST, _MIN_PARENT - 1, -1):
        surface = gaz.surface(name[:length])
        if surface is not None and surface.type in _PARENT_CLASSES and not surface.needs_context:
            return surface, length
    return None


def _nested_mention(doc: Document, unit: Mention, parent: Surface, length: int) -> Mention:
    sentence = doc.sentences[unit.sentence]
    end = unit.clean_start + length
    cls = entity_class(parent.type)
    return sentence_mention(
        doc, sentence, unit.clean_start, end, cls, parent.subtype, parent.canonical, NESTED_PARENT_SOURCE
    )
