"""A place's scale targets carried over commas, and
organisations placed by a one-character city abbreviation ("在芜高校"); each construction
tested on invented sentences."""

from __future__ import annotations

from test_relations_helpers import LEXICON, Known, fact, facts, find_known, make_document

from loaders.relations.engine import extract_relations

WORLD: dict[str, Known] = {
    **LEXICON,
    "江阳市": Known("Place", "City"),
    "河源市": Known("Place", "City"),
    "滨江新区": Known("Place", "DevelopmentZone"),
    "江阳理工大学": Known("University"),
    "江阳师范学院": Known("University"),
    "甲乙科技有限公司": Known("Enterprise"),
    "新材料": Known("IndustryChain"),
    "生物医药": Known("IndustryChain"),
    "数字经济": Known("IndustryChain"),
    "智能制造": Known("IndustryChain"),
    "合成生物": Known("IndustryChain"),
    "量子信息": Known("IndustryChain"),
}


def run(texts: list[str]):  # type: ignore[no-untyped-def]
    doc = make_document(texts)
    return extract_relations(doc, find_known(doc, WORLD))


def test_scale_targets_carry_the_place_over_subjectless_clauses() -> None:
    text = (
        "到2030年，滨江新区新材料产业规模达到800亿元，生物医药产业产值翻一番，"
        "数字经济、智能制造等产业规模稳步扩大，超前布局合成生物、量子信息等未来产业。"
    )
    got = facts(run([text]).relations)
    for chain in ("新材料", "生物医药", "数字经济", "智能制造", "合成生物", "量子信息"):
        assert fact("FOCUSES_ON", "滨江新区", chain) in got


def test_scale_targets_stop_at_a_clause_with_its_own_subject() -> None:
    text = "滨江新区新材料产业规模达到800亿元，甲乙科技有限公司布局生物医药，数字经济产业规模稳步扩大。"
    got = facts(run([text]).relations)
    assert fact("FOCUSES_ON", "滨江新区", "新材料") in got
    assert fact("FOCUSES_ON", "滨江新区", "生物医药") not in got
    assert fact("FOCUSES_ON", "滨江新区", "数字经济") not in got


def test_scale_targets_need_the_scale_after_the_first_industry() -> None:
    # The place is an object here, and no scale follows its industry: nothing carries.
    text = "支持滨江新区新材料企业上市，生物医药产业规模达到300亿元。"
    got = facts(run([text]).relations)
    assert fact("FOCUSES_ON", "滨江新区", "生物医药") not in got


def test_a_clause_without_scale_or_layout_verb_is_not_carried() -> None:
    text = "滨江新区新材料产业规模达到800亿元，生物医药企业超过200家。"
    got = facts(run([text]).relations)
    assert fact("FOCUSES_ON", "滨江新区", "生物医药") not in got


def test_city_abbreviation_places_the_listed_universities() -> None:
    text = "江阳理工大学、江阳师范学院两所在阳高校毕业生留阳率提高到40%。"
    got = facts(run(["江阳市召开大会。", text]).relations)
    for university in ("江阳理工大学", "江阳师范学院"):
        assert fact("LOCATED_IN", university, "江阳市") in got


def test_city_abbreviation_needs_one_city_holding_the_character() -> None:
    # The character 市 is in both cities' names, so no one city is meant.
    text = "江阳理工大学等在市高校积极参与。"
    got = facts(run(["江阳市与河源市召开大会。", text]).relations)
    assert not any(r[0] == "LOCATED_IN" for r in got)


def test_city_abbreviation_needs_an_organisation_noun() -> None:
    text = "甲乙科技有限公司在阳投资建设新工厂。"
    got = facts(run(["江阳市召开大会。", text]).relations)
    assert fact("LOCATED_IN", "甲乙科技有限公司", "江阳市") not in got


def test_city_abbreviation_of_a_city_the_article_does_not_name_places_nothing() -> None:
    text = "江阳理工大学等在沪高校积极参与。"
    got = facts(run(["江阳市召开大会。", text]).relations)
    assert not any(r[0] == "LOCATED_IN" for r in got)
