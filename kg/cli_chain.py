"""`kg chain` (chain reports for planners) and `kg viz` (the explorer's HTML pages).

The lead registers them from ``COMMANDS``; each command is one library call plus formatting.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click

from kg.chains import ChainReport, analyse_all, analyse_chain, find_chain
from kg.errors import InputError
from kg.store import load_graph

DEFAULT_GRAPH = Path("out")


def _names(report: ChainReport, ids: list[str]) -> str:
    names = [report.enterprises[i].name + (" ♛" if report.enterprises[i].leader else "") for i in ids]
    return "、".join(names) if names else "—"


def format_text(report: ChainReport) -> str:
    chain = report.chain
    lines = [f"{chain.label_zh} ({chain.label_en})"]
    for seg in report.segments:
        indent = "  " * (seg.segment.depth + 1)
        gap = "  [缺口 gap]" if seg.gap else ""
        members = _names(report, seg.enterprises)
        lines.append(f"{indent}{seg.segment.position:<10} {seg.segment.label_zh}: {members}{gap}")
    lines.append(f"  chain-level enterprises: {_names(report, [a.entity_id for a in report.unsegmented()])}")
    lines.append(f"  chain leaders: {'、'.join(a.name for a in report.leaders()) or '—'}")
    lines.append(f"  research resources: {'、'.join(r.name for r in report.resources.values()) or '—'}")
    places = [f"{p.name}({'priority, ' if p.prioritises else ''}{len(p.hosted)} hosted)"
              for p in report.places.values()]
    lines.append(f"  districts: {'、'.join(places) or '—'}")
    lines.append(f"  gaps ({len(report.gaps)}):")
    lines.extend(f"    - {g.message}" for g in report.gaps)
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def format_markdown(report: ChainReport) -> str:
    chain = report.chain
    lines = [f"## {chain.label_zh} ({chain.label_en})", "", "| position | segment | local enterprises | gap |",
             "|---|---|---|---|"]
    for seg in report.segments:
        label = "↳ " * seg.segment.depth + seg.segment.label_zh
        lines.append(f"| {seg.segment.position} | {_cell(label)} | {_cell(_names(report, seg.enterprises))} | "
                     f"{'缺口 gap' if seg.gap else ''} |")
    lines += ["", f"- chain-level enterprises: {_cell(_names(report, [a.entity_id for a in report.unsegmented()]))}",
              f"- chain leaders: {'、'.join(a.name for a in report.leaders()) or '—'}",
              f"- research resources: {'、'.join(r.name for r in report.resources.values()) or '—'}",
              f"- districts: {'、'.join(p.name for p in report.places.values()) or '—'}", "", "Gaps:", ""]
    lines += [f"- {_cell(g.message)}" for g in report.gaps]
    return "\n".join(lines) + "\n"


def report_json(report: ChainReport) -> dict[str, object]:
    return {
        "chain": asdict(report.chain),
        "chain_entity_ids": report.chain_entity_ids,
        "segments": [{"segment": s.segment.key, "label": s.segment.label_zh, "position": s.segment.position,
                      "depth": s.segment.depth, "enterprises": s.enterprises, "leaders": s.leaders, "gap": s.gap}
                     for s in report.segments],
        "enterprises": [asdict(a) for a in report.enterprises.values()],
        "resources": [asdict(a) for a in report.resources.values()],
        "places": [asdict(p) for p in report.places.values()],
        "gaps": [asdict(g) for g in report.gaps],
    }


def summary_row(report: ChainReport) -> dict[str, object]:
    covered = sum(1 for s in report.segments if not s.gap)
    return {"chain": report.chain.label_zh, "key": report.chain.key, "enterprises": len(report.enterprises),
            "segments_covered": covered, "segments": len(report.segments), "leaders": len(report.leaders()),
            "resources": len(report.resources), "districts": len(report.places), "gaps": len(report.gaps)}


def format_table(reports: list[ChainReport], fmt: str) -> str:
    rows = [summary_row(r) for r in reports]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    header = ["chain", "enterprises", "segments", "leaders", "resources", "districts", "gaps"]
    cells = [[str(r["chain"]), str(r["enterprises"]), f"{r['segments_covered']}/{r['segments']}", str(r["leaders"]),
              str(r["resources"]), str(r["districts"]), str(r["gaps"])] for r in rows]
    if fmt == "markdown":
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        return "\n".join(lines + ["| " + " | ".join(_cell(c) for c in row) + " |" for row in cells]) + "\n"
    return "\n".join("\t".join(row) for row in [header, *cells]) + "\n"


def format_report(report: ChainReport, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(report_json(report), ensure_ascii=False, indent=2) + "\n"
    return format_markdown(report) if fmt == "markdown" else format_text(report)


@click.command()
@click.argument("name", required=False)
@click.option("--all", "all_chains", is_flag=True, help="Summary table of every chain.")
@click.option("--graph", "graph_dir", type=click.Path(path_type=Path), default=DEFAULT_GRAPH, show_default=True,
              help="Folder written by `kg build` (or its graph.json).")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True)
def chain(name: str | None, all_chains: bool, graph_dir: Path, fmt: str) -> None:
    """Report one industry chain: segments, enterprises, leaders, research, districts, gaps.

    \b
    Examples:
      kg chain 新能源汽车
      kg chain 集成电路 --format markdown
      kg chain --all
    """
    if bool(name) == all_chains:
        raise InputError("give a chain NAME or --all (not both)")
    graph = load_graph(graph_dir)
    if all_chains:
        click.echo(format_table(analyse_all(graph), fmt), nl=False)
        return
    assert name is not None
    click.echo(format_report(analyse_chain(graph, find_chain(graph, name)), fmt), nl=False)


@click.command()
@click.option("--graph", "graph_dir", type=click.Path(path_type=Path), default=DEFAULT_GRAPH, show_default=True,
              help="Folder written by `kg build` (or its graph.json).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("out/viz"), show_default=True)
def viz(graph_dir: Path, out_dir: Path) -> None:
    """Write the explorer: index.html (overview network) and chain-<key>.html per chain.

    The pages are self-contained (no network access); open them in any browser.

    \b
    Example:
      kg viz --graph out/ --out out/viz/
    """
    from kg.viz import write_site

    written = write_site(load_graph(graph_dir), out_dir)
    click.echo(f"wrote {len(written)} pages to {out_dir} (open {out_dir / 'index.html'})")


COMMANDS: list[click.Command] = [chain, viz]
