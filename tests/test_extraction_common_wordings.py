"""Common wordings of policy and news text that the extractor read wrongly, each on an
invented sentence: category words and verbs taken for names, a province written onto its
city inside a list, a city named in apposition to its region, and clauses with subjects of
their own. (The relations' examples are in loaders/lexicon/data/rule_examples/.)"""

from __future__ import annotations

import pytest
from test_mentions_helpers import make_document, names_of_class, relation_triples

from loaders.mentions.coordination import group_units
from loaders.mentions.find import find_mentions


def _names(sentence: str, cls: str) -> set[str]:
    return names_of_class(sentence, cls)


def _relations(text: str) -> set[tuple[str, str, str]]:
    return relation_triples(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "各区要认真绘制产业发展图谱并及时更新。",  # a verb before 产业
        "推动人才链、创新链与产业链有机衔接。",  # the four chains of policy talk
        "加快打造产业链供应链韧性，全力推动产业升级。",
        "园区重点发展科技创新及服务业、人工智能等新兴产业。",  # 科技创新 is an activity
        "打造从研发设计到智能制造的全生命周期产业链。",  # 全生命周期: how whole the chain is
    ],
)
def test_category_words_and_verbs_name_no_industry(sentence: str) -> None:
    not_industries = {"认真绘制", "绘制", "创新链", "人才链", "供应链", "科技创新", "全生命周期"}
    assert not not_industries & _names(sentence, "IndustryChain")


def test_an_industry_in_the_same_list_is_still_read() -> None:
    assert "人工智能" in _names("园区重点发展科技创新及服务业、人工智能等新兴产业。", "IndustryChain")


def test_an_area_word_is_no_district() -> None:
    places = _names("坐落于长三角中心区域的芜湖市正在加快发展。", "Place")
    assert "中心区" not in places and "芜湖市" in places


def test_a_province_with_the_word_for_zones_is_no_zone() -> None:
    places = _names("湖北省开发区数量居全国前列，武汉东湖新技术开发区领跑。", "Place")
    assert "湖北省开发区" not in places
    assert "武汉东湖新技术开发区" in places


def test_a_province_written_onto_its_city_is_no_list_member() -> None:
    text = "安徽合肥、江苏南京、浙江杭州"
    found = find_mentions(make_document(text)).mentions
    placed = sorted(((m, m.clean_start, m.clean_end) for m in found if m.type == "Place"), key=lambda t: t[1])
    units = group_units(text, placed)
    assert [[m.text for m in u.members] for u in units] == [["安徽"], ["合肥"], ["江苏"], ["南京"], ["浙江"], ["杭州"]]


def test_a_district_in_a_list_keeps_its_township() -> None:
    """A district written onto a township stays in its list of districts."""
    text = "新区范围包括浦口区、六合区和栖霞区八卦洲街道"
    found = find_mentions(make_document(text)).mentions
    placed = sorted(((m, m.clean_start, m.clean_end) for m in found if m.type == "Place"), key=lambda t: t[1])
    lists = [[m.text for m in u.members] for u in group_units(text, placed) if u.is_list]
    assert ["浦口区", "六合区", "栖霞区"] in lists


def test_a_city_in_apposition_to_its_region_locates_and_is_part() -> None:
    got = _relations("星河研究院位于长三角核心城市苏州，今年完成注册。")
    assert ("LOCATED_IN", "星河研究院", "苏州市") in got
    assert ("LOCATED_IN", "星河研究院", "长三角") not in got
    assert ("PART_OF", "苏州市", "长三角") in got


def test_each_clause_with_its_own_subject_keeps_its_chains() -> None:
    got = _relations("芜湖市重点发展新能源汽车，合肥市则聚焦集成电路和新型显示。")
    assert ("FOCUSES_ON", "芜湖市", "新能源汽车") in got
    assert ("FOCUSES_ON", "合肥市", "集成电路") in got
    assert ("FOCUSES_ON", "芜湖市", "集成电路") not in got
    assert ("FOCUSES_ON", "芜湖市", "新型显示") not in got


def test_a_place_taking_a_chain_as_its_leading_industry_focuses_on_it() -> None:
    got = _relations("芜湖高新区将生物医药产业确定为主导产业。")
    assert ("FOCUSES_ON", "芜湖高新技术产业开发区", "生物医药") in got


def test_a_company_name_cut_at_a_verb_leaves_no_generic_group() -> None:
    firms = _names("该项目由江城城市建设投资集团有限公司负责建设。", "Enterprise")
    assert "投资集团有限公司" not in firms and "投资集团" not in firms


def test_a_body_launched_in_a_place_is_located_there() -> None:
    got = _relations("星河研究院于2018年在洪山区挂牌成立。")
    assert ("LOCATED_IN", "星河研究院", "洪山区") in got


def test_a_city_s_status_as_a_science_centre_is_no_platform() -> None:
    assert not _names("深圳加快建设粤港澳大湾区国际科技创新中心。", "InnovationPlatform")
    assert "合肥滨湖科学城科技创新中心" in _names("合肥滨湖科学城科技创新中心正式启用。", "InnovationPlatform")


def test_a_kind_of_body_joined_to_a_list_of_firms_is_no_firm() -> None:
    text = "中国科学技术大学、合肥工业大学等高校与科大讯飞、京东方等企业开展合作。"
    assert "高校" not in _names(text, "Enterprise")
    got = _relations(text)
    assert {("COOPERATES_WITH", "合肥工业大学", "京东方"), ("COOPERATES_WITH", "京东方", "合肥工业大学")} & got


def test_whole_city_never_stands_for_a_province_a_page_names_most():
    # 安徽 is the page's most named place, but 全市 speaks of a city: the county-level city
    # the paragraph opens with.
    got = _relations(
        "安徽省政府发布通报，安徽省星海公司、安徽省云岭公司入选，安徽省表彰。\n"
        "近年来，宁国市坚持工业强市。截至目前，全市初步形成了以汽车零部件、精密铸件为主的制造业发展格局。"
    )
    assert ("FOCUSES_ON", "宁国市", "汽车零部件") in got
    assert not any(head == "安徽省" for _, head, _ in got)
