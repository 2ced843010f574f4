"""The entity model (loaders/entity_model.py): what it leaves out and what it keeps, that it
reports each name it drops, and that its weights are what scripts/train-pair-model learns."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import weights_learned_again

from kg.model import DocumentExtraction
from kg.reasons import is_known
from loaders import ablation
from loaders.entity_model import (
    DROP_REASON,
    GUESS_DROP_REASON,
    MODEL_FILE,
    check_entities,
    entity_parts,
    relation_stages,
    unlikely_entities,
)
from loaders.pipeline import extract_document
from loaders.relations.pair_model import PairModel, model_from_json

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "loaders" / "lexicon" / MODEL_FILE
# A rule puts the zone in the city (位于: PART_OF); the university is related by no rule.
PAGE = "青柳高新区位于合肥市。中国科学技术大学发布年度报告。\n"


def _before_the_check(tmp_path: Path, text: str = PAGE) -> DocumentExtraction:
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    with ablation.disabled("entity-model"):
        return extract_document(page)


def _model_against(entity_class: str) -> PairModel:
    """A model that scores every entity of ``entity_class`` far under its threshold, and
    every other far over it."""
    weights = {f"{entity_class}|": -20.0}
    return model_from_json({"bias": 10.0, "threshold": 0.25, "weights": weights}, "m.json")


def test_an_unlikely_name_goes_with_its_mentions_and_relations_and_is_reported(tmp_path: Path) -> None:
    found = _before_the_check(tmp_path)
    university = next(e for e in found.entities if e.type == "University")
    checked = check_entities(
        found.document, found.entities, found.mentions, found.relations, _model_against("University")
    )
    assert university.id not in {e.id for e in checked.entities}
    assert not any(m.canonical == university.name for m in checked.mentions)
    assert not any(university.id in (r.head, r.tail) for r in checked.relations)
    [dropped] = checked.dropped
    assert dropped.reason == DROP_REASON and is_known(dropped.reason)
    assert found.document.text[dropped.start : dropped.end] == dropped.text == "中国科学技术大学"
    # nothing it was given changed
    assert university in found.entities and len(found.dropped) == len(_before_the_check(tmp_path).dropped)


def test_a_name_a_relation_rule_related_is_kept_whatever_its_score(tmp_path: Path) -> None:
    found = _before_the_check(tmp_path)
    zone = next(e for e in found.entities if e.name.startswith("青柳"))
    assert any(r.head == zone.id and r.rule != "pair-model" for r in found.relations)
    model = _model_against("Place")
    assert zone not in unlikely_entities(found.document, found.entities, found.relations, model)


def _model_doubting(entity_class: str) -> PairModel:
    """A model that scores every entity of ``entity_class`` 0.4 (doubtful, yet over the
    threshold of 0.25) and every other 0.5."""
    return model_from_json({"bias": 0.0, "threshold": 0.25, "weights": {f"{entity_class}|": -0.405}}, "m.json")


def test_a_learned_guess_about_a_doubtful_name_is_left_out_and_the_name_kept(tmp_path: Path) -> None:
    # No rule reads a focus from "已在…领域深耕": the pair model does (tests/test_pair_model.py).
    found = _before_the_check(tmp_path, "青柳高新区已在新材料领域深耕多年。\n")
    assert any(r.rule == "pair-model" for r in found.relations)
    checked = check_entities(
        found.document, found.entities, found.mentions, found.relations, _model_doubting("IndustryChain")
    )
    assert not any(r.rule == "pair-model" for r in checked.relations)
    assert "新材料" in {e.name for e in checked.entities}
    assert [d.reason for d in checked.dropped] == [GUESS_DROP_REASON] and is_known(GUESS_DROP_REASON)
    # the same guess about names the model does not doubt stays
    kept = check_entities(
        found.document, found.entities, found.mentions, found.relations, _model_doubting("Laboratory")
    )
    assert any(r.rule == "pair-model" for r in kept.relations) and not kept.dropped


def test_a_rules_relation_stays_whatever_the_model_thinks_of_its_names(tmp_path: Path) -> None:
    found = _before_the_check(tmp_path)
    ruled = [r for r in found.relations if r.rule != "pair-model" and r.rule != "cross-sentence"]
    assert ruled
    checked = check_entities(found.document, found.entities, found.mentions, found.relations, _model_doubting("Place"))
    assert set(map(id, ruled)) <= set(map(id, checked.relations))


def test_the_switch_turns_the_check_off(tmp_path: Path) -> None:
    found = _before_the_check(tmp_path)
    model = _model_against("University")
    with ablation.disabled("entity-model"):
        checked = check_entities(found.document, found.entities, found.mentions, found.relations, model)
    assert checked.entities == found.entities and not checked.dropped


def test_the_model_reads_the_words_around_a_name_its_rules_and_its_relations(tmp_path: Path) -> None:
    found = _before_the_check(tmp_path)
    zone = next(e for e in found.entities if e.name.startswith("青柳"))
    parts = entity_parts(found.document, zone, relation_stages(found.relations)[zone.id])
    assert "l1=^" in parts and "r1=位" in parts and "rw=位于" in parts
    assert {f"src={m.source}" for m in zone.mentions} <= set(parts)
    assert "hPART_OF|rule" in parts and "norel" not in parts
    university = next(e for e in found.entities if e.type == "University")
    assert "norel" in entity_parts(found.document, university, frozenset())


def test_scoring_reads_a_name_as_training_stores_it(tmp_path: Path) -> None:
    # A model that knows one part only: the university falls under the threshold only if
    # scoring reads the word after it as the stored rows name it.
    found = _before_the_check(tmp_path)
    university = next(e for e in found.entities if e.type == "University")
    for part, dropped in (("rw=发布", True), ("rw=公布", False)):
        model = model_from_json({"bias": 0.0, "threshold": 0.25, "weights": {f"University|{part}": -9.0}}, "m.json")
        assert (university in unlikely_entities(found.document, found.entities, found.relations, model)) is dropped


def test_the_shipped_weights_are_what_the_training_script_learns_from_the_gold(tmp_path: Path) -> None:
    stale = weights_learned_again("entity", SHIPPED, tmp_path / "entity.json")
    assert not stale, f"{len(stale)} differ ({stale[:5]}); run scripts/train-pair-model --model entity"


def test_the_shipped_model_counts_a_positive_as_much_as_a_negative() -> None:
    # Most names found are right: weighting positives by the ratio would count each under one.
    assert json.loads(SHIPPED.read_text(encoding="utf-8"))["positive_weight"] == 1.0
