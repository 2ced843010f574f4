"""Paragraph leads, chain kinds and heading-stated containment (hand-made text)."""

from __future__ import annotations

from test_relations_helpers import LEXICON, Known, fact, facts, find_known, make_document

from loaders.relations.engine import extract_relations

WORLD: dict[str, Known] = {
    **LEXICON,
    "智能家电": Known("IndustryChain"),
    "智能网联汽车": Known("IndustryChain"),
    "新一代信息技术": Known("IndustryChain"),
    "物联网": Known("IndustryChain"),
    "云计算": Known("IndustryChain"),
    "芯片设计": Known("IndustryChain"),
    "封装测试": Known("IndustryChain"),
    "长江存储": Known("Enterprise"),
    "晶合": Known("Enterprise"),
    "集成电路创新中心": Known("InnovationPlatform"),
    "芯谷": Known("Place", "DevelopmentZone"),
    "空港新城": Known("Place", None),
    "巢湖市": Known("Place", "City"),
    "长丰县": Known("Place", "County"),
    "长三角": Known("Place", "Region"),
    "长三角协同示范区": Known("Place", "DevelopmentZone"),
}


def run(texts: list[str], **kwargs: object):  # type: ignore[no-untyped-def]
    doc = make_document(texts, **kwargs)  # type: ignore[arg-type]
    return extract_relations(doc, find_known(doc, WORLD))


LEAD_PARAGRAPH = [
    "集成电路。",
    "重点推进长江存储存储器基地、晶合产线等项目。",
    "支持集成电路创新中心建设，打造芯谷。",
]


def test_a_chain_lead_makes_its_paragraph_about_the_chain() -> None:
    got = facts(run(LEAD_PARAGRAPH, paragraphs=[0, 0, 0]).relations)
    assert fact("PART_OF_CHAIN", "长江存储", "集成电路") in got
    assert fact("PART_OF_CHAIN", "晶合", "集成电路") in got
    assert fact("SUPPORTS_CHAIN", "集成电路创新中心", "集成电路") in got
    assert fact("FOCUSES_ON", "芯谷", "集成电路") in got


def test_a_chain_lead_does_not_reach_the_next_paragraph() -> None:
    got = facts(run(LEAD_PARAGRAPH, paragraphs=[0, 0, 1]).relations)
    assert fact("PART_OF_CHAIN", "晶合", "集成电路") in got
    assert fact("SUPPORTS_CHAIN", "集成电路创新中心", "集成电路") not in got
    assert fact("FOCUSES_ON", "芯谷", "集成电路") not in got


def test_a_long_opening_sentence_is_not_a_lead() -> None:
    texts = ["集成电路产业规模持续扩大，质量效益稳步提升。", "重点推进晶合产线项目。"]
    assert not run(texts, paragraphs=[0, 0]).relations


def test_a_firm_named_as_a_model_or_partner_is_not_in_the_leads_chain() -> None:
    texts = ["集成电路。", "学习长江存储经验，与晶合开展交流。"]
    assert not any(r.type == "PART_OF_CHAIN" for r in run(texts, paragraphs=[0, 0]).relations)


def test_fields_listed_in_a_lead_paragraph_are_segments_of_the_chain() -> None:
    texts = ["集成电路。", "聚焦芯片设计、封装测试等领域，提升产业水平。"]
    got = facts(run(texts, paragraphs=[0, 0]).relations)
    assert fact("PART_OF", "芯片设计", "集成电路") in got
    assert fact("PART_OF", "封装测试", "集成电路") in got


def test_chains_listed_as_kinds_of_a_broader_chain_are_part_of_it() -> None:
    got = facts(run(["大力发展物联网、云计算、人工智能等新一代信息技术。"]).relations)
    for part in ("物联网", "云计算", "人工智能"):
        assert fact("PART_OF", part, "新一代信息技术") in got
    assert fact("PART_OF", "新一代信息技术", "物联网") not in got


def test_chains_in_brackets_after_a_chain_are_part_of_it() -> None:
    got = facts(run(["打造新一代信息技术（集成电路、新型显示）产业集群。"]).relations)
    assert fact("PART_OF", "集成电路", "新一代信息技术") in got
    assert fact("PART_OF", "新型显示", "新一代信息技术") in got


def test_a_plain_list_of_chains_makes_no_part_of() -> None:
    result = run(["发展物联网、云计算和新一代信息技术。"])
    assert not any(r.type == "PART_OF" for r in result.relations)


COLUMN = "专栏三 合肥市县（市）区创新发展重点"


def test_a_column_of_district_plans_puts_each_district_in_the_headings_city() -> None:
    texts = ["合肥市县（市）区。", "蜀山区。", "发展集成电路。", "巢湖市。", "发展智能家电。"]
    places = [None, "蜀山区", "蜀山区", "巢湖市", "巢湖市"]
    got = facts(run(texts, sections=[COLUMN] * 5, section_places=places).relations)
    assert fact("PART_OF", "蜀山区", "合肥市") in got
    # A county-level city: the division codes confirm it lies under 合肥市.
    assert fact("PART_OF", "巢湖市", "合肥市") in got


def test_a_column_heading_without_the_districts_word_states_no_containment() -> None:
    texts = ["合肥市。", "蜀山区。", "发展集成电路。"]
    heading = "专栏三 合肥市创新发展重点"
    got = facts(run(texts, sections=[heading] * 3, section_places=[None, "蜀山区", "蜀山区"]).relations)
    assert fact("PART_OF", "蜀山区", "合肥市") not in got


def test_a_districts_paragraph_contains_the_areas_it_names_as_its_own() -> None:
    texts = [
        "融入长三角一体化发展。",
        "长丰县。",
        "以芯谷和空港新城为重点，对接合肥高新区，打造长三角协同示范区。",
    ]
    places = [None, "长丰县", "长丰县"]
    got = facts(run(texts, section_places=places, paragraphs=[0, 1, 1]).relations)
    assert fact("PART_OF", "芯谷", "长丰县") in got
    assert fact("PART_OF", "空港新城", "长丰县") in got
    assert fact("PART_OF", "合肥高新技术产业开发区", "长丰县") not in got  # a partner
    assert fact("PART_OF", "长三角协同示范区", "长丰县") not in got  # a region's project


def test_a_zone_listed_with_the_sections_own_place_is_a_partner() -> None:
    texts = ["芯谷。", "支持芯谷与合肥高新区合作联动。"]
    got = facts(run(texts, section_places=["芯谷", "芯谷"]).relations)
    assert not any(rel_type == "PART_OF" for rel_type, _, _ in got)


def test_second_name_after_ji_is_not_a_chain_of_its_own() -> None:
    got = facts(run(["蜀山区重点发展新能源汽车暨智能网联汽车产业。"]).relations)
    assert fact("FOCUSES_ON", "蜀山区", "新能源汽车") in got
    assert fact("FOCUSES_ON", "蜀山区", "智能网联汽车") not in got


def test_a_list_goes_on_past_a_second_name_after_ji() -> None:
    got = facts(run(["南京市梳理出集成电路、智能网联汽车暨新能源汽车、动力电池等3条重点产业链。"]).relations)
    assert fact("FOCUSES_ON", "南京市", "集成电路") in got  # before the second name: the same list
    assert fact("FOCUSES_ON", "南京市", "智能网联汽车") in got
    assert fact("FOCUSES_ON", "南京市", "动力电池") in got
    assert fact("FOCUSES_ON", "南京市", "新能源汽车") not in got


def test_a_place_right_before_its_industry_focuses_on_it() -> None:
    got = facts(run(["合肥市集成电路产业规模突破千亿。"]).relations)
    assert fact("FOCUSES_ON", "合肥市", "集成电路") in got


def test_a_place_before_a_chain_word_that_is_not_an_industry_says_nothing() -> None:
    assert not run(["合肥市集成电路技术取得突破。"]).relations


def test_a_cooperating_pair_is_not_listed_as_the_chains_members() -> None:
    got = facts(run(["深化江淮与比亚迪合作，力争新能源汽车产量突破百万辆。"]).relations)
    assert fact("PART_OF_CHAIN", "比亚迪", "新能源汽车") not in got
    assert fact("COOPERATES_WITH", "江淮汽车", "比亚迪") in got


def test_firms_named_as_the_chains_platforms_are_not_its_members() -> None:
    result = run(["新增科大讯飞、京东方等6家国家级人工智能平台。"])
    assert not any(r.type == "PART_OF_CHAIN" for r in result.relations)


def test_organisations_listed_as_a_chains_firms_and_institutes() -> None:
    got = facts(run(["依托中国科大、科大讯飞、京东方等人工智能优势科研院所及龙头企业建设平台。"]).relations)
    assert fact("PART_OF_CHAIN", "科大讯飞", "人工智能") in got
    assert fact("PART_OF_CHAIN", "京东方", "人工智能") in got
    assert fact("SUPPORTS_CHAIN", "中国科学技术大学", "人工智能") in got


PARENTS: dict[str, Known] = {
    **WORLD,
    "中科院": Known("ResearchInstitute", None, "中国科学院"),
    "中科院合肥物质研究院": Known("ResearchInstitute", None, "中国科学院合肥物质科学研究院"),
    "华为": Known("Enterprise"),
    "华为研究院": Known("ResearchInstitute"),
    "华为智能实验室": Known("Laboratory"),
    "华为云": Known("Enterprise"),
    "等离子体所": Known("ResearchInstitute", None, "中国科学院等离子体物理研究所"),
    "EAST": Known("LargeScientificFacility", None, "全超导托卡马克核聚变实验装置"),
}


def run_parents(texts: list[str]):  # type: ignore[no-untyped-def]
    doc = make_document(texts)
    return extract_relations(doc, find_known(doc, PARENTS))


def test_a_unit_named_after_its_parent_is_part_of_it() -> None:
    got = facts(run_parents(["中科院在合肥布局科研力量。", "支持中科院合肥物质研究院发展。"]).relations)
    assert fact("PART_OF", "中国科学院合肥物质科学研究院", "中国科学院") in got


def test_a_parent_name_must_be_named_in_the_article_and_end_in_a_unit_word() -> None:
    got = facts(run_parents(["支持中科院合肥物质研究院发展。", "华为发布华为云。"]).relations)
    assert not any(rel_type == "PART_OF" for rel_type, _, _ in got)


def test_a_companys_named_lab_is_operated_by_it_and_its_institute_is_part_of_it() -> None:
    got = facts(run_parents(["华为牵头。", "建设华为研究院和华为智能实验室。"]).relations)
    assert fact("PART_OF", "华为研究院", "华为") in got
    assert fact("OPERATED_BY", "华为智能实验室", "华为") in got


def test_an_institutes_facility_is_operated_by_it() -> None:
    got = facts(run_parents(["依托等离子体所的EAST开展研究。"]).relations)
    assert fact("OPERATED_BY", "全超导托卡马克核聚变实验装置", "中国科学院等离子体物理研究所") in got


def test_an_institute_focuses_on_every_chain_its_verb_lists() -> None:
    lexicon = {**WORLD, "智能研究院": Known("ResearchInstitute")}
    doc = make_document(["智能研究院聚焦脑认知、人工智能、芯片设计等方向，建设平台。"])
    got = facts(extract_relations(doc, find_known(doc, lexicon)).relations)
    assert fact("FOCUSES_ON", "智能研究院", "人工智能") in got
    assert fact("FOCUSES_ON", "智能研究院", "芯片设计") in got


def test_chains_taken_as_main_lines_are_the_subjects_focus() -> None:
    texts = ["芯谷以平台建设为牵引，以集成电路、新型显示产业为主线，推动融通发展。"]
    got = facts(run(texts).relations)
    assert fact("FOCUSES_ON", "芯谷", "集成电路") in got
    assert fact("FOCUSES_ON", "芯谷", "新型显示") in got


def test_main_line_needs_the_closing_wei() -> None:
    assert not run(["芯谷以集成电路、新型显示产业推动融通发展。"]).relations


def test_a_place_that_builds_a_park_contains_it() -> None:
    got = facts(run(["支持蜀山区建设芯谷。", "对接合肥高新区建设空港新城。"]).relations)
    assert fact("PART_OF", "芯谷", "蜀山区") in got
    assert fact("PART_OF", "空港新城", "合肥高新技术产业开发区") not in got  # 对接: a partner


def test_a_rule_runs_only_on_sentences_with_the_unit_kinds_it_needs() -> None:
    from loaders.relations.registry import RelationRule

    seen: list[str] = []

    def record(view):  # type: ignore[no-untyped-def]
        seen.append(view.text)
        return []

    rule = RelationRule("record", 0.5, record, min_mentions=1, needs=frozenset({"org", "chain"}))
    doc = make_document(["蜀山区和庐江县。", "京东方发展新型显示。"])
    extract_relations(doc, find_known(doc, WORLD), rules=[rule])
    assert seen == ["京东方发展新型显示。"]


def test_opposite_part_of_directions_of_equal_weight_are_both_dropped() -> None:
    texts = ["发展物联网、云计算等新一代信息技术。", "发展新一代信息技术、人工智能等物联网。"]
    result = run(texts)
    got = facts(result.relations)
    assert fact("PART_OF", "物联网", "新一代信息技术") not in got
    assert fact("PART_OF", "新一代信息技术", "物联网") not in got
    assert fact("PART_OF", "云计算", "新一代信息技术") in got
    assert any(d.reason == "contradicted-direction" for d in result.dropped)


def test_a_lead_naming_two_chains_assigns_nothing() -> None:
    texts = ["集成电路及新型显示。", "重点推进晶合产线项目。"]
    assert not any(r.type == "PART_OF_CHAIN" for r in run(texts, paragraphs=[0, 0]).relations)


def test_a_lead_with_a_second_name_after_ji_is_the_first_chain() -> None:
    texts = ["新能源汽车暨智能网联汽车。", "重点实施蔚来总部项目。"]
    got = facts(run(texts, paragraphs=[0, 0]).relations)
    assert fact("PART_OF_CHAIN", "蔚来", "新能源汽车") in got
    assert fact("PART_OF_CHAIN", "蔚来", "智能网联汽车") not in got
