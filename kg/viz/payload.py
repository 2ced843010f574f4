"""The data each page embeds, as plain JSON-ready structures built from typed objects.

Entity cards, the overview network and the chain maps are computed here; the templates
only draw them. Highlights are cleaned-sentence offsets: the page splits the sentence text
at them and wraps the mention in <mark> with DOM calls (never as HTML).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kg.chains.districts import DistrictReport
from kg.chains.report import STATUS_LABELS, Attachment, ChainReport, EvidenceRef, evidence_ref, place_ancestors
from kg.chains.targets import KIND_LABELS
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
    return {
        "doc": ref.doc,
        "sentence": ref.sentence,
        "text": ref.text,
        "start": ref.start,
        "end": ref.end,
        "marks": sorted(marks),
        "rule": ref.rule,
        "confidence": ref.confidence,
        "origin": ref.origin,
    }


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
            cards[eid] = {
                "id": eid,
                "name": entity.name,
                "name_en": entity.name_en,
                "type": entity.type,
                "subtype": entity.subtype,
                "aliases": entity.aliases,
                "relations": rows.get(eid, []),
            }
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


OVERVIEW_SPACING = 150.0  # pixels between neighbours: room for the labels
IMPORTANT_NODES = 30  # how many of the best-connected nodes carry a label at every zoom


LABEL_FONT = 26  # canvas units; index.js draws important labels at this size


def _unclashed(ranked: list[str], positions: dict[str, tuple[float, float]], names: dict[str, str]) -> set[str]:
    """The nodes, best first, whose label (drawn under the node) would not cover a better
    node's label: the rest still show theirs on hover, when zoomed in, or with "all labels"."""
    boxes: list[tuple[float, float, float, float]] = []
    kept: set[str] = set()
    for eid in ranked:
        x, y = positions[eid]
        half = len(names[eid]) * LABEL_FONT / 2
        box = (x - half, y, x + half, y + LABEL_FONT * 1.8)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in boxes):
            continue
        boxes.append(box)
        kept.add(eid)
    return kept


def _components(nodes: list[str], neighbours: dict[str, set[str]]) -> list[list[str]]:
    seen: set[str] = set()
    groups = []
    for start in nodes:
        if start in seen:
            continue
        group, todo = [], [start]
        seen.add(start)
        while todo:
            node = todo.pop()
            group.append(node)
            for other in sorted(neighbours[node]):
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        groups.append(sorted(group))
    return sorted(groups, key=lambda g: (-len(g), g[0]))


def _component_layout(
    nodes: list[str], neighbours: dict[str, set[str]], edges: list[tuple[str, str]], seed: int
) -> dict[str, tuple[float, float]]:
    """The largest connected part in the middle; smaller parts laid out on their own and
    packed in rows beneath it, so none of them stretches the view."""
    groups = _components(nodes, neighbours)
    if not groups:
        return {}
    iterations = 150 if len(groups[0]) <= 600 else None
    main = spring_layout(groups[0], edges, seed=seed, spacing=OVERVIEW_SPACING, iterations=iterations)
    positions = dict(main)
    xs = [x for x, _ in main.values()]
    ys = [y for _, y in main.values()]
    # Beside the main part (screens are wider than tall), in rows half its width wide.
    left = max(xs) + 2 * OVERVIEW_SPACING
    right, y = left + max(OVERVIEW_SPACING * 4, (max(xs) - min(xs)) * 0.6), min(ys)
    x, row_height = left, 0.0
    for group in groups[1:]:
        members = set(group)
        part = spring_layout(
            group, [(a, b) for a, b in edges if a in members], seed=seed, spacing=OVERVIEW_SPACING * 0.8, iterations=80
        )
        gx = [p[0] for p in part.values()]
        gy = [p[1] for p in part.values()]
        width, height = max(gx) - min(gx), max(gy) - min(gy)
        if x > left and x + width > right:
            x, y, row_height = left, y + row_height + OVERVIEW_SPACING, 0.0
        for node, (px, py) in part.items():
            positions[node] = (round(x + px - min(gx), 1), round(y + py - min(gy), 1))
        x += width + OVERVIEW_SPACING
        row_height = max(row_height, height)
    return positions


def _place_isolated(
    positions: dict[str, tuple[float, float]], isolated: list[str], spacing: float = 60.0
) -> dict[str, tuple[float, float]]:
    """Nodes without any relation go in rows under the network, not in a ring around it."""
    placed = dict(positions)
    xs = [x for x, _ in positions.values()] or [0.0]
    ys = [y for _, y in positions.values()] or [0.0]
    per_row = max(1, int((max(xs) - min(xs)) // spacing) + 1)
    for i, eid in enumerate(isolated):
        placed[eid] = (
            round(min(xs) + (i % per_row) * spacing, 1),
            round(max(ys) + 2 * spacing + (i // per_row) * spacing, 1),
        )
    return placed


def overview(
    graph: KnowledgeGraph, chains: list[ChainLink], seed: int, districts: list[Entity] | None = None
) -> dict[str, Any]:
    """Nodes with fixed positions, edges, and what the filters offer."""
    ids = sorted(graph.entities)
    edges = [(r.head, r.tail) for r in graph.relations if r.head in graph.entities and r.tail in graph.entities]
    neighbours: dict[str, set[str]] = {eid: set() for eid in ids}
    for head, tail in edges:
        if head != tail:
            neighbours[head].add(tail)
            neighbours[tail].add(head)
    connected = [eid for eid in ids if neighbours[eid]]
    positions = _place_isolated(
        _component_layout(connected, neighbours, edges, seed), [eid for eid in ids if not neighbours[eid]]
    )
    groups = _components(connected, neighbours)
    main_part = set(groups[0]) if groups else set()
    in_chain, in_place = _memberships(graph, chains)
    ancestors = place_ancestors(graph)
    in_place = {
        eid: sorted({*pids, *(a for pid in pids for a in ancestors.get(pid, ()))}) for eid, pids in in_place.items()
    }
    # Labels for the nodes a reader looks for first: chains and the best-connected entities.
    ranked = sorted(connected, key=lambda e: (-len(neighbours[e]), graph.entities[e].name))
    candidates = set(ranked[:IMPORTANT_NODES]) | {
        e for e in connected if graph.entities[e].type == "IndustryChain" and len(neighbours[e]) >= 3
    }
    important = _unclashed(
        [e for e in ranked if e in candidates], positions, {e: graph.entities[e].name for e in candidates}
    )
    nodes = [
        {
            "id": eid,
            "label": graph.entities[eid].name,
            "group": graph.entities[eid].type,
            "aliases": graph.entities[eid].aliases,
            "x": positions[eid][0],
            "y": positions[eid][1],
            "degree": len(neighbours[eid]),
            "important": eid in important,
            "main": eid in main_part,
            "chains": in_chain.get(eid, []),
            "places": in_place.get(eid, []),
        }
        for eid in ids
    ]
    unique_edges = sorted(
        {(r.head, r.tail, r.type) for r in graph.relations if r.head in graph.entities and r.tail in graph.entities}
    )
    places = (
        districts
        if districts is not None
        else sorted((e for e in graph.entities.values() if e.type == "Place"), key=lambda e: e.name)
    )
    return {
        "nodes": nodes,
        "edges": [{"id": f"{i}", "from": h, "to": t, "label": ty} for i, (h, t, ty) in enumerate(unique_edges)],
        "classes": [{"name": c, "label": CLASS_LABELS_ZH[c], "colour": col} for c, col in CLASS_COLOURS.items()],
        "chains": [{"key": c.key, "label": c.label} for c in chains if c.entity_ids],
        "places": [{"id": p.id, "label": p.name} for p in places],
    }


def _enterprise_json(att: Attachment) -> dict[str, Any]:
    return {
        "id": att.entity_id,
        "name": att.name,
        "leader": att.leader,
        "leaderCue": att.leader_cue,
        "origin": att.origin,
    }


def _segment_card(report: ChainReport, key: str) -> dict[str, Any]:
    seg_report = next(s for s in report.segments if s.segment.key == key)
    seg = seg_report.segment
    relations = []
    for eid in seg_report.enterprises:
        att = report.enterprises[eid]
        for ref in att.evidence:
            relations.append(
                {
                    "type": "IN_SEGMENT" if ref.origin == "document" else "IMPORTED",
                    "dir": "in",
                    "other": {"id": eid, "name": att.name, "type": att.type},
                    "evidence": _evidence_json(ref),
                }
            )
    for ref in seg_report.statements:
        relations.append(
            {
                "type": "缺口依据 GAP_EVIDENCE" if seg_report.gap else "薄弱依据 WEAKNESS",
                "dir": "in",
                "other": {"id": f"segment:{key}", "name": seg.label_zh, "type": "ChainSegment"},
                "evidence": _evidence_json(ref),
            }
        )
    return {
        "id": f"segment:{key}",
        "name": seg.label_zh,
        "name_en": seg.label_en,
        "type": "ChainSegment",
        "subtype": seg.position,
        "aliases": seg.keywords[1:],
        "relations": relations,
        "gap": seg_report.gap,
        "status": seg_report.status,
        "statusLabel": STATUS_LABELS[seg_report.status],
        "documentsRead": report.documents_read,
    }


def chain_map(report: ChainReport) -> dict[str, Any]:
    """What a chain page draws: segments by position, leaders, gaps with evidence, resources, districts."""
    chain = report.chain
    segments = [
        {
            "key": s.segment.key,
            "label": s.segment.label_zh,
            "labelEn": s.segment.label_en,
            "position": s.segment.position,
            "depth": s.segment.depth,
            "parent": s.segment.parent,
            "gap": s.gap,
            "status": s.status,
            "statusLabel": STATUS_LABELS[s.status],
            "statements": [_evidence_json(r) for r in s.statements],
            "enterprises": [_enterprise_json(report.enterprises[e]) for e in s.enterprises],
        }
        for s in report.segments
    ]
    resource_gap = next((g for g in report.gaps if g.kind == "resource"), None)
    gap_places = {g.subject for g in report.gaps if g.kind == "district"}
    return {
        "chain": {"key": chain.key, "label": chain.label_zh, "labelEn": chain.label_en},
        "basis": report.evidence.describe(),
        "reference": report.evidence.reference,
        "documentsRead": report.documents_read,
        "importedRows": report.imported_rows,
        "segments": segments,
        "unsegmented": [_enterprise_json(a) for a in report.unsegmented()],
        "resources": [{"id": a.entity_id, "name": a.name, "type": a.type} for a in report.resources.values()],
        "resourceGap": resource_gap is not None,
        "resourceUnmentioned": any(n.kind == "resource" for n in report.not_mentioned),
        "places": [
            {
                "id": p.entity_id,
                "name": p.name,
                "prioritises": p.prioritises,
                "hosted": len(p.hosted),
                "gap": p.entity_id in gap_places,
                "unmentioned": p.prioritises and not p.hosted and p.entity_id not in gap_places,
            }
            for p in report.places.values()
        ],
        "gaps": [
            {
                "kind": g.kind,
                "subject": g.subject,
                "label": g.label,
                "message": g.message,
                "evidence": [_evidence_json(r) for r in g.evidence],
            }
            for g in report.gaps
        ],
        "notMentioned": [
            {"kind": n.kind, "subject": n.subject, "label": n.label, "message": n.message} for n in report.not_mentioned
        ],
        "segmentCards": {s.segment.key: _segment_card(report, s.segment.key) for s in report.segments},
        "statements": [
            {
                "kind": st.kind,
                "label": KIND_LABELS[st.kind],
                "cue": st.cue,
                "figures": list(st.figures),
                "statement": st.statement,
                "places": list(st.place_names),
                "doc": st.doc,
                "sentence": st.sentence,
                "text": st.text,
                "start": st.start,
                "end": st.end,
                "marks": [[*st.span, "self"]],
                "rule": f"{st.kind}-statement",
                "confidence": 1.0,
                "origin": "document",
            }
            for st in report.statements
        ],
    }


def district_map(report: DistrictReport, chain_pages: dict[str, tuple[str, str]]) -> dict[str, Any]:
    """What a district page draws. ``chain_pages``: IndustryChain entity id -> (page file, label)."""

    def hosted(items: dict[str, Any]) -> list[dict[str, Any]]:
        return [
            {"id": h.entity_id, "name": h.name, "type": h.type, "via": h.via}
            for h in sorted(items.values(), key=lambda h: h.name)
        ]

    chains: dict[str, dict[str, Any]] = {}  # one entry per chain page: 生命健康 and 生物医药 are one chain
    for cid, refs in report.chains.items():
        page, label = chain_pages.get(cid, ("", cid))
        entry = chains.setdefault(page or cid, {"id": cid, "page": page, "label": label, "evidence": []})
        entry["evidence"] += [_evidence_json(r) for r in refs[:1]]
    return {
        "id": report.place.id,
        "name": report.place.name,
        "subtype": report.place.subtype,
        "code": report.place.division_code,
        "chains": sorted(chains.values(), key=lambda c: (not c["page"], c["page"], c["id"])),
        "enterprises": hosted(report.enterprises),
        "research": hosted(report.research),
        "zones": report.zones,
    }


def imported_cards(report: ChainReport, graph: KnowledgeGraph) -> dict[str, dict[str, Any]]:
    """Cards for enterprises only an imported list names (the graph has no entity for them)."""
    cards = {}
    for att in report.enterprises.values():
        if att.entity_id in graph.entities:
            continue
        rows = [
            {
                "type": "IMPORTED",
                "dir": "out",
                "other": {"id": report.chain.key, "name": report.chain.label_zh, "type": "IndustryChain"},
                "evidence": _evidence_json(ref),
            }
            for ref in att.evidence
        ]
        cards[att.entity_id] = {
            "id": att.entity_id,
            "name": att.name,
            "name_en": None,
            "type": att.type,
            "subtype": "导入 imported",
            "aliases": [],
            "relations": rows,
        }
    return cards


def chain_page_entities(report: ChainReport) -> set[str]:
    return {*report.chain_entity_ids, *report.enterprises, *report.resources, *report.places}
