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
