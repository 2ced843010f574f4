"""``kg load neo4j`` and ``kg cypher``: the Neo4j side of the researchers' query layer.

Connection options also come from NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and
NEO4J_DATABASE (``eval "$(scripts/neo4j-local env)"`` sets them). Errors are raised as
kg.errors exceptions; kg.cli.main turns them into one line on stderr and an exit code.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from kg.neo4j_load import DEFAULT_BATCH_SIZE

DEFAULT_GRAPH = Path("out")


def connection_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """--uri/--user/--password/--database, each with its NEO4J_* environment variable."""
    options = [
        click.option("--uri", envvar="NEO4J_URI", help="Bolt URI, e.g. bolt://127.0.0.1:7687 "
                     "[env NEO4J_URI]"),
        click.option("--user", envvar="NEO4J_USER", help="User name [env NEO4J_USER; default neo4j]"),
        # The password is never echoed: no default shown, no prompt echo, no envvar display.
        click.option("--password", envvar="NEO4J_PASSWORD", show_default=False,
                     help="Password [env NEO4J_PASSWORD]"),
        click.option("--database", envvar="NEO4J_DATABASE",
                     help="Database name [env NEO4J_DATABASE; default neo4j]"),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@click.group()
def load() -> None:
    """Load the built graph into a database."""


@load.command(name="neo4j")
@click.option("--graph", "graph_path", type=click.Path(path_type=Path), default=DEFAULT_GRAPH,
              show_default=True, help="graph.json, or the folder written by `kg build`.")
@click.option("--batch-size", type=click.IntRange(min=1), default=DEFAULT_BATCH_SIZE,
              show_default=True, help="Rows per UNWIND statement and transaction.")
@click.option("--prune", is_flag=True,
              help="Delete nodes and relationships that earlier loads left and this build no longer has.")
@connection_options
def load_neo4j(
    graph_path: Path, batch_size: int, prune: bool, uri: str | None, user: str | None,
    password: str | None, database: str | None,
) -> None:
    """Load the built graph into Neo4j (idempotent: reloading updates, never duplicates).

    Entities become (:__Entity__:Class:Subclass) nodes, relations keep their provenance
    (doc, sentence, evidence, rule, confidence), and every sentence becomes a (:Chunk) of
    its (:Document), the lexical graph of neo4j-graphrag.

    \b
    Example:
      scripts/neo4j-local start && eval "$(scripts/neo4j-local env)"
      kg load neo4j --graph out/
    """
    from kg.neo4j_config import redacted_errors

    with redacted_errors(password, os.environ.get("NEO4J_PASSWORD")):
        _load(graph_path, batch_size, prune, uri, user, password, database)


def _load(graph_path: Path, batch_size: int, prune: bool, uri: str | None, user: str | None,
          password: str | None, database: str | None) -> None:
    from tqdm import tqdm

    from kg.neo4j_config import connect, connection_errors, require_settings
    from kg.neo4j_load import ensure_schema, plan_writes, planned_rows, run_plan
    from kg.neo4j_stale import find_stale, prune_stale
    from kg.store import load_graph

    graph = load_graph(graph_path)
    plan = plan_writes(graph, batch_size)
    settings = require_settings(uri, user, password, database)
    driver = connect(settings)
    try:
        with connection_errors(settings):
            ensure_schema(driver, settings.database)
            with tqdm(total=planned_rows(plan), desc="loading", unit="row", file=sys.stderr,
                      disable=None, leave=False) as bar:
                summary = run_plan(driver, settings.database, plan, bar.update)
            stale = (prune_stale if prune else find_stale)(driver, settings.database, plan)
    finally:
        driver.close()
    click.echo(f"loaded {graph_path} into {settings.describe()}")
    for line in [*summary.lines(), stale.line()]:
        click.echo(f"  {line}")


@click.command()
@click.argument("query_or_file")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A query parameter (repeatable); the value is read as int, float, "
                   "true/false or JSON when it parses, else as a string.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
@click.option("--write", is_flag=True, help="Allow the query to write (default: read-only).")
@click.option("--allow-load-csv", is_flag=True,
              help="Allow LOAD CSV in read-only mode (it reads local files and fetches URLs).")
@click.option("--graph", type=click.Path(path_type=Path), default=Path("out"), show_default=True,
              help="Folder written by `kg build`, used by the embedded engine when no server is set.")
@connection_options
def cypher(
    query_or_file: str, params: tuple[str, ...], fmt: str, write: bool, allow_load_csv: bool, graph: Path,
    uri: str | None, user: str | None, password: str | None, database: str | None,
) -> None:
    """Run a Cypher query (text, or a .cypher file) on Neo4j, else on the embedded engine.

    Values go in as parameters, never into the query text.

    \b
    Example:
      kg cypher 'MATCH (f:LargeScientificFacility)-[:LOCATED_IN]->(p:Place {name: $place})
                 RETURN f.name' --param place=合肥市
    """
    from kg.cypher_run import format_result, parse_params, read_query, run_cypher
    from kg.neo4j_config import redacted_errors, resolve_settings

    with redacted_errors(password, os.environ.get("NEO4J_PASSWORD")):
        query = read_query(query_or_file)
        parameters = parse_params(params)
        settings = resolve_settings(uri, user, password, database)
        result = run_cypher(query, parameters, settings, write=write, graph_dir=graph,
                            allow_load_csv=allow_load_csv)
    click.echo(format_result(result, fmt), nl=False)


COMMANDS: list[click.Command] = [load, cypher]
