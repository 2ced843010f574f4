"""Table headers and park headings as reading context, on small texts written here."""

from __future__ import annotations

from pathlib import Path

from conftest import write_document

from kg.model import Document, KnowledgeGraph
from kg.store import graph_from_json, graph_to_json
from loaders.read.document import read_document
from loaders.read.sections import park_by_form, table_cells


def read(tmp_path: Path, text: str) -> Document:
    return read_document(write_document(tmp_path, text, "doc.md"))


def headers(document: Document) -> dict[str, list[str] | None]:
    return {s.text: s.table_header for s in document.sentences}


def test_data_rows_carry_their_tables_header(tmp_path: Path) -> None:
    text = "产业链\t链主企业\t承载园区\n集成电路\t晶合集成\t新站高新区\n新型显示\t京东方\t新站高新区\n"
    got = headers(read(tmp_path, text))
    assert got["产业链\t链主企业\t承载园区"] is None  # the header row itself
    assert got["集成电路\t晶合集成\t新站高新区"] == ["产业链", "链主企业", "承载园区"]
    assert got["新型显示\t京东方\t新站高新区"] == ["产业链", "链主企业", "承载园区"]


def test_a_caption_row_is_not_the_header(tmp_path: Path) -> None:
    text = "专栏3\t重点项目\n\n序号\t项目名称\t建设地点\n1\t某某项目\t庐江县\n"
    got = headers(read(tmp_path, text))
    assert got["专栏3\t重点项目"] is None
    assert got["序号\t项目名称\t建设地点"] is None
    assert got["1\t某某项目\t庐江县"] == ["序号", "项目名称", "建设地点"]


def test_each_table_has_its_own_header_and_prose_has_none(tmp_path: Path) -> None:
    text = "环节\t代表企业\n芯片设计\t甲公司\n\n以上为重点环节。\n\n平台\t依托单位\n语音平台\t乙大学\n"
    got = headers(read(tmp_path, text))
    assert got["芯片设计\t甲公司"] == ["环节", "代表企业"]
    assert got["以上为重点环节。"] is None
    assert got["语音平台\t乙大学"] == ["平台", "依托单位"]


def test_empty_cells_keep_their_positions() -> None:
    assert table_cells("指标\t\t2025年") == ["指标", "", "2025年"]
    assert table_cells(" 甲 \t乙") == ["甲", "乙"]


def test_park_names_by_form() -> None:
    for name in ("南京生物医药谷", "光谷生物城", "南京江北新材料科技园", "合肥软件园", "苏州工业园区"):
        assert park_by_form(name) == name
    for phrase in ("建设高能级科技园", "打造一批产业园", "人民公园", "园", "发展方向"):
        assert park_by_form(phrase) is None


def test_park_heading_puts_paragraphs_under_it_until_a_peer_heading(tmp_path: Path) -> None:
    text = (
        "## 第四章 空间布局\n\n### 南京生物医药谷\n\n聚焦生命健康。\n\n#### 重点项目\n\n建设中试平台。\n\n"
        "### 南京江北新材料科技园\n\n聚焦新材料。\n\n### 发展要求\n\n加强统筹。\n\n## 第五章 保障\n\n落实责任。\n"
    )
    places = {s.text: s.section_place for s in read(tmp_path, text).sentences}
    assert places["聚焦生命健康。"] == "南京生物医药谷"
    assert places["建设中试平台。"] == "南京生物医药谷"  # a deeper heading keeps it
    assert places["聚焦新材料。"] == "南京江北新材料科技园"
    assert places["加强统筹。"] is None  # a peer heading naming no place ends it
    assert places["落实责任。"] is None


def test_colon_lead_naming_a_park_covers_its_paragraph(tmp_path: Path) -> None:
    text = "光谷生物城：重点发展生物医药。\n\n引进企业。\n\n**美国硅谷。**围绕芯片开展合作。\n"
    places = {s.text: s.section_place for s in read(tmp_path, text).sentences}
    assert places["光谷生物城：重点发展生物医药。"] == "光谷生物城"
    assert places["引进企业。"] is None
    # A park closed by a full stop heads a topic (a partner abroad), not a place section.
    assert places["围绕芯片开展合作。"] is None


def test_place_headings_still_win_over_park_reading(tmp_path: Path) -> None:
    text = "（一）庐江县\n\n建设新港工业园。\n"
    places = {s.text: s.section_place for s in read(tmp_path, text).sentences}
    assert places["建设新港工业园。"] == "庐江县"


def test_table_header_round_trips_through_graph_json(tmp_path: Path) -> None:
    document = read(tmp_path, "园区\t主导产业\n新站高新区\t新型显示\n")
    graph = KnowledgeGraph(documents=[document], entities={}, relations=[])
    loaded = graph_from_json(graph_to_json(graph))
    assert [s.table_header for s in loaded.documents[0].sentences] == [None, ["园区", "主导产业"]]


def test_graph_json_without_table_header_still_loads(tmp_path: Path) -> None:
    document = read(tmp_path, "发展集成电路产业。\n")
    data = graph_to_json(KnowledgeGraph(documents=[document], entities={}, relations=[]))
    for sentence in data["documents"][0]["sentences"]:
        del sentence["table_header"]  # a graph.json written before the field existed
    loaded = graph_from_json(data)
    assert loaded.documents[0].sentences[0].table_header is None
