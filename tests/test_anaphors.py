"""Words that point back at a name given before (loaders/mentions/anaphors.py): the table as
data, which name each word stands for, and what relations read through it, on files the
tests write."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.model import DocumentExtraction, Mention
from loaders import ablation
from loaders.lexicon.gazetteer import default_gazetteer
from loaders.mentions.anaphors import (
    ABLATION_PART,
    ANAPHOR_SOURCE,
    packaged_anaphor_table,
    parse_anaphor_table,
    with_anaphors,
)
from loaders.mentions.find import find_mentions
from loaders.mentions.nested_parents import with_nested_parents
from loaders.pipeline import extract_document
from loaders.read.document import read_document
from loaders.resolve import build_entities


def _page(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _anaphors(tmp_path: Path, text: str) -> list[Mention]:
    """The words of ``text`` that point back, as the pipeline reads them."""
    doc = read_document(_page(tmp_path, text))
    found = find_mentions(doc).mentions
    resolved = build_entities(with_nested_parents(doc, found, default_gazetteer())).mentions
    return [m for m in with_anaphors(doc, resolved) if m.source == ANAPHOR_SOURCE]


def _pointing(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.canonical) for m in _anaphors(tmp_path, text)]


def _facts(found: DocumentExtraction) -> set[tuple[str, str, str]]:
    name = {e.id: e.name for e in found.entities}
    return {(r.type, name[r.head], name[r.tail]) for r in found.relations}


def test_a_demonstrative_points_at_the_nearest_name_of_its_class(tmp_path: Path) -> None:
    text = "科大讯飞与中国科学技术大学签约。华为也来了。该公司将在合肥市设立研究院。"
    assert _pointing(tmp_path, text) == [("该公司", "华为")]


def test_a_word_keeps_its_own_span_and_takes_the_names_class(tmp_path: Path) -> None:
    text = "中国科学技术大学成立于1958年。该校和合肥市人民政府共建了研究院。"
    (word,) = _anaphors(tmp_path, text)
    assert (word.text, word.canonical, word.type) == ("该校", "中国科学技术大学", "University")
    assert text[word.start : word.end] == "该校"


def test_a_bare_head_noun_points_back_only_where_it_opens_a_clause(tmp_path: Path) -> None:
    opening = "科大讯飞发布了新产品。公司与中国科学技术大学共建实验室。"
    assert _pointing(tmp_path, opening) == [("公司", "科大讯飞")]
    inside = "科大讯飞发布了新产品。合肥市新成立一家公司。"
    assert _pointing(tmp_path, inside) == []


def test_a_word_of_another_word_points_nowhere(tmp_path: Path) -> None:
    # 公司制 opens the clause but is a word of its own (the company system), not 公司.
    assert _pointing(tmp_path, "科大讯飞发布了新产品。公司制改革完成。") == []


def test_the_writers_own_place_is_the_one_the_article_names_most_often(tmp_path: Path) -> None:
    text = "亳州市发展数字经济。亳州市引进一批企业。去年，延安市代表团来访。我市与浪潮集团签署协议。"
    assert _pointing(tmp_path, text) == [("我市", "亳州市")]
    # 该市 is the one just named.
    assert _pointing(tmp_path, text.replace("我市", "该市")) == [("该市", "延安市")]


def test_a_word_points_no_further_back_than_three_sentences(tmp_path: Path) -> None:
    near = "华为发布了新产品。销量很好。该公司在合肥市设立研究院。"
    assert _pointing(tmp_path, near) == [("该公司", "华为")]
    far = "华为发布了新产品。销量很好。价格不变。市场平稳。该公司在合肥市设立研究院。"
    assert _pointing(tmp_path, far) == []


def test_a_place_word_points_at_a_name_of_its_level(tmp_path: Path) -> None:
    text = "合肥市下辖肥西县。该县新建企业研发中心5家。"
    assert _pointing(tmp_path, text) == [("该县", "肥西县")]


def test_relations_are_read_through_the_word(tmp_path: Path) -> None:
    path = _page(tmp_path, "中国科学技术大学发布了新成果。该校与中国科学院合肥物质科学研究院共建实验室。")
    found = extract_document(path)
    assert ("COOPERATES_WITH", "中国科学技术大学", "中国科学院合肥物质科学研究院") in _facts(found) | {
        (t, b, a) for t, a, b in _facts(found)
    }
    with ablation.disabled(ABLATION_PART):
        alone = extract_document(path)
    assert "中国科学技术大学" not in {n for f in _facts(alone) for n in f[1:]}


def test_a_word_is_no_alias_of_the_name(tmp_path: Path) -> None:
    found = extract_document(_page(tmp_path, "科大讯飞发布了新产品。该公司位于合肥市。"))
    firm = next(e for e in found.entities if e.name == "科大讯飞")
    assert "该公司" not in firm.aliases
    assert all(m.source != ANAPHOR_SOURCE for e in found.entities for m in e.mentions)


def test_the_packaged_table_reads_and_every_word_is_in_one_group() -> None:
    table = packaged_anaphor_table()
    assert {"该公司", "该校", "我市", "其"} <= set(table.groups)
    assert table.groups["我市"].own and not table.groups["该市"].own
    assert table.groups["公司"].opening and not table.groups["该公司"].opening


_TWICE = '[[group]]\nwords = ["该校"]\nclasses = ["University"]\n' * 2


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("[[group]\n", "not TOML"),
        ('[[group]]\nwords = ["该校"]\n', "a list of words and a list of classes"),
        ('[[group]]\nwords = ["该校"]\nclasses = ["University"]\nreach = 2\n', "unknown keys"),
        ('[[group]]\nwords = ["该校"]\nclasses = ["University"]\nendings = "校"\n', "endings must be a list"),
        (_TWICE, "in an earlier group too"),
        ('[[group]]\nwords = ["该校"]\nclasses = ["Univesity"]\n', "no entity class Univesity"),
    ],
)
def test_a_wrong_table_is_refused_naming_its_file(text: str, complaint: str) -> None:
    with pytest.raises(InputError, match=complaint) as raised:
        parse_anaphor_table(text, "my/anaphors.toml")
    assert "my/anaphors.toml" in str(raised.value)


def test_switched_off_the_stage_adds_nothing(tmp_path: Path) -> None:
    with ablation.disabled(ABLATION_PART):
        assert _anaphors(tmp_path, "科大讯飞发布了新产品。该公司位于合肥市。") == []
