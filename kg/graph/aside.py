"""Part of the build's outputs made beside the rest, in a forked child process.

After the merge this process makes the RDF files, validates them and writes graph.json and
the JSON Lines files; the embedded Cypher graph of store/ (kg.query.stores) depends on the
merged graph alone, so a forked child makes it meanwhile on another core. The child shares
the graph with the parent (copy-on-write, nothing pickled), sends back the files' bytes
through a pipe and exits; they are the same bytes as made here. (kg build's work writes its
file into the new build folder itself and sends back none: kg.graph.build.) Where a fork is not
safe or not useful (no fork, one CPU, other threads running: a Dask client, a native
thread pool; too little memory for both) or the child fails, the work is done in this
process when its result is asked for, so an error is raised here as before.
"""

from __future__ import annotations

import contextlib
import os
import signal
import struct
import threading
import time
from collections.abc import Callable
from typing import BinaryIO

from kg.interpreter import end_with

_HEADER = struct.Struct("<?Qdd")  # succeeded, number of files, child's wall and CPU seconds
_FILE = struct.Struct("<IQ")  # length of the name, of the bytes


class Aside:
    """``work()`` started in a child process now; :meth:`result` waits for its files."""

    def __init__(self, work: Callable[[], dict[str, bytes]]) -> None:
        self.work = work
        self.pid = 0
        self.fd = -1
        self.seconds = (0.0, 0.0)  # the child's wall and CPU seconds, once it answered
        if _can_fork():
            self._fork()

    def _fork(self) -> None:
        read_fd, write_fd = os.pipe()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the child: never returns into the build
            os.close(read_fd)
            end_with(parent)
            _child(self.work, write_fd)
        os.close(write_fd)
        self.pid, self.fd = pid, read_fd

    def result(self) -> dict[str, bytes]:
        """The work's files, from the child if it succeeded, else made here."""
        if self.pid:
            with os.fdopen(self.fd, "rb") as pipe:
                answer = _read(pipe)
            self.fd = -1
            os.waitpid(self.pid, 0)
            self.pid = 0
            if answer is not None:
                self.seconds, files = answer
                return files
        return self.work()

    def __enter__(self) -> Aside:
        return self

    def __exit__(self, *exc: object) -> None:
        self.cancel()

    def cancel(self) -> None:
        """Stop the child, if any (the build failed before asking for the result)."""
        if self.pid:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.close(self.fd)
            with contextlib.suppress(OSError):
                os.waitpid(self.pid, 0)
            self.pid, self.fd = 0, -1


def _can_fork() -> bool:
    """A fork copies only the calling thread: safe while this process has no other thread,
    Python's or a native library's (told by /proc/self/task where there is one). The child
    works beside this process, so both working sets are in memory at once: it is made only
    where three times this process's resident size is still available (at 1000× the seeds
    the child grew to about three times what this process held when it forked)."""
    if not hasattr(os, "fork") or (os.cpu_count() or 1) < 2 or threading.active_count() > 1:
        return False
    try:
        threads = len(os.listdir("/proc/self/task"))
        available, resident = _kilobytes("/proc/meminfo", "MemAvailable:"), _kilobytes("/proc/self/status", "VmRSS:")
    except (OSError, ValueError, IndexError):
        return True  # no /proc: Python's own count above is what can be known
    return threads == 1 and available > 3 * resident


def _kilobytes(path: str, key: str) -> int:
    with open(path, encoding="ascii") as lines:
        for line in lines:
            if line.startswith(key):
                return int(line.split()[1])
    raise ValueError(f"{path}: no {key}")


def _read(pipe: BinaryIO) -> tuple[tuple[float, float], dict[str, bytes]] | None:
    """What the child sent, or None if it failed or stopped before the end."""
    header = pipe.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    ok, count, wall, cpu = _HEADER.unpack(header)
    files: dict[str, bytes] = {}
    for _ in range(count if ok else 0):
        sizes = pipe.read(_FILE.size)
        if len(sizes) < _FILE.size:
            return None
        name_size, data_size = _FILE.unpack(sizes)
        name, data = pipe.read(name_size), pipe.read(data_size)
        if len(name) < name_size or len(data) < data_size:
            return None
        files[name.decode("utf-8")] = data
    return ((wall, cpu), files) if ok else None


def _child(work: Callable[[], dict[str, bytes]], fd: int) -> None:
    code = 1
    try:
        wall, cpu = time.perf_counter(), time.process_time()
        files = work()
        with os.fdopen(fd, "wb") as pipe:
            pipe.write(_HEADER.pack(True, len(files), time.perf_counter() - wall, time.process_time() - cpu))
            for name, data in files.items():
                encoded = name.encode("utf-8")
                pipe.write(_FILE.pack(len(encoded), len(data)))
                pipe.write(encoded)
                pipe.write(data)
        code = 0
    except BaseException:  # noqa: BLE001 - the parent makes the bytes itself and raises there
        pass
    finally:
        os._exit(code)  # no atexit handlers, no flushing of buffers the parent also holds
