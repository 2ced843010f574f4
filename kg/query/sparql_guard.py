"""Check a SPARQL query on its parsed form before any engine runs it.

pyoxigraph's parser and evaluator recurse on the query's structure and die with a segfault
(not an exception) past a few thousand levels, and not only on parentheses: ``1+1+…+1``,
a run of ``{…} {…}`` groups or of OPTIONALs is nested by the engine one level per operand.
So a query is checked in two steps, neither of which recurses on the query:

1. a scan of its brackets (outside strings, IRIs and comments) refuses more than
   ``MAX_BRACKETS`` open ``(``, ``[`` or ``{`` at once, which keeps rdflib's recursive
   parser within a bounded recursion limit, and more than ``MAX_CHAIN_OPERATORS`` operators
   and groups in all, which keeps its time bounded;
2. rdflib's SPARQL 1.1 parser builds the parse tree, and an explicit-stack walk over it
   refuses SERVICE, refuses updates (an update is what parses with the update grammar) and
   measures the depth the engine will build: each operand of a chain (``a + b + c``,
   ``UNION``, a path sequence, the patterns of a group) counts as one more level.

``MAX_DEPTH`` is far above any query in queries/ (deepest: see tests/test_security.py) and
far below where pyoxigraph crashes (about 1,000 chained groups or 5,000 parentheses).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from kg.errors import QueryError

MAX_BRACKETS = 64
MAX_DEPTH = 256
# A chain cannot be deeper than its operators; twice MAX_DEPTH leaves room for operators
# that do not chain (a FILTER's comparison, a path's "/"), and rdflib never sees the rest.
MAX_CHAIN_OPERATORS = 2 * MAX_DEPTH
_CHAIN_OPERATOR_CHARS = frozenset("+-*/|&")
# Python frames rdflib's parser needs for MAX_BRACKETS levels, with room to spare.
_PARSER_RECURSION_LIMIT = 20_000

# Keys of the parse tree whose list holds operands the engine nests one inside the next.
_CHAINED_KEYS = frozenset({"other", "part", "graph", "triples"})
# Expression wrappers rdflib makes for every precedence level: they add no nesting.
_PASS_THROUGH_SUFFIX = "Expression"


class QueryRefused(QueryError):
    """A well-formed query this toolkit will not run (an update, or SERVICE)."""


UPDATE_REFUSED = "SPARQL Update is not accepted: this endpoint is read-only"
SERVICE_REFUSED = "SERVICE is not accepted: queries never leave this machine"


# ---------------------------------------------------------------- step 1: brackets


def bracket_depth(query: str) -> int:
    """Deepest run of open brackets, ignoring strings, IRIs and comments (no recursion)."""
    return _scan(query)[0]


def chain_operators(query: str) -> int:
    """Operators and group openings that chain operands (``+ - * / | & {``), outside
    strings, IRIs and comments: more of them than ``MAX_CHAIN_OPERATORS`` is a chain too long
    to hand to the parser at all (its cost grows with the chain; the tree walk would refuse
    it anyway, seconds later)."""
    return _scan(query)[1]


@lru_cache(maxsize=512)
def _scan(query: str) -> tuple[int, int]:
    depth = deepest = operators = 0
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch in "([{":
            depth += 1
            deepest = max(deepest, depth)
            operators += ch == "{"
        elif ch in ")]}":
            depth = max(depth - 1, 0)
        elif ch in _CHAIN_OPERATOR_CHARS:
            operators += 1
        elif ch == "#":
            i = _skip_to(query, i, "\n")
        elif ch == "<" and _iri_starts(query, i):
            i = _skip_to(query, i + 1, ">")
        elif ch in "\"'":
            i = _skip_string(query, i)
        i += 1
    return deepest, operators


def _skip_to(text: str, start: int, stop: str) -> int:
    end = text.find(stop, start)
    return len(text) if end < 0 else end


def _iri_starts(text: str, i: int) -> bool:
    # "<" is also less-than: an IRI reference has no spaces before its ">".
    end = text.find(">", i + 1)
    return end > 0 and not any(c in ' \t\r\n<"{}|^`' for c in text[i + 1 : end])


def _skip_string(text: str, i: int) -> int:
    quote = text[i] * 3 if text.startswith(text[i] * 3, i) else text[i]
    j = i + len(quote)
    while j < len(text):
        if text[j] == "\\":
            j += 2
            continue
        if text.startswith(quote, j):
            return j + len(quote) - 1
        j += 1
    return len(text)


# ---------------------------------------------------------------- step 2: the parse tree


@contextmanager
def _recursion_limit(limit: int) -> Iterator[None]:
    previous = sys.getrecursionlimit()
    sys.setrecursionlimit(max(previous, limit))
    try:
        yield
    finally:
        sys.setrecursionlimit(previous)


def _position(exc: Exception) -> str:
    line, column = getattr(exc, "lineno", None), getattr(exc, "col", None)
    return f" at {line}:{column}" if line is not None else ""


def parse_tree(query: str) -> Any:
    """rdflib's parse tree of a query; QueryRefused for an update, QueryError if malformed."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    with _recursion_limit(_PARSER_RECURSION_LIMIT):
        try:
            return parseQuery(query)
        except RecursionError:
            raise QueryError(_too_deep(f"more than {MAX_BRACKETS} levels")) from None
        except ParseBaseException as exc:
            if _is_update(parseUpdate, query):
                raise QueryRefused(UPDATE_REFUSED) from None
            message = str(getattr(exc, "msg", exc))
            raise QueryError(f"SPARQL syntax error{_position(exc)}: {message}") from None


def _is_update(parse_update: Any, query: str) -> bool:
    from pyparsing import ParseBaseException

    try:
        parse_update(query)
    except (ParseBaseException, RecursionError):
        return False
    return True


def _children(node: Any) -> Iterator[tuple[Any, int]]:
    """(child, extra depth) pairs; chained operands add their count to the depth."""
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        for key, value in dict.items(node):
            extra = len(value) if key in _CHAINED_KEYS and isinstance(value, list) else 0
            if isinstance(value, list):
                yield from ((item, extra) for item in value)
            else:
                yield value, 0
    elif isinstance(node, list | tuple) or type(node).__name__ == "ParseResults":
        yield from ((item, 0) for item in node)


def _adds_a_level(node: Any) -> bool:
    from rdflib.plugins.sparql.parserutils import CompValue

    if not isinstance(node, CompValue):
        return False
    return not (node.name.endswith(_PASS_THROUGH_SUFFIX) and set(dict.keys(node)) <= {"expr"})


def tree_depth_and_service(tree: Any) -> tuple[int, bool]:
    """Nesting depth as the engine builds it, and whether SERVICE occurs (explicit stack)."""
    from rdflib.plugins.sparql.parserutils import CompValue

    deepest, service = 0, False
    stack: list[tuple[Any, int]] = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, CompValue) and node.name == "ServiceGraphPattern":
            service = True
        depth += 1 if _adds_a_level(node) else 0
        deepest = max(deepest, depth)
        stack.extend((child, depth + extra) for child, extra in _children(node))
    return deepest, service


def _too_deep(found: str) -> str:
    return (
        f"query nested too deeply ({found}; the limit is {MAX_BRACKETS} open brackets and "
        f"{MAX_DEPTH} levels, counting each operand of a chain as a level)"
    )


@lru_cache(maxsize=512)
def check_query(query: str) -> None:
    """Refuse what must not run: malformed or too deep (QueryError), update or SERVICE (QueryRefused)."""
    brackets = bracket_depth(query)
    if brackets > MAX_BRACKETS:
        raise QueryError(_too_deep(f"{brackets} open brackets"))
    operators = chain_operators(query)
    if operators > MAX_CHAIN_OPERATORS:
        raise QueryError(_too_deep(f"{operators} chaining operators and groups"))
    depth, service = tree_depth_and_service(parse_tree(query))
    if service:
        raise QueryRefused(SERVICE_REFUSED)
    if depth > MAX_DEPTH:
        raise QueryError(_too_deep(f"{depth} levels"))


def check_read_only(query: str) -> None:
    """The endpoint's guard, kept under its old name: same as check_query."""
    check_query(query)
