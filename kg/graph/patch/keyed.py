"""Files written as keyed blocks, with where each block lies, so that a patch copies the
blocks it keeps and writes only the ones it changes.

graph.json and the JSON Lines files are written by kg build through :class:`KeyedWriter`:
each section of a file (graph.json's five lists; a JSON Lines file is one section) is a
run of blocks, a block being the records of one key (an entity, a document's relations, a
document's dropped items), joined by the section's separator. The :class:`Layout` says
where each block lies. :func:`rewrite` makes the new file from the old one: the bytes
around the sections are copied, each section is its kept blocks (copied as runs) and the
new ones, in key order.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

Key = Any  # a str, or a tuple of them, comparable within one section


@dataclass(slots=True)
class Section:
    """One run of blocks: its region of the file (from the first block to the end of the
    last, or an empty region where the section's blocks would go) and each block's span."""

    separator: bytes
    start: int = 0
    end: int = 0
    keys: list[Key] = field(default_factory=list)
    starts: array[int] = field(default_factory=lambda: array("q"))
    ends: array[int] = field(default_factory=lambda: array("q"))


@dataclass(slots=True)
class Layout:
    sections: dict[str, Section] = field(default_factory=dict)
    size: int = 0


class KeyedWriter:
    """Writes pieces through ``write`` and records the layout: ``open(section)``, then
    ``block(key, text)`` for each block in order, then ``close()``; ``text(...)`` between."""

    def __init__(self, write: Callable[[bytes], object], batch: int = 1 << 20) -> None:
        self._write = write
        self._batch = batch
        self._pending: list[bytes] = []
        self._pending_size = 0
        self.position = 0
        self.layout = Layout()
        self._section: Section | None = None
        self._key: Key = None

    def text(self, text: str) -> None:
        self._put(text.encode("utf-8"))

    def open(self, name: str, separator: str) -> None:
        self._section = self.layout.sections[name] = Section(separator.encode("utf-8"))
        self._section.start = self._section.end = self.position

    def block(self, key: Key, text: str) -> None:
        """A record of ``key``: a new block, or the next record of the current block when
        the key is the one before (the separator between records is written here)."""
        section = self._section
        assert section is not None
        if section.keys and key == self._key:
            self._put(section.separator)
            self._put(text.encode("utf-8"))
            section.ends[-1] = self.position
        else:
            if section.keys:
                self._put(section.separator)
            section.keys.append(key)
            section.starts.append(self.position)
            self._put(text.encode("utf-8"))
            section.ends.append(self.position)
            self._key = key
        section.end = self.position

    def close(self) -> None:
        self._section = None

    def finish(self) -> Layout:
        self._flush()
        self.layout.size = self.position
        return self.layout

    def copy_run(self, old: bytes, keys: list[Key], starts: array[int], ends: array[int]) -> None:
        """Old blocks that stood together, copied as one slice (separators included)."""
        section = self._section
        assert section is not None and keys
        if section.keys:
            self._put(section.separator)
        shift = self.position - starts[0]
        self._put(old[starts[0] : ends[-1]])
        section.keys.extend(keys)
        section.starts.extend(start + shift for start in starts)
        section.ends.extend(end + shift for end in ends)
        section.end = self.position
        self._key = keys[-1]

    def put(self, data: bytes) -> None:
        """Bytes between blocks (copied as they are)."""
        self._put(data)

    def _put(self, data: bytes) -> None:
        self.position += len(data)
        if len(data) >= self._batch:  # a run of old blocks: written as it is, not joined again
            self._flush()
            self._write(data)
            return
        self._pending.append(data)
        self._pending_size += len(data)
        if self._pending_size >= self._batch:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._write(b"".join(self._pending))
            self._pending, self._pending_size = [], 0


@dataclass(frozen=True, slots=True)
class SectionChange:
    """What changes in one section: the keys whose old blocks go (``dropped``) and the new
    blocks (``blocks``: key -> the block's text, records already joined); ``order`` sorts
    keys of the new file (old and new keys alike). ``whole``: the section is ``blocks``
    alone, in the order given."""

    dropped: frozenset[Key]
    blocks: Mapping[Key, str]
    order: Callable[[Key], Any] = lambda key: key
    whole: bool = False


def rewrite(
    old: bytes, layout: Layout, changes: Mapping[str, SectionChange], write: Callable[[bytes], object]
) -> Layout:
    """The new file through ``write`` (old bytes around sections copied, each changed
    section merged) and its layout."""
    writer = KeyedWriter(write)
    old = memoryview(old)  # type: ignore[assignment]  # slices of the old file are written, not copied
    position = 0
    for name, section in layout.sections.items():
        writer.put(old[position : section.start])
        writer.open(name, section.separator.decode("utf-8"))
        change = changes.get(name, SectionChange(frozenset(), {}))
        if change.whole:
            for key, text in change.blocks.items():
                writer.block(key, text)
        else:
            _merge_section(writer, old, section, change)
        writer.close()
        position = section.end
    writer.put(old[position : layout.size])
    return writer.finish()


def _merge_section(writer: KeyedWriter, old: bytes, section: Section, change: SectionChange) -> None:
    """Kept old blocks, copied a run at a time, and new blocks, in key order."""
    new = sorted(change.blocks, key=change.order)
    run_start: int | None = None  # index of the first old block of the run being gathered
    upcoming = 0  # next new key to place
    for index, key in enumerate(section.keys):
        while upcoming < len(new) and change.order(new[upcoming]) < change.order(key):
            _end_run(writer, old, section, run_start, index)
            run_start = None
            writer.block(new[upcoming], change.blocks[new[upcoming]])
            upcoming += 1
        if key in change.dropped:
            _end_run(writer, old, section, run_start, index)
            run_start = None
        elif run_start is None:
            run_start = index
    _end_run(writer, old, section, run_start, len(section.keys))
    for key in new[upcoming:]:
        writer.block(key, change.blocks[key])


def _end_run(writer: KeyedWriter, old: bytes, section: Section, first: int | None, stop: int) -> None:
    """Copy old blocks ``first`` to ``stop`` - 1 (with the separators between them) as one run."""
    if first is None or first >= stop:
        return
    writer.copy_run(
        old,
        section.keys[first:stop],
        section.starts[first:stop],
        section.ends[first:stop],
    )
