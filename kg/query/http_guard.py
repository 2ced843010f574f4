"""Connection-level defences of the endpoint: whole-request deadlines, Host and Origin checks.

A socket timeout alone bounds each recv(), so a client sending one byte every few seconds
could hold a handler thread forever; ``Deadlines`` bounds the whole wait for a request's
line, headers and body instead, by shutting the socket down from a watchdog thread.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]", "::1")
_WATCH_INTERVAL_S = 0.2


class Deadlines:
    """Sockets that must finish sending their request by a deadline, and a watchdog that enforces it."""

    def __init__(self) -> None:
        self._due: dict[socket.socket, float] = {}
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        threading.Thread(target=self._watch, name="kg-http-deadlines", daemon=True).start()

    def arm(self, sock: socket.socket, seconds: float) -> None:
        with self._lock:
            self._due[sock] = time.monotonic() + seconds

    def disarm(self, sock: socket.socket) -> None:
        with self._lock:
            self._due.pop(sock, None)

    def stop(self) -> None:
        self._stopped.set()

    def _watch(self) -> None:
        while not self._stopped.wait(_WATCH_INTERVAL_S):
            now = time.monotonic()
            with self._lock:
                overdue = [sock for sock, due in self._due.items() if due <= now]
                for sock in overdue:
                    del self._due[sock]
            for sock in overdue:
                _cut(sock)


def _cut(sock: socket.socket) -> None:
    # shutdown() wakes the handler blocked in recv(); it then closes the connection itself.
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """Host header values naming this server: the bound address, and loopback names when bound there."""
    names = {host, f"[{host}]" if ":" in host else host}
    if host in ("127.0.0.1", "::1", "localhost"):
        names.update(LOOPBACK_NAMES)
    with_port = {f"{name}:{port}" for name in names}
    return frozenset(with_port | (names if port == 80 else set()))


def allowed_hosts_named(names: tuple[str, ...], port: int) -> frozenset[str]:
    """Host values for names given with --allow-host (``name`` or ``name:port``)."""
    out: set[str] = set()
    for name in names:
        lowered = name.strip().lower()
        out.add(lowered if ":" in lowered and not lowered.startswith("[") else f"{lowered}:{port}")
    return frozenset(out)


def host_allowed(header: str | None, allowed: frozenset[str]) -> bool:
    """Refusing other Host values stops DNS rebinding: a page at evil.example resolving to 127.0.0.1."""
    return header is not None and header.strip().lower() in allowed


def own_origins(allowed: frozenset[str]) -> frozenset[str]:
    return frozenset(f"http://{host}" for host in allowed)


def origin_allowed(origin: str | None, cors_origins: tuple[str, ...], own: frozenset[str]) -> bool:
    """No Origin (curl, scripts) or our own pages pass; a browser page elsewhere needs --cors-origin."""
    return origin is None or origin in own or origin in cors_origins
