"""Names that mean a place only in their own city's documents.

科学岛 is Hefei's Science Island, 光谷 is Wuhan's East Lake zone; a page about another city
that writes 科学岛 means a place of its own. A gazetteer entry carries the city it belongs to
(``city`` column); its short forms that do not hold the city's name are kept only in a
document whose city is that one, or whose city cannot be told. Elsewhere the match is
dropped, with the reason, so two cities' places are never merged into one entity.
"""

from __future__ import annotations

from collections import Counter

from kg.model import Dropped, Mention
from loaders.lexicon.gazetteer import Gazetteer

STAGE = "mentions"
GAZETTEER_SOURCE = "gazetteer"


def document_city(mentions: list[Mention], gaz: Gazetteer) -> str | None:
    """The city a document speaks of most: its City mentions, and the cities of the places
    named in full (武汉东湖新技术开发区 speaks of 武汉市); None on a tie or when none."""
    counts: Counter[str] = Counter()
    for mention in mentions:
        if mention.type != "Place":
            continue
        if mention.subtype == "City":
            counts[mention.canonical] += 1
            continue
        entry = gaz.entry(mention.canonical) if mention.source == GAZETTEER_SOURCE else None
        if entry is not None and entry.city and not entry.city_scoped(mention.written):
            counts[entry.city] += 1
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def keep_own_city_names(mentions: list[Mention], gaz: Gazetteer) -> tuple[list[Mention], list[Dropped]]:
    """``mentions`` less the city-scoped names of another city than the document's."""
    city = document_city(mentions, gaz)
    if city is None:
        return mentions, []
    kept: list[Mention] = []
    dropped: list[Dropped] = []
    for mention in mentions:
        entry = gaz.entry(mention.canonical) if mention.source == GAZETTEER_SOURCE else None
        if entry is not None and entry.city_scoped(mention.written) and entry.city != city:
            dropped.append(
                Dropped(
                    mention.doc,
                    STAGE,
                    "other-city-name",
                    mention.start,
                    mention.end,
                    f"{mention.text}: {entry.canonical} of {entry.city}, document of {city}",
                )
            )
        else:
            kept.append(mention)
    return kept, dropped
