"""How much the entity model (loaders/entity_model.py) adds on pages unlike those it learned
from: leave-one-set-out cross-validation over every set the training script uses for it.

Each fold holds out one set (an outside set of tests/real/outside, or the real pages'
development part); the model is fitted, as scripts/train-pair-model fits it, on every other set
(the seeds and heldout always among them) and scores the held-out set's entities. An entity
under the threshold is left out unless a relation rule related it, as extraction does. Printed
per group of held-out sets: entity precision, recall and F1 with every entity kept (the
baseline, what extraction gives without the model) and with the model, and the ratio of the
two F1s; then the same for other thresholds. The gold entities each set holds are counted from
its gold files, so a name the extractor never found counts as missed in both.

    PYTHONPATH=. .venv/bin/python benchmarks/entity_model_cv.py [--thresholds 0.2,0.3] [--jobs 2]

A fold takes about twenty seconds.

Exit codes: 0 printed; 2 a gold set, page or stored rows file is missing or malformed.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import ModuleType

from pair_model_cv import ALWAYS_TRAINED, training_script

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.errors import InputError  # noqa: E402
from kg.graph.evaluate import read_gold  # noqa: E402

Row = tuple[str, list[str], bool]  # set, features, label
_ROWS: list[Row] = []  # shared with the worker processes (fork)


def all_rows(train: ModuleType) -> tuple[list[Row], dict[str, int]]:
    """Every entity row of every set the entity model learns from, and each set's gold entities."""
    rows: list[Row] = []
    gold: dict[str, int] = {}
    for name, (paths, folder) in train.training_sets().items():
        rows += [(name, features, label) for _, features, label in train.labelled_candidates(paths, folder, "entity")]
        gold[name] = len(read_gold(paths, folder)[0])
    for folder in train.outside_sets(train.OUTSIDE, "entity"):
        rows += [(folder.name, features, label) for _, features, label in train.stored_candidates(folder, "entity")]
        gold[folder.name] = len(read_gold(sorted(folder.glob("*.gold.jsonl")))[0])
    return rows, gold


def _fold(held: str) -> tuple[str, list[tuple[float, bool, bool]]]:
    """The held-out set's entities: score, label, and whether a relation rule related it."""
    train = training_script()
    weights, bias = train.fit([(features, label) for name, features, label in _ROWS if name != held])
    scored = []
    for name, features, label in _ROWS:
        if name == held:
            logit = bias + sum(weights.get(f, 0.0) for f in set(features))
            ruled = any(f.endswith("|rule") for f in features)
            scored.append((1.0 / (1.0 + math.exp(-logit)), label, ruled))
    return held, scored


def f1(gold: int, predicted: int, correct: int) -> tuple[float, float, float]:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def kept_counts(scored: list[tuple[float, bool, bool]], threshold: float) -> tuple[int, int]:
    kept = [label for score, label, ruled in scored if ruled or score >= threshold]
    return len(kept), sum(kept)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--thresholds", default="0.15,0.2,0.3,0.35", help="other thresholds to print")
    parser.add_argument("--jobs", type=int, default=2, help="folds fitted at once (default: 2)")
    args = parser.parse_args()
    try:
        others = [float(t) for t in args.thresholds.split(",") if t.strip()]
    except ValueError:
        parser.error(f"--thresholds: not a comma-separated list of numbers: {args.thresholds!r}")
    train = training_script()
    global _ROWS
    try:
        _ROWS, gold = all_rows(train)
    except (InputError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    folds = sorted({name for name, _, _ in _ROWS} - ALWAYS_TRAINED)
    with ProcessPoolExecutor(max_workers=max(args.jobs, 1), mp_context=multiprocessing.get_context("fork")) as pool:
        scores = dict(pool.map(_fold, folds))
    groups = {
        "outside sets": [f for f in folds if f != "real-dev"],
        "development pages": ["real-dev"],
    }
    threshold = train.THRESHOLDS["entity"]
    print(f"entity model, leave one set out ({len(folds)} folds); threshold {threshold} (the training script's)")
    print("| held-out sets | threshold | without: P / R / F1 | with: P / R / F1 | ratio of F1s |")
    print("|---|---:|---|---|---:|")
    for group, names in groups.items():
        gold_count = sum(gold[n] for n in names)
        scored = [s for n in names for s in scores[n]]
        before = f1(gold_count, len(scored), sum(label for _, label, _ in scored))
        for t in [threshold, *others]:
            after = f1(gold_count, *kept_counts(scored, t))
            print(
                f"| {group} | {t} | {' / '.join(f'{x:.3f}' for x in before)} | "
                f"{' / '.join(f'{x:.3f}' for x in after)} | {after[2] / before[2]:.4f} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
