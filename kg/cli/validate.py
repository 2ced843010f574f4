"""`kg validate`: check a built graph against ontology/shapes.ttl again, with either SHACL
engine or both (to cross-check the SPARQL translation against pySHACL)."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import graph_option
from kg.errors import ValidationFailure


def result_keys(result: object) -> set[tuple[str, str | None, str]]:
    """What two engines must agree on: the (focus, path, component) of every result."""
    return {(v.focus, v.path, v.component) for v in result.results}  # type: ignore[attr-defined]


@click.command(name="validate")
@graph_option("Folder written by `kg build` (or its graph.json).")
@click.option(
    "--engine",
    type=click.Choice(["sparql", "pyshacl", "both"]),
    default="sparql",
    show_default=True,
    help="sparql: the shapes as SPARQL over pyoxigraph (what kg build runs); pyshacl: the reference "
    "implementation; both: run the two and fail if they disagree.",
)
def validate(graph_dir: Path, engine: str) -> None:
    """Validate a built graph against the SHACL shapes (exit code 5 when it does not conform).

    \b
    Examples:
      kg validate --graph out
      kg validate --graph out --engine both
    """
    from kg.rdf import dataset as rdf
    from kg.rdf import shacl
    from kg.store import load_graph

    quads = rdf.to_quads(load_graph(graph_dir))
    engines = ["sparql", "pyshacl"] if engine == "both" else [engine]
    results = {name: shacl.validate(quads, name) for name in engines}  # type: ignore[arg-type]
    for name, result in results.items():
        verdict = "conforms" if result.conforms else f"{result.violations} violations"
        click.echo(f"{name}: {verdict}")
    if len(results) == 2:
        ours, reference = (result_keys(r) for r in results.values())
        if ours != reference:
            lines = [f"  only sparql: {k}" for k in sorted(ours - reference, key=str)[:10]]
            lines += [f"  only pyshacl: {k}" for k in sorted(reference - ours, key=str)[:10]]
            raise ValidationFailure("the SPARQL and pySHACL engines disagree:\n" + "\n".join(lines))
        click.echo("the two engines agree")
    first = next(iter(results.values()))
    if not first.conforms:
        raise ValidationFailure(f"graph does not conform to the SHACL shapes:\n{first.summary()}")


COMMANDS = [validate]
