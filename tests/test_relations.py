"""Relation extraction on hand-made sentences (not the seeds)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_relations_helpers import LEXICON, fact, facts, find_known, make_document

from kg.errors import InputError
from kg.graph.merge import one_per_fact
from kg.ids import entity_id
from kg.model import RELATION_TYPES, Mention
from loaders.relations.class_limits import violation
from loaders.relations.engine import extract_relations


def run(texts: list[str], **kwargs: object):  # type: ignore[no-untyped-def]
    doc = make_document(texts, **kwargs)  # type: ignore[arg-type]
    return extract_relations(doc, find_known(doc, LEXICON))


def test_coordinated_firms_each_join_the_chain() -> None:
    result = run(["新能源汽车产业集聚了比亚迪、江淮、大众、蔚来、长安等6家整车企业。"])
    for firm in ("比亚迪", "江淮汽车", "大众汽车", "蔚来", "长安汽车"):
        assert fact("PART_OF_CHAIN", firm, "新能源汽车") in facts(result.relations)
    assert len(one_per_fact(result.relations)) == 5


def test_located_in_by_verb_distributes_over_a_list() -> None:
    result = run(["科大讯飞、国轩高科等企业总部位于合肥高新区。"])
    got = facts(result.relations)
    assert fact("LOCATED_IN", "科大讯飞", "合肥高新技术产业开发区") in got
    assert fact("LOCATED_IN", "国轩高科", "合肥高新技术产业开发区") in got


def test_build_at_place_locates_the_built_thing() -> None:
    result = run(["在蜀山区建设量子信息实验室，推动成果转化。"])
    assert fact("LOCATED_IN", "量子信息实验室", "蜀山区") in facts(result.relations)


def test_place_right_before_organisation_locates_it_with_lower_confidence() -> None:
    result = run(["合肥高新区科大讯飞发布新产品。"])
    (relation,) = [r for r in result.relations if r.type == "LOCATED_IN"]
    assert relation.head == entity_id("科大讯飞")
    assert relation.confidence < 0.9


def test_place_containment_from_adjacent_names() -> None:
    result = run(["安徽省合肥市蜀山区发展集成电路。"])
    got = facts(result.relations)
    assert fact("PART_OF", "合肥市", "安徽省") in got
    assert fact("PART_OF", "蜀山区", "合肥市") in got
    assert fact("PART_OF", "合肥市", "蜀山区") not in got


def test_a_name_alone_does_not_place_a_zone_in_the_city_it_starts_with() -> None:
    # docs/annotation.md: no world knowledge; 合肥高新区 is in 合肥 only if the text says so.
    result = run(["合肥是省会。", "合肥高新区举办论坛。"])
    assert not any(r.type == "PART_OF" for r in result.relations)


def test_host_builds_lab_is_operated_by() -> None:
    result = run(["依托中国科大建设量子信息实验室。", "稳态强磁场实验装置由合肥物质院运行。"])
    got = facts(result.relations)
    assert fact("OPERATED_BY", "量子信息实验室", "中国科学技术大学") in got
    assert fact("OPERATED_BY", "稳态强磁场实验装置", "中国科学院合肥物质科学研究院") in got


def test_lead_builder_is_operator() -> None:
    result = run(["科大讯飞牵头建设智能语音创新中心。"])
    assert fact("OPERATED_BY", "智能语音创新中心", "科大讯飞") in facts(result.relations)


def test_relied_on_institutions_support_the_chain() -> None:
    result = run(["依托中国科大、合肥物质院发展量子信息产业。"])
    got = facts(result.relations)
    assert fact("SUPPORTS_CHAIN", "中国科学技术大学", "量子信息") in got
    assert fact("SUPPORTS_CHAIN", "中国科学院合肥物质科学研究院", "量子信息") in got


def test_place_subject_focuses_on_listed_chains() -> None:
    result = run(["经开区重点发展集成电路、新型显示等产业。"])
    got = facts(result.relations)
    assert fact("FOCUSES_ON", "合肥经济技术开发区", "集成电路") in got
    assert fact("FOCUSES_ON", "合肥经济技术开发区", "新型显示") in got


def test_place_as_object_does_not_focus() -> None:
    result = run(["与经开区合作发展集成电路产业。"])
    assert not any(r.type == "FOCUSES_ON" for r in result.relations)


def test_enterprise_is_chain_leader() -> None:
    result = run(["京东方是新型显示产业链链主企业。", "人工智能龙头企业科大讯飞加快发展。"])
    got = facts(result.relations)
    assert fact("PART_OF_CHAIN", "京东方", "新型显示") in got
    assert fact("PART_OF_CHAIN", "科大讯飞", "人工智能") in got


def test_upstream_segment() -> None:
    result = run(["新能源汽车产业链上游的动力电池加快布局。"])
    assert fact("UPSTREAM_OF", "动力电池", "新能源汽车") in facts(result.relations)


def test_cooperation_is_symmetric_and_emitted_once() -> None:
    result = run(["中国科大与科大讯飞合作建设联合实验室。", "科大讯飞携手中国科大开展攻关。"])
    cooperations = [r for r in result.relations if r.type == "COOPERATES_WITH"]
    assert len(cooperations) == 2  # one per sentence, whatever the order in the text
    for relation in cooperations:
        assert relation.head < relation.tail
        assert {relation.head, relation.tail} == {
            entity_id("中国科学技术大学"),
            entity_id("科大讯飞"),
        }


def test_same_fact_twice_in_one_sentence_is_kept_once() -> None:
    result = run(["科大讯飞位于合肥高新区，科大讯飞落户合肥高新区。"])
    located = [r for r in one_per_fact(result.relations) if r.type == "LOCATED_IN"]
    assert len(located) == 1


def test_section_place_locates_organisations_and_focuses_on_chains() -> None:
    result = run(
        ["庐江县。", "围绕新材料、集成电路等产业，推进国轩高科建设重点实验室。"],
        section_places=["庐江县", "庐江县"],
    )
    got = facts(result.relations)
    assert fact("LOCATED_IN", "国轩高科", "庐江县") in got
    assert fact("FOCUSES_ON", "庐江县", "集成电路") in got
    section = [r for r in result.relations if r.rule.startswith("section-")]
    assert section and all(r.confidence <= 0.6 for r in section)


def test_section_place_skips_partners_named_with_a_connecting_verb() -> None:
    result = run(
        ["庐江县。", "紧密对接中国科大，发展集成电路产业。"],
        section_places=["庐江县", "庐江县"],
    )
    assert fact("LOCATED_IN", "中国科学技术大学", "庐江县") not in facts(result.relations)


def test_section_place_from_another_article_is_not_used() -> None:
    result = run(
        ["栖霞区是南京市的区。", "比亚迪开展研发。"],
        articles=[0, 1],
        section_places=[None, "栖霞区"],
    )
    assert not any(r.tail == entity_id("栖霞区") for r in result.relations)
    assert any(d.reason == "cross-article-section-place" for d in result.dropped)


def test_city_deixis_locates_only_with_the_articles_own_city() -> None:
    texts = ["我市科大讯飞加快发展。", "本市比亚迪扩大产能。"]
    result = run(texts, articles=[0, 1], focus={0: "合肥市", 1: "南京市"})
    got = facts(result.relations)
    assert fact("LOCATED_IN", "科大讯飞", "合肥市") in got
    assert fact("LOCATED_IN", "比亚迪", "南京市") in got
    assert fact("LOCATED_IN", "比亚迪", "合肥市") not in got


def test_city_deixis_without_focus_place_gives_nothing() -> None:
    result = run(["我市科大讯飞加快发展。"])
    assert result.relations == []


def test_type_violation_is_dropped_with_reason() -> None:
    # A chain right after a place reads like "合肥的X" but a chain is not located anywhere.
    result = run(["合肥人工智能加快发展。"])
    assert not any(r.type == "LOCATED_IN" for r in result.relations)
    result = run(["量子信息位于合肥高新区。"])
    assert result.relations == []
    assert any(d.reason.startswith("type-constraint:LOCATED_IN") for d in result.dropped)
    assert all(d.stage == "relations" for d in result.dropped)


def test_no_self_relation_when_two_names_resolve_to_one_entity() -> None:
    result = run(["中国科大与中国科学技术大学合作。"])
    assert result.relations == []
    assert any(d.reason == "self-relation" for d in result.dropped)


def test_every_relation_is_well_formed() -> None:
    texts = [
        "新能源汽车产业集聚了比亚迪、江淮、大众、蔚来、长安等6家整车企业。",
        "依托中国科大建设量子信息实验室，科大讯飞位于合肥高新区。",
    ]
    doc = make_document(texts)
    result = extract_relations(doc, find_known(doc, LEXICON))
    assert result.relations
    for relation in result.relations:
        assert relation.type in RELATION_TYPES
        assert 0.0 <= relation.confidence <= 1.0
        assert relation.head != relation.tail
        sentence = doc.sentences[relation.evidence.sentence]
        assert relation.evidence.text == sentence.text
        assert (relation.evidence.start, relation.evidence.end) == (sentence.start, sentence.end)
        assert relation.evidence.doc == doc.name


def test_unset_clean_offsets_are_recovered_from_original_offsets() -> None:
    doc = make_document(["前言。", "科大讯飞位于合肥高新区。"])
    mentions = [
        Mention(m.doc, m.sentence, m.start, m.end, m.text, m.type, m.subtype, m.canonical, "t")
        for m in find_known(doc, LEXICON)
    ]
    result = extract_relations(doc, mentions)
    assert fact("LOCATED_IN", "科大讯飞", "合肥高新技术产业开发区") in facts(result.relations)


def test_mention_of_missing_sentence_is_an_input_error_naming_the_document() -> None:
    doc = make_document(["科大讯飞。"], name="bad.txt")
    (mention,) = find_known(doc, LEXICON)
    with pytest.raises(InputError, match="bad.txt"):
        extract_relations(doc, [replace(mention, sentence=7)])


def _place(name: str, subtype: str) -> Mention:
    return Mention("d.txt", 0, 0, len(name), name, "Place", subtype, name, "test")


@pytest.mark.parametrize(
    ("zone", "tail", "allowed"),
    [
        ("株洲高新技术产业开发区", "株洲市", True),
        ("株洲高新技术产业开发区", "湖南省", True),
        ("株洲高新技术产业开发区", "湘潭市", False),  # the city its name opens with holds it
        ("苏州宿迁工业园区", "宿迁市", True),  # one city's park in another names both
        ("深圳（汕尾）产业园区", "汕尾市", True),
    ],
)
def test_a_zone_named_after_its_city_is_no_part_of_another_city(zone: str, tail: str, allowed: bool) -> None:
    level = "Province" if tail.endswith("省") else "City"
    reason = violation("PART_OF", _place(zone, "DevelopmentZone"), _place(tail, level))
    assert (reason is None) is allowed
    assert allowed or reason == "type-constraint:PART_OF:zone-named-after-another-place"
