"""How well the pair model (or, with ``--model cross``, the cross-sentence model) carries over to
pages unlike those it learned from: leave-one-set-out cross-validation over every set the
training script uses for it.

Each fold holds out one set (an outside set of tests/real/outside, whose pages share sources,
or the real pages' development part); the model is fitted, as scripts/train-pair-model fits
it, on every other set (the seeds and heldout always among them) and scores the held-out
set's candidates. Printed: the candidates' precision, recall and F1 at the threshold, pooled
over the held-out sets, for today's settings (the baseline, fixed below) and for the training
script's own or those given as options (the proposed), in the same run, with their difference, how many folds each wins
and the threshold an out-of-fold choice would give (per fold, the best F1 of the other folds'
scores, on a grid). With ``--thresholds`` also the pooled figures per threshold. With
``--calibration`` also how often the held-out candidates of each band of score are right,
against their mean score and their mean confidence (the score with the training's weighting
of positives undone, as extraction reports it), and the ratio of the two calibration errors.

    PYTHONPATH=. .venv/bin/python benchmarks/pair_model_cv.py [--model pair|cross] [--outside DIR]
        [--thresholds 0.5,0.6] [--jobs 2] [--threshold 0.66] [--l2 30] [--iterations 1500] [--step 1]
        [--min-count 2] [--max-positive-weight 10] [--calibration]

A fold takes about ten seconds a setting; settings differing in the threshold only are fitted once.

Exit codes: 0 printed; 2 a gold set, page or stored rows file is missing or malformed.
"""

from __future__ import annotations

import argparse
import importlib.machinery
import importlib.util
import math
import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.errors import InputError  # noqa: E402
from loaders.relations.pair_model import PairModel  # noqa: E402

Candidate = tuple[str, str, list[str], bool]  # set, document, features, label
ALWAYS_TRAINED = frozenset({"seeds", "heldout"})  # too few real-page candidates to be a fold
GRID = [t / 100 for t in range(30, 96, 2)]  # thresholds of the out-of-fold choice


@dataclass(frozen=True)
class Settings:
    l2: float
    iterations: int
    step: float
    min_count: int
    max_positive_weight: float
    threshold: float


# What scripts/train-pair-model used before this study (kept to compare with).
BASELINE = Settings(l2=1.0, iterations=1500, step=1.0, min_count=2, max_positive_weight=10.0, threshold=0.78)


def training_script() -> ModuleType:
    path = ROOT / "scripts" / "train-pair-model"
    loader = importlib.machinery.SourceFileLoader("train_pair_model", str(path))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def proposed(train: ModuleType, told: argparse.Namespace) -> Settings:
    """The training script's settings, less those given on the command line."""
    return Settings(
        l2=train.L2 if told.l2 is None else told.l2,
        iterations=train.ITERATIONS if told.iterations is None else told.iterations,
        step=train.STEP if told.step is None else told.step,
        min_count=train.MIN_COUNT if told.min_count is None else told.min_count,
        max_positive_weight=train.MAX_POSITIVE_WEIGHT if told.max_positive_weight is None else told.max_positive_weight,
        threshold=train.THRESHOLDS[told.model] if told.threshold is None else told.threshold,
    )


def all_candidates(train: ModuleType, model: str, outside: Path) -> list[Candidate]:
    rows: list[Candidate] = []
    for name, (paths, folder) in train.training_sets().items():
        found = train.labelled_candidates(paths, folder, model)
        rows += [(name, doc, features, label) for doc, features, label in found] * train.copies_of(model, name)
    for folder in train.outside_sets(outside, model):
        found = train.stored_candidates(folder, model)
        rows += [(folder.name, doc, features, label) for doc, features, label in found]
    return rows


Scored = list[tuple[float, bool]]  # a held-out candidate's score and label

_ROWS: list[Candidate] = []  # the candidates, shared with the worker processes (fork)


def _fold(job: tuple[str, Settings]) -> tuple[str, Scored]:
    held, settings = job
    train = training_script()
    fitted = [(features, label) for name, _, features, label in _ROWS if name != held]
    knobs = {k: v for k, v in asdict(settings).items() if k != "threshold"}
    weights, bias = train.fit(fitted, **knobs)
    scored = []
    for name, _, features, label in _ROWS:
        if name == held:
            logit = bias + sum(weights.get(f, 0.0) for f in set(features))
            scored.append((1.0 / (1.0 + math.exp(-logit)), label))
    return held, scored


def out_of_fold(rows: list[Candidate], settings: Settings, jobs: int) -> dict[str, Scored]:
    global _ROWS
    _ROWS = rows
    folds = sorted({name for name, _, _, _ in rows} - ALWAYS_TRAINED)
    # fork: the workers share the candidates read once
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        return dict(pool.map(_fold, [(fold, settings) for fold in folds]))


def prf(scored: Scored, threshold: float) -> tuple[float, float, float]:
    added = [label for score, label in scored if score >= threshold]
    right, gold = sum(added), sum(label for _, label in scored)
    precision = right / len(added) if added else 0.0
    recall = right / gold if gold else 0.0
    return precision, recall, 2 * precision * recall / (precision + recall) if right else 0.0


def pooled(scores: dict[str, Scored], but: str | None = None) -> Scored:
    return [pair for fold, scored in scores.items() if fold != but for pair in scored]


def chosen_out_of_fold(scores: dict[str, Scored]) -> tuple[tuple[float, float, float], dict[str, float]]:
    """Per fold the grid's threshold of best F1 on the other folds; the pooled result of those choices."""
    chosen = {fold: max(GRID, key=lambda t: prf(pooled(scores, but=fold), t)[2]) for fold in scores}
    decided = [(1.0 if score >= chosen[fold] else 0.0, label) for fold, s in scores.items() for score, label in s]
    return prf(decided, 0.5), chosen


def report(name: str, settings: Settings, scores: dict[str, Scored]) -> tuple[float, float, float]:
    figures = prf(pooled(scores), settings.threshold)
    (p, r, f), chosen = chosen_out_of_fold(scores)
    thresholds = sorted(chosen.values())
    print(f"{name}: {settings}")
    print(f"  at {settings.threshold:.2f}: P {figures[0]:.3f}  R {figures[1]:.3f}  F1 {figures[2]:.4f}")
    print(
        f"  threshold chosen out of fold (median {thresholds[len(thresholds) // 2]:.2f}, "
        f"{thresholds[0]:.2f}-{thresholds[-1]:.2f}): P {p:.3f}  R {r:.3f}  F1 {f:.4f}"
    )
    return figures


BANDS = (0.5, 0.6, 0.7, 0.78, 0.85, 0.9, 0.95, 1.0001)  # score bands of the reliability table


def corrected(score: float, model: PairModel) -> float:
    """The confidence extraction reports for a candidate of this score (PairModel.confidence:
    the training's weighting of positives undone)."""
    # A score is a logistic of the logit; one that rounded to 0 or 1 is taken at its bound.
    score = min(max(score, 1e-12), 1.0 - 1e-12)
    return model.confidence(math.log(score / (1.0 - score)))


def calibration(scored: Scored, positive_weight: float) -> None:
    """How often an out-of-fold candidate is right against what its score says, and against
    the corrected confidence, per band of score; with the weighted mean gap of each (ECE)."""
    print(f"| score band | candidates | right | mean score | mean confidence (weight {positive_weight:.2f} undone) |")
    print("|---|---:|---:|---:|---:|")
    model = PairModel({}, 0.0, BASELINE.threshold, positive_weight)  # only its weighting is read
    gaps = {"score": 0.0, "confidence": 0.0}
    for low, high in zip(BANDS, BANDS[1:], strict=False):
        band = [(s, label) for s, label in scored if low <= s < high]
        if not band:
            continue
        right = sum(label for _, label in band) / len(band)
        mean_score = sum(s for s, _ in band) / len(band)
        mean_conf = sum(corrected(s, model) for s, _ in band) / len(band)
        gaps["score"] += len(band) * abs(mean_score - right)
        gaps["confidence"] += len(band) * abs(mean_conf - right)
        print(f"| {low:.2f}-{min(high, 1.0):.2f} | {len(band)} | {right:.3f} | {mean_score:.3f} | {mean_conf:.3f} |")
    total = sum(1 for s, _ in scored if s >= BANDS[0]) or 1
    ece_score, ece_conf = gaps["score"] / total, gaps["confidence"] / total
    ratio = ece_conf / ece_score if ece_score else float("inf")
    print(
        f"calibration error above {BANDS[0]:.2f}: score {ece_score:.3f}, confidence {ece_conf:.3f} (ratio {ratio:.3f})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", choices=("pair", "cross"), default="pair", help="which model (default: pair)")
    parser.add_argument("--outside", type=Path, help="folder of outside sets (default: tests/real/outside)")
    parser.add_argument("--thresholds", default="", help="comma-separated thresholds to print pooled figures at")
    parser.add_argument("--jobs", type=int, default=2, help="folds fitted at once (default 2)")
    for option, kind in (("--l2", float), ("--iterations", int), ("--step", float), ("--min-count", int)):
        parser.add_argument(option, type=kind, help="the proposed setting (default: the training script's)")
    parser.add_argument("--max-positive-weight", type=float, help="the proposed setting (default: the script's)")
    parser.add_argument("--threshold", type=float, help="the proposed threshold (default: the script's)")
    parser.add_argument(
        "--calibration", action="store_true", help="also the reliability of the proposed model's scores, out of fold"
    )
    args = parser.parse_args()
    try:
        thresholds = [float(t) for t in args.thresholds.split(",") if t.strip()]
    except ValueError:
        parser.error(f"--thresholds: not a comma-separated list of numbers: {args.thresholds!r}")
    train = training_script()
    try:
        rows = all_candidates(train, args.model, args.outside or train.OUTSIDE)
    except (InputError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    baseline = BASELINE if args.model == "pair" else replace(BASELINE, threshold=train.THRESHOLDS["cross"])
    settings = {"baseline": baseline, "proposed": proposed(train, args)}
    scores = {"baseline": out_of_fold(rows, baseline, max(args.jobs, 1))}
    # Settings that differ in the threshold only fit the same weights: fitted once.
    same_fit = replace(settings["proposed"], threshold=baseline.threshold) == baseline
    scores["proposed"] = scores["baseline"] if same_fit else out_of_fold(rows, settings["proposed"], max(args.jobs, 1))
    folds = sorted(scores["baseline"])
    print(f"{len(rows)} candidates, {sum(label for *_, label in rows)} stated by the gold; {len(folds)} folds")
    print("| fold | candidates | stated | baseline F1 | proposed F1 |")
    print("|---|---:|---:|---:|---:|")
    per_fold = {}
    for fold in folds:
        old, new = (prf(scores[n][fold], settings[n].threshold)[2] for n in settings)
        per_fold[fold] = (old, new)
        stated = sum(label for _, label in scores["baseline"][fold])
        print(f"| {fold} | {len(scores['baseline'][fold])} | {stated} | {old:.3f} | {new:.3f} |")
    figures = {name: report(name, s, scores[name]) for name, s in settings.items()}
    wins = sum(new > old for old, new in per_fold.values())
    losses = sum(new < old for old, new in per_fold.values())
    (bp, br, bf), (pp, pr, pf) = figures["baseline"], figures["proposed"]
    print(
        f"proposed - baseline, pooled at their thresholds: P {pp - bp:+.3f}  R {pr - br:+.3f}  F1 {pf - bf:+.4f} "
        f"(ratio {pf / bf if bf else float('inf'):.3f}); folds better {wins}, worse {losses}, "
        f"even {len(folds) - wins - losses}"
    )
    if args.calibration:
        fitted = [(features, label) for _, _, features, label in rows]
        calibration(pooled(scores["proposed"]), train.positive_weight(fitted, settings["proposed"].max_positive_weight))
    if thresholds:
        print("| threshold | baseline P | R | F1 | proposed P | R | F1 |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for t in thresholds:
            old, new = prf(pooled(scores["baseline"]), t), prf(pooled(scores["proposed"]), t)
            cells = " | ".join(f"{x:.3f}" for x in (*old, *new))
            print(f"| {t:.2f} | {cells} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
