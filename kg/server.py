"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over the built graph.

Standard library only (http.server): a researcher's YASGUI, curl or SPARQLWrapper can
query the graph on 127.0.0.1 without installing a triple store. What it accepts:

* ``GET /sparql?query=...``, ``POST`` with ``application/sparql-query`` (the query is the
  body) or ``application/x-www-form-urlencoded`` (``query=...``);
* results as SPARQL JSON, XML, CSV or TSV (``Accept`` header, or ``format=json|xml|csv|tsv``);
  CONSTRUCT/DESCRIBE answer Turtle or N-Triples.

What it refuses: SPARQL Update (403, the endpoint is read-only), SERVICE (403: queries
never leave this machine), malformed queries (400 with the parser's message). Each query
runs in a worker thread with a deadline (503 when it expires) and answers at most
``max_rows`` rows (``X-Result-Truncated: true`` says when rows were cut).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg.sparql import PREFIXES, open_store

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
MAX_BODY_BYTES = 1_000_000
ENDPOINT_PATHS = ("/", "/sparql", "/query")

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
class EndpointConfig:
    timeout_s: float = 10.0
    max_rows: int = 10_000
    workers: int = 4


@dataclass(frozen=True, slots=True)
class Answer:
    """A serialised query result, ready to send."""

    body: bytes
    media_type: str
    truncated: bool = False


class Refusal(Exception):
    """A request the endpoint will not run, with the HTTP status to answer."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


# ---------------------------------------------------------------- read-only guard

# Strings, IRIs and comments are blanked before looking for keywords, so a literal
# "SERVICE" or an IRI ending in /delete cannot trigger (or hide from) the guard.
_LEXICAL = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
    r'|<[^<>"{}|^`\\\s]*>|#[^\n]*'
)
_PROLOGUE = r"(?:\s*(?:PREFIX\s+[^\s:]*:\s*<>|BASE\s*<>))*\s*"
_UPDATE = re.compile(_PROLOGUE + r"(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I)
_SERVICE = re.compile(r"\bSERVICE\b", re.I)


def _blank_lexical(query: str) -> str:
    def blank(match: re.Match[str]) -> str:
        token = match.group(0)
        if token.startswith("#"):
            return " "
        return "<>" if token.startswith("<") else '""'

    return _LEXICAL.sub(blank, query)


def check_read_only(query: str) -> None:
    """Refuse SPARQL Update and federated queries (SERVICE) before anything runs."""
    skeleton = _blank_lexical(query)
    if _UPDATE.match(skeleton):
        raise Refusal(HTTPStatus.FORBIDDEN, "SPARQL Update is not accepted: this endpoint is read-only")
    if _SERVICE.search(skeleton):
        raise Refusal(HTTPStatus.FORBIDDEN, "SERVICE is not accepted: queries never leave this machine")


# ---------------------------------------------------------------- reading the request


def _single(form: dict[str, list[str]], name: str) -> str | None:
    values = form.get(name, [])
    if len(values) > 1:
        raise Refusal(HTTPStatus.BAD_REQUEST, f"give the {name!r} parameter once")
    return values[0] if values else None


def _refuse_unsupported_fields(form: dict[str, list[str]]) -> None:
    if "update" in form:
        raise Refusal(HTTPStatus.FORBIDDEN, "SPARQL Update is not accepted: this endpoint is read-only")
    for field_name in ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri"):
        if field_name in form:
            raise Refusal(HTTPStatus.BAD_REQUEST, f"{field_name} is not supported: the default graph is the "
                                                  "union of every document's graph")


def query_from_form(form: dict[str, list[str]]) -> str:
    _refuse_unsupported_fields(form)
    query = _single(form, "query")
    if not query or not query.strip():
        raise Refusal(HTTPStatus.BAD_REQUEST, "missing 'query' parameter")
    return query


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Refusal(HTTPStatus.BAD_REQUEST, f"the request body is not UTF-8 ({exc})") from exc


def query_from_post(content_type: str, body: bytes, url_form: dict[str, list[str]]) -> str:
    media = content_type.split(";")[0].strip().lower()
    if media == "application/sparql-query":
        _refuse_unsupported_fields(url_form)
        query = _decode(body)
        if not query.strip():
            raise Refusal(HTTPStatus.BAD_REQUEST, "empty query")
        return query
    if media == "application/x-www-form-urlencoded":
        return query_from_form({**url_form, **parse_qs(_decode(body), keep_blank_values=True)})
    if media == "application/sparql-update":
        raise Refusal(HTTPStatus.FORBIDDEN, "SPARQL Update is not accepted: this endpoint is read-only")
    raise Refusal(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                  "POST a query as application/sparql-query or application/x-www-form-urlencoded")


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
        return {"type": "triple", "value": {"subject": _term_json(term.subject),
                                            "predicate": _term_json(term.predicate),
                                            "object": _term_json(term.object)}}
    raise TypeError(f"unexpected RDF term {term!r}")


def _capped(items: Iterator[Any], limit: int) -> tuple[list[Any], bool]:
    kept: list[Any] = []
    for item in items:
        if len(kept) == limit:
            return kept, True
        kept.append(item)
    return kept, False


def _solutions_answer(solutions: ox.QuerySolutions, fmt: str, max_rows: int) -> Answer:
    # Rows are read up to the cap, written as SPARQL JSON, and re-read by pyoxigraph, whose
    # own serialisers then write the format asked for (escaping done by the engine).
    variables = [v.value for v in solutions.variables]
    rows, truncated = _capped(iter(solutions), max_rows)
    bindings = [{name: _term_json(row[name]) for name in variables if row[name] is not None} for row in rows]
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


def evaluate(store: ox.Store, query: str, format_param: str | None, accept: str, max_rows: int) -> Answer:
    """Run a read-only query and serialise its answer (raises Refusal for the client's faults)."""
    check_read_only(query)
    try:
        result = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
        if isinstance(result, ox.QueryTriples):
            return _triples_answer(result, choose_format(format_param, accept, graph_result=True), max_rows)
        fmt = choose_format(format_param, accept, graph_result=False)
        if isinstance(result, ox.QueryBoolean):
            return Answer(result.serialize(format=RESULT_FORMATS[fmt]) or b"", RESULT_FORMATS[fmt].media_type)
        return _solutions_answer(result, fmt, max_rows)
    except SyntaxError as exc:
        raise Refusal(HTTPStatus.BAD_REQUEST, f"SPARQL syntax error: {exc}") from exc
    except (OSError, ValueError) as exc:
        raise Refusal(HTTPStatus.INTERNAL_SERVER_ERROR, f"SPARQL evaluation failed: {exc}") from exc


def _evaluate_in_worker(store: ox.Store, query: str, format_param: str | None, accept: str,
                       max_rows: int) -> Answer | Refusal:
    try:
        return evaluate(store, query, format_param, accept, max_rows)
    except Refusal as refusal:
        # A fresh exception without traceback: the worker's frames hold pyoxigraph result
        # iterators, which must be dropped on the thread that made them.
        return Refusal(refusal.status, refusal.message)


# ---------------------------------------------------------------- HTTP


USAGE = (
    "InnoKG SPARQL endpoint (read-only).\n"
    "GET /sparql?query=...  or POST application/sparql-query / application/x-www-form-urlencoded (query=...)\n"
    "Results: Accept: application/sparql-results+json | +xml | text/csv | text/tab-separated-values,\n"
    "or format=json|xml|csv|tsv (CONSTRUCT: text/turtle | application/n-triples).\n"
)


class SparqlEndpoint:
    """The shared state of one server: the store, its limits and the query workers."""

    def __init__(self, store: ox.Store, config: EndpointConfig) -> None:
        self.store = store
        self.config = config
        self.pool = ThreadPoolExecutor(max_workers=config.workers, thread_name_prefix="sparql")

    def answer(self, query: str, format_param: str | None, accept: str) -> Answer:
        future = self.pool.submit(_evaluate_in_worker, self.store, query, format_param, accept,
                                  self.config.max_rows)
        try:
            outcome = future.result(timeout=self.config.timeout_s)
        except FutureTimeout:
            # The worker cannot be interrupted; it finishes in the background and its
            # answer is dropped. The pool's size bounds how many such runaways coexist.
            future.cancel()
            raise Refusal(HTTPStatus.SERVICE_UNAVAILABLE,
                          f"query exceeded the time limit of {self.config.timeout_s:g} s") from None
        if isinstance(outcome, Refusal):
            raise outcome
        return outcome


class SparqlHandler(BaseHTTPRequestHandler):
    endpoint: SparqlEndpoint  # set on the subclass made by make_server
    server_version = "InnoKG-SPARQL/1"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - signature of the base class
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._handle(post=False)

    def do_POST(self) -> None:  # noqa: N802
        self._handle(post=True)

    def _url_form(self) -> tuple[str, dict[str, list[str]]]:
        parts = urlsplit(self.path)
        return parts.path, parse_qs(parts.query, keep_blank_values=True)

    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            raise Refusal(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY_BYTES} bytes")
        return self.rfile.read(length) if length > 0 else b""

    def _query(self, post: bool, form: dict[str, list[str]]) -> str:
        if post:
            return query_from_post(self.headers.get("Content-Type", ""), self._read_body(), form)
        return query_from_form(form)

    def _handle(self, post: bool) -> None:
        try:
            path, form = self._url_form()
            if path not in ENDPOINT_PATHS:
                raise Refusal(HTTPStatus.NOT_FOUND, f"no such resource {path}; the endpoint is /sparql")
            if not post and "query" not in form and "update" not in form:
                self._send(HTTPStatus.OK, USAGE.encode("utf-8"), "text/plain; charset=utf-8")
                return
            query = self._query(post, form)
            answer = self.endpoint.answer(query, _single(form, "format"), self.headers.get("Accept", ""))
        except Refusal as refusal:
            self._send(refusal.status, (refusal.message + "\n").encode("utf-8"), "text/plain; charset=utf-8")
            return
        except ValueError as exc:  # e.g. a Content-Length that is not a number
            self._send(HTTPStatus.BAD_REQUEST, f"bad request: {exc}\n".encode(), "text/plain; charset=utf-8")
            return
        extra = {"X-Result-Truncated": "true", "X-Result-Limit": str(self.endpoint.config.max_rows)} \
            if answer.truncated else {}
        self._send(HTTPStatus.OK, answer.body, answer.media_type, extra)

    def _send(self, status: HTTPStatus, body: bytes, media_type: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Vary", "Accept")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


def make_server(store: ox.Store, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                config: EndpointConfig | None = None) -> ThreadingHTTPServer:
    """A server bound to ``host:port`` (port 0 picks a free one); call ``serve_forever()``."""
    endpoint = SparqlEndpoint(store, config or EndpointConfig())
    handler = type("BoundSparqlHandler", (SparqlHandler,), {"endpoint": endpoint})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


def serve(graph_dir: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          config: EndpointConfig | None = None) -> None:
    """Load ``graph_dir/kg.nq`` and serve it until interrupted."""
    server = make_server(open_store(graph_dir), host, port, config)
    try:
        server.serve_forever()
    finally:
        server.server_close()
