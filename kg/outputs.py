"""Atomic output writing: every file is written beside its target and renamed when complete.

A failed run therefore never leaves a half-written file, and the previous build's
outputs stay as they were until the new ones are whole.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kg.errors import OutputError


def ensure_writable_dir(folder: Path) -> None:
    """Create ``folder`` if needed and prove that files can be created in it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".probe-", delete=True):
            pass
    except OSError as exc:
        raise OutputError(f"{folder}: output folder cannot be written ({exc.strerror or exc})") from exc


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    tmp_name = ""
    try:
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except OSError as exc:
        if tmp_name and os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise OutputError(f"{path}: cannot be written ({exc.strerror or exc})") from exc


def write_all(folder: Path, files: dict[str, bytes]) -> list[Path]:
    """Write every named output; all contents are computed before the first rename."""
    ensure_writable_dir(folder)
    written = []
    for name in sorted(files):
        target = folder / name
        write_atomic(target, files[name])
        written.append(target)
    return written
