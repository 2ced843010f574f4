"""A fresh Python interpreter running one of kg's modules, beside the calling process.

kg build hands the two largest things it makes besides the graph (kglite's graph, the SHACL
validator's store) to interpreters of their own, so that they never sit in memory on top of
the graph: a forked child would share the build's pages and copy each one it touches.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[1]  # where ``kg`` is imported from, for the new interpreter


_PARENT = "INNOKG_PARENT_PID"
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def start(module: str, *args: str, **popen: Any) -> subprocess.Popen[bytes]:
    """``python -m MODULE ARGS`` with this interpreter, importing this copy of kg first; the
    module calls :func:`end_with_parent` first thing."""
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path, _PARENT: str(os.getpid())}
    return subprocess.Popen([sys.executable, "-m", module, *args], env=env, **popen)


def end_with_parent() -> None:
    """In a process :func:`start` made: end when the process that made it ends (a killed
    build leaves nothing running)."""
    parent = os.environ.get(_PARENT, "")
    if parent.isdigit():
        end_with(int(parent))


def end_with(parent: int) -> None:
    """Where Linux allows, this process is killed when ``parent`` ends (a kill of the build
    stops its helpers too); it also ends if the parent is already gone."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


def last_line(errors: IO[bytes]) -> str:
    """The last line a process wrote to ``errors`` (a file it was given as its stderr)."""
    errors.seek(0)
    lines = errors.read().decode("utf-8", errors="replace").strip().splitlines()
    return lines[-1] if lines else "it stopped without a message"
