"""Extraction quality on every gold set, side by side, with the same scorer as `kg eval`.

Sets: the seed gold (tuned on), tests/heldout (used for development), tests/testset
(written for the project, never tuned on), the real web pages' development part
(tests/real/dev) and, with --frozen, their frozen test part (tests/real/frozen: score it
once, at the end, never tune on it). Real pages are read from ../shared/corpus/real.

For the real sets it also prints the traditional-script documents against the others
(sources.tsv says which are traditional) and the relations found on the negatives; for a
set of your own (--extra), the documents the reader finds in traditional script against
the others.

    .venv/bin/python benchmarks/quality.py [--frozen] [--ablation] [--missed real-dev]
    .venv/bin/python benchmarks/quality.py --extra pages GOLD_DIR TEXT_DIR [--ablation]

--ablation re-scores the real development part (and each --extra set) with each part of
the extractor switched off in turn (loaders.ablation), against the whole extractor in the
same run. --extra scores a set of your own: gold files (*.gold.jsonl, docs/annotation.md)
in GOLD_DIR, the documents they name in TEXT_DIR; repeat it for several sets.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from kg.graph.evaluate import Scores, evaluate_files
from loaders import ablation
from loaders.read.document import read_document

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpus" / "real"


def gold_sets(frozen: bool) -> dict[str, tuple[list[Path], Path]]:
    sets = {
        "seeds (tuned on)": ([ROOT / "tests/gold/002.jsonl", ROOT / "tests/gold/003.jsonl"], ROOT / "seeds"),
        "heldout (development)": (sorted((ROOT / "tests/heldout").glob("*.gold.jsonl")), ROOT / "tests/heldout"),
        "testset (never tuned on)": (sorted((ROOT / "tests/testset").glob("*.gold.jsonl")), ROOT / "tests/testset"),
        "real-dev": (sorted((ROOT / "tests/real/dev").glob("*.gold.jsonl")), REAL),
    }
    if frozen:
        sets["real-frozen (never tuned on)"] = (sorted((ROOT / "tests/real/frozen").glob("*.gold.jsonl")), REAL)
    return sets


def traditional_documents() -> set[str]:
    with (REAL / "sources.tsv").open(encoding="utf-8") as f:
        return {row["file"] for row in csv.DictReader(f, delimiter="\t") if "traditional" in row["noise"]}


def row(name: str, scores: Scores) -> str:
    e, r = Scores.total(scores.entities), Scores.total(scores.relations)
    return (
        f"| {name} | {e.precision:.3f} / {e.recall:.3f} / **{e.f1:.3f}** "
        f"| {r.precision:.3f} / {r.recall:.3f} / **{r.f1:.3f}** |"
    )


def real_breakdown(paths: list[Path], label: str) -> list[str]:
    traditional = traditional_documents()
    doc = {p: p.name.replace(".gold.jsonl", ".txt") for p in paths}
    trad = [p for p in paths if doc[p] in traditional]
    negatives = [p for p in paths if "_neg_" in p.name]
    simplified = [p for p in paths if p not in trad and p not in negatives]
    lines = []
    if trad:
        lines.append(row(f"{label}: traditional script ({len(trad)} docs)", evaluate_files(trad, REAL)))
    lines.append(row(f"{label}: other non-negatives ({len(simplified)} docs)", evaluate_files(simplified, REAL)))
    if negatives:
        found = Scores.total(evaluate_files(negatives, REAL).relations).predicted
        lines.append(f"| {label}: negatives ({len(negatives)} docs) | relations found: {found} | |")
    return lines


def script_breakdown(paths: list[Path], folder: Path, label: str) -> list[str]:
    """A set of your own split by the script the reader finds in each document (no
    sources.tsv says which are traditional there)."""
    script = {p: read_document(folder / p.name.replace(".gold.jsonl", ".txt")).script for p in paths}
    trad = [p for p in paths if script[p] == "traditional"]
    others = [p for p in paths if p not in trad]
    if not trad or not others:
        return []
    return [
        row(f"{label}: traditional script ({len(trad)} docs)", evaluate_files(trad, folder)),
        row(f"{label}: other ({len(others)} docs)", evaluate_files(others, folder)),
    ]


def per_type(scores: Scores) -> str:
    parts = [f"{k} {s.recall:.2f}/{s.precision:.2f}" for k, s in scores.relations.items() if s.gold or s.predicted]
    return "  relation R/P: " + ", ".join(parts)


def ablation_table(paths: list[Path], folder: Path = REAL, label: str = "real-dev") -> list[str]:
    whole = evaluate_files(paths, folder)
    base = Scores.total(whole.entities), Scores.total(whole.relations)
    lines = [
        "",
        f"| switched off ({label}) | entity F1 | Δ | relation F1 | Δ |",
        "|---|---|---|---|---|",
        f"| nothing | {base[0].f1:.3f} | | {base[1].f1:.3f} | |",
    ]
    for part in ablation.PARTS:
        with ablation.disabled(part):
            scores = evaluate_files(paths, folder)
        e, r = Scores.total(scores.entities), Scores.total(scores.relations)
        lines.append(f"| {part} | {e.f1:.3f} | {e.f1 - base[0].f1:+.3f} | {r.f1:.3f} | {r.f1 - base[1].f1:+.3f} |")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--frozen", action="store_true", help="also score the frozen real test part")
    parser.add_argument("--ablation", action="store_true", help="ablation on the real development part")
    parser.add_argument("--missed", metavar="SET", help="print missed and spurious items of a set (e.g. real-dev)")
    parser.add_argument(
        "--extra",
        nargs=3,
        action="append",
        default=[],
        metavar=("NAME", "GOLD_DIR", "TEXT_DIR"),
        help="also score a set of your own: its gold files and the folder of the documents they name",
    )
    args = parser.parse_args()
    extra = {name: (sorted(Path(gold).glob("*.gold.jsonl")), Path(texts)) for name, gold, texts in args.extra}
    for (name, gold, _), (paths, _) in zip(args.extra, extra.values(), strict=True):
        if not paths:
            parser.error(f"--extra {name}: no *.gold.jsonl files in {gold}")
    print("| set | entities P / R / F1 | relations P / R / F1 |\n|---|---|---|")
    details: list[str] = []
    for name, (paths, folder) in {**gold_sets(args.frozen), **extra}.items():
        if not paths:
            continue
        scores = evaluate_files(paths, folder)
        print(row(name, scores))
        details.append(f"{name}:{per_type(scores)}")
        if name.startswith("real"):
            for line in real_breakdown(paths, name.split(" ")[0]):
                print(line)
        elif name in extra:
            for line in script_breakdown(paths, folder, name):
                print(line)
        if args.missed and name.startswith(args.missed):
            print(
                "\n".join(
                    [
                        "MISSED ENTITIES",
                        *scores.missed_entities,
                        "SPURIOUS ENTITIES",
                        *scores.spurious_entities,
                        "MISSED RELATIONS",
                        *scores.missed_relations,
                        "SPURIOUS RELATIONS",
                        *scores.spurious_relations,
                    ]
                ),
                file=sys.stderr,
            )
    print("\n" + "\n".join(details))
    if args.ablation:
        print("\n".join(ablation_table(gold_sets(False)["real-dev"][0])))
        for name, (paths, folder) in extra.items():
            print("\n".join(ablation_table(paths, folder, name)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
