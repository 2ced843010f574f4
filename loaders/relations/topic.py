"""Who a clause without its own subject is about.

Chinese plan prose chains clauses on one subject: "X由A牵头建设，联合B攻关…，支撑Y产业"
names X once, at the head of the sentence part, and every later clause (after a comma)
speaks of X. These helpers find that head (the *topic*) and the clause a unit sits in.
"""

from __future__ import annotations

from kg.model import Mention
from loaders.relations.class_limits import SUPPORTER_CLASSES
from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.view import SentenceView

_PART_END = "。；;！？!?"
_AMONG = "其中"
_CLAUSE_MARKS = "，,：:" + _PART_END
_CUES = cue_patterns(__name__)


def part_start(text: str, position: int) -> int:
    """Where the sentence part (after the last 。；！？, or after 其中, which turns to one
    item of what was just listed) holding ``position`` begins."""
    end = max(text.rfind(mark, 0, position) for mark in _PART_END) + 1
    among = text.rfind(_AMONG, end, position)
    return end if among == -1 else among + len(_AMONG)


def clause_start(text: str, position: int) -> int:
    """Where the comma clause holding ``position`` begins."""
    return max(text.rfind(mark, 0, position) for mark in _CLAUSE_MARKS) + 1


def topic_unit(view: SentenceView, index: int) -> int | None:
    """The organisation unit heading the sentence part of unit ``index``: the first unit
    of the part when nothing but an opener precedes it, or the unit its relative clause
    describes ("A牵头建设的X" -> X), past a clause of standing ("作为Y的…之一，X"). None
    when the part opens otherwise."""
    start = part_start(view.text, view.units[index].start)
    standing = _CUES.standing_clause.match(view.text, start)
    if standing is not None and standing.end() <= view.units[index].start:
        start = standing.end()
    first = next((k for k in range(index) if view.units[k].start >= start), None)
    if first is None or not _CUES.opener.match(view.text[start : view.units[first].start].strip()):
        return None
    for described in range(first + 1, index):
        if _CUES.relative.match(view.text[view.units[first].end : view.units[described].start]):
            first = described
            break
    return first if view.units[first].kind == "org" else None


def units_between(view: SentenceView, left: int, right: int, kind: str) -> bool:
    """True when a unit of ``kind`` lies strictly between units ``left`` and ``right``."""
    return any(view.units[k].kind == kind for k in range(left + 1, right))


def org_in_clause_before(view: SentenceView, index: int) -> bool:
    """True when an organisation unit precedes unit ``index`` in its comma clause."""
    start = clause_start(view.text, view.units[index].start)
    return any(view.units[k].kind == "org" and view.units[k].start >= start for k in range(index))


def supporters(members: tuple[Mention, ...]) -> list[Mention]:
    return [m for m in members if m.type in SUPPORTER_CLASSES]
