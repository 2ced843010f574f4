"""Bulk path into a fresh Neo4j database: CSV files, then ``neo4j-admin database import full``.

The import tool writes the store files directly, without transactions, so it is much faster
than any Cypher load, but only into a database that is not running: stop the server (Neo4j
Community cannot stop one database alone), import, start it again, then finish over Bolt
(``kg load neo4j-finish``, :func:`finish`): the batched loader's constraints and indexes
(the tool's own ``--schema`` needs the Enterprise block format: "Record format batch import
does not support schema changes"), and the empty lists a CSV field cannot carry. The
database is then the one ``kg load neo4j`` would have made, and later ``kg load neo4j``
runs update it in place.

The admin tool is a command given as words (``neo4j-admin``, or ``scripts/neo4j-local
admin`` for the project's own server); it runs without a shell, and our paths and the
database name are separate arguments, never pasted into a command line.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import ConnectionFailure, InputError
from kg.model import KnowledgeGraph
from kg.neo4j import statements as q
from kg.neo4j.import_csv import ARRAY_DELIMITER_OPTION, Table, empty_list_rows, import_tables, write_tables
from kg.neo4j.load import DEFAULT_BATCH_SIZE, ensure_schema

if TYPE_CHECKING:
    from neo4j import Driver

# Neo4j's rule for database names (letters first; letters, digits, dots and dashes).
_DATABASE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9.-]{0,62}$")
# The tool reads each file argument as a regular expression and lists as comma-separated:
# a folder with other characters would name other files, or none.
_PLAIN_PATH = re.compile(r"^[A-Za-z0-9/._~-]+$")


@dataclass(slots=True)
class BulkResult:
    nodes: dict[str, int] = field(default_factory=dict)  # rows per file
    relationships: dict[str, int] = field(default_factory=dict)
    csv_seconds: float = 0.0
    import_seconds: float = 0.0
    arguments: list[str] = field(default_factory=list)  # what follows the admin command

    def lines(self) -> list[str]:
        return [
            "nodes: " + ", ".join(f"{n} {f}" for f, n in self.nodes.items()) + f" (total {sum(self.nodes.values())})",
            "relationships: "
            + ", ".join(f"{n} {f}" for f, n in self.relationships.items())
            + f" (total {sum(self.relationships.values())})",
            f"CSV written in {self.csv_seconds:.2f} s, imported in {self.import_seconds:.2f} s",
        ]


def checked_database(name: str) -> str:
    if not _DATABASE_NAME.fullmatch(name):
        raise InputError(f"{name!r} is not a Neo4j database name")
    return name


def checked_folder(folder: Path) -> Path:
    if not _PLAIN_PATH.fullmatch(str(folder)):
        raise InputError(
            f"{folder}: the CSV folder's path may hold only letters, digits and / . _ ~ - "
            "(neo4j-admin reads file names as regular expressions)"
        )
    return folder


def import_arguments(
    tables: list[Table],
    folder: Path,
    database: str,
    overwrite: bool,
    multiline: set[str] | frozenset[str] = frozenset(),
) -> list[str]:
    """The arguments after ``neo4j-admin``: one --nodes/--relationships per file;
    ``multiline`` names the files with values across lines (from write_tables)."""
    checked_folder(folder)
    # The database comes first: --nodes and --relationships take any number of files and
    # would swallow a name after them.
    args = [
        "database",
        "import",
        "full",
        checked_database(database),
        f"--array-delimiter={ARRAY_DELIMITER_OPTION}",
        f"--overwrite-destination={'true' if overwrite else 'false'}",
        f"--report-file={folder / 'import.report'}",
    ]
    spanning = [str(folder / t.file) for t in tables if t.file in multiline]
    if spanning:  # slower parsing, so only for the files that need it
        args += ["--multiline-fields-format=v2", f"--multiline-fields={','.join(spanning)}"]
    for table in tables:
        group = f"{table.group}=" if table.group else ""
        args.append(f"--{table.kind}={group}{folder / table.file}")
    return args


def admin_words(command: str) -> list[str]:
    try:
        words = shlex.split(command)
    except ValueError as exc:  # an unclosed quote
        raise InputError(f"the neo4j-admin command {command!r} cannot be split into words ({exc})") from None
    if not words:
        raise InputError("the neo4j-admin command is empty")
    return words


def run_admin(words: list[str], on_line: Callable[[str], None]) -> None:
    """Run the admin tool, passing each line of its output on; raise with its last lines."""
    tail: deque[str] = deque(maxlen=15)
    try:
        proc = subprocess.Popen(
            words,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
            errors="replace",
        )
    except OSError as exc:
        raise ConnectionFailure(
            f"cannot run {words[0]!r} ({exc.strerror}); give Neo4j's admin tool "
            "with --neo4j-admin (e.g. 'scripts/neo4j-local admin')"
        ) from exc
    assert proc.stdout is not None
    with proc:
        for line in proc.stdout:
            tail.append(line.rstrip("\n"))
            on_line(line.rstrip("\n"))
    if proc.returncode != 0:
        raise ConnectionFailure(
            f"neo4j-admin database import failed (exit {proc.returncode}); is the server stopped and "
            "the database new (or --overwrite given)? Its last lines:\n  " + "\n  ".join(tail)
        )


def bulk_import(
    graph: KnowledgeGraph,
    folder: Path,
    admin: str,
    database: str = "neo4j",
    overwrite: bool = False,
    on_line: Callable[[str], None] = print,
    run: bool = True,
) -> BulkResult:
    """Write the CSV files into ``folder``; then, when ``run``, import them with ``admin``."""
    folder = folder.absolute()  # the tool runs in its own working folder
    words = admin_words(admin) if run else []
    began = time.perf_counter()
    checked_database(database)
    checked_folder(folder)  # both before any file is written
    tables = import_tables(graph)
    arguments = import_arguments(tables, folder, database, overwrite, write_tables(tables, folder))
    result = BulkResult(
        nodes={t.file: len(t.rows) for t in tables if t.kind == "nodes"},
        relationships={t.file: len(t.rows) for t in tables if t.kind == "relationships"},
        csv_seconds=time.perf_counter() - began,
        arguments=arguments,
    )
    if run:
        began = time.perf_counter()
        run_admin([*words, *arguments], on_line)
        result.import_seconds = time.perf_counter() - began
    return result


# Indexes fill in the background after CREATE; a query right after should not race them.
AWAIT_INDEXES = "CALL db.awaitIndexes(600)"


def set_empty_lists(label: str) -> str:
    """``$rows``: ``[{id, props}]``; the label is one of three constants, checked anyway."""
    return f"UNWIND $rows AS row MATCH (n:{q.cypher_name(label)} {{id: row.id}}) SET n += row.props"


def finish(driver: Driver, database: str, graph: KnowledgeGraph) -> int:
    """After the import and a start: constraints, indexes, empty lists; returns nodes fixed."""
    ensure_schema(driver, database)
    fixed = 0
    for label, rows in empty_list_rows(graph).items():
        for begin in range(0, len(rows), DEFAULT_BATCH_SIZE):
            batch = rows[begin : begin + DEFAULT_BATCH_SIZE]
            driver.execute_query(set_empty_lists(label), {"rows": batch}, database_=database)
            fixed += len(batch)
    driver.execute_query(AWAIT_INDEXES, database_=database)
    return fixed
