"""Every hand-made gold file is well formed and faithful to its document.

These checks are what an annotator runs before handing a gold set over: each line parses,
types are the ontology's, every alias and evidence string occurs verbatim in the document,
and every relation joins annotated entities.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.model import ENTITY_CLASSES, RELATION_TYPES
from loaders.read.insertions import find_insertions
from loaders.read.script import to_simplified

TESTS = Path(__file__).resolve().parent
GOLD_SETS = {
    "gold": (sorted((TESTS / "gold").glob("*.jsonl")), TESTS.parent / "seeds"),
    "heldout": (sorted((TESTS / "heldout").glob("*.gold.jsonl")), TESTS / "heldout"),
    "testset": (sorted((TESTS / "testset").glob("*.gold.jsonl")), TESTS / "testset"),
}
CASES = [(name, path, folder) for name, (paths, folder) in GOLD_SETS.items() for path in paths]


def test_every_gold_set_is_present() -> None:
    assert {name: len(paths) for name, (paths, _) in GOLD_SETS.items()} == {"gold": 2, "heldout": 3, "testset": 3}


@pytest.mark.parametrize(("set_name", "path", "folder"), CASES, ids=[p.name for _, p, _ in CASES])
def test_gold_file_is_faithful_to_its_document(set_name: str, path: Path, folder: Path) -> None:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts: dict[str, str] = {}
    names: dict[str, set[str]] = {}
    for obj in lines:
        doc = obj["doc"]
        texts.setdefault(doc, (folder / doc).read_text(encoding="utf-8"))
        if obj["kind"] == "entity":
            assert obj["type"] in ENTITY_CLASSES, obj
            for alias in obj.get("aliases", []):
                assert alias in texts[doc], (path.name, alias)
            names.setdefault(doc, set()).add(obj["name"])
    relations = [o for o in lines if o["kind"] == "relation"]
    assert relations and len(relations) < len(lines)
    for rel in relations:
        doc = rel["doc"]
        assert rel["type"] in RELATION_TYPES, rel
        assert rel["head"] in names[doc] and rel["tail"] in names[doc], rel
        assert rel["evidence"] in texts[doc], (path.name, rel["evidence"])


# Gold for real web pages (tests/real): the pages stay in ../shared/corpus/real; the gold
# names entities and relations and points to evidence by offsets, never by copied words.
REAL_CORPUS = TESTS.parent.parent / "shared" / "corpus" / "real"
REAL_SPLITS = {split: sorted((TESTS / "real" / split).glob("*.gold.jsonl")) for split in ("dev", "frozen")}
REAL_CASES = [path for paths in REAL_SPLITS.values() for path in paths]
# The frozen pages read again by a second reader who saw neither their gold nor the
# extractor's output (benchmarks/agreement.py): what two careful readers agree on.
SECOND_READINGS = sorted((TESTS / "real" / "second").glob("*.gold.jsonl"))
OFFSET_CASES = REAL_CASES + SECOND_READINGS  # gold that points to its page by offsets


# Where a page writes an entity only in a form that is no name (pinyin inside it, a table cell
# that runs its host into its topic), the gold points to that form by offsets ("spans"); read
# as the extractor reads it, the form is a short form of the entity's name (its characters in
# order) or shares at least a word with it.
MIN_SHARED_CHARS = 4


def _as_read(surface: str) -> str:
    cuts = find_insertions(surface)
    kept = "".join(ch for i, ch in enumerate(surface) if not any(c.start <= i < c.end for c in cuts))
    return to_simplified(kept).text.replace("\u200b", "")  # a regional word's padding, dropped in cleaning


def _names_it(surface: str, name: str) -> bool:
    rest = iter(name)
    if all(ch in rest for ch in surface):  # 蛋白质设施 in 国家蛋白质科学研究（上海）设施
        return True
    return any(surface[i : i + MIN_SHARED_CHARS] in name for i in range(len(surface) - MIN_SHARED_CHARS + 1))


def test_every_real_page_has_gold_in_exactly_one_split() -> None:
    pages = {p.name for p in REAL_CORPUS.glob("*.txt")}
    named = [p.name.replace(".gold.jsonl", ".txt") for p in REAL_CASES]
    assert sorted(named) == sorted(pages)
    assert len(pages) == 80
    assert len(REAL_SPLITS["frozen"]) >= 25


def test_every_frozen_page_is_read_a_second_time() -> None:
    assert [p.name for p in SECOND_READINGS] == [p.name for p in REAL_SPLITS["frozen"]]


@pytest.mark.parametrize("path", OFFSET_CASES, ids=[f"{p.parent.name}/{p.name}" for p in OFFSET_CASES])
def test_real_gold_points_to_its_page_by_offsets(path: Path) -> None:
    doc = path.name.replace(".gold.jsonl", ".txt")
    text = (REAL_CORPUS / doc).read_text(encoding="utf-8")
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    names: set[str] = set()
    for obj in lines:
        assert obj["doc"] == doc
        if obj["kind"] == "entity":
            assert obj["type"] in ENTITY_CLASSES, obj
            assert all(alias in text for alias in obj["aliases"]), obj
            spans = obj.get("spans", [])
            assert spans or any(n in text for n in [obj["name"], *obj["aliases"]]), obj
            for span in spans:
                assert 0 <= span["start"] < span["end"] <= len(text), obj
                assert _names_it(_as_read(text[span["start"] : span["end"]]), obj["name"]), obj
            names.add(obj["name"])
    for rel in (o for o in lines if o["kind"] == "relation"):
        assert rel["type"] in RELATION_TYPES, rel
        assert rel["head"] in names and rel["tail"] in names, rel
        evidence = rel["evidence"]
        assert set(evidence) == {"start", "end"}, "evidence is given by offsets only"
        assert 0 <= evidence["start"] < evidence["end"] <= len(text), rel
