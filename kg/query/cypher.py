"""Run one Cypher query: on Neo4j when a server is configured, else on the embedded engine.

On Neo4j the query runs in a read transaction (access mode READ) unless writes are asked
for. User values only ever reach the engine as parameters (``--param k=v``).
Without a server the query runs on the embedded engine (kglite, ``kg.query.cypher_embedded``)
over the graph that ``kg build`` wrote.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import InputError, QueryError
from kg.neo4j.config import Neo4jSettings, connect, connection_errors
from kg.query.cypher_guard import explain_text, plan_operators, refuse_load_csv
from kg.query.result import QueryResult

if TYPE_CHECKING:
    from neo4j import ManagedTransaction, Session

QUERY_FILE_SUFFIXES = (".cypher", ".cql")
_INTEGER = re.compile(r"^[+-]?\d+$")
_FLOAT = re.compile(r"^[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?$")
INT64 = range(-(2**63), 2**63)  # Neo4j integers are 64-bit
# Neo4j runs CALL {…} IN TRANSACTIONS only outside an explicit transaction.
_NEEDS_IMPLICIT = "implicit transaction"


# ------------------------------------------------------------------ inputs


def read_query(query_or_file: str) -> str:
    """The query text: the file's content when given a file (.cypher / .cql), else the text."""
    from kg.query.sparql import existing_file

    path = Path(query_or_file)
    looks_like_file = query_or_file.endswith(QUERY_FILE_SUFFIXES) and "\n" not in query_or_file
    if looks_like_file or existing_file(query_or_file) is not None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: cannot read the Cypher file ({exc})") from None
    else:
        text = query_or_file
    if not text.strip():
        raise InputError(f"{query_or_file!r}: empty Cypher query")
    return text


def parse_param_value(text: str) -> Any:
    """int, float, true/false, then JSON (lists, maps, null, quoted strings), else the string."""
    if _INTEGER.fullmatch(text):
        value = int(text)
        if value not in INT64:
            raise InputError(f"{text}: out of range for a 64-bit integer (Neo4j's); quote it to pass a string")
        return value
    if _FLOAT.fullmatch(text):
        return float(text)
    if text in ("true", "false"):
        return text == "true"
    try:
        return json.loads(text)
    except ValueError:
        return text


def parse_params(pairs: Iterable[str]) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InputError(f"--param {pair!r}: expected NAME=VALUE")
        params[key.strip()] = parse_param_value(value)
    return params


# ------------------------------------------------------------------ values


def plain(value: Any) -> Any:
    """Driver values as JSON-able data: nodes and relationships become property maps."""
    # Plain values first: the embedded engine returns nothing else, and importing the Neo4j
    # driver's types (over a second of a `kg cypher` call without a server) is then avoided.
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return [plain(part) for part in value]
    if hasattr(value, "iso_format"):  # neo4j.time Date, DateTime, Duration...
        return value.iso_format()
    return str(value)


# ------------------------------------------------------------------ engines


def _read_records(tx: ManagedTransaction, query: str, params: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    result = tx.run(query, params)
    columns = list(result.keys())
    rows = [{key: plain(record[key]) for key in columns} for record in result]
    return columns, rows


def _refuse_load_csv_on_neo4j(session: Session, query: str, params: dict[str, Any]) -> None:
    """Neo4j's own plan of the query, checked for LoadCSV before anything runs."""
    explain = explain_text(query)
    operators: list[str] = []
    if explain is not None:
        operators = list(plan_operators(session.run(explain, params).consume().plan))
    refuse_load_csv(query, operators)


def _auto_commit(session: Session, query: str, params: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    result = session.run(query, params)
    columns = list(result.keys())
    return columns, [{key: plain(record[key]) for key in columns} for record in result]


def _run_in_session(
    session: Session, query: str, params: dict[str, Any], write: bool, allow_load_csv: bool
) -> tuple[list[str], list[dict[str, Any]]]:
    from neo4j.exceptions import DatabaseError

    if not write and not allow_load_csv:
        _refuse_load_csv_on_neo4j(session, query, params)
    run = session.execute_write if write else session.execute_read
    try:
        return run(_read_records, query, params)
    except DatabaseError as exc:
        if write and _NEEDS_IMPLICIT in (getattr(exc, "message", None) or str(exc)):
            return _auto_commit(session, query, params)  # it failed at the start: nothing ran yet
        raise


def run_on_neo4j(
    query: str,
    params: dict[str, Any],
    settings: Neo4jSettings,
    write: bool = False,
    allow_load_csv: bool = False,
) -> QueryResult:
    from neo4j.exceptions import DriverError, Neo4jError

    driver = connect(settings)
    try:
        with connection_errors(settings), driver.session(database=settings.database) as session:
            columns, rows = _run_in_session(session, query, params, write, allow_load_csv)
    except Neo4jError as exc:
        raise QueryError(settings.redact(_client_error_message(exc, write))) from None
    except DriverError as exc:
        raise QueryError(settings.redact(f"the Neo4j driver failed: {exc}")) from None
    except (OverflowError, ValueError, TypeError) as exc:  # a parameter the driver cannot send
        raise QueryError(f"a parameter cannot be sent to Neo4j: {exc}") from None
    finally:
        driver.close()
    return QueryResult.from_records(columns, rows, "neo4j")


def _client_error_message(exc: Any, write: bool) -> str:
    message = (getattr(exc, "message", None) or str(exc)).strip()
    code = getattr(exc, "code", None) or ""
    if not write and ("AccessMode" in code or "read access mode" in message.lower()):
        message += " (the query writes: pass --write to allow it)"
    return f"Neo4j rejected the query [{code}]: {message}" if code else message


def run_embedded_engine(
    query: str, params: dict[str, Any], graph_dir: Path, allow_load_csv: bool = False
) -> QueryResult:
    from kg.query.cypher_embedded import run_embedded_table  # kglite loads only when it is used

    returned, found = run_embedded_table(query, params, graph_dir, allow_load_csv=allow_load_csv)
    rows = [{k: plain(v) for k, v in row.items()} for row in found]
    columns = list(returned)  # the RETURN columns, known even when no row comes back
    for row in rows:
        columns.extend(key for key in row if key not in columns)
    return QueryResult.from_records(columns, rows, "embedded")


def run_cypher(
    query: str,
    params: dict[str, Any],
    settings: Neo4jSettings | None,
    write: bool = False,
    graph_dir: Path = Path("out"),
    allow_load_csv: bool = False,
) -> QueryResult:
    """Neo4j when settings are given, else the embedded engine over ``graph_dir``.

    ``LOAD CSV`` is refused unless ``allow_load_csv`` (or, on Neo4j, ``write``) is given.
    """
    if settings is not None:
        return run_on_neo4j(query, params, settings, write, allow_load_csv)
    return run_embedded_engine(query, params, graph_dir, allow_load_csv)
