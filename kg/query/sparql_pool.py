"""Query worker processes that can be killed at the time limit, and a pool that replaces them.

Threads cannot stop a running pyoxigraph query: before this pool, a runaway query kept a
core busy after its 503 and five of them starved the endpoint. Here each job goes to an
idle worker process; if no answer comes before the deadline the worker is killed with
SIGKILL and a fresh one is started in the background, so capacity comes back within the
time a worker takes to load the store (about 0.3 s on the seeds graph).

Workers are forked from a forkserver that has already imported pyoxigraph and rdflib's
parser: fork() straight from the threaded HTTP server would copy locks held by other threads.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http import HTTPStatus
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from kg.errors import InputError
from kg.query.sparql_answer import Answer, Refusal
from kg.query.sparql_worker import run

WORKER_START_TIMEOUT_S = 120.0
RESTART_BACKOFF_S = 1.0


@dataclass(eq=False)
class _Ticket:
    """A request waiting for a worker; ``worker`` is set (under the hand-off lock) when one is given."""

    ready: threading.Event = field(default_factory=threading.Event)
    worker: Worker | None = None
    abandoned: bool = False


class FairHandOff:
    """Idle workers handed to waiting requests in arrival order.

    queue.Queue lets a newly arrived request take a worker that was just returned for a
    request that has waited longer (the woken waiter loses the race): under 100 clients
    that unfairness, not the work, made the slowest 1 % of answers several times slower.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle: deque[Worker] = deque()
        self._waiting: deque[_Ticket] = deque()

    def put(self, worker: Worker) -> None:
        with self._lock:
            while self._waiting:
                ticket = self._waiting.popleft()
                if not ticket.abandoned:
                    ticket.worker = worker
                    ticket.ready.set()
                    return
            self._idle.append(worker)

    def get(self, timeout_s: float) -> Worker | None:
        """The next worker, or None after ``timeout_s``."""
        with self._lock:
            if self._idle:
                return self._idle.popleft()
            ticket = _Ticket()
            self._waiting.append(ticket)
        ticket.ready.wait(timeout_s)
        with self._lock:
            if ticket.worker is None:
                ticket.abandoned = True  # put() skips it; it leaves the deque then
            return ticket.worker


@dataclass(eq=False)
class Worker:
    process: BaseProcess
    conn: Connection
    _killed: bool = False
    _kill_lock: threading.Lock = field(default_factory=threading.Lock)

    def kill(self) -> None:
        """Idempotent: the pool's close() and the request thread waiting on it may both get here."""
        with self._kill_lock:
            if self._killed:
                return
            self._killed = True
        self.process.kill()
        self.process.join(timeout=5)
        with contextlib.suppress(OSError):
            self.conn.close()


class WorkerPool:
    """``size`` worker processes, each holding a copy of the store given as N-Quads bytes."""

    def __init__(self, nquads: bytes, size: int) -> None:
        self._ctx = multiprocessing.get_context("forkserver")
        self._ctx.set_forkserver_preload(["kg.query.sparql_worker"])
        self._source = nquads
        self._idle = FairHandOff()
        self._live: set[Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(size):  # at start, synchronously: a store that cannot load fails now
            self._idle.put(self._start())

    # ------------------------------------------------------------ lifecycle

    def _start(self) -> Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=run, args=(child, self._source), daemon=True, name="kg-sparql-worker")
        process.start()
        child.close()
        worker = Worker(process, parent)
        with self._lock:
            self._live.add(worker)
        if not parent.poll(WORKER_START_TIMEOUT_S):
            self._discard(worker)
            raise InputError(f"a query worker did not load the graph within {WORKER_START_TIMEOUT_S:g} s")
        try:
            message = parent.recv()
        except EOFError:
            message = ("failed", f"the worker exited with code {process.exitcode}")
        if message[0] != "ready":
            self._discard(worker)
            raise InputError(f"a query worker could not load the graph: {message[1]}")
        return worker

    def _discard(self, worker: Worker) -> None:
        with self._lock:
            self._live.discard(worker)
        worker.kill()

    def _replace_in_background(self, worker: Worker) -> None:
        self._discard(worker)
        threading.Thread(target=self._restart, name="kg-sparql-restart", daemon=True).start()

    def _restart(self) -> None:
        while not self._closed:
            try:
                fresh = self._start()
            except (InputError, OSError) as exc:
                print(f"kg serve: restarting a query worker failed ({exc}); retrying", file=sys.stderr)
                time.sleep(RESTART_BACKOFF_S)
                continue
            if self._closed:
                self._discard(fresh)
            else:
                self._idle.put(fresh)
            return

    def close(self) -> None:
        """Kill every worker (idle or busy); the pool refuses work afterwards."""
        self._closed = True
        with self._lock:
            workers = list(self._live)
        for worker in workers:
            self._discard(worker)

    def pids(self) -> set[int]:
        """Process ids of the live workers (tests check that killed ones are gone)."""
        with self._lock:
            return {worker.process.pid for worker in self._live if worker.process.pid is not None}

    # ------------------------------------------------------------ jobs

    def run(self, job: tuple[Any, ...], timeout_s: float) -> Answer:
        """The job's answer; Refusal 503 when no worker frees up or the answer is late."""
        deadline = time.monotonic() + timeout_s
        worker = self._idle.get(timeout_s)
        if worker is None:
            raise Refusal(
                HTTPStatus.SERVICE_UNAVAILABLE, f"every query worker stayed busy for the time limit of {timeout_s:g} s"
            )
        reply = self._exchange(worker, job, deadline, timeout_s)
        if reply[0] == "refused":
            raise Refusal(HTTPStatus(reply[1]), reply[2])
        return Answer(reply[1], reply[2], reply[3])

    def _exchange(self, worker: Worker, job: tuple[Any, ...], deadline: float, timeout_s: float) -> tuple[Any, ...]:
        try:
            worker.conn.send(job)
            if worker.conn.poll(max(deadline - time.monotonic(), 0.0)):
                reply: tuple[Any, ...] = worker.conn.recv()
                self._idle.put(worker)
                return reply
        except (EOFError, OSError):
            self._replace_in_background(worker)
            raise Refusal(
                HTTPStatus.INTERNAL_SERVER_ERROR,
                "the query worker died on this query (the engine crashed); it was restarted",
            ) from None
        self._replace_in_background(worker)
        raise Refusal(
            HTTPStatus.SERVICE_UNAVAILABLE, f"query exceeded the time limit of {timeout_s:g} s and was stopped"
        ) from None
