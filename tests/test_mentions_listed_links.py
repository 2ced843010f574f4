"""Links of a chain listed before the chain word (loaders/mentions/listed_links.py), dashed
runs whose links list products or stand quoted alone (chain_links.py), and the stages of a
chain walked with 从上游的…到中游的…."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.mentions.chain_links import chain_link_runs, chain_link_spans
from loaders.mentions.listed_links import from_to_link_spans, listed_link_spans
from loaders.pipeline import extract_document


def links(text: str, known: list[tuple[int, int, str]] | None = None) -> list[list[str]]:
    return [[text[a:b] for a, b in found.links] for found in listed_link_spans(text, known or [])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "该市已构建起玻璃基板、偏光材料、显示终端和显示模组全产业链。",
            ["玻璃基板", "偏光材料", "显示终端", "显示模组"],
        ),
        ("园区形成涵盖芯片设计、晶圆制造以及封装测试的半导体产业链。", ["芯片设计", "晶圆制造", "封装测试"]),
        ("该县形成了整车制造、电驱系统较为完整的产业链。", ["整车制造", "电驱系统"]),
        ("该区正在打造以数控机床、工业机器人为主的机器人产业链条。", ["数控机床", "工业机器人"]),
        ("机器人产业园形成从减速器、伺服电机到整机集成的完整链条。", ["减速器", "伺服电机", "整机集成"]),
        # after 乃至 the words reach past the links to the chain's uses
        ("铜业公司建成从采矿、选矿到高端铜箔乃至下游应用的产业链条。", ["采矿", "选矿", "高端铜箔"]),
        ("该区加快推进量子计算、量子通信和量子精密测量的产业化。", ["量子计算", "量子通信", "量子精密测量"]),
    ],
)
def test_a_list_that_a_chain_word_closes_holds_links(text: str, expected: list[str]) -> None:
    assert links(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "该市重点打造集成电路、新型显示等产业链。",  # 等 with no chain named: a list of chains
        "该园区提供集孵化、加速和融资于一体的全产业链服务。",  # parts of a service
        "打造从创业孵化、企业总部到规模生产的全生命周期产业链。",  # stages of a firm's growth
        "这里聚集了研发、生产。产业链完整。",  # no list in the clause of the chain word
    ],
)
def test_lists_that_name_no_links_are_left_alone(text: str) -> None:
    assert links(text) == []


def test_a_list_running_straight_into_a_chain_word_lists_chains() -> None:
    found = list(listed_link_spans("南区初步建成碳化硅、氮化镓产业链。", []))
    assert len(found) == 1 and found[0].of_chains
    whole = list(listed_link_spans("该市构建起电芯、模组和电池包全产业链。", []))
    assert len(whole) == 1 and not whole[0].of_chains


def test_a_dashed_link_may_list_several_products() -> None:
    text = "形成了阴极铜或铜杆——漆包线——电机绕组、变压器线圈等电磁线产业链。"
    assert [text[a:b] for a, b in chain_link_spans(text)] == ["阴极铜", "铜杆", "漆包线", "电机绕组", "变压器线圈"]
    (spans, word_at), *_ = chain_link_runs(text)
    assert text[word_at - 3 : word_at] == "电磁线"


def test_a_quoted_run_of_vocabulary_segments_needs_no_chain_word() -> None:
    text = "已构建“零部件-整车-后市场”协同格局。"
    assert [text[a:b] for a, b in chain_link_spans(text)] == ["零部件", "整车", "后市场"]
    assert list(chain_link_spans("完善“研发-中试-量产”联动机制。")) == []


def test_a_run_of_what_a_chain_s_ecosystem_joins_holds_no_links() -> None:
    assert list(chain_link_spans("园区构建“产业—科技—人才—政策—服务”一体化的产业链生态体系。")) == []


def test_stages_walked_from_upstream_to_downstream_are_segments(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    text = "该市集成电路产业链条完整，从上游的硅片、光刻胶，到中游的晶圆制造，再到下游的消费电子应用。\n"
    path.write_text(text, encoding="utf-8")
    found = {m.written: m.subtype for m in extract_document(path).mentions}
    assert found.get("硅片") == "ChainSegment"
    assert found.get("消费电子") == "ChainSegment"  # 应用: the use of the product, not its name


def test_a_clause_walking_a_chain_from_first_to_last_link_lists_its_links() -> None:
    text = "该市锂电产业链环节齐全，从正极材料、隔膜、电解液到电芯，均有骨干企业。"
    found = [[text[a:b] for a, b in f.links] for f in from_to_link_spans(text, [])]
    assert found == [["正极材料", "隔膜", "电解液", "电芯"]]


def test_steps_of_a_trade_walked_from_first_to_last_are_no_links() -> None:
    assert list(from_to_link_spans("产业链方面，从研发、设计到生产，企业一应俱全。", [])) == []
    assert list(from_to_link_spans("从正极材料、隔膜到电芯，企业一应俱全。", [])) == []  # no chain named before


@pytest.mark.parametrize(
    ("text", "chain", "link"),
    [
        ("青柳园区打造包括“衬底—芯片—封装”的LED全产业链。\n", "LED", "衬底"),
        ("蓝鲸园区打造存储器“设计—封测—应用”产业链。\n", "存储器", "封测"),
    ],
)
def test_the_chain_named_beside_a_dashed_run_is_the_one_its_links_make_up(
    tmp_path: Path, text: str, chain: str, link: str
) -> None:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    extraction = extract_document(path)
    names = {e.id: e.name for e in extraction.entities}
    relations = {(r.type, names[r.head], names[r.tail]) for r in extraction.relations}
    assert ("PART_OF", link, chain) in relations


def test_a_stage_of_a_named_chain_followed_by_de_opens_a_list(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("该市新型显示产业链上游的玻璃基板、偏光片等材料实现本地配套。\n", encoding="utf-8")
    found = {m.written: m.subtype for m in extract_document(path).mentions}
    assert found.get("偏光片") == "ChainSegment"
