"""kg.chains.gaps: the sentences in which a document itself says part of a chain is missing or weak."""

from __future__ import annotations

from kg.chains.gaps import gap_statements
from kg.chains.report import all_chains, analyse_chain, find_chain
from kg.viz.sample import GraphBuilder


def _statements(*sentences: str, places: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    b = GraphBuilder()
    b.document("d.txt", list(sentences))
    for name in places:
        place = b.entity(name, "Place", "DevelopmentZone")
        for i, s in enumerate(sentences):
            if name in s:
                b._mention(place, b._sentence("d.txt", i))
    graph = b.build()
    return graph, gap_statements(graph, all_chains(graph))


def test_a_segment_named_next_to_a_gap_word_is_stated_missing() -> None:
    _, found = _statements("新能源汽车产业动力电池环节存在短板。")
    assert [(s.chain, s.scope, s.subject, s.cue) for s in found] == [("nev", "segment", "nev-battery", "短板")]


def test_achievements_and_slogans_are_not_gaps() -> None:
    _, found = _statements(
        "长鑫首发存储芯片填补国内空白，集成电路产业打破国外垄断。",
        "围绕新能源汽车、集成电路等产业链，实施延链补链强链。",
        "新型显示产业努力突破高世代面板技术瓶颈。",
    )
    assert found == []


def test_a_short_chain_name_inside_a_longer_word_is_not_that_chain() -> None:
    # 光芯片 is not 芯片 (集成电路), and the sentence names no chain of the scheme
    _, found = _statements("光芯片是整条链最上游的环节，也是卡脖子最严重的环节。")
    assert found == []


def test_a_distinctive_segment_says_which_chain_is_meant() -> None:
    _, found = _statements("重点开展量子计算集成电路基础研究；稀释制冷机系统等“卡脖子”核心装备研制。")
    assert [(s.chain, s.subject) for s in found] == [("quantum", "quantum-devices")]


def test_the_sentence_before_sets_the_topic_only_when_it_opens_with_the_chain() -> None:
    _, found = _statements("新型显示是合肥的国家级产业集群。", "合肥龙头企业较少、产业下游配套不足。")
    assert {(s.chain, s.scope, s.subject) for s in found} == {
        ("display", "chain", "display"),
        ("display", "segment", "display-terminal"),
    }
    _, found = _statements("合肥还为新型显示企业提供配套。", "产业下游配套不足。")
    assert found == []


def test_districts_and_research_support_stated_weak() -> None:
    graph, found = _statements("经开区新能源汽车产业配套薄弱。", "集成电路领域缺乏国家级实验室。", places=("经开区",))
    scopes = {(s.chain, s.scope) for s in found}
    assert scopes == {("nev", "district"), ("ic", "resource")}
    report = analyse_chain(graph, find_chain(graph, "集成电路"))
    resource = next(g for g in report.gaps if g.kind == "resource")
    assert resource.evidence[0].text == "集成电路领域缺乏国家级实验室。"
    start, end = resource.evidence[0].highlight  # type: ignore[misc]
    assert resource.evidence[0].text[start:end] == "缺乏"


def test_numbers_and_bare_slogans_are_not_gaps() -> None:
    _, found = _statements(
        "新能源汽车产业园区海滨路不足5公里长。",
        "动力电池是新能源汽车的上游，某县按“育龙头、补链条、壮集群”的思路建设产业集群。",
    )
    assert found == []
    _, found = _statements("新能源汽车产业围绕充电桩环节补链。")
    assert [(s.subject, s.cue) for s in found] == [("nev-charging", "补链")]  # a 补链 target names its segment


def test_a_generic_part_word_does_not_move_a_statement_to_another_chain() -> None:
    _, found = _statements("发展工程机械产业，着力解决关键零部件依赖进口、大型产品竞争力不足等难题。")
    assert all(s.chain not in ("nev", "appliances") for s in found)
