"""The data each page embeds, as plain JSON-ready structures built from typed objects.

Entity cards, the overview network and the chain maps are computed here; the templates
only draw them. Highlights are cleaned-sentence offsets: the page splits the sentence text
at them and wraps the mention in <mark> with DOM calls (never as HTML).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kg.chains import Attachment, ChainReport, EvidenceRef, evidence_ref
from kg.model import Entity, KnowledgeGraph, Relation
from kg.viz.layout import spring_layout

# Colours per class, chosen to stay distinguishable for common colour-vision deficiencies
# (Okabe-Ito palette); the legend also names each class, so colour is never the only cue.
CLASS_COLOURS: dict[str, str] = {
    "Laboratory": "#0072B2",
    "LargeScientificFacility": "#56B4E9",
    "ResearchInstitute": "#009E73",
    "University": "#F0E442",
    "Enterprise": "#E69F00",
    "InnovationPlatform": "#CC79A7",
    "Place": "#999999",
    "IndustryChain": "#D55E00",
}
CLASS_LABELS_ZH: dict[str, str] = {
    "Laboratory": "实验室",
    "LargeScientificFacility": "大科学装置",
    "ResearchInstitute": "科研院所",
    "University": "高等院校",
    "Enterprise": "企业",
    "InnovationPlatform": "创新平台",
    "Place": "地点",
    "IndustryChain": "产业链",
}
CHAIN_LINKS = frozenset({"PART_OF_CHAIN", "SUPPORTS_CHAIN", "FOCUSES_ON"})


@dataclass(frozen=True, slots=True)
class ChainLink:
    """A chain page the overview can filter by: its key and the graph entities it stands for."""

    key: str
    label: str
    entity_ids: tuple[str, ...]


def _evidence_json(ref: EvidenceRef, other: tuple[int, int] | None = None) -> dict[str, Any]:
    marks = [[*ref.highlight, "self"]] if ref.highlight else []
    if other and (not ref.highlight or other[1] <= ref.highlight[0] or other[0] >= ref.highlight[1]):
        marks.append([*other, "other"])
    return {"doc": ref.doc, "sentence": ref.sentence, "text": ref.text, "start": ref.start, "end": ref.end,
            "marks": sorted(marks), "rule": ref.rule, "confidence": ref.confidence}


def _relation_row(graph: KnowledgeGraph, entity: Entity, rel: Relation) -> dict[str, Any]:
    other_id = rel.tail if rel.head == entity.id else rel.head
    other = graph.entities.get(other_id)
    other_mark = evidence_ref(graph, other, rel).highlight if other else None
    return {
        "type": rel.type,
        "dir": "out" if rel.head == entity.id else "in",
        "other": {"id": other_id, "name": other.name if other else other_id, "type": other.type if other else ""},
        "evidence": _evidence_json(evidence_ref(graph, entity, rel), other_mark),
    }


def entity_cards(graph: KnowledgeGraph, ids: set[str] | None = None) -> dict[str, dict[str, Any]]:
    """Cards for ``ids`` (every entity when None): class, names, relations with evidence."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for rel in graph.relations:
        for end in (rel.head, rel.tail):
            if end in graph.entities and (ids is None or end in ids):
                rows.setdefault(end, []).append(_relation_row(graph, graph.entities[end], rel))
    cards = {}
    for eid, entity in graph.entities.items():
        if ids is None or eid in ids:
            cards[eid] = {"id": eid, "name": entity.name, "name_en": entity.name_en, "type": entity.type,
                          "subtype": entity.subtype, "aliases": entity.aliases, "relations": rows.get(eid, [])}
    return cards


def documents_json(graph: KnowledgeGraph) -> dict[str, dict[str, str | None]]:
    return {d.name: {"title": d.title, "date": d.date} for d in graph.documents}


def _memberships(graph: KnowledgeGraph, chains: list[ChainLink]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Node -> chain keys it belongs to; node -> place ids it is in (or is)."""
    chain_of = {eid: link.key for link in chains for eid in link.entity_ids}
    in_chain: dict[str, list[str]] = {eid: [key] for eid, key in chain_of.items()}
    in_place: dict[str, list[str]] = {eid: [eid] for eid, e in graph.entities.items() if e.type == "Place"}
    for rel in graph.relations:
        if rel.type in CHAIN_LINKS and rel.tail in chain_of:
            in_chain.setdefault(rel.head, []).append(chain_of[rel.tail])
        tail = graph.entities.get(rel.tail)
        if tail is not None and tail.type == "Place" and rel.type in ("LOCATED_IN", "FOCUSES_ON", "PART_OF"):
            in_place.setdefault(rel.head, []).append(rel.tail)
        if tail is not None and tail.type == "IndustryChain" and rel.type == "FOCUSES_ON":
            in_place.setdefault(rel.tail, []).append(rel.head)
    return ({k: sorted(set(v)) for k, v in in_chain.items()}, {k: sorted(set(v)) for k, v in in_place.items()})


def overview(graph: KnowledgeGraph, chains: list[ChainLink], seed: int) -> dict[str, Any]:
    """Nodes with fixed positions, edges, and what the filters offer."""
    ids = sorted(graph.entities)
    edges = [(r.head, r.tail) for r in graph.relations if r.head in graph.entities and r.tail in graph.entities]
    positions = spring_layout(ids, edges, seed=seed)
    in_chain, in_place = _memberships(graph, chains)
    nodes = [{"id": eid, "label": graph.entities[eid].name, "group": graph.entities[eid].type,
              "aliases": graph.entities[eid].aliases, "x": positions[eid][0], "y": positions[eid][1],
              "chains": in_chain.get(eid, []), "places": in_place.get(eid, [])} for eid in ids]
    unique_edges = sorted({(r.head, r.tail, r.type) for r in graph.relations
                           if r.head in graph.entities and r.tail in graph.entities})
    places = sorted((e for e in graph.entities.values() if e.type == "Place"), key=lambda e: e.name)
    return {
        "nodes": nodes,
        "edges": [{"id": f"{i}", "from": h, "to": t, "label": ty} for i, (h, t, ty) in enumerate(unique_edges)],
        "classes": [{"name": c, "label": CLASS_LABELS_ZH[c], "colour": col} for c, col in CLASS_COLOURS.items()],
        "chains": [{"key": c.key, "label": c.label} for c in chains if c.entity_ids],
        "places": [{"id": p.id, "label": p.name} for p in places],
    }


def _enterprise_json(att: Attachment) -> dict[str, Any]:
    return {"id": att.entity_id, "name": att.name, "leader": att.leader, "leaderCue": att.leader_cue}


def _segment_card(report: ChainReport, key: str) -> dict[str, Any]:
    seg_report = next(s for s in report.segments if s.segment.key == key)
    seg = seg_report.segment
    relations = []
    for eid in seg_report.enterprises:
        att = report.enterprises[eid]
        for ref in att.evidence:
            relations.append({"type": "IN_SEGMENT", "dir": "in", "other": {"id": eid, "name": att.name,
                              "type": att.type}, "evidence": _evidence_json(ref)})
    return {"id": f"segment:{key}", "name": seg.label_zh, "name_en": seg.label_en, "type": "ChainSegment",
            "subtype": seg.position, "aliases": seg.keywords[1:], "relations": relations,
            "gap": seg_report.gap}


def chain_map(report: ChainReport) -> dict[str, Any]:
    """What a chain page draws: segments by position, leaders, gaps, resources, districts."""
    chain = report.chain
    segments = [{
        "key": s.segment.key, "label": s.segment.label_zh, "labelEn": s.segment.label_en,
        "position": s.segment.position, "depth": s.segment.depth, "parent": s.segment.parent, "gap": s.gap,
        "enterprises": [_enterprise_json(report.enterprises[e]) for e in s.enterprises],
    } for s in report.segments]
    lab_gap = any(g.kind == "no-lab-or-facility" for g in report.gaps)
    return {
        "chain": {"key": chain.key, "label": chain.label_zh, "labelEn": chain.label_en},
        "segments": segments,
        "unsegmented": [_enterprise_json(a) for a in report.unsegmented()],
        "resources": [{"id": a.entity_id, "name": a.name, "type": a.type} for a in report.resources.values()],
        "resourceGap": lab_gap,
        "places": [{"id": p.entity_id, "name": p.name, "prioritises": p.prioritises, "hosted": len(p.hosted),
                    "gap": p.prioritises and not p.hosted} for p in report.places.values()],
        "gaps": [{"kind": g.kind, "subject": g.subject, "message": g.message} for g in report.gaps],
        "segmentCards": {s.segment.key: _segment_card(report, s.segment.key) for s in report.segments},
    }


def chain_page_entities(report: ChainReport) -> set[str]:
    return {*report.chain_entity_ids, *report.enterprises, *report.resources, *report.places}
