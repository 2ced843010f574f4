"""Organisations a place holds when a pronoun stands for the place ("这里拥有A、B").

这里, 此地, 该区… open a clause as the subject of a verb of holding (拥有, 集聚, 引进,
落户…) whose object is a list of organisations: each one is in the place the pronoun
stands for. That place is the last one written before the pronoun in the same sentence
("洪山区科教资源密集，这里拥有A、B"); when the sentence names none before it, the
place a recent sentence opened with (document context: a rule of its own, lower confidence).
"""

from __future__ import annotations

from collections.abc import Iterator

from loaders.mentions.coordination import Unit
from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.registry import Found, pairwise, relation_rule
from loaders.relations.scope import DOCUMENT_SUBJECT, synthetic_mention
from loaders.relations.view import SentenceView

_CUES = cue_patterns(__name__)
# Partners and targets ("对接江夏区") are told apart as the siting rules do.
_PARTNER_BEFORE = cue_patterns(__name__, "siting").partner_before
# How far before a list its examples' verb ("区内设有多个科研院所，比如A") may stand.
_EXAMPLES_REACH = 30
_CUE_WORDS = "这里 这儿 此地 此处 该区 该县 该市 该镇 该园 该基地 该新区 该开发区 该高新区 该片区 区内 园内 境内"


def _held(view: SentenceView) -> Iterator[tuple[int, int]]:
    """(unit index, pronoun position) of each organisation unit a pronoun's clause holds."""
    for j, unit in enumerate(view.units):
        if unit.kind != "org":
            continue
        clause = view.clause_before(j)
        cue = _CUES.holds.search(clause)
        if cue is not None:
            yield j, unit.start - len(clause) + cue.start()
            continue
        # "区内设有多个科研院所，比如A、B": the list gives examples of what the place holds.
        window = view.text[max(0, unit.start - _EXAMPLES_REACH) : unit.start]
        cue = _CUES.holds_examples.search(window)
        if cue is not None:
            yield j, unit.start - len(window) + cue.start()


def _places_before(view: SentenceView, position: int) -> list[Unit]:
    """The place units of the sentence ending before ``position``, but a partner's
    ("与江夏区合作", "对接江夏区"): a pronoun stands for the place spoken of, not its partner."""
    return [
        unit
        for k, unit in enumerate(view.units)
        if unit.kind == "place" and unit.end <= position and not _PARTNER_BEFORE.search(view.before(k, 4))
    ]


@relation_rule("located-in-pronoun-holds", 0.55, needs="place org", cues=_CUE_WORDS)
def located_in_pronoun_holds(view: SentenceView) -> Iterator[Found]:
    """X区…，这里拥有A、B: A and B are in X区 (not in one of a list of places)."""
    for j, position in _held(view):
        places = _places_before(view, position)
        if places and not places[-1].is_list:
            yield from pairwise("LOCATED_IN", view.units[j].members, [places[-1].members[-1]])


@relation_rule("located-in-pronoun-holds-context", 0.45, min_mentions=1, needs="org", cues=_CUE_WORDS)
def located_in_pronoun_holds_context(view: SentenceView) -> Iterator[Found]:
    """X区…。这里拥有A、B: the pronoun stands for the place a recent sentence opened with."""
    recent = view.recent_place
    if recent is None or recent.sentence == view.sentence.index:
        return
    for j, position in _held(view):
        if not any(unit.kind == "place" and unit.end <= position for unit in view.units):
            place = synthetic_mention(recent, view.sentence, DOCUMENT_SUBJECT)
            yield from pairwise("LOCATED_IN", view.units[j].members, [place])


# What a zone's bare kind word may stand for: a zone whose name ends so.
_KIND_ENDINGS = {
    "新区": ("新区",),
    "园区": ("园区", "园", "开发区", "高新区", "经开区", "产业新城"),
    "开发区": ("开发区", "高新区", "经开区"),
    "高新区": ("高新技术产业开发区", "高新区"),
    "经开区": ("经济技术开发区", "经济开发区", "经开区"),
    "小镇": ("小镇",),
    "科学城": ("科学城",),
    "科技城": ("科技城",),
    "片区": ("片区",),
}


@relation_rule(
    "located-in-kind-word-holds-context",
    0.45,
    min_mentions=1,
    needs="org",
    cues="新区 园区 开发区 高新区 经开区 小镇 科学城 科技城 片区",
)
def located_in_kind_word_holds_context(view: SentenceView) -> Iterator[Found]:
    """X新区…。新区依托…，集聚了A、B等机构: the bare kind word opening the sentence stands for
    the zone a recent sentence opened with, when that zone is of its kind; A and B are there."""
    recent = view.recent_place
    if recent is None or recent.sentence == view.sentence.index:
        return
    for unit in view.units:
        if unit.kind != "org" or any(u.kind == "place" and u.end <= unit.start for u in view.units):
            continue
        cue = _CUES.kind_holds.search(view.text[: unit.start])
        if cue is not None and recent.canonical.endswith(_KIND_ENDINGS[cue.group("kind")]):
            place = synthetic_mention(recent, view.sentence, DOCUMENT_SUBJECT)
            yield from pairwise("LOCATED_IN", list(unit.members), [place])
