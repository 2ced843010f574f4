"""Names that mean a place only in their own city's documents.

科学岛 is Hefei's Science Island, 光谷 is Wuhan's East Lake zone; a page about another city
that writes 科学岛 means a place of its own. A gazetteer entry carries the city it belongs to
(``city`` column); its short forms that do not hold the city's name are kept only in a
document whose city is that one, or whose city cannot be told. Elsewhere the match is
dropped, with the reason, so two cities' places are never merged into one entity.

The document's city also tells which officials' titles speak of a place: a province or city
named only in a party title ("某省委常委") is kept when it is the document's own city or
its province, and dropped otherwise (a visitor's rank).
"""

from __future__ import annotations

import re
from collections import Counter

from kg.model import Document, Dropped, Mention
from loaders.lexicon.gazetteer import Gazetteer
from loaders.mentions.candidates import GAZETTEER_SOURCE

STAGE = "mentions"


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
    """``mentions`` less the city-scoped names of another city than the document's, and
    those written right after another city's name ("大连先进光源" is Dalian's, whatever
    city the page speaks of most)."""
    city = document_city(mentions, gaz)
    cities_before = _cities_written_before(mentions)
    kept: list[Mention] = []
    dropped: list[Dropped] = []
    for mention in mentions:
        entry = gaz.entry(mention.canonical) if mention.source == GAZETTEER_SOURCE else None
        if entry is None or not entry.city_scoped(mention.written):
            kept.append(mention)
            continue
        owner = cities_before.get((mention.sentence, mention.clean_start))
        if owner is not None and owner != entry.city:
            detail = f"{mention.text}: {entry.canonical} of {entry.city}, written after {owner}"
            dropped.append(Dropped(mention.doc, STAGE, "other-city-name", mention.start, mention.end, detail))
        elif city is not None and entry.city != city:
            detail = f"{mention.text}: {entry.canonical} of {entry.city}, document of {city}"
            dropped.append(Dropped(mention.doc, STAGE, "other-city-name", mention.start, mention.end, detail))
        else:
            kept.append(mention)
    return kept, dropped


def _cities_written_before(mentions: list[Mention]) -> dict[tuple[int, int], str]:
    """The cities named in the text, by (sentence, where the name ends)."""
    return {(m.sentence, m.clean_end): m.canonical for m in mentions if m.type == "Place" and m.subtype == "City"}


# A province or city written in full before 委 and an office ("某省委常委", "某市委副书记")
# names the party committee an official belongs to. Pages name their own city's and
# province's officials to say who acts there: that place is spoken of. Another place's
# title only ranks a visitor ("外省某省委副书记…出席"), and that place is no topic.
_COMMITTEE_OFFICE = re.compile("委(?:副?书记|常委|组织部|宣传部|统战部|办公厅)")


def drop_other_places_titles(
    doc: Document, mentions: list[Mention], gaz: Gazetteer
) -> tuple[list[Mention], list[Dropped]]:
    """``mentions`` less a province or city named only in an official's title, unless it is
    the document's city or the province that holds it; all are kept when the document's
    city cannot be told."""
    city = document_city(mentions, gaz)
    if city is None:
        return mentions, []
    own = {city, *_provinces_of(city, gaz)}
    kept: list[Mention] = []
    dropped: list[Dropped] = []
    for mention in mentions:
        if mention.canonical not in own and _in_a_committee_title(doc, mention):
            detail = f"{mention.text}: document of {city}"
            dropped.append(Dropped(doc.name, STAGE, "committee-title", mention.start, mention.end, detail))
        else:
            kept.append(mention)
    return kept, dropped


def _in_a_committee_title(doc: Document, mention: Mention) -> bool:
    if mention.type != "Place" or mention.subtype not in ("Province", "City"):
        return False
    text = doc.sentences[mention.sentence].text
    written_in_full = text.endswith(("省", "市"), mention.clean_start, mention.clean_end)
    return written_in_full and _COMMITTEE_OFFICE.match(text, mention.clean_end) is not None


def _provinces_of(city: str, gaz: Gazetteer) -> list[str]:
    parents = (gaz.divisions.get(d.parent) for d in gaz.divisions_by_name.get(city, []))
    return [p.name for p in parents if p is not None]
