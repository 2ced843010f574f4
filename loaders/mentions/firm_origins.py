"""A firm written after the country or region it comes from ("德国博世", "台湾冠捷") is the
firm of its own name: the mention's canonical name drops the origin, and its text, kept
whole, becomes an alias of the entity. So "德国博世" and a later "博世" are one firm.

The origins are data: the countries and regions of ``data/company_short_names.json``. A firm the
gazetteer knows by its whole written form keeps it, and so does a name whose rest needs the
country before it (国立, 皇家: no firm's own name opens so).
"""

from __future__ import annotations

from dataclasses import replace

from kg.model import Mention
from loaders.lexicon.gazetteer import Gazetteer
from loaders.mentions.short_names import origin_words

# Longest first: 中国台湾 before 台湾.
ORIGINS = tuple(sorted(origin_words(), key=len, reverse=True))
_COUNTRY_OWNED_OPENINGS = ("国立", "皇家")
# The firm's own name after the origin: two characters at least ("TRW" counts its letters).
MIN_OWN_NAME_CHARS = 2


def without_origins(mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """The mentions, each firm written after its origin renamed by its own name."""
    return [_own_name(m, gaz) for m in mentions]


def is_firm_origin(words: str) -> bool:
    """Whether ``words`` are an origin written before a firm's own name."""
    return words.strip() in ORIGINS


def _own_name(mention: Mention, gaz: Gazetteer) -> Mention:
    if mention.type != "Enterprise" or not mention.canonical.startswith(ORIGINS):
        return mention
    origin = next(o for o in ORIGINS if mention.canonical.startswith(o))
    own = mention.canonical[len(origin) :].strip()
    if len(own) < MIN_OWN_NAME_CHARS or own.startswith(_COUNTRY_OWNED_OPENINGS):
        return mention
    if gaz.entry(mention.canonical) is not None or gaz.surface(mention.canonical) is not None:
        return mention
    return replace(mention, canonical=own)
