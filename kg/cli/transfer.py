"""`kg export` (the whole graph for Gephi, Bloom, Excel) and `kg import enterprises` (a
planner's or a registry's enterprise list, combined with the documents in chain views)."""

from __future__ import annotations

from pathlib import Path

import click

from kg.chains.imports import imports_path, read_enterprise_csv, save_imports
from kg.chains.report import find_chain, row_segment
from kg.cli.options import graph_option, path_option
from kg.errors import InputError
from kg.graph.exports import EXPORT_FORMATS, export_graph
from kg.store import load_graph


@click.command(name="export")
@graph_option("Folder written by `kg build` (or its graph.json).")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="gexf", show_default=True)
@path_option("--out", "out_dir", Path("out/export"))
def export(graph_dir: Path, fmt: str, out_dir: Path) -> None:
    """Export every entity and relation: graph.gexf (Gephi), graph.graphml, or nodes.csv +
    edges.csv (Gephi's spreadsheet import, Neo4j Bloom / LOAD CSV, Excel).

    \b
    Examples:
      kg export --format gexf --out out/export
      kg export --format csv --out out/export
    """
    written = export_graph(load_graph(graph_dir), fmt, out_dir)
    click.echo("wrote " + ", ".join(str(p) for p in written))


@click.group(name="import")
def import_group() -> None:
    """Import reference lists that chain reports and pages combine with the documents."""


@import_group.command(name="enterprises")
@click.argument("csv_file", type=click.Path(path_type=Path))
@graph_option("Folder written by `kg build`; the list is stored there as imports.json.")
@click.option(
    "--replace",
    is_flag=True,
    help="Forget every list imported before (default: replace only a list of the same file name).",
)
def import_enterprises(csv_file: Path, graph_dir: Path, replace: bool) -> None:
    """Import an enterprise list: CSV columns name, district, chain, segment, source
    (optional status = 缺口/gap for a segment the list says is missing, and note).

    Imported enterprises appear in `kg chain` and `kg viz` marked 导入 imported, with the
    list's source; a segment listed as 缺口 becomes a gap with the row as its evidence.

    \b
    Example:
      kg import enterprises my_list.csv --graph out/
    """
    graph = load_graph(graph_dir)
    rows = read_enterprise_csv(csv_file)
    for row in rows:
        try:
            concept = find_chain(graph, row.chain)
        except InputError as exc:
            raise InputError(f"{csv_file}:{row.line}: {exc}") from exc
        if row.segment and row_segment(concept, row.segment) is None:
            known = "、".join(s.label_zh for s in concept.segments) or "none (chain without segments)"
            raise InputError(
                f"{csv_file}:{row.line}: {concept.label_zh} has no segment {row.segment!r}; segments: {known}"
            )
    stored = save_imports(graph_dir, rows, replace)
    gaps = sum(1 for r in rows if r.is_gap)
    click.echo(
        f"imported {len(rows) - gaps} enterprises and {gaps} gap rows from {csv_file.name}; "
        f"{len(stored)} rows in {imports_path(graph_dir)}"
    )


COMMANDS: list[click.Command] = [export, import_group]
