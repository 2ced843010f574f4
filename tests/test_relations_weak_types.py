"""General constructions for the rarer relation types, on made-up sentences."""

from __future__ import annotations

from test_relations_helpers import LEXICON, Known, fact, facts, find_known, make_document

from kg.model import Relation
from loaders.relations.engine import extract_relations

WORLD: dict[str, Known] = {
    **LEXICON,
    "先进光源": Known("LargeScientificFacility"),
    "脑科学平台": Known("InnovationPlatform"),
    "科技大市场": Known("InnovationPlatform"),
    "运营公司": Known("Enterprise", None, "科技运营公司"),
    "中国科大-华为联合实验室": Known("Laboratory"),
    "中国科大-上海合作组织合作平台": Known("InnovationPlatform"),
    "合肥物质院-京东方联合实验室": Known("Laboratory"),
    "华为": Known("Enterprise"),
    "哈佛医学院": Known("University"),
    "牛津大学": Known("University"),
    "磁生物学中心": Known("InnovationPlatform"),
    "上海市": Known("Place", "City"),
    "上海": Known("Place", "City", "上海市"),
    "光伏": Known("IndustryChain"),
    # Segments the mention stage did not type as such: the sentence alone says so.
    "电池片": Known("IndustryChain"),
    "组件": Known("IndustryChain"),
    "电站": Known("IndustryChain"),
    "硅料": Known("IndustryChain"),
    "逆变器": Known("IndustryChain"),
    "生物医药": Known("IndustryChain"),
    "高端装备": Known("IndustryChain"),
}


def run(texts: list[str], **kwargs: object) -> list[Relation]:
    doc = make_document(texts, **kwargs)  # type: ignore[arg-type]
    return extract_relations(doc, find_known(doc, WORLD)).relations


def got(*texts: str) -> set[tuple[str, str, str]]:
    return facts(run(list(texts)))


# OPERATED_BY


def test_host_that_runs_a_facility_operates_it() -> None:
    assert fact("OPERATED_BY", "先进光源", "中国科学技术大学") in got("依托中国科大运行的先进光源。")


def test_lead_builder_and_passive_forms() -> None:
    found = got("合肥物质院牵头组建脑科学平台。", "先进光源由中国科大承建。")
    assert fact("OPERATED_BY", "脑科学平台", "中国科学院合肥物质科学研究院") in found
    assert fact("OPERATED_BY", "先进光源", "中国科学技术大学") in found


def test_commissioned_operator_of_a_platform_named_after_it() -> None:
    assert fact("OPERATED_BY", "科技大市场", "科技运营公司") in got("委托运营公司运营科技大市场。")


def test_commissioned_operator_of_the_platform_named_earlier() -> None:
    found = got("支持科技大市场建设，委托运营公司市场化运行。")
    assert fact("OPERATED_BY", "科技大市场", "科技运营公司") in found


def test_commissioning_with_two_earlier_candidates_says_nothing() -> None:
    found = got("支持科技大市场和脑科学平台建设，委托运营公司市场化运行。")
    assert not any(t == "OPERATED_BY" for t, _, _ in found)


def test_commissioning_to_build_is_not_operation() -> None:
    assert not got("委托运营公司设计科技大市场。")


def test_owner_named_before_a_hyphen() -> None:
    # The owner must be an organisation the article names (so that it is an entity).
    assert not got("建立中国科大-上海合作组织合作平台。")
    found = got("中国科大发布成果。", "建立中国科大-上海合作组织合作平台。")
    assert fact("OPERATED_BY", "中国科大-上海合作组织合作平台", "中国科学技术大学") in found


def test_both_owners_of_a_hyphenated_joint_lab() -> None:
    found = got("合肥物质院与京东方合作。", "揭牌合肥物质院-京东方联合实验室。")
    lab = "合肥物质院-京东方联合实验室"
    assert fact("OPERATED_BY", lab, "中国科学院合肥物质科学研究院") in found
    assert fact("OPERATED_BY", lab, "京东方") in found


def test_unknown_name_before_a_hyphen_is_no_owner() -> None:
    found = got("中国科大发布成果。", "建立中国科大-上海合作组织合作平台。")
    assert len([t for t, _, _ in found if t == "OPERATED_BY"]) == 1  # not 上海合作组织


def test_partners_that_build_with_us_operate_what_they_build() -> None:
    found = got("推进与哈佛医学院、牛津大学等知名机构“磁生物学中心”联合建设。")
    assert fact("OPERATED_BY", "磁生物学中心", "哈佛医学院") in found
    assert fact("OPERATED_BY", "磁生物学中心", "牛津大学") in found


def test_partner_with_the_verb_between() -> None:
    assert fact("OPERATED_BY", "脑科学平台", "华为") in got("与华为共建脑科学平台。")


def test_a_partner_of_a_talk_does_not_operate() -> None:
    assert not any(t == "OPERATED_BY" for t, _, _ in got("与华为交流脑科学平台，达成共识。"))


# COOPERATES_WITH


def test_two_builders_cooperate_and_each_operates() -> None:
    found = got("中国科大、科大讯飞联合组建脑科学平台。")
    assert (
        fact("COOPERATES_WITH", "中国科学技术大学", "科大讯飞") in found
        or fact("COOPERATES_WITH", "科大讯飞", "中国科学技术大学") in found
    )
    assert fact("OPERATED_BY", "脑科学平台", "中国科学技术大学") in found
    assert fact("OPERATED_BY", "脑科学平台", "科大讯飞") in found


def test_with_and_a_cooperation_verb() -> None:
    for verb in ("签署战略合作协议", "共建实验室", "开展合作", "联合攻关"):
        found = got(f"京东方与中国科大{verb}。")
        pair = {
            fact("COOPERATES_WITH", "京东方", "中国科学技术大学"),
            fact("COOPERATES_WITH", "中国科学技术大学", "京东方"),
        }
        assert pair & found, verb


# PART_OF: segments of a chain


def test_links_listed_after_the_topic_chain_are_its_parts() -> None:
    found = got("以光伏为核心，围绕电池片、组件、逆变器等重点环节，打造产业集群。")
    for segment in ("电池片", "组件", "逆变器"):
        assert fact("PART_OF", segment, "光伏") in found


def test_links_without_a_topic_chain_in_the_sentence_use_the_lead() -> None:
    found = facts(run(["光伏。", "围绕电池片、组件等环节补链。"], paragraphs=[0, 0]))
    assert fact("PART_OF", "电池片", "光伏") in found


def test_links_with_two_candidate_chains_say_nothing() -> None:
    found = got("发展光伏和高端装备，围绕电池片、组件等重点环节补链。")
    assert not any(t == "PART_OF" for t, _, _ in found)


def test_a_list_not_called_links_is_not_parts() -> None:
    found = got("以光伏为核心，推动电池片、组件等企业上市。")
    assert fact("PART_OF", "电池片", "光伏") not in found


def test_labelled_streams_are_parts_of_the_chain() -> None:
    found = got("光伏产业链上游硅料、中游电池片、下游电站均已布局。")
    for segment in ("硅料", "电池片", "电站"):
        assert fact("PART_OF", segment, "光伏") in found


def test_one_stream_label_alone_is_not_a_list_of_parts() -> None:
    found = got("光伏产业链上游的硅料供应紧张。")
    assert fact("PART_OF", "硅料", "光伏") not in found


# SUPPORTS_CHAIN


def test_relied_on_across_a_comma_supports_the_developed_chain() -> None:
    found = got("依托中国科大的科研优势，大力发展量子信息产业。")
    assert fact("SUPPORTS_CHAIN", "中国科学技术大学", "量子信息") in found


def test_relied_on_strength_in_a_field_supports_it() -> None:
    found = got("依托中国科大在量子信息技术的领先优势，建设创新高地。")
    assert fact("SUPPORTS_CHAIN", "中国科学技术大学", "量子信息") in found


def test_relied_on_without_a_developing_verb_supports_nothing() -> None:
    found = got("依托中国科大举办论坛，邀请量子信息专家。")
    assert not any(t == "SUPPORTS_CHAIN" for t, _, _ in found)


def test_provider_for_a_chain_supports_it() -> None:
    found = got("合肥物质院为生物医药产业提供技术支撑。")
    assert fact("SUPPORTS_CHAIN", "中国科学院合肥物质科学研究院", "生物医药") in found


def test_serving_a_chain_supports_it() -> None:
    found = got("智能语音创新中心服务人工智能产业。")
    assert fact("SUPPORTS_CHAIN", "智能语音创新中心", "人工智能") in found


def test_an_enterprise_providing_for_a_chain_is_not_support() -> None:
    found = got("京东方为新型显示产业提供面板。")
    assert not any(t == "SUPPORTS_CHAIN" for t, _, _ in found)


# LOCATED_IN


def test_settling_building_and_lying_in_a_place() -> None:
    found = got(
        "京东方研发中心落户合肥高新区。",
        "在蜀山区布局先进光源。",
        "脑科学平台位于庐江县。",
    )
    assert fact("LOCATED_IN", "京东方", "合肥高新技术产业开发区") in found
    assert fact("LOCATED_IN", "先进光源", "蜀山区") in found
    assert fact("LOCATED_IN", "脑科学平台", "庐江县") in found


def test_a_place_owning_a_lab() -> None:
    assert fact("LOCATED_IN", "量子信息实验室", "蜀山区") in got("蜀山区的量子信息实验室开放。")


def test_branch_named_after_parent_and_place() -> None:
    world = {**WORLD, "合肥国家实验室": Known("Laboratory"), "合肥国家实验室上海基地": Known("Laboratory")}
    doc = make_document(["合肥国家实验室与上海合作。", "成立合肥国家实验室上海基地。"])
    found = facts(extract_relations(doc, find_known(doc, world)).relations)
    assert fact("PART_OF", "合肥国家实验室上海基地", "合肥国家实验室") in found
    assert fact("LOCATED_IN", "合肥国家实验室上海基地", "上海市") in found


def test_branch_of_an_unnamed_parent_is_not_placed() -> None:
    world = {**WORLD, "某某实验室上海基地": Known("Laboratory")}
    doc = make_document(["上海发展很快。", "成立某某实验室上海基地。"])
    assert not extract_relations(doc, find_known(doc, world)).relations


def test_zone_section_named_after_its_city() -> None:
    world = {
        **WORLD,
        "自贸试验区": Known("Place", "DevelopmentZone"),
        "自贸试验区合肥片区": Known("Place", "DevelopmentZone"),
    }
    doc = make_document(["合肥建设自贸试验区。", "自贸试验区合肥片区挂牌。"])
    found = facts(extract_relations(doc, find_known(doc, world)).relations)
    assert fact("PART_OF", "自贸试验区合肥片区", "合肥市") in found
    assert fact("PART_OF", "自贸试验区合肥片区", "自贸试验区") in found


# PART_OF_CHAIN


def test_listed_firms_join_the_chain_named_before_them() -> None:
    found = got("打造新能源汽车之都，支持比亚迪、蔚来等做大做强，发展集成电路。")
    assert fact("PART_OF_CHAIN", "比亚迪", "新能源汽车") in found
    assert fact("PART_OF_CHAIN", "蔚来", "新能源汽车") in found
    assert fact("PART_OF_CHAIN", "比亚迪", "集成电路") not in found


def test_listed_firms_after_two_chains_join_neither() -> None:
    found = got("发展新能源汽车和集成电路，支持比亚迪、蔚来等做大做强。")
    assert not any(t == "PART_OF_CHAIN" for t, _, _ in found)


def test_segments_join_the_chain_named_before_them() -> None:
    world = {**WORLD, "整车": Known("IndustryChain", "ChainSegment")}
    doc = make_document(["发展新能源汽车整车，推动集成电路突破。"])
    found = facts(extract_relations(doc, find_known(doc, world)).relations)
    assert fact("PART_OF", "整车", "新能源汽车") in found
    assert fact("PART_OF", "整车", "集成电路") not in found


def test_segments_in_a_lead_paragraph_do_not_join_a_later_goal_chain() -> None:
    world = {**WORLD, "整车": Known("IndustryChain", "ChainSegment")}
    doc = make_document(["新能源汽车。", "围绕整车开发，突破集成电路瓶颈。"], paragraphs=[0, 0])
    found = facts(extract_relations(doc, find_known(doc, world)).relations)
    assert fact("PART_OF", "整车", "集成电路") not in found


# FOCUSES_ON


def test_chains_named_as_places_leading_industries() -> None:
    found = got("聚焦集成电路、新型显示等合肥—庐江县共同主导产业，加强协作。")
    for place in ("合肥市", "庐江县"):
        for chain in ("集成电路", "新型显示"):
            assert fact("FOCUSES_ON", place, chain) in found


def test_chains_before_a_place_without_an_industry_word_are_not_its_focus() -> None:
    found = got("集成电路、新型显示等合肥企业参展。")
    assert not any(t == "FOCUSES_ON" for t, _, _ in found)


def test_a_chain_inside_a_mixed_field_list_of_a_lead_is_a_segment() -> None:
    texts = ["高端装备。", "重点突破精密减速器、智能机器人等关键部件。"]
    world = {**WORLD, "智能机器人": Known("IndustryChain")}
    doc = make_document(texts, paragraphs=[0, 0])
    found = facts(extract_relations(doc, find_known(doc, world)).relations)
    assert fact("PART_OF", "智能机器人", "高端装备") in found


def test_a_lone_chain_before_deng_fields_in_a_lead_is_not_a_segment() -> None:
    texts = ["高端装备。", "拓展智能机器人等领域合作。"]
    world = {**WORLD, "智能机器人": Known("IndustryChain")}
    doc = make_document(texts, paragraphs=[0, 0])
    found = facts(extract_relations(doc, find_known(doc, world)).relations)
    assert fact("PART_OF", "智能机器人", "高端装备") not in found
