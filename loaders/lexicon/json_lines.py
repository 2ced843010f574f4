"""Reading the project's data files of one JSON object a line, with // comment lines
(relation patterns, rule examples): every error names the file and line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kg.errors import InputError


def json_objects(lines: Iterable[str], source: str) -> Iterator[tuple[dict[str, Any], str]]:
    """(object, "source:line") for every line that is neither blank nor a // comment."""
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        where = f"{source}:{number}"
        try:
            obj = json.loads(line)
        except ValueError as exc:
            raise InputError(f"{where}: not a JSON object ({exc})") from exc
        if not isinstance(obj, dict):
            raise InputError(f"{where}: not a JSON object")
        yield obj, where


def file_lines(path: Path, what: str) -> list[str]:
    """The lines of a UTF-8 file; InputError naming it when it cannot be read."""
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot be read as UTF-8 {what} lines ({exc})") from exc
