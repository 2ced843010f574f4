"""The spans a reading of lists takes and gives: known names, the members it types, and
the known names of one sentence indexed once for all its lists.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


# Not frozen, for speed (a frozen dataclass is built about three times slower, and
# one is built per match); hashable all the same, and never changed once built.
@dataclass(slots=True, unsafe_hash=True)
class KnownSpan:
    start: int
    end: int
    type: str


@dataclass(frozen=True, slots=True)
class ListMember:
    start: int
    end: int
    type: str
    by_cue: bool  # typed by the head noun (True) or by a known member (False)
    subtype: str | None = None  # ChainSegment for the fields of an industry


@dataclass(slots=True)  # (not frozen: built once per list sentence, and faster so)
class KnownIndex:
    """The known names of one sentence, indexed once for all its lists."""

    by_end: dict[int, KnownSpan]
    spans: list[tuple[int, int]]
    contagious_ends: list[int]  # sorted ends of known enterprises and chains
    chain_starts: frozenset[int]  # starts of known chains

    def place_from(self, start: int, end: int) -> int | None:
        """The end of a known place that opens ``[start, end)`` and stops short of its end."""
        for span in self.by_end.values():
            if span.start == start and span.type == "Place" and span.end < end:
                return span.end
        return None

    def may_spread_before(self, stop: int) -> bool:
        """Contagion needs a known member (and an unknown one) before ``stop``: two of one
        class, or one chain among industries the vocabulary knows; with no known enterprise
        or chain there, no list can spread."""
        return bisect_right(self.contagious_ends, stop) >= 1
