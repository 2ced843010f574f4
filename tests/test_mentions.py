from test_mentions_helpers import make_document

from loaders.mentions.entity_rules import RULES
from loaders.mentions.find import find_mentions


def _by_text(doc):
    return {m.text: m for m in find_mentions(doc).mentions}


def test_mentions_are_sorted_non_overlapping_and_point_at_the_text():
    doc = make_document("依托中国科大建设合肥某某新材料有限公司，推动新能源汽车产业发展。")
    mentions = find_mentions(doc).mentions
    for a, b in zip(mentions, mentions[1:], strict=False):
        assert a.end <= b.start
    for m in mentions:
        assert doc.text[m.start : m.end] == m.text
        assert doc.sentences[m.sentence].text[m.clean_start : m.clean_end] == m.text


def test_unseen_names_are_found_by_their_form():
    found = _by_text(
        make_document(
            "支持合肥某某新材料有限公司建设XX省先进光子重点实验室。",
            "依托某某大学组建量子精密测量工程研究中心和星海全国重点实验室。",
            "青柳市翠湖研究院与东岭学院共同打造云杉科技孵化器。",
        )
    )
    assert found["合肥某某新材料有限公司"].type == "Enterprise"
    assert found["XX省先进光子重点实验室"].type == "Laboratory"
    assert found["量子精密测量工程研究中心"].subtype == "EngineeringResearchCenter"
    assert found["星海全国重点实验室"].subtype == "NationalKeyLaboratory"
    assert found["青柳市翠湖研究院"].type == "ResearchInstitute"
    assert found["东岭学院"].type == "University"
    assert found["云杉科技孵化器"].subtype == "Incubator"
    assert found["某某大学"].source == "university"


def test_left_boundary_stops_at_verbs_and_numerals():
    found = _by_text(make_document("我市新建3个重点实验室，加快建设银杏光电国家实验室。"))
    assert "银杏光电国家实验室" in found
    assert not any("建设" in t or "3个" in t for t in found)


def test_generic_names_are_dropped_with_a_reason():
    result = find_mentions(make_document("我市重点实验室达到一批，新增一批研究院。"))
    assert result.mentions == []
    assert {d.stage for d in result.dropped} == {"mentions"}
    assert all("generic" in d.reason for d in result.dropped)


def test_industry_chains_lose_their_suffix_and_lists_are_split():
    found = _by_text(make_document("加快发展星光材料、深蓝能源等未来产业，壮大海雾传感产业集群。"))
    assert found["星光材料"].canonical == "星光材料"
    assert found["深蓝能源"].type == "IndustryChain"
    assert found["海雾传感产业集群"].canonical == "海雾传感"
    assert not any(m.startswith("未来") for m in found)


def test_known_chain_variants_map_to_the_canonical_chain():
    found = _by_text(make_document("打造智能网联新能源汽车产业集群和集成电路产业。"))
    canonicals = {m.canonical for m in found.values()}
    assert {"新能源汽车", "集成电路"} <= canonicals


def test_ambiguous_short_alias_needs_context():
    listed = _by_text(make_document("比亚迪、江淮、蔚来等整车企业。"))
    assert listed["江淮"].canonical == "江淮汽车"
    alone = _by_text(make_document("江淮大地春意浓。"))
    assert "江淮" not in alone


def test_declared_abbreviation_names_the_entity_later():
    doc = make_document(
        "青柳市翠湖先进材料研究院（以下简称“翠湖院”）成立。",
        "翠湖院牵头攻关。",
    )
    later = [m for m in find_mentions(doc).mentions if m.sentence == 1]
    assert later[0].text == "翠湖院"
    assert later[0].canonical == "青柳市翠湖先进材料研究院"
    assert later[0].source == "declared-abbreviation"


def test_ambiguous_district_is_decided_by_a_preceding_city():
    found = _by_text(make_document("南京市的鼓楼区。"))
    assert found["鼓楼区"].canonical == "南京市鼓楼区"
    undecided = _by_text(make_document("鼓楼区很热闹。"))
    assert undecided["鼓楼区"].canonical == "鼓楼区"


def test_ambiguous_district_is_decided_by_the_article_focus():
    found = _by_text(make_document("鼓楼区很热闹。", focus_place="福州市"))
    assert found["鼓楼区"].canonical == "福州市鼓楼区"


def test_places_are_typed_by_level():
    found = _by_text(make_document("安徽省合肥市庐江县和蜀山区。"))
    assert found["安徽省"].subtype == "Province"
    assert found["合肥市"].subtype == "City"
    assert found["庐江县"].subtype == "County"
    assert found["蜀山区"].subtype == "District"


def test_rules_are_registered_by_name():
    assert "lab-national-key" in RULES.names()
    assert RULES.get("industry-chain").keep_suffix is False
