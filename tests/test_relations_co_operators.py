"""Organisations that run one body together cooperate (loaders.relations.co_operators)."""

from __future__ import annotations

from kg.model import Evidence, Relation
from loaders.relations.co_operators import RULE_NAME, co_operator_cooperation
from loaders.relations.rule_examples import extract_text


def cooperation_of(text: str) -> set[frozenset[str]]:
    extraction = extract_text(text)
    names = {e.id: e.name for e in extraction.entities}
    return {
        frozenset((names[r.head], names[r.tail]))
        for r in extraction.relations
        if r.type == "COOPERATES_WITH" and r.rule == RULE_NAME
    }


def test_the_founders_of_one_lab_cooperate_pairwise() -> None:
    pairs = cooperation_of("湖北三峡实验室由兴发集团、武汉工程大学、三峡大学等单位共同组建。")
    assert pairs == {
        frozenset(("兴发集团", "武汉工程大学")),
        frozenset(("兴发集团", "三峡大学")),
        frozenset(("武汉工程大学", "三峡大学")),
    }


def test_the_universities_a_lab_relies_on_cooperate() -> None:
    pairs = cooperation_of("天府永兴实验室依托四川大学、西南交通大学等高校建设。")
    assert pairs == {frozenset(("四川大学", "西南交通大学"))}


def test_partners_of_a_subject_left_out_do_not_pair_with_each_other() -> None:
    text = "研究所推进与牛津大学、东京大学等国际知名科研机构“国际材料前沿研究中心”联合建设。"
    assert cooperation_of(text) == set()


def test_one_operator_cooperates_with_nobody() -> None:
    assert cooperation_of("湖北三峡实验室由兴发集团牵头组建。") == set()


def _operated(body: str, operator: str, sentence: int, rule: str = "operated-by-passive") -> Relation:
    evidence = Evidence("d.txt", sentence, "…", 0, 1)
    return Relation("OPERATED_BY", body, operator, evidence, rule, 0.9)


def test_operators_pair_within_one_sentence_only_and_the_input_is_kept() -> None:
    relations = [_operated("lab", "a", 0), _operated("lab", "b", 1), _operated("lab", "c", 1)]
    before = list(relations)
    classes = {"a": "University", "b": "University", "c": "Enterprise", "lab": "Laboratory"}
    added = co_operator_cooperation(relations, classes)
    assert [(r.head, r.tail, r.evidence.sentence) for r in added] == [("b", "c", 1)]
    assert relations == before


def test_a_pair_already_cooperating_is_not_added_again() -> None:
    evidence = Evidence("d.txt", 0, "…", 0, 1)
    stated = Relation("COOPERATES_WITH", "b", "a", evidence, "cooperates-with", 0.85)
    relations = [_operated("lab", "a", 0), _operated("lab", "b", 0), stated]
    assert co_operator_cooperation(relations, {"a": "University", "b": "University"}) == []


def test_operators_outside_the_ontology_range_are_not_paired() -> None:
    relations = [_operated("lab", "a", 0), _operated("lab", "b", 0)]
    assert co_operator_cooperation(relations, {"a": "University", "b": "Place"}) == []
