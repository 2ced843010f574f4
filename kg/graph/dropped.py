"""What the build report says of dropped items: per document, how many of each reason and
the first examples; over the documents, the report's counts and examples.

The full build and the patch (kg.graph.patch) both make the report's figures here, from
the same per-document summaries (the patch keeps them in its ledger), so the two reports
agree by construction.
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.model import Dropped, KnowledgeGraph
from kg.store import GRAPH_STAGE

# Per (run, "stage:reason"), in the order first seen: how many and the first examples
# (run 0: extraction's items, 1: the graph's checks').
DroppedSummary = tuple[tuple[int, str, int, tuple[str, ...]], ...]
EXAMPLES_PER_REASON = 3


def example_of(item: Dropped) -> str:
    """How the report shows a dropped item."""
    return f"{item.doc}[{item.start}:{item.end}] {item.text[:80]}"


def dropped_summary(items: Iterable[Dropped]) -> DroppedSummary:
    """One document's dropped items, summed up."""
    counts: dict[tuple[int, str], int] = {}
    examples: dict[tuple[int, str], list[str]] = {}
    for item in items:
        key = (int(item.stage == GRAPH_STAGE), f"{item.stage}:{item.reason}")
        counts[key] = counts.get(key, 0) + 1
        shown = examples.setdefault(key, [])
        if len(shown) < EXAMPLES_PER_REASON:
            shown.append(example_of(item))
    return tuple((run, reason, n, tuple(examples[(run, reason)])) for (run, reason), n in counts.items())


def graph_summaries(graph: KnowledgeGraph) -> list[DroppedSummary]:
    """Every document's summary, in the graph's document order."""
    by_document: dict[str, list[Dropped]] = {}
    for item in graph.dropped:
        by_document.setdefault(item.doc, []).append(item)
    ordered = [by_document.pop(doc.name, []) for doc in graph.documents]
    return [dropped_summary(items) for items in [*ordered, *by_document.values()] if items]


def report_totals(summaries: Iterable[DroppedSummary]) -> tuple[dict[str, int], dict[str, list[str]]]:
    """The report's dropped counts and examples: every document's from extraction, then
    every document's from the graph's checks."""
    summaries = list(summaries)
    counts: dict[str, int] = {}
    examples: dict[str, list[str]] = {}
    for run in (0, 1):
        for summary in summaries:
            for item_run, reason, n, shown in summary:
                if item_run != run:
                    continue
                counts[reason] = counts.get(reason, 0) + n
                bucket = examples.setdefault(reason, [])
                bucket.extend(shown[: EXAMPLES_PER_REASON - len(bucket)])
    return counts, examples
