"""No stage changes what it is given: every stage is run on the seeds and its inputs are
compared with deep copies taken before, so a stage that rewrote a mention's canonical name
or swapped a relation's ends in place would fail here."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import pytest

from kg.constraints import relation_allowed
from kg.graph.merge import merge_extractions, prune_relations
from kg.model import Document, DocumentExtraction, Entity, Evidence, Mention, Relation
from loaders.mentions.find import find_mentions
from loaders.pipeline import extract_document
from loaders.read.document import read_document
from loaders.relations.engine import extract_relations
from loaders.resolve import build_entities

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return [read_document(path) for path in SEEDS]


def test_finding_mentions_leaves_the_document_as_it_was(documents: list[Document]) -> None:
    for document in documents:
        before = copy.deepcopy(document)
        find_mentions(document)
        assert document == before, document.name


def test_resolving_leaves_the_mentions_as_they_were(documents: list[Document]) -> None:
    refined = 0
    for document in documents:
        mentions = find_mentions(document).mentions
        before = copy.deepcopy(mentions)
        resolved = build_entities(mentions)
        assert mentions == before, document.name
        assert len(resolved.mentions) == len(mentions)
        refined += sum(a.canonical != b.canonical for a, b in zip(mentions, resolved.mentions, strict=True))
    # The seeds have short forms resolution refines: the copies carry them, not the inputs.
    assert refined > 0


def test_relations_leave_document_and_mentions_as_they_were(documents: list[Document]) -> None:
    for document in documents:
        mentions = build_entities(find_mentions(document).mentions).mentions
        before = copy.deepcopy((document, mentions))
        first = extract_relations(document, mentions)
        assert (document, mentions) == before, document.name
        assert extract_relations(document, mentions) == first  # nothing carried over


def test_entities_are_built_from_the_resolved_mentions(documents: list[Document]) -> None:
    """Relations are read between the resolved mentions, so both ends of every relation
    are an entity of the same document (the order of the stages cannot differ)."""
    for path in SEEDS:
        extraction = extract_document(path)
        ids = {e.id for e in extraction.entities}
        assert extraction.relations
        assert all({r.head, r.tail} <= ids for r in extraction.relations), path.name
        assert {m.canonical for m in extraction.mentions} == {e.name for e in extraction.entities}


def test_merging_leaves_the_extractions_as_they_were() -> None:
    extractions = [extract_document(path) for path in SEEDS]
    before = copy.deepcopy(extractions)
    graph = merge_extractions(extractions, relation_allowed)
    assert extractions == before
    # and what it made shares no mutable part with them: changing the graph changes no input
    for entity in graph.entities.values():
        entity.aliases.append("改")
        entity.mentions.clear()
    graph.relations.clear()
    assert extractions == before


def test_a_symmetric_relation_is_oriented_in_a_new_object() -> None:
    a, b = Entity("e-a", "University", None, "甲大学"), Entity("e-b", "Enterprise", None, "乙公司")
    evidence = Evidence("d.txt", 0, "甲大学与乙公司合作。", 0, 10)
    given = Relation("COOPERATES_WITH", "e-b", "e-a", evidence, "r", 0.9)
    kept, dropped = prune_relations([given], {"e-a": a, "e-b": b}, relation_allowed)
    assert (given.head, given.tail) == ("e-b", "e-a")
    assert [(r.head, r.tail) for r in kept] == [("e-a", "e-b")] and not dropped


def test_mentions_and_relations_cannot_be_changed_in_place() -> None:
    mention = Mention("d.txt", 0, 0, 2, "合肥", "Place", None, "合肥市", "gazetteer")
    with pytest.raises(dataclasses.FrozenInstanceError):
        mention.canonical = "别的"  # type: ignore[misc]
    relation = Relation("LOCATED_IN", "e-a", "e-b", Evidence("d.txt", 0, "x", 0, 1), "r", 0.5)
    with pytest.raises(dataclasses.FrozenInstanceError):
        relation.head = "e-c"  # type: ignore[misc]


def test_an_extraction_is_equal_to_its_deep_copy() -> None:
    # (what the comparisons above rely on: equality looks at every field, all the way down)
    extraction = extract_document(SEEDS[0])
    twin = copy.deepcopy(extraction)
    assert twin == extraction
    twin.document.sentences[0].offsets[0] += 1
    assert twin != extraction
    assert isinstance(extraction, DocumentExtraction)
