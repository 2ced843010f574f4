"""The blocks of the build's RDF files, found by binary search, and the files patched.

kg build writes each RDF file from sorted lists (kg.rdf.dataset.RdfQuads), so its blocks
stand in key order: in kg.nq every line (a subject's lines together, the subject's N3
form first on the line); in kg.ttl each subject's block (its first line at the margin, the
rest indented); in kg.trig the default graph's subject blocks, then one block per named
graph ("G {" to "}"), graphs in IRI order; in kg.jsonld the default graph's node objects,
then one object per named graph, separated by commas. A :class:`Region` is one such run of
blocks; a patch finds the old blocks of the keys it changes in O(log n) reads and copies
everything between them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

# A key's upper neighbour: "<…/doc/x.txt/" .. "<…/doc/x.txt0" holds the sentences of x.txt.
PREFIX_END = chr(0x10FFFF)


@dataclass(slots=True)
class Region:
    """A sorted run of blocks in ``data[lo:hi]``; ``separator`` stands between blocks."""

    data: bytes
    lo: int
    hi: int
    next_start: Callable[[int], int]  # the first block start at or after a position (hi if none)
    key_at: Callable[[int], str]
    separator: bytes = b""

    def lower_bound(self, target: str, strict: bool = False) -> int:
        """The first block whose key is >= ``target`` (> when ``strict``), or hi."""
        a, b = self.lo, self.hi
        while a < b:
            mid = (a + b) // 2
            start = self.next_start(mid)
            if start < self.hi and (self.key_at(start) <= target if strict else self.key_at(start) < target):
                a = start + 1
            else:
                b = mid
        return self.next_start(a)

    def span(self, key: str) -> tuple[int, int]:
        """The blocks of ``key`` (empty where it would go when it has none)."""
        return self.lower_bound(key), self.lower_bound(key, strict=True)

    def prefix_span(self, prefix: str) -> tuple[int, int]:
        """The blocks whose keys start with ``prefix``."""
        return self.lower_bound(prefix), self.lower_bound(prefix + PREFIX_END)

    def blocks(self) -> Iterator[tuple[str, bytes]]:
        """Every block with its key (for the small outputs of a patch)."""
        view = memoryview(self.data)
        start = self.next_start(self.lo)
        while start < self.hi:
            end = self.next_start(start + 1)
            yield self.key_at(start), bytes(_kept(self, view, start, end))
            start = end


def _line_start_at_or_after(data: bytes, pos: int, lo: int, hi: int) -> int:
    if pos <= lo:
        return lo
    if data[pos - 1 : pos] == b"\n":
        return pos
    found = data.find(b"\n", pos, hi)
    return hi if found < 0 else found + 1


def nquads_region(data: bytes) -> Region:
    hi = len(data)

    def key_at(start: int) -> str:
        return data[start : data.find(b" ", start)].decode("utf-8")

    return Region(data, 0, hi, lambda pos: _line_start_at_or_after(data, pos, 0, hi), key_at)


def _prefixes(data: bytes) -> tuple[dict[str, str], int]:
    """The @prefix lines at the head of a Turtle or TriG file, and where they end."""
    prefixes: dict[str, str] = {}
    position = 0
    for match in re.finditer(rb"@prefix ([^:\s]*): <([^>]*)> \.\n", data):
        if match.start() != position:
            break
        prefixes[match.group(1).decode()] = match.group(2).decode()
        position = match.end()
    return prefixes, position


_ESCAPED = re.compile(r"\\(.)")


def _expander(prefixes: dict[str, str]) -> Callable[[str], str]:
    def expand(token: str) -> str:
        """A Turtle term (``<iri>`` or ``prefix:local``) as its IRI."""
        if token.startswith("<"):
            return token[1:-1]
        prefix, _, local = token.partition(":")
        return prefixes[prefix] + _ESCAPED.sub(r"\1", local)

    return expand


def _subject_blocks(data: bytes, lo: int, hi: int, expand: Callable[[str], str]) -> Region:
    """Turtle subject blocks in data[lo:hi]: a block opens with a line at the margin."""

    def next_start(pos: int) -> int:
        start = _line_start_at_or_after(data, pos, lo, hi)
        while start < hi and data[start : start + 1] == b"\t":
            start = _line_start_at_or_after(data, start + 1, lo, hi)
        return start

    def key_at(start: int) -> str:
        return "<" + expand(data[start : data.find(b" ", start)].decode("utf-8")) + ">"

    return Region(data, lo, hi, next_start, key_at)


def turtle_region(data: bytes) -> tuple[bytes, Region]:
    """The prefix lines, and the subject blocks after them."""
    prefixes, end = _prefixes(data)
    return data[:end], _subject_blocks(data, end, len(data), _expander(prefixes))


def trig_regions(data: bytes) -> tuple[bytes, Region, Region]:
    """The prefix lines, the default graph's subject blocks and the named graphs' blocks."""
    prefixes, end = _prefixes(data)
    expand = _expander(prefixes)
    first_graph = _first_graph_line(data, end)
    default = _subject_blocks(data, end, first_graph, expand)
    hi = len(data)

    def next_start(pos: int) -> int:
        start = _line_start_at_or_after(data, pos, first_graph, hi)
        while start < hi and not _opens_graph(data, start, hi):
            start = _line_start_at_or_after(data, start + 1, first_graph, hi)
        return start

    def key_at(start: int) -> str:
        return expand(data[start : data.find(b" {\n", start)].decode("utf-8"))

    return data[:end], default, Region(data, first_graph, hi, next_start, key_at)


def _opens_graph(data: bytes, start: int, hi: int) -> bool:
    end = data.find(b"\n", start, hi)
    return data[start : start + 1] not in (b"\t", b"}") and data[end - 2 : end] == b" {"


def _first_graph_line(data: bytes, lo: int) -> int:
    found = data.find(b" {\n", lo)
    return len(data) if found < 0 else data.rfind(b"\n", lo, found) + 1


_NAMED = b'","@graph":['
_NODE = b'{"@id":"'
_NODE_BOUNDARY = b']},{"@id":"'


def jsonld_regions(data: bytes) -> tuple[Region, Region]:
    """The default graph's node objects and the named graphs' objects of an expanded
    JSON-LD array (``[`` … ``]`` and a newline)."""
    close = data.rfind(b"]")
    named = _named_starts(data, close)
    split = named[0] if named else close
    default_hi = split - 1 if named else close  # the comma before the first named graph

    def default_next(pos: int) -> int:
        if pos <= 1:
            return 1 if default_hi > 1 else default_hi
        found = data.find(_NODE_BOUNDARY, max(pos - 3, 0), default_hi)
        return default_hi if found < 0 else found + 3

    def named_next(pos: int) -> int:
        index = bisect.bisect_left(named, pos)
        return named[index] if index < len(named) else close

    def key_at(start: int) -> str:
        return data[start + len(_NODE) : data.find(b'"', start + len(_NODE))].decode("utf-8")

    default = Region(data, 1, default_hi, default_next, lambda s: "<" + key_at(s) + ">", b",")
    return default, Region(data, split, close, named_next, key_at, b",")


def _named_starts(data: bytes, close: int) -> list[int]:
    starts = []
    found = data.find(_NAMED, 0, close)
    while found >= 0:
        starts.append(data.rfind(_NODE, 0, found))
        found = data.find(_NAMED, found + 1, close)
    return starts


# ---------------------------------------------------------------- patching a region


@dataclass(frozen=True, slots=True)
class RegionPatch:
    """Old blocks to remove (spans from Region.span/prefix_span) and new blocks by key."""

    removed: list[tuple[int, int]]
    added: dict[str, bytes]


def write_region(region: Region, patch: RegionPatch, write: Callable[[bytes], object]) -> None:
    """The region's blocks with the patch applied, in key order, through ``write`` (the old
    blocks kept are written from the old file's memory, not copied)."""
    view = memoryview(region.data)
    inserts = sorted((region.lower_bound(key), key) for key in patch.added)
    events = sorted([(start, 1, end, "") for start, end in set(patch.removed)] + [(p, 0, p, k) for p, k in inserts])
    pieces: list[memoryview | bytes] = []
    cursor = region.lo
    for position, kind, end, key in events:
        if position > cursor:
            pieces.append(_kept(region, view, cursor, position))
            cursor = position
        if kind == 0:
            pieces.append(patch.added[key])
        else:
            cursor = max(cursor, end)
    if cursor < region.hi:
        pieces.append(_kept(region, view, cursor, region.hi))
    separator = region.separator
    first = True
    for piece in pieces:
        if not len(piece):
            continue
        if separator and not first:
            write(separator)
        write(piece)  # type: ignore[arg-type]  # a memoryview writes as bytes do
        first = False


def _kept(region: Region, view: memoryview, start: int, end: int) -> memoryview:
    """Old blocks from ``start`` to ``end`` without a separator at either edge."""
    separator = region.separator
    if separator:
        if region.data[start : start + len(separator)] == separator:
            start += len(separator)
        if end - start >= len(separator) and region.data[end - len(separator) : end] == separator:
            end -= len(separator)
    return view[start : max(start, end)]


def patch_file(old: bytes, regions: list[tuple[Region, RegionPatch]], write: Callable[[bytes], object]) -> None:
    """``old`` with each region (in file order) patched; the bytes between regions copied."""
    view = memoryview(old)
    cursor = 0
    for region, patch in regions:
        write(view[cursor : region.lo])  # type: ignore[arg-type]
        write_region(region, patch, write)
        cursor = region.hi
    write(view[cursor:])  # type: ignore[arg-type]
