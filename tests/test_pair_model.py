"""The pair model (loaders/relations/pair_model.py): what it adds beyond the rules, that
its weights are what scripts/train-pair-model learns from the project's gold, and that a
broken model file is refused with its name."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import InputError
from loaders import ablation
from loaders.pipeline import extract_document
from loaders.relations.pair_model import MODEL_FILE, RULE_NAME, default_model, model_from_json

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "loaders" / "lexicon" / MODEL_FILE
# Weights are rounded to five places when written; two runs of the same arithmetic may
# differ in the last bits of a sum, never by this much.
TOLERANCE = 1e-3


def _relations(path: Path) -> set[tuple[str, str, str, str]]:
    extraction = extract_document(path)
    names = {e.id: e.name for e in extraction.entities}
    return {(r.type, names[r.head], names[r.tail], r.rule) for r in extraction.relations}


def test_the_model_adds_a_relation_no_rule_reads_and_goes_with_its_part(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("加快应急安全产业发展，争创云杉城市安全技术创新中心。\n", encoding="utf-8")
    added = ("SUPPORTS_CHAIN", "云杉城市安全技术创新中心", "应急安全", RULE_NAME)
    assert added in _relations(page)
    with ablation.disabled("pair-model"):
        assert not any(r[0] == "SUPPORTS_CHAIN" for r in _relations(page))


def test_a_pair_models_confidence_is_its_score_at_least_the_threshold(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("加快应急安全产业发展，争创云杉城市安全技术创新中心。\n", encoding="utf-8")
    scored = [r.confidence for r in extract_document(page).relations if r.rule == RULE_NAME]
    assert scored and all(default_model().threshold <= c < 1.0 for c in scored)


def test_a_model_file_without_weights_is_refused_with_its_name() -> None:
    with pytest.raises(InputError, match="custom.json"):
        model_from_json({"bias": 0.0, "threshold": 0.5}, "custom.json")


def test_the_shipped_weights_are_what_the_training_script_learns_from_the_gold(tmp_path: Path) -> None:
    out = tmp_path / "model.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train-pair-model"), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    learned, shipped = json.loads(out.read_text(encoding="utf-8")), json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert learned["trained_on_gold_files"] == shipped["trained_on_gold_files"]
    assert abs(learned["bias"] - shipped["bias"]) < TOLERANCE
    keys = set(learned["weights"]) | set(shipped["weights"])
    stale = [k for k in keys if abs(learned["weights"].get(k, 0.0) - shipped["weights"].get(k, 0.0)) >= TOLERANCE]
    assert not stale, (
        f"{len(stale)} weights differ: extraction changed since the model was trained; run scripts/train-pair-model"
    )
