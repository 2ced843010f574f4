"""One result type and one set of formatters for both query languages.

``kg sparql`` (pyoxigraph), ``kg cypher`` (Neo4j or the embedded engine) and the Python API
answer with a QueryResult, and the same rows print the same table, CSV and JSON whichever
language asked for them. A SPARQL cell that was an IRI is an ``IRI`` (a ``str``): tables
show it as a prefixed name, CSV and JSON in full.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kg.errors import InputError
from kg.query.text_table import text_table

PREFIXES = {
    "ikg": "https://w3id.org/innokg/ontology#",
    "ikgr": "https://w3id.org/innokg/id/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


@dataclass(frozen=True, slots=True)
class QueryResult:
    """A table of plain values (``rows`` in the order of ``columns``), or an ASK answer."""

    columns: list[str]
    rows: list[list[Any]]
    engine: str  # "pyoxigraph", "neo4j" or "embedded"
    boolean: bool | None = None  # the answer of an ASK query (its one row is [answer])

    @classmethod
    def from_records(cls, columns: list[str], records: Iterable[Mapping[str, Any]], engine: str) -> QueryResult:
        return cls(columns, [[record.get(c) for c in columns] for record in records], engine)

    def records(self) -> list[dict[str, Any]]:
        """One dict per row, column -> value (None where unbound)."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


class IRI(str):
    """A result cell that was an IRI (a plain ``str`` to everything else): tables show it prefixed."""

    __slots__ = ()


_LOCAL_NAME = re.compile(r"[\w\-]+(?:[\w\-.]*[\w\-])?")


def prefixed(iri: str) -> str:
    """``ikg:Enterprise`` for an IRI in one of PREFIXES' namespaces (the longest), else the IRI."""
    best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return iri
    local = iri[len(best) :]
    if local and not _LOCAL_NAME.fullmatch(local):
        return iri
    return f"{next(p for p, ns in PREFIXES.items() if ns == best)}:{local}"


def cell_text(value: Any, *, short_iris: bool = False) -> str:
    """A cell as text: empty for None, true/false, JSON for lists and maps, IRIs prefixed
    when ``short_iris`` (tables) and in full otherwise (CSV)."""
    if value is None:
        return ""
    if isinstance(value, IRI):
        return prefixed(value) if short_iris else str(value)
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def format_table(result: QueryResult) -> str:
    """Aligned by display width (kg.query.text_table); no rows keeps the header."""
    return text_table(result.columns, [[cell_text(v, short_iris=True) for v in row] for row in result.rows])


def format_csv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([cell_text(v) for v in row] for row in result.rows)
    return buffer.getvalue()


def format_json(result: QueryResult) -> str:
    return json.dumps(result.records(), ensure_ascii=False, indent=2, default=str) + "\n"


FORMATTERS: dict[str, Callable[[QueryResult], str]] = {
    "table": format_table,
    "csv": format_csv,
    "json": format_json,
}


def format_result(result: QueryResult, fmt: str) -> str:
    try:
        return FORMATTERS[fmt](result)
    except KeyError:
        raise InputError(f"unknown output format {fmt!r}; use one of {sorted(FORMATTERS)}") from None
