"""The industry vocabulary (data/industry_terms.txt): industries named in lists of
industries, never alone and never in lists of uses or sciences; on invented sentences."""

import re

from test_mentions_helpers import chain_names, make_document

from loaders.lexicon.chain_names import industry_terms, segment_terms
from loaders.lexicon.gazetteer import default_gazetteer
from loaders.mentions.chain_candidates import _materials_of
from loaders.mentions.find import find_mentions

_NAME = re.compile(r"[\u4e00-\u9fff0-9A-Za-z/]{2,10}")


def _chains(sentence: str) -> set[str]:
    return {m.text for m in find_mentions(make_document(sentence)).mentions if m.type == "IndustryChain"}


def test_terms_are_names_not_known_elsewhere():
    gaz = default_gazetteer()
    terms = industry_terms()
    assert len(terms) > 400
    assert all(_NAME.fullmatch(t) for t in terms)
    assert not terms & segment_terms()
    assert not [t for t in terms if gaz.entry(t) is not None]
    # umbrella categories are no industries
    assert not {"战略性新兴产业", "未来产业", "生产性服务业"} & terms


def test_headless_list_with_a_known_chain_types_the_industries():
    chains = _chains("该市设立扶持汽车、纺织、冶金、会展等的专项资金。")
    assert {"纺织", "冶金", "会展"} <= chains


def test_list_run_after_the_subject_place_types_the_industries():
    chains = _chains("该县推动汽车、钢铁、化工「三大件」转型升级。")
    assert {"钢铁", "化工"} <= chains
    chains = _chains("芜湖市推动汽车、钢铁、化工「三大件」转型升级。")
    assert {"钢铁", "化工"} <= chains


def test_field_list_of_mostly_industries_types_them():
    chains = _chains("新签约项目涉及先进陶瓷、现代金融、桌椅、会展等领域。")
    assert {"先进陶瓷", "现代金融", "会展"} <= chains
    assert "桌椅" not in chains


def test_field_list_of_uses_types_no_industry():
    chains = _chains("拓展数字门诊、数字金融、数字社区、智慧校园、智慧农业等场景领域应用。")
    assert not {"数字金融", "智慧农业"} & chains


def test_an_industry_word_alone_is_no_chain():
    assert not {"机械", "金融", "钢铁"} & _chains("工人操作机械，金融机构放贷，钢铁大桥建成。")


def test_headless_list_without_a_known_chain_types_nothing():
    assert not {"纺织", "冶金"} & _chains("该市整理纺织、冶金、桌椅等档案。")


def _segments(sentence: str) -> dict[str, str | None]:
    return {m.text: m.subtype for m in find_mentions(make_document(sentence)).mentions if m.type == "IndustryChain"}


def test_a_list_headed_by_a_chain_lists_its_segments():
    found = _segments("该区着力发展云服务、软件服务外包等软件和信息技术服务业。")
    assert found["云服务"] == "ChainSegment" and found["软件服务外包"] == "ChainSegment"


def test_a_list_with_a_known_firm_headed_by_a_chain_types_nothing():
    found = _segments("该区引进比亚迪、青枫软件外包等新能源汽车。")
    assert "青枫软件外包" not in found


def test_a_list_of_unknown_names_headed_by_a_chain_types_no_brand():
    assert "极星问界" not in _segments("该区集聚极星问界、云杉智驾等新能源汽车。")


def test_an_industry_written_with_its_trade_word_is_a_chain_anywhere():
    found = _segments("该市钢铁工业和化工行业加快转型。")
    assert {"钢铁工业", "化工行业"} <= set(found)


def test_an_industry_called_a_field_or_a_track_is_a_chain_anywhere():
    found = _named("该区深耕半导体领域，抢占新能源赛道，拓展医疗领域。")
    assert {"半导体", "新能源"} <= found
    assert not any(name.startswith("医疗") for name in found)  # not an industry of the vocabulary


def test_a_known_chain_inside_a_suffixed_industry_gives_way_to_it():
    # 汽车 is a gazetteer chain; the vocabulary's 汽车零部件 with 行业 holds it
    found = _segments("某某精工已跻身全省汽车零部件行业前列。")
    assert "汽车零部件行业" in found and "汽车" not in found


def test_a_trade_word_making_another_word_is_no_cue():
    found = _segments("该市钢铁工业园区建成，化工行业协会成立，纺织业务增长。")
    assert not {"钢铁工业", "化工行业", "纺织业"} & set(found)


def _named(sentence: str) -> set[str]:
    """The chains' names without 产业 (canonical names)."""
    return chain_names(sentence)


def test_a_vocabulary_industry_holding_a_known_chain_stays_whole():
    # 石化 is known and ends in 化 like a process word; 绿色石化 is an industry of its own
    assert "绿色石化" in _named("该区着力壮大绿色石化产业。")
    assert "绿色石化" in _named("全市培育形成绿色石化、高端装备等产业集群。")
    # a longer known name is not cut to the vocabulary word it ends in
    assert "商业航天" in _named("该市正在形成商业航天产业集群。")


def test_two_first_level_categories_back_to_back_are_two_industries():
    chains = _named("该区逐步形成了新能源新材料、智能装备两个主导产业。")
    assert {"新能源", "新材料"} <= chains
    assert "新能源新材料" not in chains
    assert {"新材料", "新能源"} <= _named("该区新材料新能源产业增速领先。")
    # one category that opens with another stays whole
    assert "新能源汽车" in _named("该区新能源汽车产业增速领先。")


def test_the_clause_before_a_known_industry_is_no_part_of_it():
    chains = _named("该区鼓励扶持智慧医疗、康复器械等产业方向。")
    assert "智慧医疗" in chains
    assert "扶持智慧医疗" not in chains
    assert "低空" in _named("新项目将推动我区低空产业加快发展。")


def test_a_standard_industry_holding_a_known_chain_is_read_whole_where_it_stands_as_one():
    # 汽车 and 机器人 are gazetteer chains; the vocabulary's longer names hold them
    assert "汽车零部件" in _named("青禾县积极招引汽车零部件企业落户。")
    assert {"工业机器人", "服务机器人"} <= _named("这个新区把服务机器人、工业机器人等列为重点。")
    # before no trade or field word and in no list: a product, and the known chain stays
    assert "汽车零部件" not in _named("这条产线每年交付汽车零部件九万套。")
    # the materials of a known chain and a count of unnamed firms keep the known chain
    assert _materials_of("新型显示材料", "新型显示") and not _materials_of("化工新材料", "新材料")
    assert "汽车零部件" not in _named("园区已引进12家汽车零部件企业。")
