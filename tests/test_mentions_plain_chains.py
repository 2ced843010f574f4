"""Plain "<stem>产业" stems and sub-zones named after their parent zone, on invented sentences."""

from test_mentions_helpers import make_document

from loaders.lexicon.chain_names import plain_chain_stem
from loaders.mentions.find import find_mentions


def _chains(sentence: str) -> set[str]:
    return {m.canonical for m in find_mentions(make_document(sentence)).mentions if m.type == "IndustryChain"}


def test_plain_stems_are_recognised_by_form():
    assert plain_chain_stem("环境") == "plain-word"
    assert plain_chain_stem("IT") == "acronym-alone"
    assert plain_chain_stem("产品深加工") == "process-word"
    assert plain_chain_stem("精密机械") == "process-word"
    assert plain_chain_stem("DRAM") is None  # a product acronym names a chain
    assert plain_chain_stem("工程机械") is None  # 机械 qualified by what it serves
    assert plain_chain_stem("超导") is None


def test_plain_stems_before_the_industry_suffix_are_not_chains():
    chains = _chains("拓展环境产业和IT产业，延伸精密机械产业，延伸产品深加工产业链。")
    assert not chains & {"环境", "IT", "精密机械", "产品深加工"}


def test_qualified_stems_remain_chains():
    chains = _chains("壮大超导产业，发展光电显示产业。")
    assert "超导" in chains


def test_sub_zone_leaves_its_parent_zone_a_mention_of_its_own():
    mentions = find_mentions(make_document("安徽自贸试验区蜀山片区改革任务全部完成。")).mentions
    by_text = {m.text: m for m in mentions}
    assert "安徽自贸试验区" in by_text
    assert by_text["蜀山片区"].type == "Place"
    assert by_text["蜀山片区"].canonical.startswith("中国（安徽）自由贸易试验区")
