"""Parks written as kinds or titles, not names: a park after a title cue ("获评全国某某优秀产业
园区", "授予“某省特色产业园”"), after words that count parks ("一批某某产业园", "三大某某
工业园") or after a clause that describes it ("是某某为主投资的某某产业园区") names none. The cue
words are data (entity_rules.toml, [words]: park_title_cues, park_title_tails, park_count_words,
place_locatives, place_owner_ends).
"""

from __future__ import annotations

import re

from loaders.mentions.rule_table import packaged_rule_table

_WORDS = packaged_rule_table().words
TITLE_CUES = _WORDS["park_title_cues"]
TITLE_TAILS = _WORDS["park_title_tails"]
COUNT_WORDS = _WORDS["park_count_words"]
LOCATIVES = frozenset(_WORDS["place_locatives"])
PLACE_OWNER_ENDS = _WORDS["place_owner_ends"]

# The rules whose names a title or a count may stand for: parks and development zones.
KIND_RULES = frozenset({"place-park", "place-zone"})

# Marks that end the clause a title cue governs (、 and quotes do not: titles are listed).
_CLAUSE_MARKS = "，。；：！？,;:!?\n"
_OPENING = "“「『"
_CLOSING = "”」』"
# After a title the clause ends, the list goes on, or words say it is a title.
_AFTER_TITLE = frozenset("，。；、！？,;!?）)（(等\n") | frozenset(_CLOSING)
# A number with a counter ("三大", "第二个", "5家") right before the park counts parks.
_COUNT_BEFORE = re.compile(r"(?:第?[0-9一二三四五六七八九十百两几多]+(?:个|家|座|处|批|大))$")
_OF = "的"
_FIGURE = re.compile("[0-9０-９]")


def is_kind_of_park(text: str, start: int, end: int, owned: bool, after_known: bool) -> bool:
    """Whether the park or zone at ``text[start:end]`` is a title, a counted kind or a
    described kind rather than a name.

    ``owned``: a known place or organisation opens the name (its own park: "某市某某产业园");
    ``after_known``: a known name ends before its 的, perhaps with a word of place between
    ("某区的某某产业园", "某区内的某某产业园": that place's park).
    """
    return (
        _is_title(text, start, end, owned)
        or (not owned and _is_counted(text, start))
        or (not owned and not after_known and _is_described(text, start))
    )


def _clause_start(text: str, start: int) -> int:
    return max(text.rfind(mark, 0, start) for mark in _CLAUSE_MARKS) + 1


def _is_title(text: str, start: int, end: int, owned: bool) -> bool:
    """A title cue earlier in the clause, the park closing a title ("…园区、", "…园区”",
    "…园区试点"), and no owner of its own unless the title is quoted ("授予“某省特色产业园”")."""
    if end < len(text) and text[end] not in _AFTER_TITLE and not text.startswith(TITLE_TAILS, end):
        return False
    clause = _clause_start(text, start)
    cue_end = max(
        (text.rfind(cue, clause, start) + len(cue) for cue in TITLE_CUES if text.find(cue, clause, start) >= 0),
        default=-1,
    )
    if cue_end < 0:
        return False
    return not owned or any(mark in text[cue_end:start] for mark in _OPENING)


def _is_counted(text: str, start: int) -> bool:
    """ "一批某某产业园", "三大某某工业园": words before it count parks."""
    before = text[max(0, start - 4) : start]
    return before.endswith(COUNT_WORDS) or _COUNT_BEFORE.search(before) is not None


def _is_described(text: str, start: int) -> bool:
    """ "…而成立的某某产业园区", "…最大的某某产业园": a clause ending in 的 describes the park,
    which it would not if the park had a name. A figure in that clause ("投资10亿元的某某产业园",
    "以某某8.5代线为核心的某某产业园") sizes a project listed by its name: kept."""
    if start == 0 or text[start - 1] != _OF or _owned_by_a_place(text, start - 1):
        return False
    return _FIGURE.search(text, _clause_start(text, start), start) is None


def _owned_by_a_place(text: str, of: int) -> bool:
    """Whether the words before 的 at ``of`` end in a place's suffix, perhaps with a word of place
    after it ("某某高新区的", "某某县境内的"): the park is that place's own."""
    before = text[max(0, of - 4) : of]
    return before.endswith(PLACE_OWNER_ENDS) or any(
        before.endswith(w) and before[: -len(w)].endswith(PLACE_OWNER_ENDS) for w in LOCATIVES
    )
