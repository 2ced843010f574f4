"""Regression floors for extraction quality, measured with the same scorer as `kg eval`.

The floors sit a little under the scores measured when they were set (README, "Quality"),
so a change that makes extraction worse on the hand-made gold sets fails here. They are
floors, not targets: raise them when the extractor improves. The real pages are read from
../shared/corpus/real; their frozen part is scored here only to catch regressions, never
to tune on.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kg.graph.evaluate import Scores, evaluate_files

ROOT = Path(__file__).resolve().parents[1]
SEED_GOLD = [ROOT / "tests/gold/002.jsonl", ROOT / "tests/gold/003.jsonl"]
HELDOUT = ROOT / "tests/heldout"
TESTSET = ROOT / "tests/testset"

REAL_PAGES = ROOT.parent / "shared" / "corpus" / "real"
REAL_DEV = sorted((ROOT / "tests/real/dev").glob("*.gold.jsonl"))
REAL_FROZEN = sorted((ROOT / "tests/real/frozen").glob("*.gold.jsonl"))

# (entity F1, relation F1) floors
# Each set's floor sits just under its measure with the name tagger (README, "Quality"), the
# three models learned again with it.
SEED_FLOORS = (0.91, 0.825)  # measured 0.916 / 0.826 (0.912 / 0.826 before unread_names.py)
# development set, measured 0.971 / 0.788 (0.956 / 0.771 eight rounds before): the models,
# learning from more short web pages, add relations its gold does not hold
HELDOUT_FLOORS = (0.965, 0.775)
# never tuned on, measured 0.884 / 0.610 (0.883 before unread_names.py, 0.881 / 0.614 before
# the models learned web-EP to EU, 0.878 / 0.623 before web-EJ to EO; each time the unseen real
# pages gained: written documents are not what they learned more of)
TESTSET_FLOORS = (0.878, 0.605)
# real pages, development part (training data of the learned models and of the tagger),
# measured 0.927 / 0.715 (0.919 before unread_names.py; 0.918 / 0.722 before the models learned
# web-EP to EU, whose pages outnumber it: 202 against 51)
REAL_DEV_FLOORS = (0.92, 0.71)
# real pages, frozen part, never tuned on, measured 0.807 / 0.432 (0.802 / 0.432 before
# unread_names.py, 0.806 / 0.430 the round before that, 0.801 / 0.408 before it, 0.801 / 0.405
# before the words that point back, 0.788 / 0.390 at 5540445 and 1b3079c): the floor follows
# the measure
REAL_FROZEN_FLOORS = (0.80, 0.425)


def f1s(scores: Scores) -> tuple[float, float]:
    return Scores.total(scores.entities).f1, Scores.total(scores.relations).f1


@pytest.fixture(scope="module")
def seed_scores() -> Scores:
    return evaluate_files(SEED_GOLD, ROOT / "seeds")


def test_seed_gold_quality_floors(seed_scores: Scores) -> None:
    entity_f1, relation_f1 = f1s(seed_scores)
    assert entity_f1 >= SEED_FLOORS[0], f"entity F1 {entity_f1:.3f}"
    assert relation_f1 >= SEED_FLOORS[1], f"relation F1 {relation_f1:.3f}"


def test_every_class_and_relation_type_is_found_on_the_seeds(seed_scores: Scores) -> None:
    assert all(s.correct > 0 for s in seed_scores.entities.values()), seed_scores.entities
    found = {k for k, s in seed_scores.relations.items() if s.correct > 0}
    assert {"LOCATED_IN", "PART_OF", "PART_OF_CHAIN", "SUPPORTS_CHAIN", "FOCUSES_ON"} <= found


def test_heldout_quality_floors() -> None:
    gold = sorted(HELDOUT.glob("*.gold.jsonl"))
    assert len(gold) == 3
    entity_f1, relation_f1 = f1s(evaluate_files(gold, HELDOUT))
    assert entity_f1 >= HELDOUT_FLOORS[0], f"entity F1 {entity_f1:.3f}"
    assert relation_f1 >= HELDOUT_FLOORS[1], f"relation F1 {relation_f1:.3f}"


def test_testset_quality_floors() -> None:
    gold = sorted(TESTSET.glob("*.gold.jsonl"))
    assert len(gold) == 3
    entity_f1, relation_f1 = f1s(evaluate_files(gold, TESTSET))
    assert entity_f1 >= TESTSET_FLOORS[0], f"entity F1 {entity_f1:.3f}"
    assert relation_f1 >= TESTSET_FLOORS[1], f"relation F1 {relation_f1:.3f}"


def test_real_development_pages_quality_floors() -> None:
    assert len(REAL_DEV) == 51
    entity_f1, relation_f1 = f1s(evaluate_files(REAL_DEV, REAL_PAGES))
    assert entity_f1 >= REAL_DEV_FLOORS[0], f"entity F1 {entity_f1:.3f}"
    assert relation_f1 >= REAL_DEV_FLOORS[1], f"relation F1 {relation_f1:.3f}"


def test_real_frozen_pages_quality_floors() -> None:
    assert len(REAL_FROZEN) == 29
    entity_f1, relation_f1 = f1s(evaluate_files(REAL_FROZEN, REAL_PAGES))
    assert entity_f1 >= REAL_FROZEN_FLOORS[0], f"entity F1 {entity_f1:.3f}"
    assert relation_f1 >= REAL_FROZEN_FLOORS[1], f"relation F1 {relation_f1:.3f}"


def test_the_ten_negative_pages_yield_at_most_one_relation_in_all() -> None:
    # The negatives were chosen as pages stating none of the eight relations; annotated,
    # three of them do state some (their gold holds 4: tests/real/README.md). A relation
    # the gold holds is no spurious one, so what is counted is the relations beyond it.
    negatives = [p for p in REAL_DEV + REAL_FROZEN if "_neg_" in p.name]
    assert len(negatives) == 10
    scores = Scores.total(evaluate_files(negatives, REAL_PAGES).relations)
    spurious = scores.predicted - round(scores.precision * scores.predicted)
    assert spurious <= 1, f"{spurious} relations the gold does not hold extracted from pages about nothing"
    # the issue's target, met since the learned stages' guesses about doubtful names are judged
    assert scores.predicted <= 1, f"{scores.predicted} relations extracted from the ten negatives in all"


def test_pages_in_traditional_script_score_within_five_points_of_the_others() -> None:
    with (REAL_PAGES / "sources.tsv").open(encoding="utf-8") as f:
        traditional = {row["file"] for row in csv.DictReader(f, delimiter="\t") if "traditional" in row["noise"]}
    pages = [p for p in REAL_DEV + REAL_FROZEN if "_neg_" not in p.name]
    in_traditional = [p for p in pages if p.name.replace(".gold.jsonl", ".txt") in traditional]
    others = [p for p in pages if p not in in_traditional]
    assert len(in_traditional) == 9
    traditional_f1 = f1s(evaluate_files(in_traditional, REAL_PAGES))[0]
    others_f1 = f1s(evaluate_files(others, REAL_PAGES))[0]
    assert traditional_f1 >= others_f1 - 0.05, f"entity F1 {traditional_f1:.3f} against {others_f1:.3f}"
