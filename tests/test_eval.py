"""The scorer behind `kg eval`: matching rules and arithmetic, on small made-up sets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.graph.evaluate import Fact, NamedThing, Score, Scores, read_gold, score


def thing(doc: str, cls: str, name: str, *aliases: str) -> NamedThing:
    return NamedThing(doc, cls, name, frozenset({name, *aliases}))


def fact(doc: str, rel: str, head: set[str], tail: set[str]) -> Fact:
    return Fact(doc, rel, frozenset(head), frozenset(tail), f"{rel}")


def test_score_arithmetic() -> None:
    s = Score(gold=4, predicted=5, correct=3)
    assert s.precision == pytest.approx(0.6)
    assert s.recall == pytest.approx(0.75)
    assert s.f1 == pytest.approx(2 * 0.6 * 0.75 / 1.35)
    assert Score().f1 == 0.0


def test_entities_match_by_shared_name_one_to_one_and_by_class() -> None:
    gold = [thing("d", "University", "中国科学技术大学", "中国科大", "科大"), thing("d", "Place", "合肥市", "合肥")]
    system = [
        thing("d", "University", "中国科学技术大学"),
        thing("d", "University", "科大"),  # a second entity for the same gold: not credited twice
        thing("d", "Enterprise", "合肥"),
    ]  # right name, wrong class
    scores = score(gold, [], system, [])
    assert (scores.entities["University"].correct, scores.entities["University"].predicted) == (1, 2)
    assert scores.entities["Place"].correct == 0 and scores.entities["Place"].gold == 1
    assert scores.entities["Enterprise"].predicted == 1 and scores.entities["Enterprise"].correct == 0


def test_entities_in_another_document_do_not_count() -> None:
    scores = score([thing("a", "Place", "合肥市")], [], [thing("b", "Place", "合肥市")], [])
    assert scores.entities["Place"].correct == 0


def test_relations_match_by_ends_and_symmetry() -> None:
    gold = [fact("d", "LOCATED_IN", {"蔚来"}, {"合肥市", "合肥"}), fact("d", "COOPERATES_WITH", {"华为"}, {"江淮"})]
    system = [
        fact("d", "LOCATED_IN", {"蔚来"}, {"合肥"}),
        fact("d", "COOPERATES_WITH", {"江淮"}, {"华为"}),
        fact("d", "PART_OF", {"蔚来"}, {"合肥"}),
    ]
    scores = score([], gold, [], system)
    assert scores.relations["LOCATED_IN"].correct == 1
    assert scores.relations["COOPERATES_WITH"].correct == 1
    assert scores.relations["PART_OF"].correct == 0 and scores.relations["PART_OF"].predicted == 1


def test_direction_matters_for_directed_relations() -> None:
    gold = [fact("d", "PART_OF", {"庐江县"}, {"合肥市"})]
    system = [fact("d", "PART_OF", {"合肥市"}, {"庐江县"})]
    assert score([], gold, [], system).relations["PART_OF"].correct == 0


def test_read_gold_merges_aliases_and_resolves_relation_ends(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    lines = [
        {"kind": "entity", "doc": "d", "type": "Place", "subtype": "City", "name": "合肥市", "aliases": ["合肥"]},
        {"kind": "entity", "doc": "d", "type": "Enterprise", "subtype": None, "name": "蔚来", "aliases": []},
        {"kind": "relation", "doc": "d", "type": "LOCATED_IN", "head": "蔚来", "tail": "合肥市", "evidence": "x"},
    ]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    entities, facts = read_gold([path])
    assert len(entities) == 2
    assert facts[0].tail == frozenset({"合肥市", "合肥"})


def test_malformed_gold_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    good = {"kind": "entity", "doc": "d", "type": "Place", "name": "合肥市"}
    path.write_text(json.dumps(good, ensure_ascii=False) + "\nnot json\n", encoding="utf-8")
    with pytest.raises(InputError, match="gold.jsonl:2"):
        read_gold([path])


def test_two_readings_of_the_frozen_pages_score_each_other_symmetrically() -> None:
    """What benchmarks/agreement.py reports: one reading scored as a system against the other.
    Swapping which reading is the gold swaps precision and recall (the matching is one to
    one), and a reading scored against itself agrees fully."""
    real = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"
    seconds = sorted((Path(__file__).parent / "real" / "second").glob("*.gold.jsonl"))
    first = read_gold([p.parent.parent / "frozen" / p.name for p in seconds], real)
    second = read_gold(seconds, real)
    one_way, other_way, itself = score(*first, *second), score(*second, *first), score(*first, *first)
    for kind in ("entities", "relations"):
        a, b = Scores.total(getattr(one_way, kind)), Scores.total(getattr(other_way, kind))
        assert (a.precision, a.recall) == pytest.approx((b.recall, b.precision))
        assert 0.0 < a.f1 < 1.0
        assert Scores.total(getattr(itself, kind)).f1 == 1.0


def test_gold_pointing_into_a_missing_document_names_it(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    spanned = {
        "kind": "entity", "doc": "page.txt", "type": "Place", "name": "合肥市", "aliases": [],
        "spans": [{"start": 0, "end": 2}],
    }  # fmt: skip
    path.write_text(json.dumps(spanned, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="page.txt"):
        read_gold([path], tmp_path / "pages")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "page.txt").write_text("合肥", encoding="utf-8")
    assert read_gold([path], tmp_path / "pages")[0][0].names == {"合肥市", "合肥"}


def test_gold_of_a_web_page_or_word_file_scores_that_file(tmp_path: Path) -> None:
    """A gold file is named after its document whatever the document's format: an empty gold
    (a page that names nothing) still scores the page, and a page's own gold scores it."""
    from docx import Document as WordDocument

    from kg.graph.evaluate import evaluate_files

    pages, golds = tmp_path / "pages", tmp_path / "gold"
    pages.mkdir()
    golds.mkdir()
    html = "<html><body><p>合肥市重点发展集成电路产业。</p></body></html>"
    (pages / "news.html").write_text(html, encoding="utf-8")
    word = WordDocument()
    word.add_paragraph("今天天气晴朗，适合出游。")
    word.save(str(pages / "weather.docx"))

    def entity(type_: str, name: str) -> dict[str, object]:
        return {"kind": "entity", "doc": "news.html", "type": type_, "subtype": None, "name": name, "aliases": []}

    relation = {"kind": "relation", "doc": "news.html", "type": "FOCUSES_ON", "head": "合肥市", "tail": "集成电路"}
    lines = [entity("Place", "合肥市"), entity("IndustryChain", "集成电路"), relation]
    (golds / "news.gold.jsonl").write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in lines), "utf-8")
    (golds / "weather.gold.jsonl").write_text("", encoding="utf-8")
    scores = evaluate_files(sorted(golds.glob("*.gold.jsonl")), pages)
    relations = Scores.total(scores.relations)
    assert (relations.gold, relations.correct) == (1, 1)
    assert Scores.total(scores.entities).correct == 2
