"""Zones a clause names by their kind alone: "根据…，园区以A、B为主导产业", "小镇重点布局A".

A page about one park or zone calls it by its kind word later on (园区, 开发区, 高新区, 小镇…).
A clause opening with that word has the zone as its subject, even where the sentence names
other places before it ("根据亳州市产业基础、借鉴芜湖市经验，园区以…为主导产业"). The zone is
the zone of that kind the sentence names before the word, else the article's: the place it
names most often, when that is one, else the only zone of that kind it names; otherwise the
word says nothing sure.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.model import Mention
from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.view import SentenceView

_ZONE = "DevelopmentZone"
# A clause's opening: the sentence's start or a comma, a few adverbs of time or addition,
# then 该, 本 or 整个 and the kind word ("同时，园区…", "该集聚区…"); written beside the patterns'
# area_pronoun, whose adverbs and determiners it shares.
_KIND_OPENING = cue_patterns("loaders.relations.patterns").kind_opening
# The endings a zone's written or canonical name has for each kind word.
_NAME_ENDINGS = {
    "园区": ("园区", "产业园", "工业园", "科技园"),
    "产业园": ("产业园", "产业园区"),
    "科技园": ("科技园", "科技园区"),
    "开发区": ("开发区", "高新区", "经开区"),
    "经开区": ("经济技术开发区", "经开区"),
    "高新区": ("高新技术产业开发区", "高新区"),
    "新区": ("新区",),
    "科技城": ("科技城",),
    "集聚区": ("集聚区",),
    "小镇": ("小镇",),
}


def zones_named_by_kind(view: SentenceView) -> list[tuple[int, Mention]]:
    """(index of the first unit after the kind word, the zone it stands for) for each clause
    of the sentence that opens with a zone's kind word alone; read once a sentence, for every
    pattern that asks (SentenceView.kind_zones)."""
    if view.kind_zones is None:
        view.kind_zones = list(_zones_named_by_kind(view))
    return view.kind_zones


def _zones_named_by_kind(view: SentenceView) -> Iterator[tuple[int, Mention]]:
    for opening in _KIND_OPENING.finditer(view.text):
        kind = opening.group("kind")
        zone = _zone_named_before(view, kind, opening.start()) or _only_zone_of_kind(view, kind)
        if zone is None or _names_a_zone_here(view, opening.end()):
            continue
        first = next((i for i, unit in enumerate(view.units) if unit.start >= opening.end()), None)
        if first is not None:
            yield first, zone


def _of_kind(mention: Mention, kind: str) -> bool:
    endings = _NAME_ENDINGS[kind]
    return mention.subtype == _ZONE and (mention.canonical.endswith(endings) or mention.written.endswith(endings))


def _zone_named_before(view: SentenceView, kind: str, at: int) -> Mention | None:
    """The last zone of the kind the sentence itself names before ``at`` ("X产业园…，目前园区…")."""
    named = [m for unit in view.units if unit.kind == "place" and unit.end <= at for m in unit.members]
    return next((m for m in reversed(named) if _of_kind(m, kind)), None)


def _only_zone_of_kind(view: SentenceView, kind: str) -> Mention | None:
    zones = {m.canonical: m for m in view.places.values() if _of_kind(m, kind)}
    if view.main_place in zones:
        return zones[view.main_place]  # the zone the article names most often
    return next(iter(zones.values())) if len(zones) == 1 else None


def _names_a_zone_here(view: SentenceView, end: int) -> bool:
    """The kind word ends a name the sentence writes ("…产业园区以…"): that name is the subject."""
    return any(unit.kind == "place" and unit.start < end <= unit.end for unit in view.units)
