"""The learned pair model: trained deterministically on the real development pages only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from loaders.pair_model import packaged_model

ROOT = Path(__file__).resolve().parents[1]


def test_the_shipped_model_is_what_the_training_script_makes_from_the_development_gold(tmp_path: Path) -> None:
    out = tmp_path / "model.json"
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "train-pair-model"), "--out", str(out)],
                         capture_output=True, text=True, check=True)
    assert "51 documents" in run.stdout  # the development part, never the frozen one
    shipped = (ROOT / "loaders" / "data" / "pair_model.json").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == shipped, "retrain: scripts/train-pair-model"


def test_the_model_has_a_table_per_relation_type_and_a_threshold_it_was_cross_validated_for() -> None:
    model = packaged_model()
    assert model is not None
    assert 0.5 <= model.threshold < 1.0
    assert {"LOCATED_IN", "FOCUSES_ON", "PART_OF_CHAIN"} <= set(model.weights)
