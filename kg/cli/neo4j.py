"""``kg load neo4j`` and ``kg cypher``: the Neo4j side of the researchers' query layer.

Connection options also come from NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and
NEO4J_DATABASE (``eval "$(scripts/neo4j-local env)"`` sets them). Errors are raised as
kg.errors exceptions; kg.cli.main.main turns them into one line on stderr and an exit code.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from kg.cli.options import graph_option, path_option

if TYPE_CHECKING:  # imported where they run: the driver and loader cost `kg --help` for nothing
    from neo4j import Driver

    from kg.neo4j.config import Neo4jSettings
    from kg.neo4j.load import WriteBatch

LOAD_GRAPH_HELP = "graph.json, or the folder written by `kg build`."


class _LoaderDefaultOption(click.Option):
    """An option whose default is the Neo4j loader's DEFAULT_BATCH_SIZE, read when it is needed:
    importing kg.neo4j.load (and rdflib's ontology with it) costs `kg cypher` 0.3-0.5 s for nothing."""

    def get_default(self, ctx: click.Context, call: bool = True) -> Any:
        from kg.neo4j.load import DEFAULT_BATCH_SIZE

        return DEFAULT_BATCH_SIZE


def connection_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """--uri/--user/--password/--database, each with its NEO4J_* environment variable."""
    options = [
        click.option("--uri", envvar="NEO4J_URI", help="Bolt URI, e.g. bolt://127.0.0.1:7687 [env NEO4J_URI]"),
        click.option("--user", envvar="NEO4J_USER", help="User name [env NEO4J_USER; default neo4j]"),
        # The password is never echoed: no default shown, no prompt echo, no envvar display.
        click.option("--password", envvar="NEO4J_PASSWORD", show_default=False, help="Password [env NEO4J_PASSWORD]"),
        click.option("--database", envvar="NEO4J_DATABASE", help="Database name [env NEO4J_DATABASE; default neo4j]"),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@click.group()
def load() -> None:
    """Load the built graph into a database."""


@load.command(name="neo4j")
@graph_option(LOAD_GRAPH_HELP, dest="graph_path")
@click.option(
    "--batch-size",
    cls=_LoaderDefaultOption,
    type=click.IntRange(min=1),
    show_default=True,
    help="Rows per UNWIND statement and transaction.",
)
@click.option(
    "--prune", is_flag=True, help="Delete nodes and relationships that earlier loads left and this build no longer has."
)
@connection_options
def load_neo4j(
    graph_path: Path,
    batch_size: int,
    prune: bool,
    uri: str | None,
    user: str | None,
    password: str | None,
    database: str | None,
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
    from kg.neo4j.config import redacted_errors, require_settings
    from kg.neo4j.load import plan_writes
    from kg.store import load_graph

    with redacted_errors(password, os.environ.get("NEO4J_PASSWORD")):
        plan = plan_writes(load_graph(graph_path), batch_size)
        settings = require_settings(uri, user, password, database)
        with _connected(settings) as driver:
            lines = _write_plan(driver, settings.database, plan, prune)
        click.echo(f"loaded {graph_path} into {settings.describe()}")
        for line in lines:
            click.echo(f"  {line}")


@contextmanager
def _connected(settings: Neo4jSettings) -> Iterator[Driver]:
    """A driver to the server, closed afterwards; what fails while it is used becomes a kg.errors exception."""
    from kg.neo4j.config import connect, connection_errors

    driver = connect(settings)
    try:
        with connection_errors(settings):
            yield driver
    finally:
        driver.close()


def _write_plan(driver: Driver, database: str, plan: list[WriteBatch], prune: bool) -> list[str]:
    """Constraints, then every batch under a progress bar, then the stale nodes found (or pruned): the summary lines."""
    from tqdm import tqdm

    from kg.neo4j.load import ensure_schema, planned_rows, run_plan
    from kg.neo4j.stale import find_stale, prune_stale

    ensure_schema(driver, database)
    with tqdm(total=planned_rows(plan), desc="loading", unit="row", file=sys.stderr, disable=None, leave=False) as bar:
        summary = run_plan(driver, database, plan, bar.update)
    stale = (prune_stale if prune else find_stale)(driver, database, plan)
    return [*summary.lines(), stale.line()]


@load.command(name="neo4j-import")
@graph_option(LOAD_GRAPH_HELP, dest="graph_path")
@click.option(
    "--neo4j-admin",
    "admin",
    envvar="NEO4J_ADMIN",
    default="neo4j-admin",
    show_default=True,
    help="Neo4j's admin tool, as words run without a shell, e.g. 'scripts/neo4j-local admin' "
    "or /opt/neo4j/bin/neo4j-admin [env NEO4J_ADMIN].",
)
@click.option(
    "--database",
    envvar="NEO4J_DATABASE",
    default="neo4j",
    show_default=True,
    help="Database to create [env NEO4J_DATABASE].",
)
@path_option(
    "--csv-dir", "csv_dir", None, "Where the CSV files go, kept afterwards [default: a temporary folder, deleted]."
)
@click.option("--overwrite", is_flag=True, help="Replace the database's store if it exists (everything in it is lost).")
@click.option(
    "--csv-only",
    is_flag=True,
    help="Write the CSV files and print the admin arguments; import nothing (needs --csv-dir).",
)
def load_neo4j_import(
    graph_path: Path, admin: str, database: str, csv_dir: Path | None, overwrite: bool, csv_only: bool
) -> None:
    """Bulk-load the built graph into a NEW Neo4j database with neo4j-admin (server stopped).

    Writes the batched loader's own rows as node and relationship CSV files and runs
    `neo4j-admin database import full`: far faster than `kg load neo4j` on a big graph, and the
    same nodes, relationships and properties. The server must be stopped (Community cannot
    stop one database alone); afterwards start it and run `kg load neo4j-finish` (constraints, indexes
    and the empty lists a CSV file cannot carry). Later `kg load neo4j` runs update the database in place.

    \b
    Example (the project's own server; its state folder is NEO4J_LOCAL_DIR or .neo4j/):
      scripts/neo4j-local stop
      kg load neo4j-import --graph out/ --neo4j-admin 'scripts/neo4j-local admin' --overwrite
      scripts/neo4j-local start && eval "$(scripts/neo4j-local env)"
      kg load neo4j-finish --graph out/
    """
    import tempfile

    from kg.errors import InputError

    if csv_only and csv_dir is None:
        raise InputError("--csv-only needs --csv-dir (where to leave the files)")
    if csv_dir is not None:
        _bulk(graph_path, csv_dir, admin, database, overwrite, csv_only)
        return
    with tempfile.TemporaryDirectory(prefix="kg-neo4j-import-") as tmp:
        _bulk(graph_path, Path(tmp), admin, database, overwrite, csv_only)


def _bulk(graph_path: Path, folder: Path, admin: str, database: str, overwrite: bool, csv_only: bool) -> None:
    from kg.neo4j.bulk import bulk_import
    from kg.store import load_graph

    graph = load_graph(graph_path)
    click.echo(f"writing CSV files into {folder}", err=True)
    result = bulk_import(
        graph, folder, admin, database, overwrite, on_line=lambda line: click.echo(line, err=True), run=not csv_only
    )
    if csv_only:
        click.echo(f"wrote {folder}; import with:  neo4j-admin {' '.join(result.arguments)}")
    else:
        click.echo(f"imported {graph_path} into database {database!r} with {admin}")
    for line in result.lines():
        click.echo(f"  {line}")


@load.command(name="neo4j-finish")
@graph_option("The same graph.json, or build folder, that was imported.", dest="graph_path")
@connection_options
def load_neo4j_finish(
    graph_path: Path, uri: str | None, user: str | None, password: str | None, database: str | None
) -> None:
    """Finish a `kg load neo4j-import` once the server runs again: constraints, indexes, empty lists.

    Creates the batched loader's constraints and indexes and waits until they are online, and
    sets the properties that are empty lists (an entity without aliases): neo4j-admin cannot
    import an empty list.

    \b
    Example:
      eval "$(scripts/neo4j-local env)" && kg load neo4j-finish --graph out/
    """
    from kg.neo4j.bulk import finish
    from kg.neo4j.config import redacted_errors, require_settings
    from kg.store import load_graph

    with redacted_errors(password, os.environ.get("NEO4J_PASSWORD")):
        graph = load_graph(graph_path)
        settings = require_settings(uri, user, password, database)
        with _connected(settings) as driver:
            fixed = finish(driver, settings.database, graph)
    click.echo(f"finished {settings.describe()}: constraints and indexes online, {fixed} nodes given their empty lists")


@click.command()
@click.argument("query_or_file")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A query parameter (repeatable); the value is read as int, float, "
    "true/false or JSON when it parses, else as a string.",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--write", is_flag=True, help="Allow the query to write (default: read-only).")
@click.option(
    "--allow-load-csv", is_flag=True, help="Allow LOAD CSV in read-only mode (it reads local files and fetches URLs)."
)
@graph_option("Folder written by `kg build`, used by the embedded engine when no server is set.", dest="graph")
@connection_options
def cypher(
    query_or_file: str,
    params: tuple[str, ...],
    fmt: str,
    write: bool,
    allow_load_csv: bool,
    graph: Path,
    uri: str | None,
    user: str | None,
    password: str | None,
    database: str | None,
) -> None:
    """Run a Cypher query (text, or a .cypher file) on Neo4j, else on the embedded engine.

    Values go in as parameters, never into the query text.

    \b
    Example:
      kg cypher 'MATCH (f:LargeScientificFacility)-[:LOCATED_IN]->(p:Place {name: $place})
                 RETURN f.name' --param place=合肥市
    """
    from kg.neo4j.config import redacted_errors, resolve_settings
    from kg.query.cypher import parse_params, read_query, run_cypher
    from kg.query.result import format_result

    with redacted_errors(password, os.environ.get("NEO4J_PASSWORD")):
        query = read_query(query_or_file)
        parameters = parse_params(params)
        settings = resolve_settings(uri, user, password, database)
        result = run_cypher(query, parameters, settings, write=write, graph_dir=graph, allow_load_csv=allow_load_csv)
    click.echo(format_result(result, fmt), nl=False)


COMMANDS: list[click.Command] = [load, cypher]
