"""Plain-text tables for a terminal, shared by ``kg sparql`` and ``kg cypher`` (``--format table``).

Columns are aligned by display width, not by characters: an East Asian wide or full-width
character (合, ＡＢ) takes two columns, a combining mark none (unicodedata).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: wide and full-width characters 2, combining marks 0."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` display columns."""
    return text + " " * max(0, width - display_width(text))


def _one_line(text: str) -> str:
    return text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")


def text_table(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Header, rule, rows and a row count; every row is kept, an empty answer keeps its header."""
    if not columns:  # e.g. a write query without RETURN
        return f"({len(rows)} row{'s' if len(rows) != 1 else ''}, no columns)\n"
    cells = [[_one_line(v) for v in row] for row in rows]
    header = [_one_line(c) for c in columns]
    widths = [max([display_width(c), *(display_width(line[i]) for line in cells)]) for i, c in enumerate(header)]
    lines = [" | ".join(pad(c, w) for c, w in zip(header, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(pad(v, w) for v, w in zip(line, widths, strict=True)) for line in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(line.rstrip() for line in lines) + "\n"
