"""Lists of firms introduced by a head before them: "一批龙头企业，其中包括A、B以及C等。",
"一批上市企业，如A、B等，". The head types the members as 等企业 would after them; only a list
closed by 等 and a break is read so ("…企业，包括芯片、模组等产品" lists the firms' products).
"""

from __future__ import annotations

import re

from loaders.lexicon.place_names import KNOWN_PLACES
from loaders.mentions.list_cues import MIN_COUNTED_ITEMS
from loaders.mentions.list_spans import KnownIndex, ListMember
from loaders.mentions.list_walk import MAX_ITEMS, MIN_FIRM_NAME_CHARS, chunks_between
from loaders.mentions.member_names import MAX_ITEM_CHARS, acceptable_member, names_a_trade, reads_as_listed_phrase

# A head of firms written before its list, which a verb of inclusion or an example opens
# ("一批龙头企业，其中包括A、B以及C等。", "一批上市企业，如A、B等，"): the head types the members
# as 等企业 would after them. Only a list closed by 等 and a break is read so: "…企业，包括芯片、
# 模组等产品" lists the firms' products.
# (大厂, 厂家: makers, "龙头大厂诸如A、B等".)
_FIRM_HEAD_BEFORE = "(?:企业|企業|公司|集团|集團|厂商|廠商|大厂|大廠|厂家|廠家|巨头|巨頭|药企|藥企|车企|車企)"
_INTRODUCING = "(?:其中(?:就)?(?:包括|包含|有)?|(?:包括|包含|例如|比如|诸如|諸如|譬如|如))"
_INTRODUCED_LIST = re.compile(rf"{_FIRM_HEAD_BEFORE}(?:中)?[，,：:]?{_INTRODUCING}[：:]?")
_LIST_OPEN_BREAKS = re.compile(r"[，。；：,;:！？!?\s“”\"‘’'《》【】]")
_INTRODUCED_LIST_CLOSE = re.compile(r"等(?:等)?(?:[，。；：,;:！？!?\s]|$)")
MAX_INTRODUCED_LIST_CHARS = MAX_ITEMS * MAX_ITEM_CHARS


def introduced_members(text: str, stop: int, known: KnownIndex) -> list[ListMember] | None:
    """Members of a list of firms whose head stands before it, opened by 包括, 如 or 其中
    ("众多领军企业，其中包括A、B以及C等。"): firms, each a whole chunk between joiners. None
    when no such head opens the list; no member when a known industry stands in it."""
    if _INTRODUCED_LIST_CLOSE.match(text, stop) is None:
        return None
    window = max(0, stop - MAX_INTRODUCED_LIST_CHARS)
    openings = list(_INTRODUCED_LIST.finditer(text, window, stop))
    opening = openings[-1] if openings else None  # the nearest head opens the list
    if opening is None or _LIST_OPEN_BREAKS.search(text, opening.end(), stop) is not None:
        return None
    items = chunks_between(text, opening.end(), stop, known)
    if len(items) < MIN_COUNTED_ITEMS or any(k is not None and k.type == "IndustryChain" for _, _, k in items):
        return [] if items else None
    return [ListMember(a, b, "Enterprise", True) for a, b, k in items if k is None and _introduced_firm(text[a:b])]


def _introduced_firm(name: str) -> bool:
    """Whether a member of a list a head of firms introduces may be a firm: named like one,
    no trade, place or phrase."""
    if not MIN_FIRM_NAME_CHARS <= len(name) <= MAX_ITEM_CHARS or name in KNOWN_PLACES:
        return False
    return acceptable_member(name, "Enterprise", True) and not names_a_trade(name) and not reads_as_listed_phrase(name)
