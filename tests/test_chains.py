"""Chain scheme, segment attachment, gaps and the `kg chain` command, on hand-made graphs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.chains.report import analyse_chain, find_chain, normalise_chain_name
from kg.chains.segments import POSITIONS, ChainConcept, chain_scheme, find_leader_cue, find_segment, parse_chain_scheme
from kg.cli.chain import COMMANDS
from kg.cli.main import cli, main
from kg.errors import InputError
from kg.store import graph_to_json
from kg.viz.sample import GraphBuilder, demo_graph

for _command in COMMANDS:
    cli.add_command(_command)


def test_scheme_has_the_key_chains_with_positioned_segments() -> None:
    scheme = chain_scheme()
    labels = {c.label_zh for c in scheme.chains}
    assert {"新能源汽车", "光伏", "集成电路", "新型显示"} <= labels
    for concept in scheme.chains:
        assert concept.segments, concept.key
        assert all(s.position in POSITIONS for s in concept.segments)
        parents = {s.key for s in concept.segments}
        assert all(s.parent is None or s.parent in parents for s in concept.segments)


def _chain(key: str) -> ChainConcept:
    concept = chain_scheme().by_key(key)
    assert concept is not None
    return concept


def test_segments_nest_under_their_parent() -> None:
    nev = _chain("nev")
    battery = next(s for s in nev.segments if s.label_zh == "动力电池")
    assert battery.parent is not None and nev.segment(battery.parent).label_zh == "核心零部件"
    assert battery.depth == 1


def test_bad_position_is_an_input_error_naming_the_file(tmp_path: Path) -> None:
    ttl = tmp_path / "bad.ttl"
    ttl.write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix ikg: <https://w3id.org/innokg/ontology#> .\n"
        '<urn:c> skos:topConceptOf <urn:s> ; skos:prefLabel "链"@zh .\n'
        '<urn:x> skos:broader <urn:c> ; skos:prefLabel "段"@zh ; ikg:segmentPosition "sideways" .\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="bad.ttl"):
        parse_chain_scheme(ttl)


def test_keyword_after_a_coordinated_list_names_the_segment() -> None:
    text = "全市汇聚甲车、乙车、丙车等3家整车企业，形成完整产业链。"
    start = text.index("甲车")
    match = find_segment(text, start, start + 2, _chain("nev"))
    assert match is not None and _chain("nev").segment(match.segment).label_zh == "整车"


def test_keyword_in_another_clause_does_not_count() -> None:
    text = "优化整车、零部件布局，支持甲车做大做强。"
    start = text.index("甲车")
    assert find_segment(text, start, start + 2, _chain("nev")) is None


def test_keyword_inside_the_name_itself_does_not_count() -> None:
    text = "某某电池有限公司加快发展。"
    assert find_segment(text, 0, text.index("加快"), _chain("nev")) is None


def test_nearest_keyword_wins() -> None:
    text = "甲车是整车企业，乙电池供应动力电池。"
    start = text.index("乙电池")
    match = find_segment(text, start, start + 3, _chain("nev"))
    assert match is not None and match.keyword == "动力电池"


def test_leader_cue_only_near_the_enterprise() -> None:
    text = "甲车作为链主企业带动配套，乙车加快扩产。"
    assert find_leader_cue(text, 0, 2) == "链主"
    start = text.index("乙车")
    assert find_leader_cue(text, start, start + 2) is None


def test_chain_names_match_with_or_without_suffix() -> None:
    graph = demo_graph()
    assert find_chain(graph, "新能源汽车产业").key == "nev"
    assert find_chain(graph, "nev").key == "nev"
    assert normalise_chain_name("集成电路产业链") == "集成电路"


def test_unknown_chain_lists_close_names() -> None:
    with pytest.raises(InputError, match="新能源汽车"):
        find_chain(demo_graph(), "新能源汽")


def test_demo_graph_segments_leaders_districts_and_gaps() -> None:
    graph = demo_graph()
    report = analyse_chain(graph, find_chain(graph, "新能源汽车"))
    by_label = {s.segment.label_zh: s for s in report.segments}
    names = {eid: graph.entities[eid].name for eid in graph.entities}
    assert {names[e] for e in by_label["整车"].enterprises} == {"甲汽车", "乙汽车"}
    # 电机 is a gap because sentence 7 says so; 后市场 is covered through its sub-segment 充电桩
    assert by_label["电机"].gap and not by_label["整车"].gap
    assert by_label["后市场"].status == "covered" and {names[e] for e in by_label["后市场"].enterprises} == {"丁科技"}
    motor_gap = next(g for g in report.gaps if g.subject == "nev-motor")
    assert motor_gap.evidence and "短板" in motor_gap.evidence[0].text
    assert [a.name for a in report.leaders()] == ["丙电池"]
    # the parent segment counts its sub-segment's enterprises
    assert {names[e] for e in by_label["核心零部件"].enterprises} == {"丙电池"}
    assert not any(g.kind == "no-lab-or-facility" for g in report.gaps)
    for att in report.enterprises.values():
        assert att.evidence and all(ev.highlight for ev in att.evidence)
        ev = att.evidence[0]
        assert ev.text[ev.highlight[0] : ev.highlight[1]] == att.name  # type: ignore[index]


def test_district_without_named_enterprises_is_unmentioned_not_a_gap() -> None:
    graph = demo_graph()
    report = analyse_chain(graph, find_chain(graph, "集成电路"))
    assert report.gaps == []  # no sentence says anything about IC is missing
    design = next(s for s in report.segments if s.segment.label_zh == "设计")
    assert design.status == "unmentioned" and not design.gap and design.enterprises == []
    silent = {n.label for n in report.not_mentioned if n.kind == "district"}
    assert silent == {"经开区", "新站高新区"}
    # only an institute supports it: not named, not a gap
    assert any(n.kind == "resource" for n in report.not_mentioned)
    assert all(str(report.documents_read) in n.message for n in report.not_mentioned)


def test_enterprise_in_a_sub_zone_counts_for_the_zone_it_is_part_of() -> None:
    b = GraphBuilder()
    b.document("d.txt", ["甲区重点发展光伏。", "乙园区属于甲区。", "某光伏公司是位于乙园区的逆变器企业。"])
    pv, zone, park = (
        b.entity("光伏", "IndustryChain"),
        b.entity("甲区", "Place", "District"),
        b.entity("乙园区", "Place", "DevelopmentZone"),
    )
    firm = b.entity("某光伏公司", "Enterprise")
    b.relate("FOCUSES_ON", zone, pv, "d.txt", 0)
    b.relate("PART_OF", park, zone, "d.txt", 1)
    b.relate("LOCATED_IN", firm, park, "d.txt", 2)
    b.relate("PART_OF_CHAIN", firm, pv, "d.txt", 2)
    graph = b.build()
    report = analyse_chain(graph, find_chain(graph, "光伏"))
    assert not [g for g in report.gaps if g.kind == "district-without-enterprise"]
    assert report.places[zone.id].hosted == [firm.id]
    inverter = next(s for s in report.segments if s.segment.label_zh == "逆变器")
    assert inverter.enterprises == [firm.id]


def test_graph_chain_outside_the_scheme_is_reported_at_chain_level() -> None:
    b = GraphBuilder()
    b.document("d.txt", ["甲公司是低空经济龙头企业。"])
    chain = b.entity("低空经济", "IndustryChain")
    firm = b.entity("甲公司", "Enterprise")
    b.relate("PART_OF_CHAIN", firm, chain, "d.txt", 0)
    graph = b.build()
    report = analyse_chain(graph, find_chain(graph, "低空经济"))
    assert report.segments == [] and [a.name for a in report.unsegmented()] == ["甲公司"]
    assert report.enterprises[firm.id].leader


@pytest.fixture()
def graph_dir(tmp_path: Path) -> Path:
    (tmp_path / "graph.json").write_text(json.dumps(graph_to_json(demo_graph()), ensure_ascii=False), encoding="utf-8")
    return tmp_path


def test_cli_chain_json(graph_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["chain", "新能源汽车", "--graph", str(graph_dir), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    gaps = {g["subject"] for g in data["gaps"]}
    assert "nev-motor" in gaps and "nev-vehicle" not in gaps
    assert all(g["evidence"] and g["evidence"][0]["text"] for g in data["gaps"])
    statuses = {s["segment"]: s["status"] for s in data["segments"]}
    assert statuses["nev-vehicle"] == "covered" and statuses["nev-charging"] == "covered"
    assert statuses["nev-aftermarket"] == "covered" and statuses["nev-motor"] == "gap"
    assert data["documents_read"] == 1


def test_cli_chain_all_markdown(graph_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["chain", "--all", "--graph", str(graph_dir), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("| 产业链 chain |") and "| 新能源汽车 | 4 |" in out


def test_cli_unknown_chain_exits_2_with_close_names(graph_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["chain", "集成电", "--graph", str(graph_dir)]) == 2
    assert "集成电路" in capsys.readouterr().err


def test_cli_missing_graph_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["chain", "光伏", "--graph", str(tmp_path / "nowhere")]) == 2
    assert "nowhere" in capsys.readouterr().err


def test_keyword_of_a_neighbouring_item_does_not_count() -> None:
    # the seeds' sentence that put 沛顿 under 制造 while its own item says 先进封测
    text = "重点推动 12 寸晶圆制造基地、沛顿集成电路先进封测和模组生产、第三代功率半导体产业园等项目。"
    start = text.index("沛顿")
    match = find_segment(text, start, start + 2, _chain("ic"))
    assert match is not None and _chain("ic").segment(match.segment).label_zh == "封测"
    text = "重点实施蔚来中国总部、比亚迪新能源汽车、新能源汽车高集成度电驱动系统开发与产业化等项目。"
    start = text.index("比亚迪")
    assert find_segment(text, start, start + 3, _chain("nev")) is None  # 电驱动 belongs to the next item


def test_keyword_inside_another_name_does_not_count() -> None:
    text = "甲公司联合乙电池公司开展研发。"
    start, other = text.index("甲公司"), text.index("乙电池公司")
    assert find_segment(text, start, start + 3, _chain("nev"), [(other, other + 5)]) is None
    assert find_segment(text, start, start + 3, _chain("nev")) is not None  # without the name's span it would


def test_keyword_heading_a_list_of_names_names_every_member() -> None:
    text = "合肥集聚了动力电池企业国轩高科、中创新航等骨干企业。"
    spans = {n: (text.index(n), text.index(n) + len(n)) for n in ("国轩高科", "中创新航")}
    for name, (a, b) in spans.items():
        others = [s for n, s in spans.items() if n != name]
        match = find_segment(text, a, b, _chain("nev"), others)
        assert match is not None and match.keyword == "动力电池", name
    # a list that does not start right after the head: the head is not about it
    text = "动力电池企业加快扩产，支持甲公司、乙公司发展。"
    a = text.index("乙公司")
    assert find_segment(text, a, a + 3, _chain("nev"), [(text.index("甲公司"), text.index("甲公司") + 3)]) is None
