"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over the built graph.

Standard library HTTP (http.server) in front of a pool of query worker processes. It stays
on the standard library because every defence the endpoint needs is a few lines here
(deadlines, caps, Host checks) while the part that really needs isolation, running a query
that may never end, needs processes whatever server sits in front. What it accepts:

* ``GET /sparql?query=...``, ``POST`` with ``application/sparql-query`` (the query is the
  body) or ``application/x-www-form-urlencoded`` (``query=...``);
* results as SPARQL JSON, XML, CSV or TSV (``Accept`` header, or ``format=json|xml|csv|tsv``);
  CONSTRUCT/DESCRIBE answer Turtle or N-Triples;
* ``$name=TERM`` fields bind ``?name`` to an N-Triples term before evaluation (RDF4J's
  convention), so a value never becomes part of the query text;
* ``GET /`` or ``GET /query`` without a query: the query page (kg.query.page), an offline
  editor with the competency questions of queries/ that posts to ``/sparql``.

What it refuses, and how (details in the README, "Serving SPARQL safely"):

* queries checked on their parse tree (kg.query.sparql_guard): updates and SERVICE 403, malformed
  or nested too deeply 400;
* a query over its time limit: the worker process running it is killed, 503 (kg.query.sparql_pool);
* a Host header other than the bound address 403 (DNS rebinding), an Origin not named by
  ``--cors-origin`` 403; no CORS header unless an origin is named;
* a body over ``max_body_bytes`` 413, chunked bodies 501, both closing the connection;
  a request not fully received within ``header_timeout_s`` is cut; past
  ``max_connections`` open connections a new one gets 503 and is closed.
"""

from __future__ import annotations

import os
import re
import socket
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import BoundedSemaphore
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg.errors import InputError
from kg.query.http_guard import (
    Deadlines,
    allowed_hosts,
    allowed_hosts_named,
    host_allowed,
    origin_allowed,
    own_origins,
)
from kg.query.sparql import open_store
from kg.query.sparql_answer import Answer, Refusal, choose_format
from kg.query.sparql_guard import UPDATE_REFUSED, check_read_only
from kg.query.sparql_pool import WorkerPool

__all__ = ["Answer", "EndpointConfig", "Refusal", "check_read_only", "choose_format", "make_server", "serve"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
MAX_BODY_BYTES = 1_000_000
ENDPOINT_PATHS = ("/", "/sparql", "/query")
PAGE_PATHS = ("/", "/query")  # GET without a query answers the query page
MAX_BINDINGS = 32
_BINDING_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
TEXT = "text/plain; charset=utf-8"


@dataclass(frozen=True, slots=True)
class EndpointConfig:
    timeout_s: float = 10.0
    max_rows: int = 10_000
    workers: int = field(default_factory=lambda: max(2, min(4, os.cpu_count() or 2)))
    max_body_bytes: int = MAX_BODY_BYTES
    header_timeout_s: float = 10.0  # whole request line + headers + body, and keep-alive idle time
    max_connections: int = 256
    backlog: int = 1024  # listen() queue: a burst of connections waits instead of being reset
    cors_origins: tuple[str, ...] = ()
    extra_hosts: tuple[str, ...] = ()  # more Host values to accept (a name the server is reached by)


# ---------------------------------------------------------------- reading the request


def _single(form: dict[str, list[str]], name: str) -> str | None:
    values = form.get(name, [])
    if len(values) > 1:
        raise Refusal(HTTPStatus.BAD_REQUEST, f"give the {name!r} parameter once")
    return values[0] if values else None


def _refuse_unsupported_fields(form: dict[str, list[str]]) -> None:
    if "update" in form:
        raise Refusal(HTTPStatus.FORBIDDEN, UPDATE_REFUSED)
    for field_name in ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri"):
        if field_name in form:
            raise Refusal(
                HTTPStatus.BAD_REQUEST,
                f"{field_name} is not supported: the default graph is the union of every document's graph",
            )


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
        raise Refusal(HTTPStatus.BAD_REQUEST, f"the request body is not UTF-8 ({exc})") from None


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
        raise Refusal(HTTPStatus.FORBIDDEN, UPDATE_REFUSED)
    raise Refusal(
        HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
        "POST a query as application/sparql-query or application/x-www-form-urlencoded",
    )


def bindings_from_form(form: dict[str, list[str]]) -> dict[str, str]:
    """``$name=TERM`` fields: variable name -> N-Triples term (parsed by the worker, as data)."""
    names = [key for key in form if key.startswith("$")]
    if len(names) > MAX_BINDINGS:
        raise Refusal(HTTPStatus.BAD_REQUEST, f"at most {MAX_BINDINGS} $name bindings")
    bindings: dict[str, str] = {}
    for key in names:
        if not _BINDING_NAME.fullmatch(key[1:]):
            raise Refusal(HTTPStatus.BAD_REQUEST, f"{key!r} is not a variable name to bind")
        value = _single(form, key)
        bindings[key[1:]] = value or ""
    return bindings


# ---------------------------------------------------------------- HTTP


USAGE = (
    "InnoKG SPARQL endpoint (read-only).\n"
    "GET /sparql?query=...  or POST application/sparql-query / application/x-www-form-urlencoded (query=...)\n"
    "Results: Accept: application/sparql-results+json | +xml | text/csv | text/tab-separated-values,\n"
    "or format=json|xml|csv|tsv (CONSTRUCT: text/turtle | application/n-triples).\n"
)


class SparqlEndpoint:
    """The shared state of one server: its limits and the query worker processes."""

    def __init__(self, nquads: bytes, config: EndpointConfig) -> None:
        self.config = config
        self.pool = WorkerPool(nquads, config.workers)

    def answer(
        self, query: str, format_param: str | None, accept: str, bindings: dict[str, str] | None = None
    ) -> Answer:
        job = (query, format_param, accept, self.config.max_rows, bindings or {})
        return self.pool.run(job, self.config.timeout_s)


class EndpointServer(ThreadingHTTPServer):
    """Daemon handler threads, a bounded number of connections, a deep listen backlog."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler], endpoint: SparqlEndpoint
    ) -> None:
        self.endpoint = endpoint
        self.request_queue_size = endpoint.config.backlog  # read by server_activate()
        self.slots = BoundedSemaphore(endpoint.config.max_connections)
        self.deadlines = Deadlines()
        super().__init__(address, handler)
        host, port = str(self.server_address[0]), int(self.server_address[1])
        self.allowed_hosts = allowed_hosts(host, port) | allowed_hosts_named(endpoint.config.extra_hosts, port)
        self.own_origins = own_origins(self.allowed_hosts)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self.slots.acquire(blocking=False):
            _refuse_busy(request)
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release()  # no thread started: give the slot back here
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def server_close(self) -> None:
        super().server_close()
        self.deadlines.stop()
        self.endpoint.pool.close()


def _refuse_busy(sock: socket.socket) -> None:
    """Answered on the accepting thread, so it must never block: short timeout, errors ignored."""
    body = b"too many open connections; retry shortly\n"
    head = (
        f"HTTP/1.1 503 Service Unavailable\r\nContent-Type: {TEXT}\r\nContent-Length: {len(body)}\r\n"
        "Retry-After: 1\r\nConnection: close\r\n\r\n"
    ).encode("ascii")
    try:
        sock.settimeout(0.5)
        sock.sendall(head + body)
    except OSError:
        pass


class SparqlHandler(BaseHTTPRequestHandler):
    server: EndpointServer
    server_version = "InnoKG-SPARQL/1"
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle on, a keep-alive client's delayed
    # ACK stalls the second for 40 ms (measured: 44 ms p50 for ASK {} before, see README).
    disable_nagle_algorithm = True

    def setup(self) -> None:
        # StreamRequestHandler applies self.timeout to the socket: it bounds each recv and send.
        self.timeout = self.server.endpoint.config.header_timeout_s  # type: ignore[misc]
        super().setup()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - signature of the base class
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)

    def handle_one_request(self) -> None:
        # The deadline covers waiting for the request (keep-alive idle time included) and
        # reading it whole; it is lifted once the body is in, before the query runs.
        self._body_pending = False
        self.server.deadlines.arm(self.connection, self.server.endpoint.config.header_timeout_s)
        try:
            super().handle_one_request()
        finally:
            self.server.deadlines.disarm(self.connection)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._handle(post=False)

    def do_POST(self) -> None:  # noqa: N802
        self._handle(post=True)

    def do_OPTIONS(self) -> None:  # noqa: N802 - a CORS preflight
        self._body_pending = self._declares_body()
        origin = self.headers.get("Origin")
        if origin is None or origin not in self.server.endpoint.config.cors_origins:
            self._send(HTTPStatus.FORBIDDEN, b"cross-origin requests are not enabled for this origin\n", TEXT)
            return
        self._send(
            HTTPStatus.NO_CONTENT,
            b"",
            TEXT,
            {
                "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                "Access-Control-Allow-Headers": "Content-Type, Accept",
                "Access-Control-Max-Age": "600",
            },
        )

    def _declares_body(self) -> bool:
        return "Transfer-Encoding" in self.headers or (self.headers.get("Content-Length") or "0").strip() != "0"

    def _url_form(self) -> tuple[str, dict[str, list[str]]]:
        parts = urlsplit(self.path)
        return parts.path, parse_qs(parts.query, keep_blank_values=True)

    def _read_body(self) -> bytes:
        if "Transfer-Encoding" in self.headers:
            raise Refusal(HTTPStatus.NOT_IMPLEMENTED, "chunked request bodies are not accepted; send Content-Length")
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            raise Refusal(HTTPStatus.BAD_REQUEST, "Content-Length is not a number") from None
        limit = self.server.endpoint.config.max_body_bytes
        if length < 0 or length > limit:
            raise Refusal(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {limit} bytes")
        body = self.rfile.read(length) if length > 0 else b""
        if len(body) < length:
            raise Refusal(HTTPStatus.BAD_REQUEST, "request body shorter than its Content-Length")
        self._body_pending = False
        return body

    def _check_caller(self) -> None:
        if not host_allowed(self.headers.get("Host"), self.server.allowed_hosts):
            raise Refusal(HTTPStatus.FORBIDDEN, "the Host header does not name this server's address")
        config = self.server.endpoint.config
        if not origin_allowed(self.headers.get("Origin"), config.cors_origins, self.server.own_origins):
            raise Refusal(
                HTTPStatus.FORBIDDEN,
                "requests from other web origins are refused; start kg serve with --cors-origin to allow one",
            )

    def _query(self, post: bool, form: dict[str, list[str]]) -> tuple[str, dict[str, list[str]]]:
        """The query and every field of the request (URL and, for a form POST, the body)."""
        if post:
            content_type = self.headers.get("Content-Type", "")
            body = self._read_body()
            query = query_from_post(content_type, body, form)
            if content_type.split(";")[0].strip().lower() == "application/x-www-form-urlencoded":
                form = {**form, **parse_qs(_decode(body), keep_blank_values=True)}
        else:
            query = query_from_form(form)
        self.server.deadlines.disarm(self.connection)  # the request is in; the query's own limit applies
        return query, form

    def _handle(self, post: bool) -> None:
        self._body_pending = post and self._declares_body()
        try:
            self._check_caller()
            path, form = self._url_form()
            if path not in ENDPOINT_PATHS:
                raise Refusal(HTTPStatus.NOT_FOUND, f"no such resource {path}; the endpoint is /sparql")
            if not post and "query" not in form and "update" not in form:
                if path in PAGE_PATHS:
                    self._send_page()
                else:
                    self._send(HTTPStatus.OK, USAGE.encode("utf-8"), TEXT)
                return
            query, form = self._query(post, form)
            answer = self.server.endpoint.answer(
                query, _single(form, "format"), self.headers.get("Accept", ""), bindings_from_form(form)
            )
        except Refusal as refusal:
            self._send(refusal.status, (refusal.message + "\n").encode("utf-8"), TEXT)
            return
        extra = (
            {"X-Result-Truncated": "true", "X-Result-Limit": str(self.server.endpoint.config.max_rows)}
            if answer.truncated
            else {}
        )
        self._send(HTTPStatus.OK, answer.body, answer.media_type, extra)

    def _send_page(self) -> None:
        from kg.query.page import query_page  # built once per process

        page = query_page()
        self._send(HTTPStatus.OK, page.html, "text/html; charset=utf-8", page.headers)

    def _cors_headers(self) -> dict[str, str]:
        origin = self.headers.get("Origin")
        if origin is not None and origin in self.server.endpoint.config.cors_origins:
            return {"Access-Control-Allow-Origin": origin, "Vary": "Accept, Origin"}
        return {"Vary": "Accept"}

    def _send(self, status: HTTPStatus, body: bytes, media_type: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in {**self._cors_headers(), **(extra or {})}.items():
            self.send_header(name, value)
        if self._body_pending:
            # An unread body would be read as the next request on this connection: close it.
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(body)


def make_server(
    store: ox.Store, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, config: EndpointConfig | None = None
) -> EndpointServer:
    """A server bound to ``host:port`` (port 0 picks a free one); call ``serve_forever()``.

    The workers each load a copy of ``store`` (dumped once as N-Quads); ``server_close()``
    stops them.
    """
    nquads = store.dump(format=ox.RdfFormat.N_QUADS) or b""
    endpoint = SparqlEndpoint(nquads, config or EndpointConfig())
    try:
        return EndpointServer((host, port), SparqlHandler, endpoint)
    except OSError as exc:
        endpoint.pool.close()
        raise InputError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from None
    except BaseException:
        endpoint.pool.close()
        raise


def serve(
    graph_dir: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, config: EndpointConfig | None = None
) -> None:
    """Load ``graph_dir/kg.nq`` and serve it until interrupted."""
    server = make_server(open_store(graph_dir), host, port, config)
    try:
        server.serve_forever()
    finally:
        server.server_close()
