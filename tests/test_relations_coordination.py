"""Coordination: grouping mentions into lists, and the rule registry."""

from __future__ import annotations

import pytest
from test_relations_helpers import LEXICON, Known, find_known, make_document

from loaders.mentions.coordination import group_units, split_list
from loaders.relations.rules import registered_rules, relation_rule
from loaders.relations.scope import clean_heading


def units_of(text: str, lexicon: dict[str, Known] | None = None):  # type: ignore[no-untyped-def]
    doc = make_document([text])
    placed = [(m, m.clean_start, m.clean_end) for m in find_known(doc, lexicon or LEXICON)]
    return group_units(text, placed)


def test_list_with_deng_count_and_noun() -> None:
    (unit,) = units_of("比亚迪、江淮、大众、蔚来、长安等6家整车企业")
    assert [m.text for m in unit.members] == ["比亚迪", "江淮", "大众", "蔚来", "长安"]
    assert unit.closed_by_deng and unit.noun == "整车企业"
    assert unit.kind == "org"


@pytest.mark.parametrize("joiner", ["和", "及", "与", "以及", "、"])
def test_every_joiner_makes_one_list(joiner: str) -> None:
    (unit,) = units_of(f"集成电路{joiner}新型显示")
    assert len(unit.members) == 2 and unit.kind == "chain"


def test_chain_suffix_between_members_still_joins() -> None:
    (unit,) = units_of("集成电路产业、新型显示产业等")
    assert len(unit.members) == 2 and unit.closed_by_deng


def test_a_latin_short_name_in_brackets_does_not_break_a_list() -> None:
    (unit,) = units_of("比亚迪(BYD)和江淮(JAC)等整车企业")
    assert [m.text for m in unit.members] == ["比亚迪", "江淮"]
    assert unit.closed_by_deng


_INDUSTRIES = {**LEXICON, **{name: Known("IndustryChain") for name in ("新材料", "新能源汽车", "集成电路")}}


def test_a_short_note_in_brackets_after_a_member_does_not_break_a_list() -> None:
    # "(含关键零部件)" says what the member covers; no name stands in it.
    (unit,) = units_of("新材料、新能源汽车（含关键零部件）、集成电路三大产业", _INDUSTRIES)
    assert [m.text for m in unit.members] == ["新材料", "新能源汽车", "集成电路"]
    (firms,) = units_of("比亚迪（弗迪）和江淮等整车企业")
    assert [m.text for m in firms.members] == ["比亚迪", "江淮"]


def test_a_long_aside_or_a_list_in_brackets_still_ends_the_list() -> None:
    units = units_of("新材料、新能源汽车（包括整车及关键零部件）、集成电路", _INDUSTRIES)
    assert [[m.text for m in u.members] for u in units] == [["新材料", "新能源汽车"], ["集成电路"]]


def test_different_kinds_do_not_join() -> None:
    units = units_of("合肥、科大讯飞")
    assert [u.kind for u in units] == ["place", "org"]


def test_comma_breaks_a_list() -> None:
    units = units_of("科大讯飞，京东方")
    assert len(units) == 2


def test_deng_without_category_noun_keeps_no_verb_in_the_noun() -> None:
    (unit, place) = units_of("科大讯飞等落户合肥")
    assert unit.closed_by_deng and unit.noun == ""
    assert place.kind == "place"


def test_split_plain_list() -> None:
    assert split_list("新材料、电子信息和智能制造等") == ["新材料", "电子信息", "智能制造"]


def test_registry_has_named_rules_with_valid_confidences() -> None:
    rules = registered_rules()
    names = [r.name for r in rules]
    assert len(names) == len(set(names)) >= 10
    assert all(0.0 <= r.confidence <= 1.0 for r in rules)
    explicit = {r.name: r.confidence for r in rules}
    assert explicit["located-in-verb"] > explicit["located-in-place-modifier"]
    assert explicit["located-in-place-modifier"] > explicit["section-located-in"]


def test_registry_refuses_duplicates_and_bad_confidence() -> None:
    with pytest.raises(ValueError):
        relation_rule("located-in-verb", 0.5)(lambda view: [])
    with pytest.raises(ValueError):
        relation_rule("a-new-rule", 1.5)


def test_clean_heading_strips_numbering_and_markup() -> None:
    assert clean_heading("**（三）集成电路。**") == "集成电路"
    assert clean_heading("第三节 第三代半导体") == "第三代半导体"


def test_segments_in_brackets_after_a_listed_industry_stay_in_its_list() -> None:
    world = {**LEXICON, "新一代信息技术": Known("IndustryChain")}
    (unit,) = units_of("新一代信息技术（集成电路、新型显示）、新能源汽车", world)
    assert [m.text for m in unit.members] == ["新一代信息技术", "集成电路", "新型显示", "新能源汽车"]


def test_a_closing_bracket_of_anything_else_ends_the_list_it_encloses() -> None:
    units = units_of("合肥（集成电路、新型显示）、新能源汽车")
    assert [[m.text for m in u.members] for u in units] == [["合肥"], ["集成电路", "新型显示"], ["新能源汽车"]]


def test_bracketed_items_each_reopened_stay_one_list() -> None:
    (unit,) = units_of("（集成电路）、（新型显示）")
    assert [m.text for m in unit.members] == ["集成电路", "新型显示"]


def test_closing_quotes_still_join() -> None:
    (unit,) = units_of("“集成电路”、“新型显示”")
    assert len(unit.members) == 2
