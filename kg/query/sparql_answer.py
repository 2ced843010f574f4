"""Evaluating one endpoint request: guard, run on pyoxigraph, serialise as negotiated.

Runs inside the query worker processes (kg.query.sparql_worker); nothing here knows about HTTP
connections, only the status a refusal should get.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

import pyoxigraph as ox

from kg.errors import InnoKGError, QueryError
from kg.query.sparql import PREFIXES
from kg.query.sparql_guard import QueryRefused, check_query

RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
}
# media types a client may ask for -> our short format names
MEDIA_TYPES: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "text/turtle": "ttl",
    "application/n-triples": "nt",
}
FORMAT_ALIASES = {"turtle": "ttl", "ntriples": "nt", "n-triples": "nt"}


@dataclass(frozen=True, slots=True)
class Answer:
    """A serialised query result, ready to send."""

    body: bytes
    media_type: str
    truncated: bool = False


class Refusal(InnoKGError):
    """A request the endpoint will not run, with the HTTP status to answer."""

    exit_code = 2

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


# ---------------------------------------------------------------- content negotiation


def _accepted(accept: str) -> list[str]:
    """Media types of an Accept header, best first (q-values honoured, q=0 dropped)."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        quality = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranked.append((-quality, position, media.lower()))
    return [media for _, _, media in sorted(ranked)]


def choose_format(format_param: str | None, accept: str, graph_result: bool) -> str:
    """A short format name (json, xml, csv, tsv, ttl, nt) for the answer."""
    allowed = GRAPH_FORMATS if graph_result else RESULT_FORMATS
    default = "ttl" if graph_result else "json"
    if format_param:
        name = FORMAT_ALIASES.get(format_param.lower(), format_param.lower())
        name = MEDIA_TYPES.get(name, name)
        if name not in allowed:
            raise Refusal(HTTPStatus.NOT_ACCEPTABLE, f"format={format_param!r}: choose one of {', '.join(allowed)}")
        return name
    media_types = _accepted(accept) if accept.strip() else ["*/*"]
    for media in media_types:
        if media in ("*/*", "application/*", "text/*"):
            return default
        negotiated = MEDIA_TYPES.get(media)
        if negotiated is not None and negotiated in allowed:
            return negotiated
    raise Refusal(HTTPStatus.NOT_ACCEPTABLE, f"cannot answer in any of: {accept}")


# ---------------------------------------------------------------- evaluating and serialising


def _term_json(term: Any) -> dict[str, Any]:
    """One term in the SPARQL 1.1 JSON results format."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        cell: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            cell["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            cell["datatype"] = term.datatype.value
        return cell
    if isinstance(term, ox.Triple):
        return {
            "type": "triple",
            "value": {
                "subject": _term_json(term.subject),
                "predicate": _term_json(term.predicate),
                "object": _term_json(term.object),
            },
        }
    raise TypeError(f"unexpected RDF term {term!r}")


def _capped(items: Iterator[Any], limit: int) -> tuple[list[Any], bool]:
    kept: list[Any] = []
    for item in items:
        if len(kept) == limit:
            return kept, True
        kept.append(item)
    return kept, False


def _bindings(rows: list[Any], variables: list[str]) -> list[dict[str, Any]]:
    """JSON bindings of the rows; a term met again reuses its cell (halves the time on big answers)."""
    cells: dict[Any, dict[str, Any]] = {}
    bindings = []
    for row in rows:
        binding = {}
        for name, term in zip(variables, row, strict=True):  # a solution yields terms in variable order
            if term is not None:
                cell = cells.get(term)
                if cell is None:
                    cell = cells[term] = _term_json(term)
                binding[name] = cell
        bindings.append(binding)
    return bindings


def _solutions_answer(solutions: ox.QuerySolutions, fmt: str, max_rows: int) -> Answer:
    # Rows are read up to the cap, written as SPARQL JSON, and re-read by pyoxigraph, whose
    # own serialisers then write the format asked for (escaping done by the engine).
    variables = [v.value for v in solutions.variables]
    rows, truncated = _capped(iter(solutions), max_rows)
    bindings = _bindings(rows, variables)
    document = json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}, ensure_ascii=False)
    if fmt == "json":
        body = document.encode("utf-8")
    else:
        reparsed = ox.parse_query_results(document.encode("utf-8"), format=ox.QueryResultsFormat.JSON)
        body = reparsed.serialize(format=RESULT_FORMATS[fmt]) or b""
    return Answer(body, RESULT_FORMATS[fmt].media_type, truncated)


def _triples_answer(triples: ox.QueryTriples, fmt: str, max_rows: int) -> Answer:
    kept, truncated = _capped(iter(triples), max_rows)
    body = ox.serialize(kept, format=GRAPH_FORMATS[fmt], prefixes=PREFIXES if fmt == "ttl" else None)
    media = GRAPH_FORMATS[fmt].media_type
    return Answer(body or b"", media if "charset" in media else f"{media}; charset=utf-8", truncated)


def _guard(query: str) -> None:
    """The parsed-form guard (kg.query.sparql_guard), its verdicts as HTTP statuses."""
    try:
        check_query(query)
    except QueryRefused as exc:
        raise Refusal(HTTPStatus.FORBIDDEN, str(exc)) from None
    except QueryError as exc:
        raise Refusal(HTTPStatus.BAD_REQUEST, str(exc)) from None


_BINDING_SUBJECT = "<urn:kg:binding> <urn:kg:value> "


def parse_binding(name: str, text: str) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """One ``$name`` value, written as an N-Triples term (``"合肥市"``, ``"3"^^<…#integer>``, ``<iri>``).

    The value is parsed as data by the N-Triples parser, never pasted into the query, and
    must be exactly one IRI or literal: nothing in it can change the query's text.
    """
    if "\n" in text or "\r" in text:
        raise Refusal(HTTPStatus.BAD_REQUEST, f"${name}: a binding is one N-Triples term on one line")
    try:
        quads = list(
            ox.parse(input=(_BINDING_SUBJECT + text.strip() + " .\n").encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
        )
    except SyntaxError as exc:
        raise Refusal(
            HTTPStatus.BAD_REQUEST, f'${name}: not an N-Triples term such as "合肥市" or <iri> ({exc})'
        ) from None
    if len(quads) != 1 or isinstance(quads[0].object, ox.Triple | ox.BlankNode):
        raise Refusal(HTTPStatus.BAD_REQUEST, f"${name}: give exactly one IRI or literal")
    term: ox.NamedNode | ox.BlankNode | ox.Literal = quads[0].object
    return term


def _substitutions(bindings: dict[str, str] | None) -> dict[ox.Variable, Any]:
    return {ox.Variable(name): parse_binding(name, text) for name, text in (bindings or {}).items()}


def evaluate(
    store: ox.Store,
    query: str,
    format_param: str | None,
    accept: str,
    max_rows: int,
    bindings: dict[str, str] | None = None,
) -> Answer:
    """Check, run and serialise a read-only query (raises Refusal for the client's faults).

    ``bindings`` maps variable names to N-Triples terms (the ``$name`` request fields, as in
    RDF4J's protocol); they are bound before evaluation with pyoxigraph's substitutions.
    """
    _guard(query)
    substitutions = _substitutions(bindings)
    try:
        result = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True, substitutions=substitutions)
        if isinstance(result, ox.QueryTriples):
            return _triples_answer(result, choose_format(format_param, accept, graph_result=True), max_rows)
        fmt = choose_format(format_param, accept, graph_result=False)
        if isinstance(result, ox.QueryBoolean):
            return Answer(result.serialize(format=RESULT_FORMATS[fmt]) or b"", RESULT_FORMATS[fmt].media_type)
        return _solutions_answer(result, fmt, max_rows)
    except SyntaxError as exc:
        raise Refusal(HTTPStatus.BAD_REQUEST, f"SPARQL syntax error: {exc}") from None
    except RuntimeError as exc:  # pyoxigraph: a bound variable the query does not project
        raise Refusal(HTTPStatus.BAD_REQUEST, f"cannot bind: {exc}") from None
    except (OSError, ValueError) as exc:
        raise Refusal(HTTPStatus.INTERNAL_SERVER_ERROR, f"SPARQL evaluation failed: {exc}") from None
