"""Packs: a user's own reference names and relation patterns, for a city the package does
not know, added without editing the package (``kg build --pack DIR``).

A pack is a folder with any of:
- ``gazetteer.tsv``: names in the package gazetteer's columns (loaders/lexicon/data/gazetteer.tsv);
- ``patterns.jsonl``: relation patterns (loaders/relations/patterns.py).

Like jieba's user dictionary, a pack is added for the whole process; ``using_packs``
scopes it to a block.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import InputError

if TYPE_CHECKING:
    from loaders.relations.patterns import RelationPattern

PATTERNS_FILE = "patterns.jsonl"
GAZETTEER_FILE = "gazetteer.tsv"


@dataclass(frozen=True, slots=True)
class Pack:
    folder: Path
    patterns: tuple[RelationPattern, ...]
    gazetteer: Path | None


_active: list[Pack] = []


def read_pack(folder: Path) -> Pack:
    if not folder.is_dir():
        raise InputError(f"{folder}: a pack must be a folder (with {PATTERNS_FILE} and/or {GAZETTEER_FILE})")
    from loaders.lexicon.gazetteer import load_entries
    from loaders.relations.patterns import load_patterns

    patterns_path, gazetteer_path = folder / PATTERNS_FILE, folder / GAZETTEER_FILE
    if not patterns_path.exists() and not gazetteer_path.exists():
        raise InputError(f"{folder}: a pack needs {PATTERNS_FILE} or {GAZETTEER_FILE}; it has neither")
    patterns = tuple(load_patterns(patterns_path)) if patterns_path.exists() else ()
    if gazetteer_path.exists():
        load_entries(gazetteer_path)  # a malformed file is refused now, naming it
    return Pack(folder, patterns, gazetteer_path if gazetteer_path.exists() else None)


def active_patterns() -> list[RelationPattern]:
    return [p for pack in _active for p in pack.patterns]


def active_gazetteers() -> list[Path]:
    return [pack.gazetteer for pack in _active if pack.gazetteer is not None]


@contextmanager
def using_packs(folders: list[Path]) -> Iterator[list[Pack]]:
    """Read and add the packs in ``folders`` for the block; InputError names a bad one."""
    packs = [read_pack(folder) for folder in folders]
    _active.extend(packs)
    try:
        yield packs
    finally:
        for pack in packs:
            _active.remove(pack)
