"""`kg chain` (chain reports for planners) and `kg viz` (the explorer's HTML pages).

The lead registers them from ``COMMANDS``; each command is one library call plus formatting.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import asdict
from pathlib import Path

import click

from kg.chains.imports import load_imports
from kg.chains.report import STATUS_LABELS, ChainReport, analyse_all, analyse_chain, find_chain, page_worthy
from kg.chains.targets import KIND_LABELS, FigureStatement
from kg.cli.options import graph_option, path_option
from kg.errors import InputError
from kg.outputs import write_atomic
from kg.store import load_graph

FORMATS = ("text", "markdown", "json", "csv", "xlsx")
POSITION_ZH = {"upstream": "上游", "midstream": "中游", "downstream": "下游"}


def _names(report: ChainReport, ids: list[str]) -> str:
    names = [
        report.enterprises[i].name
        + (" ♛" if report.enterprises[i].leader else "")
        + (" [导入]" if report.enterprises[i].imported and not report.enterprises[i].documented else "")
        for i in ids
    ]
    return "、".join(names) if names else "—"


def _status(status: str) -> str:
    return "" if status == "covered" else f"  [{STATUS_LABELS[status]}]"


def statement_json(st: FigureStatement) -> dict[str, object]:
    """A target or achievement: its kind, the words that state it, and the sentence."""
    return {
        "kind": st.kind,
        "label": KIND_LABELS[st.kind],
        "cue": st.cue,
        "statement": st.statement,
        "figures": list(st.figures),
        "sentence": st.text,
        "doc": st.doc,
        "sentence_index": st.sentence,
        "start": st.start,
        "end": st.end,
        "span": list(st.span),
        "cue_span": list(st.cue_span),
        "places": [{"id": i, "name": n} for i, n in zip(st.places, st.place_names, strict=True)],
    }


def _statement_lines(report: ChainReport, bullet: str, cell: bool) -> list[str]:
    lines = []
    for kind, items in (("target", report.targets()), ("achievement", report.achievements())):
        lines.append(f"{bullet}{KIND_LABELS[kind]} ({len(items)}):")
        for st in items:
            text = _cell(st.statement) if cell else st.statement
            lines.append(f"  {bullet}[{st.cue}] {text}  ({st.doc} #{st.sentence})")
    return lines


def format_text(report: ChainReport) -> str:
    chain = report.chain
    lines = [f"{chain.label_zh} ({chain.label_en})", f"  依据 basis: {report.evidence.describe()}"]
    for seg in report.segments:
        indent = "  " * (seg.segment.depth + 1)
        members = _names(report, seg.enterprises) if seg.enterprises else "—"
        pos = f"{POSITION_ZH[seg.segment.position]} {seg.segment.position}"
        lines.append(f"{indent}{pos:<14} {seg.segment.label_zh}: {members}{_status(seg.status)}")
    lines.append(f"  链级企业 chain-level enterprises: {_names(report, [a.entity_id for a in report.unsegmented()])}")
    lines.append(f"  链主 chain leaders: {'、'.join(a.name for a in report.leaders()) or '—'}")
    lines.append(f"  科研支撑 research resources: {'、'.join(r.name for r in report.resources.values()) or '—'}")
    places = [
        f"{p.name}({'重点发展, ' if p.prioritises else ''}"
        f"{str(len(p.hosted)) + ' 家企业' if p.hosted else '未提及企业'})"
        for p in report.places.values()
    ]
    lines.append(f"  区县 districts: {'、'.join(places) or '—'}")
    lines.append(f"  缺口 gaps ({len(report.gaps)}), 每条附证据 each with its evidence:")
    for g in report.gaps:
        lines.append(f"    - {g.message}")
        lines.extend(f"        「{ref.text}」 ({ref.doc} #{ref.sentence})" for ref in g.evidence)
    lines.append(f"  文中未提及 not mentioned ({len(report.not_mentioned)}; 已读 {report.documents_read} 篇文档):")
    lines.extend(f"    - {n.message}" for n in report.not_mentioned)
    lines.append("  目标与成绩 targets and achievements (文中所述 as the documents state them):")
    lines.extend("    " + line for line in _statement_lines(report, "- ", cell=False))
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def format_markdown(report: ChainReport) -> str:
    chain = report.chain
    lines = [
        f"## {chain.label_zh} ({chain.label_en})",
        "",
        f"依据 basis: {_cell(report.evidence.describe())}",
        "",
        "| 位置 position | 环节 segment | 本地企业 local enterprises | 状态 status |",
        "|---|---|---|---|",
    ]
    for seg in report.segments:
        label = "↳ " * seg.segment.depth + seg.segment.label_zh
        lines.append(
            f"| {POSITION_ZH[seg.segment.position]} {seg.segment.position} | {_cell(label)} | "
            f"{_cell(_names(report, seg.enterprises))} | {STATUS_LABELS[seg.status]} |"
        )
    lines += [
        "",
        f"- 链级企业 chain-level enterprises: {_cell(_names(report, [a.entity_id for a in report.unsegmented()]))}",
        f"- 链主 chain leaders: {'、'.join(a.name for a in report.leaders()) or '—'}",
        f"- 科研支撑 research resources: {'、'.join(r.name for r in report.resources.values()) or '—'}",
        f"- 区县 districts: {'、'.join(p.name for p in report.places.values()) or '—'}",
        "",
        "### 缺口 Gaps (每条附证据 each with its evidence)",
        "",
    ]
    for g in report.gaps:
        lines.append(f"- {_cell(g.message)}")
        lines.extend(f"  - 「{_cell(ref.text)}」 ({ref.doc} #{ref.sentence})" for ref in g.evidence)
    lines += ["", f"### 文中未提及 Not mentioned (已读 {report.documents_read} 篇文档 documents read)", ""]
    lines += [f"- {_cell(n.message)}" for n in report.not_mentioned]
    lines += ["", "### 目标与成绩 Targets and achievements (文中所述 as the documents state them)", ""]
    lines += _statement_lines(report, "- ", cell=True)
    return "\n".join(lines) + "\n"


def report_json(report: ChainReport) -> dict[str, object]:
    return {
        "chain": asdict(report.chain),
        "chain_entity_ids": report.chain_entity_ids,
        "evidence": {
            **asdict(report.evidence),
            "enough": report.evidence.enough,
            "describe": report.evidence.describe(),
        },
        "documents_read": report.documents_read,
        "imported_rows": report.imported_rows,
        "segments": [
            {
                "segment": s.segment.key,
                "label": s.segment.label_zh,
                "position": s.segment.position,
                "depth": s.segment.depth,
                "enterprises": s.enterprises,
                "leaders": s.leaders,
                "status": s.status,
                "gap": s.gap,
                "statements": [asdict(r) for r in s.statements],
            }
            for s in report.segments
        ],
        "enterprises": [{**asdict(a), "origin": a.origin} for a in report.enterprises.values()],
        "resources": [asdict(a) for a in report.resources.values()],
        "places": [asdict(p) for p in report.places.values()],
        "gaps": [asdict(g) for g in report.gaps],
        "not_mentioned": [asdict(n) for n in report.not_mentioned],
        "statements": [statement_json(st) for st in report.statements],
    }


def summary_row(report: ChainReport) -> dict[str, object]:
    covered = sum(1 for s in report.segments if s.enterprises)
    return {
        "chain": report.chain.label_zh,
        "key": report.chain.key,
        "reference": report.evidence.reference,
        "enterprises": len(report.enterprises),
        "segments_covered": covered,
        "segments": len(report.segments),
        "leaders": len(report.leaders()),
        "resources": len(report.resources),
        "districts": len(report.places),
        "gaps": len(report.gaps),
        "not_mentioned": len(report.not_mentioned),
    }


def format_table(reports: list[ChainReport], fmt: str) -> str:
    rows = [summary_row(r) for r in reports]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    header = [
        "产业链 chain",
        "企业 enterprises",
        "有企业环节 segments",
        "链主 leaders",
        "科研 resources",
        "区县 districts",
        "缺口 gaps",
        "未提及 not mentioned",
    ]
    cells = [
        [
            str(r["chain"]),
            str(r["enterprises"]),
            f"{r['segments_covered']}/{r['segments']}",
            str(r["leaders"]),
            str(r["resources"]),
            str(r["districts"]),
            str(r["gaps"]),
            str(r["not_mentioned"]),
        ]
        for r in rows
    ]
    if fmt == "markdown":
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        return "\n".join(lines + ["| " + " | ".join(_cell(c) for c in row) + " |" for row in cells]) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows([header, *cells])
        return buffer.getvalue()
    return aligned([header, *cells])


def display_width(text: str) -> int:
    """Columns a terminal gives ``text``: two for wide (CJK) characters, one otherwise."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def aligned(rows: list[list[str]]) -> str:
    """Rows as columns padded by display width, so Chinese and Latin text line up."""
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell + " " * (w - display_width(cell)) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    return "\n".join(lines) + "\n"


def format_report(report: ChainReport, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(report_json(report), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        from kg.graph.exports import chain_csv

        return chain_csv(report)
    return format_markdown(report) if fmt == "markdown" else format_text(report)


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        click.echo(text, nl=False)
    else:
        write_atomic(out, (("\ufeff" if out.suffix == ".csv" else "") + text).encode("utf-8"))
        click.echo(f"wrote {out}", err=True)


@click.command()
@click.argument("name", required=False)
@click.option("--all", "all_chains", is_flag=True, help="Summary table of every chain with a page.")
@click.option("--include-thin", is_flag=True, help="With --all: also chains with too little evidence for a page.")
@graph_option("Folder written by `kg build` (or its graph.json).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@path_option("--out", "out", None, "Write to this file instead of standard output (required for xlsx).")
def chain(name: str | None, all_chains: bool, include_thin: bool, graph_dir: Path, fmt: str, out: Path | None) -> None:
    """Report one industry chain: segments, enterprises, leaders, research, districts, gaps.

    A segment is a gap (缺口) only when a document or an imported list says so, and the
    report quotes that sentence; otherwise it is "文中未提及" (not named in the documents read).

    \b
    Examples:
      kg chain 新能源汽车
      kg chain 集成电路 --format markdown
      kg chain 新能源汽车 --format xlsx --out nev.xlsx
      kg chain --all
    """
    if bool(name) == all_chains:
        raise InputError("give a chain NAME or --all (not both)")
    graph = load_graph(graph_dir)
    imports = load_imports(graph_dir)
    if all_chains:
        if fmt == "xlsx":
            raise InputError("--all has no xlsx form; use --format csv")
        reports = analyse_all(graph, imports=imports)
        _emit(format_table(reports if include_thin else page_worthy(reports), fmt), out)
        return
    assert name is not None
    report = analyse_chain(graph, find_chain(graph, name), imports)
    if fmt == "xlsx":
        if out is None:
            raise InputError("--format xlsx needs --out FILE.xlsx")
        from kg.graph.exports import chain_xlsx

        write_atomic(out, chain_xlsx(report))
        click.echo(f"wrote {out}", err=True)
        return
    _emit(format_report(report, fmt), out)


@click.command()
@graph_option("Folder written by `kg build` (or its graph.json).")
@path_option("--out", "out_dir", Path("out/viz"))
def viz(graph_dir: Path, out_dir: Path) -> None:
    """Write the explorer: index.html (overview), chain pages and district pages.

    One chain-<key>.html per reference chain (and per other chain with enough evidence),
    one district-<name>.html per district of the city. Imported lists (`kg import
    enterprises`) are shown marked as imported. The pages are self-contained (no network
    access); open them in any browser.

    \b
    Example:
      kg viz --graph out/ --out out/viz/
    """
    from kg.viz import write_site

    written = write_site(load_graph(graph_dir), out_dir, imports=load_imports(graph_dir))
    click.echo(f"wrote {len(written)} pages to {out_dir} (open {out_dir / 'index.html'})")


COMMANDS: list[click.Command] = [chain, viz]
