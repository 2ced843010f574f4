"""Constructions found missing on held-out documents, each on invented sentences."""

from __future__ import annotations

from test_relations_helpers import LEXICON, Known, fact, facts, find_known, make_document

from loaders.relations.engine import extract_relations

WORLD: dict[str, Known] = {
    **LEXICON,
    "城东大学": Known("University"),
    "城西大学": Known("University"),
    "光子研究院": Known("ResearchInstitute"),
    "传感实验室": Known("Laboratory"),
    "材料孵化器": Known("InnovationPlatform", "Incubator"),
    "芯片加速器": Known("InnovationPlatform", "Incubator"),
    "设计创新中心": Known("InnovationPlatform", "TechnologyInnovationCenter"),
    "甲公司": Known("Enterprise"),
    "乙公司": Known("Enterprise"),
    "丙公司": Known("Enterprise"),
    "滨江园": Known("Place", "DevelopmentZone"),
    "东区": Known("Place", "District"),
    "西区": Known("Place", "District"),
    "北区": Known("Place", "District"),
    "滨江新区": Known("Place", "DevelopmentZone"),
    "生物医药": Known("IndustryChain"),
    "新材料": Known("IndustryChain"),
    "光电子": Known("IndustryChain"),
    "光学元件": Known("IndustryChain"),
    "智能终端": Known("IndustryChain"),
    "机器人": Known("IndustryChain"),
    "智能装备": Known("IndustryChain"),
}


def run(texts: list[str], **kwargs: object):  # type: ignore[no-untyped-def]
    doc = make_document(texts, **kwargs)  # type: ignore[arg-type]
    return extract_relations(doc, find_known(doc, WORLD))


def test_a_supporter_serves_chains_after_a_comma() -> None:
    got = facts(run(["城东大学牵头建设的传感实验室，服务机器人和新能源汽车两大产业。"]).relations)
    assert fact("SUPPORTS_CHAIN", "传感实验室", "机器人") in got
    assert fact("SUPPORTS_CHAIN", "传感实验室", "新能源汽车") in got
    assert fact("SUPPORTS_CHAIN", "城东大学", "机器人") not in got


def test_respectively_pairs_supporters_with_chains_item_by_item() -> None:
    got = facts(run(["建设材料孵化器和芯片加速器，分别服务新材料和集成电路初创企业。"]).relations)
    assert fact("SUPPORTS_CHAIN", "材料孵化器", "新材料") in got
    assert fact("SUPPORTS_CHAIN", "芯片加速器", "集成电路") in got
    assert fact("SUPPORTS_CHAIN", "材料孵化器", "集成电路") not in got


def test_the_sentence_subject_supports_a_chain_named_in_a_later_clause() -> None:
    result = run(["设计创新中心由城东大学牵头建设，联合甲公司等企业攻关关键技术，支撑集成电路产业发展。"])
    got = facts(result.relations)
    assert fact("SUPPORTS_CHAIN", "设计创新中心", "集成电路") in got
    assert fact("SUPPORTS_CHAIN", "城东大学", "集成电路") not in got
    assert (
        fact("COOPERATES_WITH", "甲公司", "设计创新中心") in got
        or fact("COOPERATES_WITH", "设计创新中心", "甲公司") in got
    )


def test_working_around_a_chain_supports_it() -> None:
    got = facts(run(["设计创新中心由甲公司和城东大学联合建设，围绕新能源汽车产业链攻关固态电池。"]).relations)
    assert fact("SUPPORTS_CHAIN", "设计创新中心", "新能源汽车") in got
    assert fact("OPERATED_BY", "设计创新中心", "甲公司") in got
    assert fact("OPERATED_BY", "设计创新中心", "城东大学") in got


def test_among_them_restarts_the_subject() -> None:
    text = "光子研究院、设计创新中心等机构发展迅速，其中光子研究院由城东大学建设，重点服务机器人产业。"
    got = facts(run([text]).relations)
    assert fact("SUPPORTS_CHAIN", "光子研究院", "机器人") in got
    assert fact("SUPPORTS_CHAIN", "设计创新中心", "机器人") not in got


def test_partners_of_a_lab_are_cooperators_not_chain_members() -> None:
    result = run(["传感实验室聚焦传感器件，服务新能源汽车产业，已与甲公司、乙公司等企业建立联合研发机制。"])
    got = facts(result.relations)
    assert fact("SUPPORTS_CHAIN", "传感实验室", "新能源汽车") in got
    assert not any(r.type == "PART_OF_CHAIN" for r in result.relations)
    assert len([r for r in result.relations if r.type == "COOPERATES_WITH"]) == 2


def test_company_refers_back_to_the_firm_named_before() -> None:
    got = facts(run(["甲公司负责人说，公司正与乙公司联合开发新产品。"]).relations)
    assert fact("COOPERATES_WITH", "甲公司", "乙公司") in got or fact("COOPERATES_WITH", "乙公司", "甲公司") in got


def test_host_unit_by_way_of_yi_wei() -> None:
    got = facts(run(["传感实验室以城东大学为依托单位，聚焦光电子产业前沿技术。"]).relations)
    assert fact("OPERATED_BY", "传感实验室", "城东大学") in got


def test_a_park_gathering_firms_locates_them() -> None:
    got = facts(run(["滨江园集聚甲公司、乙公司等企业100余家。", "滨江园：聚焦光电子，集聚丙公司等企业。"]).relations)
    for firm in ("甲公司", "乙公司", "丙公司"):
        assert fact("LOCATED_IN", firm, "滨江园") in got


def test_a_campus_in_a_place_locates_the_university() -> None:
    got = facts(run(["城东大学、城西大学两所高校的主校区就在东区。"]).relations)
    assert fact("LOCATED_IN", "城东大学", "东区") in got
    assert fact("LOCATED_IN", "城西大学", "东区") in got


def test_situated_in_part_of_a_city_and_container_listing_its_parts() -> None:
    got = facts(run(["位于南京市东南部的滨江新区发展迅速。", "滨江新区范围包括东区、西区和北区八卦洲街道。"]).relations)
    assert fact("PART_OF", "滨江新区", "南京市") in got
    assert fact("PART_OF", "东区", "滨江新区") in got
    assert fact("PART_OF", "西区", "滨江新区") in got
    assert fact("PART_OF", "北区", "滨江新区") not in got


def test_a_sub_unit_set_up_in_a_place_is_part_of_its_founder() -> None:
    got = facts(run(["城东大学在东区设立光子研究院。", "甲公司在西区设立研发中心。"]).relations)
    assert fact("PART_OF", "光子研究院", "城东大学") in got
    assert fact("LOCATED_IN", "光子研究院", "东区") in got
    assert fact("LOCATED_IN", "甲公司", "西区") in got


def test_a_list_closed_by_he_is_focused_on_whole_under_a_place_heading() -> None:
    result = run(["东区：重点发展新型显示、光电子和生物医药。"], section_places=["东区"])
    got = facts(result.relations)
    for chain in ("新型显示", "光电子", "生物医药"):
        assert fact("FOCUSES_ON", "东区", chain) in got


def test_a_firm_brought_in_under_a_place_heading_is_located_there() -> None:
    got = facts(run(["东区：引进甲公司智能农机项目。"], section_places=["东区"]).relations)
    assert fact("LOCATED_IN", "甲公司", "东区") in got


def test_carrier_zone_focuses_when_no_place_is_the_subject() -> None:
    got = facts(run(["以滨江园为核心载体，重点发展生物医药和新材料。"]).relations)
    assert fact("FOCUSES_ON", "滨江园", "生物医药") in got
    assert fact("FOCUSES_ON", "滨江园", "新材料") in got


def test_carrier_yields_to_a_place_heading() -> None:
    result = run(["东区", "依托滨江园，重点发展生物医药。"], section_places=["东区", "东区"])
    got = facts(result.relations)
    assert fact("FOCUSES_ON", "东区", "生物医药") in got
    assert fact("FOCUSES_ON", "滨江园", "生物医药") not in got


def test_place_subject_keeps_the_focus_past_the_zone_it_relies_on() -> None:
    got = facts(run(["芜湖市依托滨江园发展光学元件产业，为光电子产业配套。"]).relations)
    assert fact("FOCUSES_ON", "芜湖市", "光学元件") in got
    assert fact("FOCUSES_ON", "滨江园", "光学元件") not in got
    assert fact("UPSTREAM_OF", "光学元件", "光电子") in got


def test_a_chain_extending_towards_another_feeds_it() -> None:
    got = facts(run(["推动新型显示产业向智能终端延伸。"]).relations)
    assert fact("UPSTREAM_OF", "新型显示", "智能终端") in got


def test_firm_opening_a_clause_of_a_sentence_about_one_chain_joins_it() -> None:
    got = facts(run(["机器人及智能装备产业营收增长18%，链主企业甲公司出货量居前列。"]).relations)
    assert fact("PART_OF_CHAIN", "甲公司", "机器人") in got
    assert fact("PART_OF_CHAIN", "甲公司", "智能装备") in got


def test_a_list_of_industries_does_not_say_which_one_a_firm_is_in() -> None:
    result = run(["新型显示、光电子等产业保持较快增长，甲公司出货量稳步提升。"])
    assert not any(r.type == "PART_OF_CHAIN" for r in result.relations)


def test_firms_named_with_their_own_field_are_not_put_in_another_chain() -> None:
    result = run(["生物医药产业加快发展，引进甲公司等医疗器械企业。"])
    assert fact("PART_OF_CHAIN", "甲公司", "生物医药") not in facts(result.relations)


def test_a_supported_chain_is_not_also_a_focus_of_the_same_organisation() -> None:
    lexicon_name = "机器人研究院"
    WORLD[lexicon_name] = Known("ResearchInstitute")
    try:
        result = run(["支持城东大学建设机器人研究院，服务机器人产业。"])
    finally:
        del WORLD[lexicon_name]
    got = facts(result.relations)
    assert fact("SUPPORTS_CHAIN", lexicon_name, "机器人") in got
    assert fact("FOCUSES_ON", lexicon_name, "机器人") not in got
