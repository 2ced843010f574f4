"""Quoted nicknames: what a place is called or is to become ("被誉为“某某之谷”", "打造“某某
硅谷”", "素有“…”之称") names no place of its own. The cue words are data
(entity_rules.toml, [words]: nickname_cues, nickname_tails, own_name_cues, building_cues and
borrowed_place_names)."""

from __future__ import annotations

import re

from loaders.mentions.rule_table import packaged_rule_table

_WORDS = packaged_rule_table().words
NICKNAME_CUES = _WORDS["nickname_cues"]
NICKNAME_TAILS = _WORDS["nickname_tails"]
OWN_NAME_CUES = _WORDS["own_name_cues"]
BUILDING_CUES = _WORDS["building_cues"]
BORROWED_PLACE_NAMES = _WORDS["borrowed_place_names"]

_OPENING = '“「『"'
_CLOSING = '”」』"'
# A quote holding a nickname is short: one name, or a pair of them ("宜居宝地、创新新城").
MAX_QUOTED_CHARS = 20
# Words between the cue and the quote say whose or what kind ("打造东方“…”", "成为某某湾区
# “…”"); 的 there makes the quote the thing the clause describes ("某某打造的“…”正在崛起":
# a park built and named so), and punctuation ends the clause.
_MAX_GAP_CHARS = 8
_GAP = re.compile(rf"[\u4e00-\u9fff]{{0,{_MAX_GAP_CHARS}}}")
_NO_GAP_WORD = "的"
# After a cue the nickname closes its clause, or qualifies what follows with 的.
_CLAUSE_END = frozenset("，。；、！？,.;!?）)的 \n")


def _opening_quote(text: str, start: int) -> int:
    """Offset of the opening quote of the quotation ``start`` stands in, -1 when none."""
    for at in range(start - 1, max(-1, start - MAX_QUOTED_CHARS - 1), -1):
        if text[at] in _OPENING:
            return at
        if text[at] in _CLOSING or text[at] in "，。；！？":
            return -1
    return -1


def _after_cue(text: str, quote: int, cues: tuple[str, ...]) -> bool:
    """Whether one of ``cues`` stands before the opening quote, perhaps with a few words between."""
    for cue in cues:
        at = text.rfind(cue, max(0, quote - _MAX_GAP_CHARS - len(cue)), quote)
        if at < 0 or text.endswith(OWN_NAME_CUES, 0, at + len(cue)):
            continue
        if _GAP.fullmatch(text, at + len(cue), quote) and _NO_GAP_WORD not in text[at + len(cue) : quote]:
            return True
    return False


def _before_tail(text: str, after: int) -> bool:
    """Whether words saying the quotation is a nickname follow it ("…”之称", "…”的美誉")."""
    if text.startswith(_NO_GAP_WORD, after):
        after += len(_NO_GAP_WORD)
    return text.startswith(NICKNAME_TAILS, after)


def is_quoted_nickname(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` closes a quotation that is a nickname."""
    if end >= len(text) or text[end] not in _CLOSING:
        return False
    quote = _opening_quote(text, start)
    if quote < 0:
        return False
    if _before_tail(text, end + 1):
        return True
    if end + 1 < len(text) and text[end + 1] not in _CLAUSE_END:
        return False  # "成为“某某谷”入驻企业": the quoted name is the place firms settle in
    if _after_cue(text, quote, NICKNAME_CUES):
        return True
    borrowed = any(name in text[quote:end] for name in BORROWED_PLACE_NAMES)
    return borrowed and _after_cue(text, quote, BUILDING_CUES)
