from test_mentions_helpers import make_document

from loaders.mentions.find import find_mentions
from loaders.mentions.place_lists import listed_places


def _by_text(*sentences):
    return {m.text: m for m in find_mentions(make_document(*sentences)).mentions}


def test_an_unknown_member_of_a_list_of_science_cities_is_a_place():
    found = _by_text("走廊串起青柳科技城、白桦科技城、松涛云城、东岭科技城。")
    assert found["松涛云城"].type == "Place"
    assert found["青柳科技城"].type == "Place"


def test_parks_listed_beside_a_known_park_are_places():
    found = _by_text("规划中，青柳科技城、白桦艺术园、松涛科创港等项目。")
    assert found["白桦艺术园"].type == "Place"
    assert found["松涛科创港"].type == "Place"


def test_a_list_without_a_known_place_types_nothing():
    found = _by_text("公司推出青柳乐园、白桦花园、松涛果园等楼盘。")
    assert "白桦花园" not in found
    assert "松涛果园" not in found


def test_listed_places_skips_kinds_and_firms_projects_and_verbs_before_the_list():
    text = "建设白桦云城、甲科技城、产业园、乙公司智慧城、松涛云城"
    places = {(text.index("甲科技城"), text.index("甲科技城") + 4)}
    firm = (text.index("乙公司"), text.index("乙公司") + 3)
    found = [text[p.start : p.end] for p in listed_places(text, places, {firm})]
    assert found == ["白桦云城", "松涛云城"]


def test_a_list_opening_after_a_space_skips_its_first_item():
    text = "建设 12 寸晶圆基地、甲科技城"
    places = {(text.index("甲科技城"), len(text))}
    assert listed_places(text, places, set()) == []


def test_a_province_in_a_party_title_is_no_place_mention():
    # another province than the document's: the title ranks a visitor (city_scope.py)
    found = _by_text("广东省委副书记出席活动。", "活动在哈尔滨市举行。")
    assert "广东省" not in found
    assert found["哈尔滨市"].type == "Place"


def test_a_copula_glued_to_an_area_word_ends_the_name_before_it():
    found = _by_text("先行区布局重大平台，配套区为大科学装置预留用地。")
    assert not any(m.type == "LargeScientificFacility" for m in found.values())


def test_a_copula_glued_to_an_industry_word_ends_the_name_before_it():
    # the segmenter writes 维修业是 as 业是: the industry is the subject, no place's name opens there
    found = _by_text("航空维修业是青柳航空城的重要产业之一。")
    assert not any(text.startswith(("业是", "是")) for text in found)
    assert found["青柳航空城"].type == "Place"


def test_a_field_of_science_before_facility_is_a_kind():
    found = _by_text("集群建设材料和信息科学设施。", "建设青柳强磁场实验装置。")
    assert not any(text.endswith("科学设施") for text in found)
    assert found["青柳强磁场实验装置"].type == "LargeScientificFacility"


def test_a_batch_word_ends_a_name_before_a_kind():
    found = _by_text("合肥市首批特色产业园区聚焦新能源汽车。", "青柳科技园是首批入驻的园区。")
    assert not any(text.endswith("特色产业园区") for text in found)
    assert found["合肥市"].type == "Place"


def test_a_township_is_a_place_but_home_and_countryside_words_are_not():
    found = _by_text("园区在青柳乡以北。", "感受江南水乡风貌，推进环湖乡镇治理。")
    assert found["青柳乡"].type == "Place"
    assert not any(text.endswith(("水乡", "湖乡")) for text in found)


def test_college_towns_are_places():
    found = _by_text("青柳大学城与白桦山高教区相邻。")
    assert found["青柳大学城"].type == "Place"
    assert found["白桦山高教区"].type == "Place"


def test_named_proof_of_concept_and_pilot_bases_are_platforms_kinds_are_not():
    found = _by_text(
        "推介青柳研究院概念验证中心、白桦化工新材料中试基地等平台。",
        "建设市级概念验证中心和中试基地10个。",
    )
    assert found["青柳研究院概念验证中心"].type == "InnovationPlatform"
    assert found["白桦化工新材料中试基地"].type == "InnovationPlatform"
    assert "市级概念验证中心" not in found


def test_a_bracketed_site_does_not_make_a_short_name_too_long():
    found = _by_text("中国（青柳）软件谷展示了产业特色。", "建设青柳白桦松涛翠湖软件谷。")
    assert found["中国（青柳）软件谷"].type == "Place"
    assert not any(text.endswith("翠湖软件谷") for text in found)


def test_an_award_with_a_ranking_is_no_name():
    found = _by_text("园区获评亚洲最佳孵化器。", "青柳科技孵化器获评优秀。")
    assert not any(text.endswith("最佳孵化器") for text in found)
    assert found["青柳科技孵化器"].type == "InnovationPlatform"


def test_a_province_naming_its_kind_of_laboratory_is_no_place_mention():
    doc = make_document("园区已有2个广东省实验室。", "广东省支持建设实验室。")
    provinces = [m for m in find_mentions(doc).mentions if m.text == "广东省"]
    assert [doc.sentences[m.sentence].text.startswith("广东省") for m in provinces] == [True]


def test_regions_of_national_strategies_are_places():
    found = _by_text("打造东北地区创新高地，联动珠三角和成渝地区双城经济圈。", "东北风吹过。")
    assert found["东北地区"].type == "Place"
    assert found["珠三角"].type == "Place"
    assert found["成渝地区双城经济圈"].type == "Place"
    assert "东北" not in found


def test_a_park_is_called_by_its_owner_words_before_and_after_its_full_name():
    found = _by_text("江苏青柳入选十大园区。", "常州市江苏青柳科技产业园榜上有名。", "江苏青柳携手高校。")
    assert found["江苏青柳"].canonical == "江苏青柳科技产业园"
    assert "江苏省" not in {m.canonical for m in found.values()}


def test_a_short_park_owner_is_no_alias():
    found = _by_text("青柳科技园开园。", "青柳集团投资。")
    assert found["青柳科技园"].type == "Place"
    assert "青柳" not in found


def test_a_known_park_opening_a_list_after_a_verb_makes_the_others_places():
    found = _by_text("松涛新城建有青柳科技园、数字农业园、医疗器械园。")
    assert found["青柳科技园"].type == "Place"
    assert found["数字农业园"].type == "Place"
    assert found["医疗器械园"].type == "Place"


def test_listed_places_reads_the_first_item_from_where_its_name_starts():
    text = "园区内建有甲科技园、乙农业园"
    places = {(text.index("甲科技园"), text.index("甲科技园") + 4)}
    found = [text[p.start : p.end] for p in listed_places(text, places, set())]
    assert found == ["乙农业园"]
