"""The city's own districts (区县 and national development zones) and what each hosts and
prioritises: the planner's view of a place, and the comparison of two.

The home city is the City place most other places are PART_OF (Hefei for the seeds); its
districts are the places whose administrative division code lies under the city's
(3401xx: 包河区, 肥西县, 合肥高新技术产业开发区 …), or, for places without a code, those
PART_OF the city directly. Places elsewhere (筑波科学城, 北京市朝阳区) are not districts of the city.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kg.chains.report import RESEARCH_CLASSES, EvidenceRef, evidence_ref, place_ancestors
from kg.model import Entity, KnowledgeGraph

DISTRICT_SUBTYPES = frozenset({"District", "County", "City", "DevelopmentZone"})


def home_city(graph: KnowledgeGraph) -> Entity | None:
    """The City place the most places are (transitively) PART_OF."""
    counts: Counter[str] = Counter()
    for ancestors in place_ancestors(graph).values():
        for a in ancestors:
            if graph.entities[a].subtype == "City":
                counts[a] += 1
    if not counts:
        return None
    best = max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]
    return graph.entities[best]


def city_districts(graph: KnowledgeGraph) -> list[Entity]:
    """The home city's districts, counties and national zones, by name."""
    city = home_city(graph)
    if city is None:
        return []
    prefix = (city.division_code or "")[:4] if city.division_code and city.division_code.endswith("00") else ""
    ancestors = place_ancestors(graph)
    found = []
    for e in graph.entities.values():
        if e.type != "Place" or e.id == city.id or e.subtype not in DISTRICT_SUBTYPES:
            continue
        if prefix and e.division_code:
            if e.division_code.startswith(prefix):
                found.append(e)
        elif city.id in ancestors.get(e.id, set()) and e.subtype != "DevelopmentZone":
            found.append(e)
    return sorted(found, key=lambda e: (e.division_code or "9", e.name))


@dataclass(slots=True)
class Hosted:
    entity_id: str
    name: str
    type: str
    via: str | None  # the sub-zone it is located in, when not the district itself
    evidence: list[EvidenceRef] = field(default_factory=list)


@dataclass(slots=True)
class DistrictReport:
    place: Entity
    chains: dict[str, list[EvidenceRef]]  # IndustryChain entity id -> sentences saying it prioritises it
    enterprises: dict[str, Hosted]
    research: dict[str, Hosted]  # laboratories, facilities, universities, institutes, platforms
    zones: list[str]  # names of places PART_OF it


def analyse_district(graph: KnowledgeGraph, place: Entity) -> DistrictReport:
    ancestors = place_ancestors(graph)
    inside = {pid for pid, anc in ancestors.items() if place.id in anc}
    report = DistrictReport(place, {}, {}, {}, sorted(graph.entities[p].name for p in inside))
    for rel in graph.relations:
        head, tail = graph.entities.get(rel.head), graph.entities.get(rel.tail)
        if head is None or tail is None:
            continue
        if rel.type == "FOCUSES_ON" and head.id == place.id and tail.type == "IndustryChain":
            report.chains.setdefault(tail.id, []).append(evidence_ref(graph, tail, rel))
        if rel.type == "LOCATED_IN" and (tail.id == place.id or tail.id in inside):
            table = (
                report.enterprises
                if head.type == "Enterprise"
                else (report.research if head.type in RESEARCH_CLASSES else None)
            )
            if table is None:
                continue
            hosted = table.setdefault(
                head.id, Hosted(head.id, head.name, head.type, None if tail.id == place.id else tail.name)
            )
            hosted.evidence.append(evidence_ref(graph, head, rel))
    return report
