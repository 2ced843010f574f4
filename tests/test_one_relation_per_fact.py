"""One relation per fact (type, head, tail, document, sentence), chosen in one place
(kg.graph.merge.one_per_fact) by one tie-break: the most confident, then the earliest
evidence, then the first rule by name, whatever order the relations come in."""

from __future__ import annotations

import itertools

import pytest
from test_relations_helpers import LEXICON, find_known, make_document

from kg.constraints import relation_allowed
from kg.errors import InputError
from kg.graph.merge import merge_extractions, one_per_fact
from kg.model import DocumentExtraction, Entity, Evidence, KnowledgeGraph, Relation, fact_key
from loaders.relations.engine import extract_relations

SENTENCE = Evidence("d.txt", 3, "甲位于乙。", 40, 45)


def located(rule: str, confidence: float, evidence: Evidence = SENTENCE) -> Relation:
    return Relation("LOCATED_IN", "e-a", "e-b", evidence, rule, confidence)


def test_the_most_confident_wins_in_any_order() -> None:
    found = [located("zeta", 0.9), located("alpha", 0.6), located("beta", 0.75)]
    for order in itertools.permutations(found):
        assert [r.rule for r in one_per_fact(order)] == ["zeta"]


def test_equal_confidence_goes_to_the_first_rule_by_name_in_any_order() -> None:
    found = [located("part-of-chain-topic", 0.65), located("lead-part-of-chain", 0.65)]
    for order in itertools.permutations(found):
        assert [r.rule for r in one_per_fact(order)] == ["lead-part-of-chain"]


def test_other_sentences_documents_or_directions_are_other_facts() -> None:
    other_sentence = Evidence("d.txt", 4, "甲位于乙。", 46, 51)
    other_document = Evidence("e.txt", 3, "甲位于乙。", 40, 45)
    found = [
        located("r", 0.9),
        located("r", 0.9, other_sentence),
        located("r", 0.9, other_document),
        Relation("LOCATED_IN", "e-b", "e-a", SENTENCE, "r", 0.9),
    ]
    assert len(one_per_fact(found)) == 4


def test_relations_keep_every_rule_and_the_graph_keeps_one() -> None:
    doc = make_document(["科大讯飞位于合肥高新区，科大讯飞落户合肥高新区。"])
    relations = extract_relations(doc, find_known(doc, LEXICON)).relations
    located_in = [r for r in relations if r.type == "LOCATED_IN"]
    assert len({fact_key(r) for r in located_in}) == 1 < len(located_in)
    entities = {
        r_id: Entity(r_id, cls, None, r_id)
        for r_id, cls in ((located_in[0].head, "Enterprise"), (located_in[0].tail, "Place"))
    }
    extraction = DocumentExtraction(doc, [], list(entities.values()), located_in)
    graph = merge_extractions([extraction], relation_allowed)
    (kept,) = graph.relations
    assert kept == min(located_in, key=lambda r: (-r.confidence, r.evidence.start, r.rule))


def test_a_graph_cannot_be_made_with_a_fact_twice() -> None:
    with pytest.raises(InputError, match="already stated"):
        KnowledgeGraph([], {}, [located("a", 0.9), located("b", 0.5)])
    assert KnowledgeGraph([], {}, one_per_fact([located("a", 0.9), located("b", 0.5)])).relations
