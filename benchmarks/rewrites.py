"""How extraction holds when the same pages are written the ways real pages differ, in one run.

Every page of an annotated set is copied rewritten each way of `kg.graph.rewrites` (traditional
script four ways, Taiwan's punctuation, hard-wrapped lines, a page's controls between
paragraphs, spaced punctuation, pinyin glosses, zero-width and escaped spaces) and, as a web
page and as a Word file, each copy holding the same text; each set of copies is scored against
the same gold as the pages as they are, in the same run, and its F1 printed with the ratio to
theirs. A ratio under 1 is what reading that form of page costs.

Only pages the reader finds in simplified script are copied (a traditional page rewritten
to traditional is the same page). With ``--traditional`` it goes the other way: the pages the
reader finds in traditional script are copied rewritten into simplified script (OpenCC's
t2s), and the copies' F1 is printed as a ratio to the pages as they are. A ratio over 1 there
is what reading traditional script costs; at 1 or under, a gap between such pages and the
others is in what the pages say, not in how they are read. The gold is read by names: offsets
of spans are left out, since a rewrite moves them.

    .venv/bin/python benchmarks/rewrites.py                   # the real development part
    .venv/bin/python benchmarks/rewrites.py --extra web-bn GOLD_DIR TEXT_DIR
    .venv/bin/python benchmarks/rewrites.py --only hard-wrapped --only "web page"
    .venv/bin/python benchmarks/rewrites.py --traditional --extra web-ev GOLD_DIR TEXT_DIR

Exit codes: 0 printed; 2 a set's folder or a page is missing or unreadable (named).
"""

from __future__ import annotations

import argparse
import html
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from kg.errors import InputError
from kg.graph.evaluate import GOLD_SUFFIX, Scores, evaluate_files
from kg.graph.rewrites import REWRITES, TO_SIMPLIFIED
from loaders.read.document import read_document

ROOT = Path(__file__).resolve().parents[1]
REAL_PAGES = ROOT.parent / "shared" / "corpus" / "real"
REAL_DEV = ROOT / "tests" / "real" / "dev"


def _as_web_page(text: str, path: Path) -> None:
    paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.split("\n") if line.strip())
    path.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>新闻</title></head><body>"
        f"<nav><a href='/'>首页</a> <a href='/news'>新闻中心</a></nav><article>\n{paragraphs}</article>"
        "<footer>版权所有</footer></body></html>",
        encoding="utf-8",
    )


def _as_word_file(text: str, path: Path) -> None:
    from docx import Document as WordDocument

    document = WordDocument()
    for line in text.split("\n"):
        if line.strip():
            document.add_paragraph(line)
    document.save(str(path))


# A form of file: (suffix, writer of the text into a file of that form).
FILE_FORMS: dict[str, tuple[str, Callable[[str, Path], None]]] = {
    "web page": (".html", _as_web_page),
    "Word file": (".docx", _as_word_file),
}


# Every rewrite a copy may be made with, both ways between the scripts.
_REWRITE_OF: dict[str, Callable[[str], str]] = {**REWRITES, **TO_SIMPLIFIED}


def pages_in_script(gold_dir: Path, text_dir: Path, script: str) -> list[tuple[Path, Path]]:
    """(gold file, page) for every page of the set the reader finds in ``script``."""
    if not gold_dir.is_dir() or not text_dir.is_dir():
        raise InputError(f"{gold_dir if not gold_dir.is_dir() else text_dir}: no such folder")
    pairs = []
    for gold in sorted(gold_dir.glob(f"*{GOLD_SUFFIX}")):
        page = text_dir / (gold.name[: -len(GOLD_SUFFIX)] + ".txt")
        if read_document(page).script == script:
            pairs.append((gold, page))
    return pairs


def _write_copy(pairs: list[tuple[Path, Path]], form: str, folder: Path) -> list[Path]:
    """The set written one way into ``folder``; the gold files of the copies."""
    golds, pages = folder / "gold", folder / "pages"
    golds.mkdir(parents=True)
    pages.mkdir()
    rewrite = _REWRITE_OF.get(form, lambda text: text)
    suffix, writer = FILE_FORMS.get(form, (".txt", lambda text, path: path.write_text(text, encoding="utf-8")))
    written = []
    for gold, page in pairs:
        name = page.stem + suffix
        writer(rewrite(page.read_text(encoding="utf-8")), pages / name)
        lines = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
        for line in lines:
            line.pop("spans", None)  # a rewrite moves offsets; names are what is scored
            line["doc"] = name
        copy = golds / gold.name
        copy.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
        written.append(copy)
    return written


def f1s(scores: Scores) -> tuple[float, float]:
    return Scores.total(scores.entities).f1, Scores.total(scores.relations).f1


def measure(name: str, gold_dir: Path, text_dir: Path, forms: list[str], script: str = "simplified") -> list[str]:
    """Rows of the table: the set's pages in ``script`` as they are, then copied each way of
    ``forms``, each with its F1's ratio to the pages as they are."""
    pairs = pages_in_script(gold_dir, text_dir, script)
    rows = [
        f"{name}: {len(pairs)} pages in {script} script",
        "",
        "| form | entities F1 | relations F1 |",
        "|---|---|---|",
    ]
    with tempfile.TemporaryDirectory() as scratch:
        base_gold = _write_copy(pairs, "as they are", Path(scratch) / "as-is")
        base = f1s(evaluate_files(base_gold, Path(scratch) / "as-is" / "pages"))
        rows.append(f"| as they are | {base[0]:.3f} | {base[1]:.3f} |")
        for index, form in enumerate(forms):
            print(f"  {name}: {form} ({index + 1}/{len(forms)})", file=sys.stderr)
            folder = Path(scratch) / f"copy{index}"
            got = f1s(evaluate_files(_write_copy(pairs, form, folder), folder / "pages"))
            ratios = [g / b if b else 0.0 for g, b in zip(got, base, strict=True)]
            rows.append(f"| {form} | {got[0]:.3f} (×{ratios[0]:.3f}) | {got[1]:.3f} (×{ratios[1]:.3f}) |")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--extra", nargs=3, metavar=("NAME", "GOLD_DIR", "TEXT_DIR"), help="a set of your own")
    choices = [*REWRITES, *FILE_FORMS]
    parser.add_argument("--only", action="append", choices=choices, help="one form (repeatable); all by default")
    parser.add_argument(
        "--traditional",
        action="store_true",
        help="copy the pages in traditional script into simplified script instead",
    )
    args = parser.parse_args(argv)
    if args.traditional and args.only:
        parser.error("--traditional has one form of its own (simplified t2s); --only does not apply")
    name, gold_dir, text_dir = args.extra or ("real-dev", str(REAL_DEV), str(REAL_PAGES))
    script, forms = ("traditional", list(TO_SIMPLIFIED)) if args.traditional else ("simplified", args.only or choices)
    try:
        rows = measure(name, Path(gold_dir), Path(text_dir), forms, script)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
