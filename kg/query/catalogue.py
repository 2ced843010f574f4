"""The catalogue of competency questions in queries/: each NAME.rq and NAME.cypher pair.

Read by the agreement tests, the notebooks and benchmarks/queries.py; both twins of a
question return the same columns of plain values, so engines can be compared row by row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import InputError, QueryError
from kg.query.sparql import term_value

# kg/queries links to the top-level queries/ in a checkout and is that folder in a wheel.
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
    return first[len(marker) :].strip()


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
        ox.Variable(k): ox.Literal(v) for k, v in question.params.items()
    }
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
