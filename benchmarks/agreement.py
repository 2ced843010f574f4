"""How far a second reader agrees with the gold, and the extractor beside it, in one run.

Every score in the README is agreement with one reader's gold. A second reader, who saw
neither that gold nor the extractor's output, annotated the same pages again by the same
rules (docs/annotation.md); scored against the gold as if it were a system, that reading
shows what careful readers agree on, and so how high any extractor scored against one
reading can be expected to go. The extractor is scored on the same pages against the same
gold in the same run, and its F1 printed as a ratio of the second reader's.

Sets: the frozen real test part (tests/real/frozen, pages in ../shared/corpus/real), read
again in tests/real/second; and, with --extra, a set of your own.

    .venv/bin/python benchmarks/agreement.py
    .venv/bin/python benchmarks/agreement.py --extra web-bn GOLD_DIR SECOND_DIR TEXT_DIR

The second reading of a page is GOLD_DIR's file of the same name in SECOND_DIR; pages
the second reader did not read are left out of both scores.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.graph.evaluate import Score, Scores, extracted, gold_documents, read_gold, score

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpus" / "real"
FROZEN_SET = ("real-frozen", ROOT / "tests/real/frozen", ROOT / "tests/real/second", REAL)


def paired_gold(gold_dir: Path, second_dir: Path) -> tuple[list[Path], list[Path]]:
    """The gold files of the pages a second reading exists for, and those readings."""
    seconds = sorted(second_dir.glob("*.gold.jsonl"))
    if not seconds:
        sys.exit(f"{second_dir}: no second reading (*.gold.jsonl) here")
    golds = [gold_dir / p.name for p in seconds]
    missing = [p for p in golds if not p.exists()]
    if missing:
        sys.exit(f"{missing[0]}: a second reading exists for this page, but not its gold")
    return golds, seconds


def cells(s: Score) -> str:
    return f"{s.precision:.3f} / {s.recall:.3f} / **{s.f1:.3f}**"


def ratio(extractor: Score, reader: Score) -> str:
    return f"{extractor.f1 / reader.f1:.2f}" if reader.f1 else "n/a"


@dataclass(frozen=True, slots=True)
class Measured:
    name: str
    pages: int
    reader: Scores  # the second reading against the gold
    extractor: Scores  # the extractor against the same gold
    extractor_second: Scores  # the extractor against the second reading


def measure(name: str, gold_dir: Path, second_dir: Path, texts: Path) -> Measured:
    golds, seconds = paired_gold(gold_dir, second_dir)
    gold, second = read_gold(golds, texts), read_gold(seconds, texts)
    system = extracted(gold_documents(golds, gold, texts), texts)  # once, scored against both readings
    return Measured(name, len(golds), score(*gold, *second), score(*gold, *system), score(*second, *system))


def set_rows(m: Measured) -> list[str]:
    rows = []
    for who, scores in (("second reader", m.reader), ("extractor", m.extractor)):
        e, r = Scores.total(scores.entities), Scores.total(scores.relations)
        rows.append(f"| {m.name}, {m.pages} pages | {who} | {cells(e)} | {cells(r)} |")
    e_ratio = ratio(Scores.total(m.extractor.entities), Scores.total(m.reader.entities))
    r_ratio = ratio(Scores.total(m.extractor.relations), Scores.total(m.reader.relations))
    rows.append(f"| {m.name} | extractor / second reader (F1) | {e_ratio} | {r_ratio} |")
    e, r = Scores.total(m.extractor_second.entities), Scores.total(m.extractor_second.relations)
    rows.append(f"| {m.name} | extractor, against the second reading | {cells(e)} | {cells(r)} |")
    return rows


def held_by_second(m: Measured) -> str:
    """How many of the extractor's relations the gold lacks the second reader holds: wrong
    answers that a careful reader would call right."""
    against_gold, against_second = set(m.extractor.spurious_relations), set(m.extractor_second.spurious_relations)
    return (
        f"{m.name}: of the extractor's {len(against_gold)} relations the gold lacks, "
        f"the second reading holds {len(against_gold - against_second)}"
    )


def type_rows(m: Measured) -> list[str]:
    """Relation F1 by type, second reader and extractor: which types readers disagree on."""
    rows = []
    for rel_type in sorted(m.reader.relations):
        r, x = m.reader.relations[rel_type], m.extractor.relations.get(rel_type, Score())
        if r.gold:
            rows.append(f"| {m.name} | {rel_type} | {r.gold} | {r.f1:.3f} | {x.f1:.3f} |")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--extra",
        nargs=4,
        action="append",
        default=[],
        metavar=("NAME", "GOLD_DIR", "SECOND_DIR", "TEXT_DIR"),
        help="also a set of your own: its gold, the second reading, the documents",
    )
    args = parser.parse_args()
    sets = [FROZEN_SET, *((name, Path(g), Path(s), Path(t)) for name, g, s, t in args.extra)]
    try:
        measured = [measure(*one) for one in sets]
    except InputError as exc:  # a gold file or a page that is not there or not gold
        sys.exit(str(exc))
    print("| set | who | entities P / R / F1 | relations P / R / F1 |")
    print("|---|---|---|---|")
    for m in measured:
        print("\n".join(set_rows(m)))
    print()
    for m in measured:
        print(held_by_second(m))
    print()
    print("| set | relation type | gold | second reader F1 | extractor F1 |")
    print("|---|---|---|---|---|")
    for m in measured:
        print("\n".join(type_rows(m)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
