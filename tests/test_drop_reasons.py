"""Drop reasons are a closed set (kg.reasons): every reason the pipeline gives on the
seeds, the written test documents and the real pages is one of them."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest

from kg import reasons
from kg.graph.build import build_graph
from kg.graph.evaluate import documents_named_by
from loaders.pipeline import extract_document

ROOT = Path(__file__).resolve().parents[1]
REAL_PAGES = ROOT.parent / "shared" / "corpus" / "real"


def corpus() -> list[Path]:
    written = [
        *(ROOT / "seeds").glob("*.txt"),
        *(ROOT / "tests/heldout").glob("*.txt"),
        *(ROOT / "tests/testset").glob("*.txt"),
    ]
    real = documents_named_by(sorted((ROOT / "tests/real").glob("*/*.gold.jsonl")))
    return sorted(written) + [REAL_PAGES / name for name in sorted(real)]


@pytest.fixture(scope="module")
def emitted() -> Counter[tuple[str, str]]:
    paths = corpus()
    assert len(paths) == 5 + 6 + 80  # seeds, heldout and testset, real pages
    counts: Counter[tuple[str, str]] = Counter()
    for path in paths:
        graph = build_graph([extract_document(path)])
        counts.update((d.stage, d.reason) for d in graph.dropped)
    return counts


def test_every_reason_the_pipeline_gives_is_in_the_closed_set(emitted: Counter[tuple[str, str]]) -> None:
    unknown = sorted({reason for _, reason in emitted if not reasons.is_known(reason)})
    assert unknown == [], "add them to kg.reasons.DropReason (or fix the stage)"
    stages = {stage for stage, _ in emitted}
    assert {"clean", "mentions", "relations"} <= stages  # the check saw every extraction stage


def test_the_graphs_own_drops_are_in_the_closed_set() -> None:
    # The rules check classes before a relation leaves them, so the graph's own check of
    # domain and range is a safety net the corpus may never reach: reach it on purpose.
    extraction = extract_document(next((ROOT / "seeds").glob("002_*.txt")))
    by_class = {e.type: e for e in extraction.entities}
    lab, place = by_class["Laboratory"], by_class["Place"]
    wrong = dataclasses.replace(extraction.relations[0], type="OPERATED_BY", head=place.id, tail=lab.id)
    graph = build_graph([dataclasses.replace(extraction, relations=[*extraction.relations, wrong])])
    reasons_given = {d.reason for d in graph.dropped if d.stage == "graph"}
    assert reasons_given == {"domain-range:Place->Laboratory"}
    assert all(reasons.is_known(reason) for reason in reasons_given)


def test_each_form_of_reason_occurs(emitted: Counter[tuple[str, str]]) -> None:
    given = {reason for _, reason in emitted}
    assert given & reasons.DROP_REASONS  # alone
    assert any(r.startswith("type-constraint:") for r in given)  # with a detail
    assert any(":" in r and r.rpartition(":")[2] in reasons.DROP_REASONS for r in given)  # after a rule


@pytest.mark.parametrize(
    "reason",
    [
        "duplicate-paragraph",
        "facility:generic-name",
        "industry-chain:too-long",
        "type-constraint:PART_OF:place-not-within",
        "type-constraint:OPERATED_BY:Enterprise->University",
        "domain-range:InnovationPlatform->Place",
    ],
)
def test_reasons_in_each_form_are_known(reason: str) -> None:
    assert reasons.is_known(reason)


@pytest.mark.parametrize(
    "reason",
    [
        "",
        "dropped",
        "Duplicate-Paragraph",
        "facility:not-a-reason",
        ":generic-name",
        "Some Rule:generic-name",
        "type-constraint",
        "type-constraint:PART_OF:too-far",
        "type-constraint:EMPLOYS:Enterprise->University",
        "type-constraint:OPERATED_BY:Enterprise->Person",
        "domain-range:Place",
        "domain-range:Person->Place",
    ],
)
def test_anything_else_is_not(reason: str) -> None:
    assert not reasons.is_known(reason)


def test_domain_range_reason_is_written_as_before() -> None:
    assert reasons.domain_range("InnovationPlatform", "Place") == "domain-range:InnovationPlatform->Place"
