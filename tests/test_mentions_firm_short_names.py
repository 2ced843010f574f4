"""A firm named by its legal name is found where the text writes only its short name, before
and after; no short name is learned that could name something else. Invented names."""

from test_mentions_helpers import make_document

from kg.model import Mention
from loaders import ablation
from loaders.mentions.find import find_mentions
from loaders.mentions.firm_short_names import firm_short_name
from loaders.pipeline import extract_document


def _mentions(*sentences: str) -> list[Mention]:
    return find_mentions(make_document(*sentences)).mentions


def test_a_legal_name_is_shortened_to_its_brand_and_first_trade_word():
    assert firm_short_name("安徽澜至锂电科技有限公司") == "澜至锂电"
    assert firm_short_name("合肥青柳锂电科技股份有限公司") == "青柳锂电"


def test_a_brand_the_segmenter_splits_or_of_three_characters_is_still_shortened_to():
    # 昉 / 澜: one character alone is no brand, the two together are
    assert firm_short_name("安徽昉澜电子有限公司") == "昉澜电子"
    # 澜至科 + 信息技术 is too long: the brand alone
    assert firm_short_name("哈尔滨澜至科信息技术有限公司") == "澜至科"
    found = _mentions("哈尔滨澜至科信息技术有限公司成立。", "澜至科在深圳设立研发中心。")
    assert any(m.text == "澜至科" and m.canonical == "哈尔滨澜至科信息技术有限公司" for m in found)


def test_the_short_name_names_the_firm_in_later_sentences_and_in_the_title_before():
    found = _mentions("澜至锂电项目正式投产", "安徽澜至锂电科技有限公司成立于2019年。", "澜至锂电加快建设二期工厂。")
    short = [m for m in found if m.text == "澜至锂电"]
    assert sorted(m.sentence for m in short) == [0, 2]
    assert {m.canonical for m in short} == {"安徽澜至锂电科技有限公司"}
    assert all(m.type == "Enterprise" for m in short)


def test_no_short_name_where_it_could_name_something_else():
    # a common word as the brand: 纳米科技 is no firm of its own
    assert firm_short_name("苏州纳米科技发展有限公司") is None
    # a state firm's national opening: its short name is coined otherwise
    assert firm_short_name("中国青柳动力集团有限公司") is None
    # no legal form, or nothing left to shorten
    assert firm_short_name("澜至锂电科技集团") is None
    assert firm_short_name("澜至股份有限公司") is None
    found = _mentions("苏州纳米科技发展有限公司成立。", "纳米科技产业加快发展。")
    assert not any(m.text == "纳米科技" and m.type == "Enterprise" for m in found)


def test_what_the_text_says_of_the_short_name_is_said_of_the_firm(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("安徽澜至锂电科技有限公司成立于2019年。\n澜至锂电项目落户合肥高新区。\n", encoding="utf-8")
    extraction = extract_document(page)
    names = {e.id: e.name for e in extraction.entities}
    located = {(names[r.head], names[r.tail]) for r in extraction.relations if r.type == "LOCATED_IN"}
    assert ("安徽澜至锂电科技有限公司", "合肥高新技术产业开发区") in located
    assert "澜至锂电" not in names.values()  # one firm, not two


def test_the_ablation_part_switches_the_learned_short_names_off():
    sentences = ("安徽澜至锂电科技有限公司成立于2019年。", "澜至锂电加快建设二期工厂。")
    with ablation.disabled("learned-short-names"):
        assert not any(m.text == "澜至锂电" for m in _mentions(*sentences))
    assert any(m.text == "澜至锂电" for m in _mentions(*sentences))
