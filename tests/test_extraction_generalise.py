"""Extraction beyond the seeds' wording: city-scoped names, company short names, stems
before 产业 that are no industries, names opened by their parent academy."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.mentions.chain_words import is_verb_phrase
from loaders.mentions.short_names import short_company_names
from loaders.pipeline import extract_document


def entities(tmp_path: Path, text: str) -> dict[str, str]:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return {e.name: e.type for e in extract_document(path).entities}


def test_a_city_scoped_short_name_is_kept_in_its_own_citys_document(tmp_path: Path) -> None:
    assert entities(tmp_path, "合肥市科学岛上聚集了多家研究机构。\n").get("科学岛") == "Place"


def test_a_city_scoped_short_name_is_dropped_in_another_citys_document(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("武汉市东湖之畔有一座科学岛，武汉市还在建设光谷。\n", encoding="utf-8")
    extraction = extract_document(path)
    names = {e.name for e in extraction.entities}
    assert "科学岛" not in names
    assert "武汉东湖新技术开发区" in names  # Wuhan's own short name 光谷 still resolves
    assert any(d.reason == "other-city-name" and d.text.startswith("科学岛") for d in extraction.dropped)


def test_a_countys_short_name_is_city_scoped_and_its_official_name_is_not(tmp_path: Path) -> None:
    other_city = "长沙市的车企推出长丰星河新车型，长沙市加快发展。\n"
    assert "长丰县" not in entities(tmp_path, other_city)
    assert entities(tmp_path, "长沙市与长丰县签约，长沙市加快发展。\n").get("长丰县") == "Place"
    assert entities(tmp_path, "合肥市加快发展，长丰加快发展。\n").get("长丰县") == "Place"


def test_hefeis_light_source_is_not_read_into_another_citys_advanced_light_source(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("大连市正在建设大连先进光源，大连市还将建设更多研究设施。\n", encoding="utf-8")
    assert "合肥先进光源" not in {e.name for e in extract_document(path).entities}
    assert entities(tmp_path, "合肥市的先进光源已开工。\n").get("合肥先进光源") == "LargeScientificFacility"


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("睿澜锂电投资20亿元布局储能材料产业园。", ["睿澜锂电"]),
        ("长安新能源联合中国汽研开发超集电驱。", ["长安新能源"]),
        ("新能源汽车投资增长。", []),
        ("数字科技在城市应用。", []),
        ("由光迅科技牵头建设。", []),
        # 的 (tagged uj) shows a phrase: the place's industry, no firm
        ("青柳的新能源和新材料产业已成规模。", []),
    ],
)
def test_company_short_names_open_a_clause_and_act(sentence: str, names: list[str]) -> None:
    assert [sentence[a:b] for a, b in short_company_names(sentence)] == names


@pytest.mark.parametrize(
    "stem",
    ["更是", "众多", "先进", "稀土资源上游", "园区纳米", "全国率先提出", "分为", "具备", "得益于", "高度重视航空"],
)
def test_stems_that_are_no_industry(stem: str) -> None:
    assert is_verb_phrase(stem)


@pytest.mark.parametrize("stem", ["新能源汽车", "超导", "逆变器", "太赫兹", "酿酒", "再制造", "智能制造", "远洋运输"])
def test_industry_stems_pass(stem: str) -> None:
    assert not is_verb_phrase(stem)


def test_an_industry_of_the_vocabulary_before_its_industry_word_is_no_verb_phrase(tmp_path: Path) -> None:
    # 先进计算 tags as an adjective and a verb, the shape of "高效推进"; the vocabulary names it
    # an industry (data/industry_terms.txt), and that outranks its tags.
    assert is_verb_phrase("先进计算")
    assert entities(tmp_path, "青柳高新区重点发展先进计算产业。\n").get("先进计算") == "IndustryChain"


def test_a_unit_written_after_its_academy_is_one_name(tmp_path: Path) -> None:
    found = entities(tmp_path, "中科院赣江创新研究院位于赣州。中国科学院金属研究所将聚焦新材料。\n")
    assert found.get("中国科学院赣江创新研究院") == "ResearchInstitute"
    assert found.get("中国科学院金属研究所") == "ResearchInstitute"
    assert "金属研究所" not in found


def test_the_extractor_checks_domain_and_range_against_the_ontology_alone() -> None:
    from kg.constraints import domain_and_range
    from loaders.relations.class_limits import SUPPORTER_CLASSES

    assert domain_and_range("SUPPORTS_CHAIN")[0] == SUPPORTER_CLASSES
    assert "IndustryChain" not in domain_and_range("LOCATED_IN")[0]


def test_bare_districts_listed_under_their_city_are_that_citys_divisions(tmp_path: Path) -> None:
    found = entities(tmp_path, "广州市荔湾、越秀、天河等区重点发展数字经济。\n")
    assert {"荔湾区", "越秀区", "天河区"} <= {n for n, t in found.items() if t == "Place"}


def test_bare_names_of_two_counties_of_one_city_side_by_side_are_those_counties(tmp_path: Path) -> None:
    found = entities(tmp_path, "该公司在灵石、介休建设两个煤矿，又在西湖、余杭设立研发中心。\n")
    assert {"灵石县", "介休市", "西湖区", "余杭区"} <= {n for n, t in found.items() if t == "Place"}


def test_bare_names_of_counties_of_different_cities_are_not_taken(tmp_path: Path) -> None:
    # 长安区 is Xi'an's (and Shijiazhuang's), 吉利区 Luoyang's: no one city holds both.
    found = entities(tmp_path, "长安、吉利等车企发布新车型。\n")
    assert not {"长安区", "吉利区"} & set(found)


def test_bare_names_that_are_no_division_of_that_city_are_not_taken(tmp_path: Path) -> None:
    found = entities(tmp_path, "广州市甲乙、丙丁等区重点发展数字经济。\n")
    assert not {"甲乙区", "丙丁区"} & set(found)


def test_a_river_bank_is_not_the_province_its_words_spell(tmp_path: Path) -> None:
    assert "河南省" not in entities(tmp_path, "项目位于深圳河南侧。\n")
    assert "河南省" in entities(tmp_path, "项目位于河南郑州。\n")


def test_a_verb_before_an_industry_is_not_part_of_its_name(tmp_path: Path) -> None:
    found = entities(tmp_path, "抢抓光子产业发展机遇。\n")
    assert "抢抓光子" not in found


def test_a_bracketed_acronym_after_a_name_is_its_short_name(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("该市在建的高能离子束实验装置（XIBF）进展顺利。XIBF将于明年建成。\n", encoding="utf-8")
    extraction = extract_document(path)
    facility = next(e for e in extraction.entities if e.name == "高能离子束实验装置")
    assert facility.type == "LargeScientificFacility"
    assert "XIBF" in facility.aliases
    later = extraction.document.text.index("。") + 1
    assert any(m.text == "XIBF" and m.start >= later for m in facility.mentions)


def test_a_noun_built_on_a_verb_stays_inside_a_name(tmp_path: Path) -> None:
    found = entities(tmp_path, "加速器驱动嬗变研究装置位于惠州。\n")
    assert found.get("加速器驱动嬗变研究装置") == "LargeScientificFacility"


def test_our_province_stands_for_the_one_province_the_page_names(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(
        "山西省高度重视产业链发展。我省分两批确定了新能源汽车、氢能、光伏等16条省级重点产业链。\n", encoding="utf-8"
    )
    extraction = extract_document(path)
    names = {e.id: e.name for e in extraction.entities}
    focuses = {names[r.tail] for r in extraction.relations if r.type == "FOCUSES_ON" and names[r.head] == "山西省"}
    assert {"新能源汽车", "氢能", "光伏"} <= focuses
    assert "高度重视" not in names.values()


def test_firms_standing_for_a_kind_and_a_leader_named_by_its_role(tmp_path: Path) -> None:
    page = "园区集聚了星辰科技、蓝海智能、云帆电子等为代表的一批人工智能企业。龙头企业远航动力投资建设新基地。\n"
    found = entities(tmp_path, page)
    assert {n for n, t in found.items() if t == "Enterprise"} >= {"星辰科技", "蓝海智能", "云帆电子", "远航动力"}
