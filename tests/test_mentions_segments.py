"""Segment vocabulary, 配套 lists and "X等<chain>企业" heads, on invented sentences."""

from pathlib import Path

import pytest
from test_mentions_helpers import make_document

from kg.errors import InputError
from loaders.lexicon.chain_names import read_segment_terms, segment_term_start, segment_terms
from loaders.lexicon.gazetteer import default_gazetteer
from loaders.mentions.find import find_mentions


def _typed(sentence: str) -> dict[str, tuple[str, str | None]]:
    return {m.text: (m.type, m.subtype) for m in find_mentions(make_document(sentence)).mentions}


def test_vocabulary_terms_are_not_also_gazetteer_names():
    gaz = default_gazetteer()
    assert segment_terms()
    assert not [t for t in segment_terms() if gaz.entry(t) is not None]


def test_unreadable_vocabulary_names_the_file(tmp_path: Path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match="nope.txt"):
        read_segment_terms(missing)


def test_vocabulary_reader_skips_comments(tmp_path: Path):
    path = tmp_path / "terms.txt"
    path.write_text("# note\n减速器  # a part\n\n光刻胶\n", encoding="utf-8")
    assert read_segment_terms(path) == frozenset({"减速器", "光刻胶"})


def test_term_ending_at_a_position_prefers_the_longest():
    text = "推进飞行服务等"
    assert segment_term_start(text, 6) == 2
    assert segment_term_start(text, 3) == -1


def test_supplier_list_members_are_segments_not_firms():
    found = _typed("园区计划引进电机、电控、减速器等配套企业二十家。")
    assert found["电机"] == ("IndustryChain", "ChainSegment")
    assert found["减速器"] == ("IndustryChain", "ChainSegment")
    assert all(t != "Enterprise" for t, _ in found.values())


def test_supplier_list_of_named_firms_stays_firms():
    found = _typed("引进宁德时代、国轩高科等配套企业。")
    assert {t for t, _ in found.values()} == {"Enterprise"}


def test_field_list_outside_an_industry_paragraph_takes_vocabulary_terms():
    found = _typed("在光芯片、激光雷达、存储芯片等领域实施一批攻关项目。")
    assert found["激光雷达"] == ("IndustryChain", "ChainSegment")
    assert found["存储芯片"] == ("IndustryChain", "ChainSegment")


def test_everyday_field_words_are_not_segments():
    found = _typed("在教育、文化、体育等领域加大投入。")
    assert not any(t == "IndustryChain" for t, _ in found.values())


def test_vocabulary_term_ending_in_a_stop_word_is_a_segment_in_a_link_list():
    found = _typed("某某经济起步，飞行服务、航空发动机等环节加快补齐。")
    assert found["飞行服务"] == ("IndustryChain", "ChainSegment")
    assert found["航空发动机"] == ("IndustryChain", "ChainSegment")


def test_vocabulary_term_alone_is_not_a_mention():
    assert "减速器" not in _typed("这台减速器坏了。")


def test_chain_word_before_firms_after_a_list_is_a_chain():
    found = _typed("支持甲乙丙科技有限公司等集成电路企业扩大产能。")
    assert found["集成电路"][0] == "IndustryChain"


def test_chain_word_before_firms_without_a_list_qualifies_them():
    assert "集成电路" not in _typed("全市支持集成电路企业上市。")


@pytest.mark.parametrize(
    ("sentence", "segment"),
    [
        ("该省显示产业以面板为核心，以玻璃基板、偏光片、靶材等为配套。", "偏光片"),
        ("该省显示产业带动平板电脑、车载显示屏等下游终端发展。", "车载显示屏"),
        ("该区形成以伺服系统、工业母机、精密轴承等为主导的细分行业。", "伺服系统"),
        ("该公司生产的电力机车、城轨车辆、铁路货车等轨道交通产品销往海外。", "城轨车辆"),
        ("该市汽车产业形成了以改装车、越野车、特种车等整车车型为主导的产品体系。", "改装车"),
    ],
)
def test_lists_of_supplies_downstream_links_and_sub_trades_are_segments(sentence: str, segment: str):
    assert _typed(sentence).get(segment) == ("IndustryChain", "ChainSegment")


def test_a_firm_head_after_a_stage_word_lists_firms():
    assert _typed("该市引进华为、小米等下游企业。").get("华为", ("", None))[0] == "Enterprise"


def test_counted_kinds_of_supply_projects_are_segments():
    found = _typed("该市储能产业加快集聚，形成覆盖正极材料、电池结构件、负极材料等两大类配套项目。")
    for name in ("正极材料", "电池结构件", "负极材料"):
        assert found[name] == ("IndustryChain", "ChainSegment"), name


def test_photovoltaic_links_of_the_chain_map_are_segments():
    found = _typed("某县光伏产业围绕硅棒、电池片、逆变器等重点环节精准招商。")
    for name in ("硅棒", "电池片", "逆变器"):
        assert found[name] == ("IndustryChain", "ChainSegment"), name


def test_mining_stages_in_a_list_of_three_are_segments():
    found = _typed("某铜业集团构建涵盖采矿、选矿、冶炼等环节的铜产业链。")
    for name in ("采矿", "选矿", "冶炼"):
        assert found[name] == ("IndustryChain", "ChainSegment"), name
