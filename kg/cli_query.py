"""``kg serve`` (registered by kg/cli_commands.py) and the catalogue of competency questions in queries/."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
import pyoxigraph as ox

from kg.errors import InputError, QueryError
from kg.server import DEFAULT_HOST, DEFAULT_PORT, EndpointConfig
from kg.sparql import term_value


@click.command()
@click.option("--graph", "graph_dir", type=click.Path(path_type=Path), default=Path("out"),
              show_default=True, help="Folder written by `kg build` (reads kg.nq).")
@click.option("--host", default=DEFAULT_HOST, show_default=True,
              help="Address to bind; anything but 127.0.0.1 exposes the graph to the network.")
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True)
@click.option("--timeout", "timeout_s", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
              help="Seconds a query may run before the endpoint answers 503.")
@click.option("--max-rows", type=click.IntRange(min=1), default=10_000, show_default=True,
              help="Rows answered at most; more are cut and X-Result-Truncated: true is set.")
def serve(graph_dir: Path, host: str, port: int, timeout_s: float, max_rows: int) -> None:
    """Serve the built graph as a read-only SPARQL 1.1 endpoint (JSON, XML, CSV, TSV).

    \b
    Example:
      kg serve --graph out/ &
      curl -H 'Accept: text/csv' 'http://127.0.0.1:7878/sparql' \\
           --data-urlencode 'query=SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    """
    from kg.server import make_server
    from kg.sparql import open_store

    server = make_server(open_store(graph_dir), host, port, EndpointConfig(timeout_s=timeout_s, max_rows=max_rows))
    bound_host, bound_port = str(server.server_address[0]), server.server_address[1]
    click.echo(f"SPARQL endpoint on http://{bound_host}:{bound_port}/sparql (read-only); Ctrl-C stops it", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


COMMANDS: list[click.Command] = [serve]


# ---------------------------------------------------------------- the competency-question catalogue
# (queries/NAME.rq + queries/NAME.cypher; read by the tests, notebooks and benchmarks/queries.py)

QUERIES_DIR = Path(__file__).resolve().parents[1] / "queries"
_PARAM_LINE = re.compile(r"^\s*(?:#|//)\s*param:\s*(\w+)\s*=\s*(.+?)\s*$")


@dataclass(frozen=True, slots=True)
class Competency:
    """One competency question written twice: SPARQL for RDF, Cypher for property graphs."""

    name: str
    description: str
    sparql: str
    cypher: str
    params: dict[str, str] = field(default_factory=dict)  # example values for $name / ?name


def _description(path: Path, text: str, marker: str) -> str:
    first = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    if not first.startswith(marker):
        raise InputError(f"{path}: the first line must be a `{marker} description` comment")
    return first[len(marker):].strip()


def _params(text: str) -> dict[str, str]:
    return {m.group(1): m.group(2) for line in text.splitlines() if (m := _PARAM_LINE.match(line))}


def read_competency(rq_path: Path) -> Competency:
    cypher_path = rq_path.with_suffix(".cypher")
    if not cypher_path.exists():
        raise InputError(f"{rq_path}: no Cypher twin {cypher_path.name}")
    try:
        sparql, cypher = rq_path.read_text(encoding="utf-8"), cypher_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{rq_path}: unreadable ({exc})") from exc
    described = _description(rq_path, sparql, "#")
    _description(cypher_path, cypher, "//")
    params = _params(sparql)
    if params != _params(cypher):
        raise InputError(f"{rq_path}: its parameters differ from {cypher_path.name}'s")
    return Competency(rq_path.stem, described, sparql, cypher, params)


def load_catalogue(folder: Path = QUERIES_DIR) -> list[Competency]:
    """Every pair in ``folder``, sorted by name (a lone .cypher file is an error too)."""
    if not folder.is_dir():
        raise InputError(f"{folder}: no queries folder")
    lone = sorted(p.name for p in folder.glob("*.cypher") if not p.with_suffix(".rq").exists())
    if lone:
        raise InputError(f"{folder}: Cypher queries without a SPARQL twin: {', '.join(lone)}")
    return [read_competency(p) for p in sorted(folder.glob("*.rq"))]


Row = tuple[Any, ...]


def sparql_rows(store: ox.Store, question: Competency) -> tuple[list[str], list[Row]]:
    """Columns and rows of the SPARQL twin on pyoxigraph; parameters bind ?name as plain strings."""
    substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
        ox.Variable(k): ox.Literal(v) for k, v in question.params.items()}
    try:
        answer = store.query(question.sparql, use_default_graph_as_union=True, substitutions=substitutions)
    except SyntaxError as exc:
        raise QueryError(f"{question.name}.rq: {exc}") from exc
    if not isinstance(answer, ox.QuerySolutions):
        raise QueryError(f"{question.name}.rq: a competency question must be a SELECT query")
    columns = [v.value for v in answer.variables]
    return columns, [tuple(term_value(s[c]) for c in columns) for s in answer]


def cypher_rows(records: list[dict[str, Any]], columns: list[str]) -> list[Row]:
    """Rows of Cypher records in the column order given (the SPARQL twin's)."""
    return [tuple(record[c] for c in columns) for record in records]
