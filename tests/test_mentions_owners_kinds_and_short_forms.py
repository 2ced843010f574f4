"""Name rules, each on invented sentences: a bare 市 opening a name,
高等 is no list, descriptions of kinds, towns of a kind, a region's programmes, owned
names with kind words, bracketed places after a name, lists of platforms and
facilities, and short forms of a longer name of the same document."""

from test_mentions_helpers import make_document
from test_mentions_helpers import mentions_by_canonical as _by_canonical

from loaders.mentions.entity_rules import RULES, is_description, judge
from loaders.mentions.find import find_mentions
from loaders.resolve import build_entities, shortens


def test_a_bare_city_word_opens_the_name_of_the_citys_company():
    found = _by_canonical("提级管理市云杉物流公司。", "组建合肥市青苔物流公司。")
    assert found["市云杉物流公司"].type == "Enterprise"
    assert "合肥市青苔物流公司" in found  # a known city before 市 stays in the name
    assert not any(name.startswith("管理") for name in found)


def test_an_institute_of_advanced_study_is_no_list():
    found = _by_canonical("筹建青柳（合肥）高等研究院。")
    assert found["青柳（合肥）高等研究院"].type == "ResearchInstitute"


def test_a_stem_made_of_description_words_names_no_body():
    assert is_description("学科交叉前沿研究") and not is_description("强磁场")
    found = _by_canonical("建设基础研究开放设施和技术创新技术研究院。", "建成云杉强磁场研究设施。")
    assert "云杉强磁场研究设施" in found
    bodies = [n for n, m in found.items() if m.type in ("LargeScientificFacility", "ResearchInstitute")]
    assert bodies == ["云杉强磁场研究设施"]


def test_a_field_before_town_is_a_kind_of_town():
    found = _by_canonical("打造金融小镇和智慧新城，建设青柳小镇。")
    assert [n for n, m in found.items() if m.type == "Place"] == ["青柳小镇"]


def test_new_and_one_character_is_a_place_name():
    assert judge(RULES.get("place-park"), "新港") is None
    assert judge(RULES.get("enterprise"), "新") is not None


def test_a_regions_policy_designation_is_not_a_place():
    found = _by_canonical("推进长三角云杉改革试验区建设，推进合肥云杉改革试验区建设。")
    zones = [n for n, m in found.items() if m.type == "Place" and n.endswith("试验区")]
    assert zones == ["合肥云杉改革试验区"]


def test_a_known_owner_makes_a_kind_word_a_name():
    owned = _by_canonical("运作G60科创走廊科技成果转化促进中心。")
    assert owned["G60科创走廊科技成果转化促进中心"].type == "InnovationPlatform"
    unowned = _by_canonical("成立科技成果转化促进中心。")
    assert not any(m.type == "InnovationPlatform" for m in unowned.values())


def test_a_bracketed_place_after_a_name_belongs_to_it():
    found = _by_canonical("建设国家青苔仪器质量监督检验中心（合肥）。")
    assert found["国家青苔仪器质量监督检验中心（合肥）"].type == "InnovationPlatform"


def test_a_list_of_named_platforms_types_its_unknown_members():
    found = _by_canonical(
        "推动云杉磁浮技术创新中心、青柳先进计算中心、多语种青苔语音技术及国产化平台、中科院银杏研究医院等重点创新平台建设。"
    )
    assert found["多语种青苔语音技术及国产化平台"].type == "InnovationPlatform"
    assert found["中科院银杏研究医院"].type == "InnovationPlatform"


def test_a_list_of_kinds_or_fields_under_a_platform_head_types_nothing():
    found = _by_canonical("支持高校、科研院所等创新平台建设。", "实现能源、青苔科学等综合研究平台组建。")
    assert not any(m.type == "InnovationPlatform" for m in found.values())


def test_a_platform_suffix_with_a_short_stem_counts_in_a_list_of_platforms():
    found = _by_canonical("支持离子医学中心、云杉研究院、大基因中心、转化医学研究中心等医药创新平台建设。")
    assert found["大基因中心"].type == "InnovationPlatform"
    assert found["云杉研究院"].type == "ResearchInstitute"
    alone = _by_canonical("建设大基因中心。")
    assert "大基因中心" not in alone


def test_a_system_among_known_facilities_is_a_facility():
    found = _by_canonical("争取合肥先进光源、强光磁集成实验装置、云杉环境模拟系统等纳入规划。")
    assert found["云杉环境模拟系统"].type == "LargeScientificFacility"
    alone = _by_canonical("建设云杉环境模拟系统。")
    assert "云杉环境模拟系统" not in alone


def test_short_forms():
    assert shortens("能源研究院", "青柳科学中心能源研究院")
    assert shortens("云杉走廊成果转化促进中心", "云杉走廊科技成果转化促进中心")
    assert not shortens("研究院", "青柳研究院")  # too short to name anything
    assert not shortens("青苔能源研究院", "青柳能源研究院")


def test_a_short_form_resolves_to_the_longer_name_of_the_same_document():
    doc = make_document("组建青柳科学中心能源研究院。", "能源研究院聚焦核聚变。")
    result = build_entities(find_mentions(doc).mentions)
    names = {e.name for e in result.entities}
    assert "青柳科学中心能源研究院" in names and "能源研究院" not in names
    assert any(m.variant == "能源研究院" and m.reason == "document-short-form" for m in result.merges)


def test_a_short_form_fitting_two_longer_names_stays_apart():
    doc = make_document("组建青柳能源研究院和云杉能源研究院。", "新型能源研究院聚焦核聚变。")
    names = {e.name for e in build_entities(find_mentions(doc).mentions).entities}
    assert {"青柳能源研究院", "云杉能源研究院"} <= names
