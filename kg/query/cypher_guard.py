"""Refusing ``LOAD CSV`` in read-only mode, on Neo4j and on the embedded engine.

``LOAD CSV`` reads local files (``file:///etc/passwd`` on kglite, which has no import
folder) and fetches URLs (on Neo4j, even in a read transaction), so "read-only" would
otherwise still mean "reads anything the process can reach". Two checks, each covering the
other's blind spot:

* the engine's own plan (``EXPLAIN``): any operator named LoadCSV, in any branch;
* the query's tokens, with strings, backticked names and comments blanked out, for
  ``LOAD`` followed by ``CSV``: kglite's EXPLAIN omits the second branch of a UNION.

Both run on the parsed or tokenised form, so ``'LOAD CSV'`` in a string is no match and
``LOAD /* x */ CSV`` is one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from kg.errors import QueryError

LOAD_CSV_REFUSED = (
    "LOAD CSV is refused in read-only mode: it reads local files and fetches URLs; pass --allow-load-csv to allow it"
)
_LOAD_CSV = re.compile(r"\bLOAD\s+CSV\b", re.IGNORECASE)
_PLAN_PREFIX = re.compile(r"^\s*(EXPLAIN|PROFILE)\b", re.IGNORECASE)


class LoadCsvRefused(QueryError):
    """A read-only query that would read files or URLs."""


def cypher_skeleton(query: str) -> str:
    """The query with string literals, backticked names and comments replaced by spaces."""
    out: list[str] = []
    i, n = 0, len(query)
    while i < n:
        end = _token_end(query, i)
        if end == i:
            out.append(query[i])
            i += 1
        else:
            out.append(" ")
            i = end
    return "".join(out)


def _token_end(text: str, i: int) -> int:
    """End of the string, backticked name or comment starting at ``i``, or ``i`` if none does."""
    if text.startswith("//", i):
        end = text.find("\n", i)
        return len(text) if end < 0 else end
    if text.startswith("/*", i):
        end = text.find("*/", i + 2)
        return len(text) if end < 0 else end + 2
    quote = text[i]
    if quote not in "'\"`":
        return i
    j = i + 1
    while j < len(text):
        if text[j] == "\\" and quote != "`":
            j += 2
            continue
        if text[j] == quote:
            if quote == "`" and text.startswith("``", j):  # a doubled backtick is an escaped one
                j += 2
                continue
            return j + 1
        j += 1
    return len(text)


def mentions_load_csv(query: str) -> bool:
    return _LOAD_CSV.search(cypher_skeleton(query)) is not None


def plan_operators(plan: Any) -> Iterator[str]:
    """Operator names of a Neo4j plan (nested dicts with ``children``), without recursion."""
    stack = [plan] if plan else []
    while stack:
        node = stack.pop()
        operator = node.get("operatorType") or node.get("operator_type") or ""
        yield str(operator)
        stack.extend(node.get("children") or [])


def has_load_csv_operator(operators: Iterable[str]) -> bool:
    # Neo4j names it LoadCSV (sometimes with an @runtime suffix); kglite names it LoadCsv.
    return any(op.split("@")[0].lower() == "loadcsv" for op in operators)


def explain_text(query: str) -> str | None:
    """``EXPLAIN`` + query, or None when the query already starts with EXPLAIN or PROFILE."""
    if _PLAN_PREFIX.match(cypher_skeleton(query)):
        return None
    return "EXPLAIN " + query


def refuse_load_csv(query: str, operators: Iterable[str] = ()) -> None:
    if mentions_load_csv(query) or has_load_csv_operator(operators):
        raise LoadCsvRefused(LOAD_CSV_REFUSED)
