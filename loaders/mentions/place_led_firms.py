"""Firms whose name opens with the short form of the province or city they are registered
in: "某省某某", "某市某某" (a short form, then the firm's own name).

Chinese firms are commonly written by their place and their brand (the registered name
without its trade and legal words): the gazetteer then finds the place's short form and
takes it for the province or city, and the brand, if found at all, is a name on its own.
The text says the whole is one firm where the place and a short coined run fill an item of
a list closed by a word of firms or projects ("某省某某、某某科技等企业", "…等项目"), or
stand before a word only a firm is said with ("某省某某总部", "某市某某董事长"). (A place
glued before a firm already known is left as it is: "某市某知名企业基地" mostly writes the
firm's site in that place, not another firm.)
"""

from __future__ import annotations

import re

import rjieba

from loaders.lexicon.matcher import name_form
from loaders.lexicon.place_names import KNOWN_PLACES
from loaders.mentions.candidates import GAZETTEER_SOURCE, Candidate
from loaders.mentions.short_names import NO_FIRM_OPENING_CHARS

PLACE_LED_FIRM_SOURCE = "place-led-firm"
# A list closed by 等 and a word of firms or projects ("等企业", "等10家企业", "等重点项目").
_FIRM_LIST_CLOSE = re.compile(r"等[^\W_、，。；]{0,12}?(?:企业|公司|集团|项目|厂商|龙头)")
# Words said of a firm alone, right after its name: its head office, its officers, what it owns.
_FIRM_ONLY_WORDS = ("总部", "董事长", "总经理", "总裁", "旗下")
_ITEM_BREAKS = frozenset('、，,；;。：:（）()“”"')
_BRAND = re.compile(r"[\u4e00-\u9fff]{2,3}")
_MAX_ITEM_CHARS = 6  # place and brand: 2 + 2 up to 3 + 3


def place_led_firms(text: str, pool: list[Candidate]) -> list[Candidate]:
    """Firm candidates over a place short form and the firm's name after it."""
    places = [c for c in pool if c.type == "Place" and c.source == GAZETTEER_SOURCE and _short_form(text, c)]
    if not places:
        return []
    found: list[Candidate] = []
    for place in places:
        item_end = _listed_brand_end(text, place, pool) or _cued_brand_end(text, place, pool)
        if item_end is not None:
            name = name_form(text[place.start : item_end])
            found.append(Candidate(place.start, item_end, "Enterprise", None, name, PLACE_LED_FIRM_SOURCE))
    return found


def _short_form(text: str, place: Candidate) -> bool:
    return text[place.start : place.end] in KNOWN_PLACES


def _listed_brand_end(text: str, place: Candidate, pool: list[Candidate]) -> int | None:
    """End of the item "place + brand" when it is a whole item of a list of firms."""
    start = place.start
    if start > 0 and text[start - 1] not in _ITEM_BREAKS:
        return None
    end = start
    while end < len(text) and text[end] not in _ITEM_BREAKS and text[end] != "等":
        end += 1
    if end - start > _MAX_ITEM_CHARS or end >= len(text):
        return None
    brand = text[place.end : end]
    if not _BRAND.fullmatch(brand) or not _coined_brand(brand, place.end, end, pool):
        return None
    close = _FIRM_LIST_CLOSE.search(text, end)
    if close is None or any(ch in "，。；;" for ch in text[end : close.start()]):
        return None
    return end


def _cued_brand_end(text: str, place: Candidate, pool: list[Candidate]) -> int | None:
    """End of "place + brand" right before a word only a firm is said with (总部, 董事长)."""
    for length in (3, 2):
        end = place.end + length
        if text.startswith(_FIRM_ONLY_WORDS, end) and _BRAND.fullmatch(text[place.end : end]):
            return end if _coined_brand(text[place.end : end], place.end, end, pool) else None
    return None


def _coined_brand(brand: str, start: int, end: int, pool: list[Candidate]) -> bool:
    """A brand, not a smaller place, an industry or a common phrase: no other name found
    over it, no function word opening it, one run the dictionary lacks or proper nouns."""
    if brand in KNOWN_PLACES or brand[0] in NO_FIRM_OPENING_CHARS or brand[0] == "等":
        return False
    if any(c.start < end and start < c.end for c in pool):
        return False
    words = rjieba.tag(brand)
    if len(words) == 1:
        # (a place's word of the tagger is a brand here: a place the gazetteer knows is
        # found over it, and the test above has left it out)
        return not rjieba.has_word(brand) or words[0][1] in ("nr", "nz", "ns", "j")
    return all(tag in ("nr", "nz", "j", "nrfg", "nrt") for _, tag in words)
