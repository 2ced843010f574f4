"""Chains named before a joiner, supply industries of a known chain, and clause words before
产业 (scope words, verbs whose object is a chain), on invented sentences."""

from test_mentions_helpers import make_document

from loaders.mentions.find import find_mentions


def _chains(sentence: str) -> set[str]:
    return {m.canonical for m in find_mentions(make_document(sentence)).mentions if m.type == "IndustryChain"}


def test_first_member_before_a_joiner_is_a_chain():
    assert {"智能家电", "服务器"} <= _chains("建设千亿级智能家电和服务器产业集群。")
    assert "滚动功能部件" in _chains("确定滚动功能部件及工业机器人产业链为重点。")


def test_first_member_is_not_a_project_place_or_clause():
    assert "光伏配套项目" not in _chains("推进光伏配套项目和集成电路产业项目建设。")
    assert "新能源" not in _chains("加强新能源及燃料电池汽车及配件产业招商。")
    assert not {"中科院", "中国科学院"} & _chains("感谢中科院和山西产业界的支持。")


def test_supply_industry_of_a_known_chain_is_named_whole():
    assert "光伏材料" in _chains("青柳县的光伏材料产业今年产值翻番。")
    assert "材料" not in _chains("青柳县的光伏材料产业今年产值翻番。")


def test_scope_words_and_clause_verbs_before_the_suffix_are_no_chains():
    chains = _chains("推动跨境产业链合作，由市领导担任产业链链长，精选产业赛道，聚焦三大战新产业集群。")
    assert not chains & {"跨境", "市领导担任", "担任", "精选", "大战新", "战新"}
