"""A query worker process: holds its own copy of the store and answers one job at a time.

A pyoxigraph query cannot be interrupted from Python, so each one runs in a process that
the endpoint can kill when the time limit passes (kg.query.sparql_pool). Messages on the pipe:

* worker -> pool, once: ``("ready",)`` when the store is loaded (or ``("failed", text)``);
* pool -> worker: ``(query, format_param, accept, max_rows[, bindings])``;
* worker -> pool: ``("ok", body, media_type, truncated)`` or ``("refused", status, message)``.
"""

from __future__ import annotations

import contextlib
import ctypes
import signal
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox

# Imported here so that a forkserver preloading this module hands workers a warm parser.
import rdflib.plugins.sparql.parser  # noqa: F401

from kg.errors import InnoKGError
from kg.query.sparql_answer import Refusal, evaluate

_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """Linux: SIGKILL this worker when its parent (the forkserver) goes, so none outlives the server."""
    with contextlib.suppress(OSError, AttributeError):  # not Linux: it still exits when its pipe closes
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def load_source(source: bytes) -> ox.Store:
    """The store from N-Quads bytes (the server dumps its own store once for all workers)."""
    store = ox.Store()
    store.bulk_load(input=source, format=ox.RdfFormat.N_QUADS)
    return store


def answer_job(store: ox.Store, job: tuple[Any, ...]) -> tuple[Any, ...]:
    query, format_param, accept, max_rows, *rest = job
    bindings: dict[str, str] | None = rest[0] if rest else None
    try:
        answer = evaluate(store, query, format_param, accept, max_rows, bindings)
    except Refusal as refusal:
        return ("refused", int(refusal.status), refusal.message)
    return ("ok", answer.body, answer.media_type, answer.truncated)


def run(conn: Connection, source: bytes) -> None:
    """The worker's main loop; returns when the pool closes the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    _die_with_parent()
    try:
        store = load_source(source)
    except (InnoKGError, OSError, SyntaxError, ValueError) as exc:
        conn.send(("failed", str(exc)))
        return
    conn.send(("ready",))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(answer_job(store, job))
