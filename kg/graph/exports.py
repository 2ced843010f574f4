"""Things that leave the tool: a chain report as CSV / Excel rows, the whole graph as GEXF,
GraphML or nodes.csv + edges.csv (for Gephi, Neo4j Bloom, Excel).

CSV files start with a UTF-8 byte-order mark, so Excel opens Chinese text correctly.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import networkx as nx

from kg.chains.report import STATUS_LABELS, ChainReport, EvidenceRef
from kg.graph.analytics import to_networkx
from kg.model import KnowledgeGraph
from kg.outputs import ensure_writable_dir, write_atomic

POSITION_ZH = {"upstream": "上游", "midstream": "中游", "downstream": "下游"}
ORIGIN_ZH = {"document": "文档 document", "imported": "导入 imported", "both": "文档+导入 both"}
CHAIN_COLUMNS = [
    "位置 position",
    "环节 segment",
    "状态 status",
    "企业 enterprise",
    "链主 leader",
    "来源 origin",
    "证据 evidence",
    "文档 document",
    "句 sentence",
]
EXPORT_FORMATS = ("gexf", "graphml", "csv")


def _ref_cells(ref: EvidenceRef | None) -> list[str]:
    if ref is None:
        return ["", "", ""]
    return [ref.text, ref.doc, str(ref.sentence)]


def chain_rows(report: ChainReport) -> list[list[str]]:
    """The chain as one table: a row per (segment, enterprise), a row per empty segment,
    chain-level enterprises last; every row carries its evidence sentence."""
    rows: list[list[str]] = []
    for seg in report.segments:
        position = POSITION_ZH[seg.segment.position] + " " + seg.segment.position
        label = "↳ " * seg.segment.depth + seg.segment.label_zh
        status = STATUS_LABELS[seg.status]
        direct = [e for e in seg.enterprises if seg.segment.key in report.enterprises[e].segments]
        for eid in direct:
            att = report.enterprises[eid]
            ref = next((r for r in att.evidence), None)
            rows.append(
                [
                    position,
                    label,
                    status,
                    att.name,
                    "链主 leader" if att.leader else "",
                    ORIGIN_ZH[att.origin],
                    *_ref_cells(ref),
                ]
            )
        if not direct:
            ref = seg.statements[0] if seg.statements else None
            rows.append([position, label, status, "", "", "", *_ref_cells(ref)])
    for att in report.unsegmented():
        rows.append(
            [
                "",
                "链级 chain level",
                "",
                att.name,
                "链主 leader" if att.leader else "",
                ORIGIN_ZH[att.origin],
                *_ref_cells(att.evidence[0] if att.evidence else None),
            ]
        )
    return rows


def chain_csv(report: ChainReport) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CHAIN_COLUMNS)
    writer.writerows(chain_rows(report))
    return buffer.getvalue()


def _sheets(report: ChainReport) -> dict[str, tuple[list[str], list[list[Any]]]]:
    ents = report.enterprises
    segment_names = {s.segment.key: s.segment.label_zh for s in report.segments}
    return {
        "产业链 chain": (CHAIN_COLUMNS, chain_rows(report)),
        "缺口 gaps": (
            ["类型 kind", "对象 subject", "说明 message", "证据 evidence", "文档 document", "句 sentence"],
            [[g.kind, g.label, g.message, *_ref_cells(ref)] for g in report.gaps for ref in g.evidence],
        ),
        "未提及 not mentioned": (
            ["类型 kind", "对象 subject", "说明 message"],
            [[n.kind, n.label, n.message] for n in report.not_mentioned],
        ),
        "企业 enterprises": (
            [
                "企业 enterprise",
                "环节 segments",
                "链主 leader",
                "来源 origin",
                "证据 evidence",
                "文档 document",
                "句 sentence",
            ],
            [
                [
                    a.name,
                    "、".join(segment_names.get(k, k) for k in a.segments),
                    a.leader_cue or "",
                    ORIGIN_ZH[a.origin],
                    *_ref_cells(ref),
                ]
                for a in ents.values()
                for ref in a.evidence
            ],
        ),
        "区县 districts": (
            ["区县 district", "重点发展 prioritises", "本链企业数 enterprises", "企业 names"],
            [
                [
                    p.name,
                    "是 yes" if p.prioritises else "",
                    len(p.hosted),
                    "、".join(ents[e].name for e in p.hosted if e in ents),
                ]
                for p in report.places.values()
            ],
        ),
        "科研 research": (
            ["机构 resource", "类别 class", "证据 evidence", "文档 document", "句 sentence"],
            [[r.name, r.type, *_ref_cells(r.evidence[0] if r.evidence else None)] for r in report.resources.values()],
        ),
    }


def chain_xlsx(report: ChainReport) -> bytes:
    """An Excel workbook: the chain table, gaps, not-mentioned, enterprises, districts, research."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    book.remove(book.active)
    gap_fill = PatternFill("solid", fgColor="FDECEE")
    for title, (header, rows) in _sheets(report).items():
        sheet = book.create_sheet(title[:31])
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
            if any(isinstance(v, str) and v.startswith("缺口") for v in row):
                for cell in sheet[sheet.max_row]:
                    cell.fill = gap_fill
        for column, name in zip(sheet.columns, header, strict=False):
            width = max([len(str(name)), *(min(len(str(c.value or "")), 60) for c in column)])
            sheet.column_dimensions[column[0].column_letter].width = width + 2
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- whole-graph export


def export_networkx(graph: KnowledgeGraph) -> nx.MultiDiGraph:
    """kg.graph.analytics' graph as the file formats want it: strings and numbers only, and the
    relation type in ``relation`` and ``label`` (GEXF reserves an edge's ``type`` for
    directed / undirected, and Gephi shows ``label``)."""
    g = to_networkx(graph)
    for _, _, data in g.edges(data=True):
        data["relation"] = data.pop("type")
        data["label"] = data["relation"]
    return g


def _csv_bytes(header: list[str], rows: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def nodes_edges_csv(graph: KnowledgeGraph) -> dict[str, bytes]:
    """nodes.csv (Id, Label, type, …) and edges.csv (Source, Target, Type, Label, …): Gephi's
    spreadsheet import reads these column names; Excel and Neo4j's LOAD CSV read them as they are."""
    g = export_networkx(graph)
    node_header = ["Id", "Label", "type", "subtype", "aliases", "wikidata", "divisionCode", "uri"]
    nodes = [
        [n, d["label"], d["type"], d["subtype"], d["aliases"], d["wikidata"], d["divisionCode"], d["uri"]]
        for n, d in sorted(g.nodes(data=True))
    ]
    edge_header = ["Source", "Target", "Type", "Label", "doc", "sentence", "evidence", "rule", "confidence"]
    edges = [
        [h, t, "Directed", d["relation"], d["doc"], d["sentence"], d["evidence"], d["rule"], d["confidence"]]
        for h, t, d in g.edges(data=True)
    ]
    return {"nodes.csv": _csv_bytes(node_header, nodes), "edges.csv": _csv_bytes(edge_header, edges)}


def export_graph(graph: KnowledgeGraph, fmt: str, out_dir: Path) -> list[Path]:
    """Write the graph as ``fmt`` (gexf, graphml or csv) into ``out_dir``; returns the files."""
    ensure_writable_dir(out_dir)
    if fmt == "csv":
        files = nodes_edges_csv(graph)
    else:
        g = export_networkx(graph)
        buffer = io.BytesIO()
        if fmt == "gexf":
            nx.write_gexf(g, buffer)
        else:
            nx.write_graphml(g, buffer)
        files = {f"graph.{fmt}": buffer.getvalue()}
    written = []
    for name, data in sorted(files.items()):
        write_atomic(out_dir / name, data)
        written.append(out_dir / name)
    return written
