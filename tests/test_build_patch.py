"""kg build over a build that exists patches it: a document added, changed or removed gives
the files a full build gives, byte for byte, and the same embedded Cypher graph."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kg.graph.build import BuildOptions, build
from kg.graph.patch.ledger import LEDGER_FILE
from kg.query.catalogue import load_catalogue
from kg.query.cypher_embedded import open_saved, query_embedded
from kg.query.stores import KGLITE_FILE

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "heldout").glob("*.txt"))
# What differs between two builds of one graph: when and where each was made.
_RUN_FIELDS = ("seconds", "output")


def _build(corpus: Path, out: Path, cache: Path, full: bool = False) -> BuildOptions:
    options = BuildOptions(cache_dir=cache, full=full)
    build(corpus, out, warn=lambda message: None, options=options)
    return options


def _files(folder: Path) -> dict[str, Path]:
    return {
        p.relative_to(folder).as_posix(): p
        for p in folder.rglob("*")
        if p.is_file() and not p.relative_to(folder).as_posix().startswith(".kg-patch/")
    }


def _report(path: Path) -> dict[str, object]:
    report = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in report.items() if k not in _RUN_FIELDS}


def _answers(folder: Path) -> dict[str, list[str]]:
    """Every competency question's rows on the saved Cypher graph (as sorted JSON lines)."""
    graph = open_saved(folder / KGLITE_FILE)
    answers = {}
    for question in load_catalogue():
        rows = query_embedded(graph, question.cypher, dict(question.params))
        answers[question.name] = sorted(json.dumps(row, sort_keys=True, default=str) for row in rows)
    return answers


def _same_build(patched: Path, clean: Path) -> None:
    mine, theirs = _files(patched), _files(clean)
    assert mine.keys() == theirs.keys()
    for name, path in mine.items():
        if name == "report.md":
            continue  # its first line says when and where; report.json holds the rest
        if name == "report.json":
            assert _report(path) == _report(theirs[name])
        elif name != KGLITE_FILE:
            assert path.read_bytes() == theirs[name].read_bytes(), name
    assert _answers(patched) == _answers(clean)


def _add(corpus: Path) -> None:
    text = SOURCES[2].read_text(encoding="utf-8").replace("合肥", "滁州")
    (corpus / "zz_added.txt").write_text(text, encoding="utf-8")


def _change(corpus: Path) -> None:
    path = corpus / SOURCES[3].name
    path.write_text(
        path.read_text(encoding="utf-8") + "\n合肥高新区与中国科学技术大学共建量子信息实验室。\n", encoding="utf-8"
    )


def _remove(corpus: Path) -> None:
    (corpus / SOURCES[1].name).unlink()


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path, Path]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for source in SOURCES:
        shutil.copy(source, corpus / source.name)
    out, cache = tmp_path / "out", tmp_path / "cache"
    _build(corpus, out, cache)
    assert (out / LEDGER_FILE).is_file()
    return corpus, out, cache


@pytest.mark.parametrize("change", [_add, _change, _remove], ids=["add", "change", "remove"])
def test_a_patched_build_is_the_full_build(
    built: tuple[Path, Path, Path], change: Callable[[Path], None], tmp_path: Path
) -> None:
    corpus, out, cache = built
    change(corpus)
    patched = _build(corpus, out, cache)
    assert "patch" in patched.phases and "extract" not in patched.phases
    _build(corpus, tmp_path / "clean", cache, full=True)
    _same_build(out, tmp_path / "clean")


def test_patches_follow_one_another(built: tuple[Path, Path, Path], tmp_path: Path) -> None:
    corpus, out, cache = built
    for change in (_add, _change, _remove):
        change(corpus)
        assert "patch" in _build(corpus, out, cache).phases
    _build(corpus, tmp_path / "clean", cache, full=True)
    _same_build(out, tmp_path / "clean")


def test_a_ledger_that_cannot_be_read_means_a_full_build(built: tuple[Path, Path, Path], tmp_path: Path) -> None:
    corpus, out, cache = built
    (out / LEDGER_FILE).write_bytes(b"not a ledger")
    _add(corpus)
    options = _build(corpus, out, cache)
    assert "patch" not in options.phases and "extract" in options.phases
    _build(corpus, tmp_path / "clean", cache, full=True)
    _same_build(out, tmp_path / "clean")


def test_many_touched_documents_mean_a_full_build(built: tuple[Path, Path, Path]) -> None:
    corpus, out, cache = built
    for path in sorted(corpus.glob("*.txt"))[:3]:
        path.write_text(path.read_text(encoding="utf-8") + "\n合肥市发展集成电路产业。\n", encoding="utf-8")
    assert "patch" not in _build(corpus, out, cache).phases


def test_a_build_of_the_same_documents_is_patched_to_the_same_bytes(
    built: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    corpus, out, cache = built

    def files() -> dict[str, bytes]:  # the saved Cypher graph is compared by its answers
        return {n: p.read_bytes() for n, p in _files(out).items() if not n.startswith("report.") and n != KGLITE_FILE}

    before, answers = files(), _answers(out)
    options = _build(corpus, out, cache)
    assert "patch" in options.phases and options.stats.extracted == 0
    assert files() == before and _answers(out) == answers
