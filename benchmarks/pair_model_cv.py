"""How good the pair model's guesses are on documents it was not trained on: k-fold
cross-validation over every document the training script uses (the project's gold sets,
extracted now, and the stored rows of tests/real/outside).

Documents are dealt into K folds; for each fold the model is fitted, exactly as
scripts/train-pair-model fits it, on the other folds and scores the fold's candidates.
For each threshold it prints how many candidates would become relations, how many of
those the gold states (precision) and what share of the gold's candidate relations they
recover, against the baseline of adding none. Adding relations of precision p raises
relation F1 where p is above half the F1 the rules reach without them, which is how the
threshold is chosen.

    .venv/bin/python benchmarks/pair_model_cv.py [--folds 5] [--thresholds 0.4,0.5,0.6,0.7]

Exit codes: 0 printed; 2 a gold set, page or stored rows file is missing or malformed.
"""

from __future__ import annotations

import argparse
import importlib.machinery
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.errors import InputError  # noqa: E402
from loaders.relations.pair_model import probability  # noqa: E402

Candidate = tuple[str, str, list[str], bool]  # set, document, features, label


def training_script() -> ModuleType:
    path = ROOT / "scripts" / "train-pair-model"
    loader = importlib.machinery.SourceFileLoader("train_pair_model", str(path))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def all_candidates(train: ModuleType) -> list[Candidate]:
    rows: list[Candidate] = []
    for name, (paths, folder) in train.training_sets().items():
        rows += [(name, doc, features, label) for doc, features, label in train.labelled_candidates(paths, folder)]
    for folder in train.outside_sets(train.OUTSIDE):
        rows += [(folder.name, doc, features, label) for doc, features, label in train.stored_candidates(folder)]
    return rows


def out_of_fold_scores(train: ModuleType, rows: list[Candidate], folds: int) -> list[float]:
    documents = sorted({(name, doc) for name, doc, _, _ in rows})
    fold_of = {document: i % folds for i, document in enumerate(documents)}
    scores = [0.0] * len(rows)
    for fold in range(folds):
        held = [fold_of[(name, doc)] == fold for name, doc, _, _ in rows]
        weights, bias = train.fit([(f, label) for (_, _, f, label), out in zip(rows, held, strict=True) if not out])
        for i, ((_, _, features, _), out) in enumerate(zip(rows, held, strict=True)):
            if out:
                scores[i] = probability(bias + sum(weights.get(f, 0.0) for f in set(features)))
        print(f"fold {fold + 1}/{folds} done", file=sys.stderr)
    return scores


def report(rows: list[Candidate], scores: list[float], thresholds: list[float]) -> None:
    positives = sum(label for _, _, _, label in rows)
    print(f"{len(rows)} candidates, {positives} stated by the gold; baseline (add none): 0 added")
    print("| threshold | added | right | precision | share of the gold's candidates recovered |")
    print("|---|---:|---:|---:|---:|")
    for threshold in thresholds:
        added = [label for (_, _, _, label), score in zip(rows, scores, strict=True) if score >= threshold]
        right = sum(added)
        precision = right / len(added) if added else 0.0
        print(f"| {threshold:.2f} | {len(added)} | {right} | {precision:.3f} | {right / max(positives, 1):.3f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--thresholds", default="0.4,0.5,0.6,0.7")
    args = parser.parse_args()
    if args.folds < 2:
        parser.error("--folds must be at least 2")
    try:
        thresholds = [float(t) for t in args.thresholds.split(",")]
    except ValueError:
        parser.error(f"--thresholds: not a comma-separated list of numbers: {args.thresholds!r}")
    train = training_script()
    try:
        rows = all_candidates(train)
    except (InputError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    report(rows, out_of_fold_scores(train, rows, args.folds), thresholds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
