from test_mentions_helpers import make_document

from kg.ids import entity_id
from loaders.lexicon.gazetteer import default_gazetteer
from loaders.mentions.find import find_mentions
from loaders.resolve import build_entities, company_core, is_company_short_name


def _resolve(*sentences: str):
    return build_entities(find_mentions(make_document(*sentences)).mentions)


def test_variants_become_one_entity_with_logged_merges():
    result = _resolve("中国科大和科大，EAST即全超导托卡马克，合肥物质院在合肥。")
    names = {e.name: e for e in result.entities}
    assert set(names) == {
        "中国科学技术大学",
        "全超导托卡马克核聚变实验装置",
        "中国科学院合肥物质科学研究院",
        "合肥市",
    }
    ustc = names["中国科学技术大学"]
    assert ustc.id == entity_id("中国科学技术大学")
    assert {"中国科大", "科大"} <= set(ustc.aliases)
    assert len(ustc.mentions) == 2
    assert names["合肥市"].division_code == "340100"
    reasons = {(m.variant, m.reason) for m in result.merges}
    assert ("合肥物质院", "gazetteer-alias") in reasons
    assert ("EAST", "gazetteer-alias") in reasons


def test_declared_abbreviation_merge_reason():
    result = _resolve("青柳市翠湖先进材料研究院（以下简称“翠湖院”）成立。翠湖院牵头。")
    merge = next(m for m in result.merges if m.variant == "翠湖院")
    assert merge.canonical == "青柳市翠湖先进材料研究院"
    assert merge.reason == "abbreviation-declared"


def test_suffix_and_ocr_variants():
    result = _resolve("壮大海雾传感产业，合肥某某交又科技有限公司。")
    reasons = {m.variant: m.reason for m in result.merges}
    assert reasons["海雾传感产业"] == "suffix-variant"
    assert reasons["合肥某某交又科技有限公司"] == "ocr-variant"
    assert any(e.name == "合肥某某交叉科技有限公司" for e in result.entities)


def test_legal_name_folds_into_known_short_name():
    result = _resolve("合肥晶合集成电路股份有限公司与某某甲股份有限公司。")
    names = {e.name for e in result.entities}
    assert "晶合集成" in names


def test_type_comes_from_gazetteer_and_unknown_entities_keep_rule_source():
    result = _resolve("星海全国重点实验室落户合肥高新区。")
    by_name = {e.name: e for e in result.entities}
    assert by_name["星海全国重点实验室"].source == "lab-national-key"
    zone = by_name["合肥高新技术产业开发区"]
    assert zone.subtype == "DevelopmentZone" and zone.source == "gazetteer"


def test_a_company_short_name_is_its_legal_name_without_place_and_legal_form():
    gaz = default_gazetteer()
    assert company_core("武汉云杉光电科技股份有限公司", gaz) == "云杉光电科技"
    assert company_core("云杉科技（合肥）有限公司", gaz) == "云杉科技"
    assert is_company_short_name("云杉光电", "武汉云杉光电科技股份有限公司", gaz)
    assert not is_company_short_name("光电", "武汉云杉光电科技股份有限公司", gaz)
    assert not is_company_short_name("云杉光电", "云杉光电研究院", gaz)  # no company


def test_a_company_short_name_resolves_to_the_full_name_of_the_document():
    doc = make_document("武汉云杉光电科技股份有限公司是龙头。", "支持长江存储、云杉光电等企业牵头攻关。")
    entities = build_entities(find_mentions(doc).mentions).entities
    company = next(e for e in entities if e.name == "武汉云杉光电科技股份有限公司")
    assert "云杉光电" in company.aliases
    assert not any(e.name == "云杉光电" for e in entities)


def test_a_named_place_written_shorter_later_is_one_place():
    result = _resolve("青柳市建设青柳翠湖科学城。翠湖科学城集聚人才。")
    names = {e.name: e for e in result.entities}
    assert "翠湖科学城" not in names
    assert set(names["青柳翠湖科学城"].aliases) >= {"翠湖科学城"}


def _places(*sentences: str):
    return {e.name: e for e in _resolve(*sentences).entities if e.type == "Place"}


def test_a_park_named_as_a_zone_elsewhere_in_the_text_is_that_zone():
    places = _places("青柳蓝谷高新技术产业开发区是一处新区。", "近年来，青柳蓝谷加快建设。")
    assert "青柳蓝谷" not in places
    assert "青柳蓝谷" in places["青柳蓝谷高新技术产业开发区"].aliases


def test_a_park_without_its_zone_in_the_text_keeps_its_name():
    result = _resolve("近年来，青柳蓝谷加快建设。")
    assert "青柳蓝谷" in {e.name for e in result.entities}


def test_a_park_named_with_its_new_area_and_later_by_its_own_words_is_one_park():
    names = _places("走进贵安新区翠湖精细化工园区，厂房林立。", "翠湖精细化工园区聚集了百余家企业。")
    assert "翠湖精细化工园区" not in names
    assert "翠湖精细化工园区" in names["贵州贵安新区翠湖精细化工园区"].aliases


def test_a_zone_written_with_and_without_national_is_one_entity():
    # 国家 before the type is the zone's level, written or left out: one zone.
    zones = [
        e
        for name, e in _places("青柳高新区新设产业园。青柳国家高新区是全省唯一的国家级高新区。").items()
        if name.endswith("开发区")
    ]
    assert len(zones) == 1
    assert {"青柳高新区", "青柳国家高新区"} <= set(zones[0].aliases)


def test_the_reference_datas_zone_name_wins_over_the_national_spelling():
    result = _resolve("合肥国家高新区发布新政。")
    assert [e.name for e in result.entities if e.name.endswith("开发区")] == ["合肥高新技术产业开发区"]


def _names_and_aliases(*sentences: str) -> dict[str, set[str]]:
    return {e.name: set(e.aliases) for e in _resolve(*sentences).entities}


def test_a_zone_written_with_and_without_its_city_is_one_zone():
    found = _names_and_aliases("天津翠湖经济技术开发区吸引企业落户。翠湖经济技术开发区聚焦新材料产业。")
    assert found["天津翠湖经济技术开发区"] == {"翠湖经济技术开发区"}
    assert "翠湖经济技术开发区" not in found


def test_a_park_written_with_and_without_district_word_is_one_park():
    found = _names_and_aliases("鹭洲工业园区吸引企业落户。鹭洲工业园聚焦新材料产业。")
    assert found["鹭洲工业园区"] == {"鹭洲工业园"}


def test_a_park_named_with_an_owner_word_and_later_without_is_one_park():
    found = _names_and_aliases("白鹭新药谷医药健康产业园吸引企业。医药健康产业园聚焦生物医药产业。")
    assert found["白鹭新药谷医药健康产业园"] == {"医药健康产业园"}


def test_a_short_form_of_a_short_form_takes_the_fullest_name():
    found = _names_and_aliases("青柳新区绿色化工园区吸引企业。新区绿色化工园区和新区化工园区聚焦精细化工产业。")
    assert found["青柳新区绿色化工园区"] == {"新区绿色化工园区", "新区化工园区"}


def test_a_firm_called_by_its_short_name_and_company_is_its_legal_name():
    found = _names_and_aliases("青禾磁材（包头）永磁科技有限公司投资建设项目。青禾磁材公司将扩大产能。")
    assert found["青禾磁材（包头）永磁科技有限公司"] == {"青禾磁材公司"}


def test_a_branch_is_another_firm():
    found = _names_and_aliases("青禾磁材（包头）永磁科技有限公司投资建设项目。青禾磁材分公司将扩大产能。")
    assert "青禾磁材分公司" in found


def test_a_known_firm_with_group_company_added_is_that_firm():
    found = _names_and_aliases("中国石化参与建设项目。中国石化集团公司将扩大产能。")
    assert "中国石化集团公司" not in found


def test_a_firm_written_after_its_origin_is_the_firm_of_its_own_name():
    result = _resolve("园区引进了台湾云岭科技、青柳电子等企业。", "云岭科技、白杨电子等企业已投产。")
    names = {e.name: e for e in result.entities if e.type == "Enterprise"}
    assert {"云岭科技", "青柳电子"} <= set(names)
    assert "台湾云岭科技" in names["云岭科技"].aliases
    assert len(names["云岭科技"].mentions) == 2  # written both ways, one firm
    reasons = {m.variant: m.reason for m in result.merges}
    assert reasons["台湾云岭科技"] == "origin-dropped"


def test_only_a_firm_drops_its_origin():
    names = {e.name for e in _resolve("香港科技大学与台湾云岭研究中心签约。").entities}
    assert "香港科技大学" in names
    assert "云岭研究中心" not in names


def test_a_park_written_after_its_district_lies_in_it_and_keeps_its_name():
    # The district is a place of its own; the park keeps the district in its name and is
    # also known by the rest ("新能源汽车产业港").
    result = _resolve("包河区新能源汽车产业港建设加快。")
    names = {e.name: e for e in result.entities}
    assert "包河区" in names
    assert "新能源汽车产业港" in names["包河区新能源汽车产业港"].aliases
