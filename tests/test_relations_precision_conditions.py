"""The precision conditions on relation rules (brought-in firms, a list's own count and
chain, adjacent places, local firms settling elsewhere), each on invented text with a
close counterpart in which the relation is still found. The whole
extractor runs with the pair model off (conftest), and a relation is checked with the rule
that records it where another rule may record the same fact. Where the pair model is not
applied: test_pair_model_conditions.py."""

from __future__ import annotations

from loaders.relations.rule_examples import extract_text

ZONE = "青柳高新技术产业开发区"  # 青柳高新区, read by its suffix
PAGE_TITLE = "星河经济开发区推动产业集群发展\n"
OTHER_SUBJECT = "云杉集团去年营业收入突破百亿元。"  # an organisation opens the paragraph
BROUGHT_IN = "积极发展新能源汽车产业，先后引进了青松动力、北辰汽车等龙头企业。"


def _by_rule(text: str) -> set[tuple[str, str, str, str]]:
    """(type, head name, tail name, rule) for each relation the extractor finds in ``text``."""
    extraction = extract_text(text)
    names = {e.id: e.name for e in extraction.entities}
    return {(r.type, names[r.head], names[r.tail], r.rule) for r in extraction.relations}


def _found(text: str) -> set[tuple[str, str, str]]:
    return {(t, h, tl) for t, h, tl, _ in _by_rule(text)}


# (1) located-in-brought-in-context


def test_brought_in_firms_go_to_the_page_place_in_a_subjectless_sentence() -> None:
    text = PAGE_TITLE + BROUGHT_IN
    got = _by_rule(text)
    assert ("LOCATED_IN", "青松动力", "星河经济开发区", "located-in-brought-in-context") in got


def test_brought_in_firms_are_not_placed_when_the_sentence_names_another_place() -> None:
    text = PAGE_TITLE + "积极发展新能源汽车产业，与滨湖区合作，先后引进了青松动力、北辰汽车等龙头企业。"
    got = _found(text)
    assert ("LOCATED_IN", "青松动力", "星河经济开发区") not in got
    assert ("LOCATED_IN", "北辰汽车", "星河经济开发区") not in got


def test_brought_in_firms_are_not_placed_when_the_paragraph_opened_on_another_subject() -> None:
    text = PAGE_TITLE + OTHER_SUBJECT + BROUGHT_IN
    got = _found(text)
    assert ("LOCATED_IN", "青松动力", "星河经济开发区") not in got
    assert ("LOCATED_IN", "北辰汽车", "星河经济开发区") not in got


def test_another_subject_in_an_earlier_paragraph_leaves_the_page_place() -> None:
    text = PAGE_TITLE + OTHER_SUBJECT + "\n" + BROUGHT_IN
    assert ("LOCATED_IN", "青松动力", "星河经济开发区") in _found(text)


# (2) part-of-chain-topic: a list's own count and chain


def test_a_list_with_its_own_count_and_chain_is_not_put_in_the_topic_chain() -> None:
    text = "青柳高新区新能源产业加快发展，拥有云杉股份、北辰电子、青松科技3家汽车及零部件上市企业。"
    got = _by_rule(text)
    assert ("PART_OF_CHAIN", "云杉股份", "汽车及零部件", "pattern:chain-firms-listed-before") in got
    for firm in ("云杉股份", "北辰电子", "青松科技"):
        assert ("PART_OF_CHAIN", firm, "新能源", "part-of-chain-topic") not in got


def test_a_list_with_a_count_but_no_chain_of_its_own_is_in_the_topic_chain() -> None:
    text = "青柳高新区新能源产业加快发展，拥有云杉股份、北辰电子、青松科技3家上市企业。"
    got = _by_rule(text)
    for firm in ("云杉股份", "北辰电子", "青松科技"):
        assert ("PART_OF_CHAIN", firm, "新能源", "part-of-chain-topic") in got


# (3) focuses-on-own-industry: a place's industry, not opening a name, is its own


def test_a_places_industry_not_opening_a_name_is_its_own() -> None:
    got = _by_rule("青柳高新区新能源产业今年正式起步。")
    assert ("FOCUSES_ON", ZONE, "新能源", "focuses-on-own-industry") in got


# (4) part-of-place-adjacent: the nearest parent only after a bare name (division codes: real names)


def test_a_province_written_before_a_county_of_its_city_is_not_its_parent() -> None:
    got = _found("安徽肥东今年新增科技企业百余家。")
    assert ("PART_OF", "肥东县", "安徽省") not in got


def test_a_province_written_in_full_before_a_county_is_its_parent() -> None:
    # an address: the annotation guide reads "X省Y县" as Y in X, a level skipped or not
    assert ("PART_OF", "肥东县", "安徽省") in _found("安徽省肥东县今年新增科技企业百余家。")


def test_a_city_written_before_its_county_is_its_parent() -> None:
    assert ("PART_OF", "肥东县", "合肥市") in _found("合肥肥东今年新增科技企业百余家。")


def test_a_province_written_before_its_city_is_its_parent() -> None:
    assert ("PART_OF", "合肥市", "安徽省") in _found("安徽合肥今年新增科技企业百余家。")


# (5) located-local-firms: local firms whose clause says where they settle


def test_local_firms_settling_elsewhere_are_not_placed_in_the_sentences_place() -> None:
    got = _by_rule("青柳高新区举办招商大会，云杉股份、北辰电子等本土企业同时签约落户青柳湾。")
    assert ("LOCATED_IN", "云杉股份", ZONE, "located-local-firms") not in got
    assert ("LOCATED_IN", "北辰电子", ZONE, "located-local-firms") not in got


def test_local_firms_with_no_place_to_settle_are_in_the_sentences_place() -> None:
    got = _by_rule("青柳高新区举办招商大会，云杉股份、北辰电子等本土企业踊跃参会。")
    assert ("LOCATED_IN", "云杉股份", ZONE, "located-local-firms") in got


def test_local_firms_settling_in_the_sentences_place_are_placed_there() -> None:
    got = _by_rule("青柳高新区举办招商大会，云杉股份、北辰电子等本土企业同时签约落户青柳高新区。")
    assert ("LOCATED_IN", "云杉股份", ZONE, "located-local-firms") in got


# (6) focuses-on-own-industry: clusters each named by the place that hosts it


def test_each_cluster_of_a_list_is_its_own_places_industry() -> None:
    got = _found("本市形成了蜀山区智能语音、瑶海区高端装备、包河区汽车零部件等3个省级特色产业集群。")
    assert {("FOCUSES_ON", "瑶海区", "高端装备"), ("FOCUSES_ON", "包河区", "汽车零部件")} <= got
    assert ("FOCUSES_ON", "瑶海区", "汽车零部件") not in got


def test_a_place_before_a_list_of_trades_that_is_no_cluster_list_gives_nothing_by_this_rule() -> None:
    got = _by_rule("企业来自蜀山区智能语音、瑶海区高端装备、包河区汽车零部件等领域。")
    assert not any(rule == "focuses-on-own-industry" for *_, rule in got)
