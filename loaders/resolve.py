"""Fold mentions into entities: one Entity per canonical name, every fold logged.

find_mentions already gives each mention its canonical name (from the gazetteer, a
declared abbreviation, or the rule that found it); this stage groups by that name,
attaches reference data (Wikidata, English name, division code) and records why each
variant spelling was folded in.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kg.ids import entity_id
from kg.model import Entity, Mention, MergeRecord
from loaders.gazetteer import Gazetteer, default_gazetteer
from loaders.matcher import fix_ocr
from loaders.mentions import DECLARED_SOURCE, GAZETTEER_SOURCE


@dataclass(slots=True)
class ResolveResult:
    entities: list[Entity]
    merges: list[MergeRecord]


def build_entities(mentions: list[Mention]) -> ResolveResult:
    """One Entity per canonical name, with aliases and a MergeRecord per folded variant."""
    gaz = default_gazetteer()
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        groups.setdefault(mention.canonical, []).append(mention)
    entities = [_entity(name, group, gaz) for name, group in groups.items()]
    merges = [m for name, group in groups.items() for m in _merges(name, group, gaz)]
    return ResolveResult(entities, merges)


def _class_of(canonical: str, group: list[Mention], gaz: Gazetteer) -> tuple[str, str | None]:
    entry = gaz.entry(canonical)
    if entry is not None:
        return entry.type, entry.subtype
    surface = gaz.surface(canonical)
    if surface is not None and surface.canonical == canonical:
        return surface.type, surface.subtype
    # Most frequent typing among the mentions; first seen wins a tie (Counter keeps order).
    counts = Counter((m.type, m.subtype) for m in group)
    return counts.most_common(1)[0][0]


def _entity(canonical: str, group: list[Mention], gaz: Gazetteer) -> Entity:
    cls, subtype = _class_of(canonical, group, gaz)
    entry = gaz.entry(canonical)
    aliases = [m.text for m in group]
    if entry is not None:
        aliases += list(entry.aliases) + list(entry.context_aliases)
    known = entry is not None or gaz.surface(canonical) is not None
    return Entity(
        id=entity_id(canonical),
        type=cls,
        subtype=subtype,
        name=canonical,
        aliases=sorted({a for a in aliases if a != canonical}),
        mentions=list(group),
        name_en=entry.name_en if entry else None,
        wikidata=entry.wikidata if entry else None,
        division_code=_division_code(canonical, cls, gaz),
        source=GAZETTEER_SOURCE if known else group[0].source,
    )


def _division_code(canonical: str, cls: str, gaz: Gazetteer) -> str | None:
    entry = gaz.entry(canonical)
    if entry is not None and entry.division_code:
        return entry.division_code
    return gaz.division_code(canonical) if cls == "Place" else None


def _merges(canonical: str, group: list[Mention], gaz: Gazetteer) -> list[MergeRecord]:
    records: dict[str, MergeRecord] = {}
    for mention in group:
        variant = mention.text
        if variant == canonical or variant in records:
            continue
        reason = merge_reason(variant, canonical, mention.source, gaz)
        records[variant] = MergeRecord(canonical, variant, mention.type, reason)
    return list(records.values())


def merge_reason(variant: str, canonical: str, source: str, gaz: Gazetteer) -> str:
    """Why ``variant`` names the entity ``canonical``."""
    if source == DECLARED_SOURCE:
        return "abbreviation-declared"
    fixed = fix_ocr(variant)
    if fixed != variant:
        return "ocr-variant"
    surface = gaz.surface(variant)
    if surface is not None and surface.canonical == canonical:
        return "gazetteer-alias" if surface.kind == "alias" else "short-form"
    if variant.startswith(canonical):
        return "suffix-variant"  # 量子精密测量产业 -> 量子精密测量; …有限公司 -> short name
    stem = _strip_legal_suffix(variant)
    if stem != variant and gaz.surface(stem) is not None:
        return "suffix-variant"
    if canonical.endswith(variant) or variant in canonical:
        return "short-form"  # 鼓楼区 -> 南京市鼓楼区
    return "variant"


def _strip_legal_suffix(name: str) -> str:
    for suffix in ("股份有限公司", "有限责任公司", "有限公司", "集团"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name
