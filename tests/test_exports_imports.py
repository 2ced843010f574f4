"""What leaves the tool (`kg chain --format csv|xlsx`, `kg export`) and what comes in
(`kg import enterprises`), through the real command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from openpyxl import load_workbook

from kg.cli.main import main
from kg.ids import entity_id
from kg.store import graph_to_json, load_graph
from kg.viz.sample import demo_graph


@pytest.fixture()
def graph_dir(tmp_path: Path) -> Path:
    (tmp_path / "graph.json").write_text(json.dumps(graph_to_json(demo_graph()), ensure_ascii=False), encoding="utf-8")
    return tmp_path


def test_gexf_and_graphml_hold_every_entity_and_relation(seeds_build: Path, tmp_path: Path) -> None:
    graph = load_graph(seeds_build)
    for fmt in ("gexf", "graphml"):
        assert main(["export", "--graph", str(seeds_build), "--format", fmt, "--out", str(tmp_path / fmt)]) == 0
        path = tmp_path / fmt / f"graph.{fmt}"
        g = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
        assert g.number_of_nodes() == len(graph.entities)
        assert g.number_of_edges() == len(graph.relations)
        some = next(iter(graph.relations))
        data = g.get_edge_data(some.head, some.tail)
        assert any(d["relation"] == some.type and d["evidence"] == some.evidence.text for d in data.values())
    assert 'type="directed"' in (tmp_path / "gexf" / "graph.gexf").read_text(encoding="utf-8")


def test_nodes_and_edges_csv_open_as_tables(seeds_build: Path, tmp_path: Path) -> None:
    assert main(["export", "--graph", str(seeds_build), "--format", "csv", "--out", str(tmp_path)]) == 0
    graph = load_graph(seeds_build)
    raw = (tmp_path / "nodes.csv").read_bytes()
    assert raw.startswith("\ufeff".encode())  # Excel reads the Chinese as UTF-8
    nodes = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    edges = list(csv.DictReader(io.StringIO((tmp_path / "edges.csv").read_text(encoding="utf-8-sig"))))
    assert len(nodes) == len(graph.entities) and len(edges) == len(graph.relations)
    ids = {n["Id"] for n in nodes}
    assert all(e["Source"] in ids and e["Target"] in ids for e in edges)
    assert {"Id", "Label"} <= set(nodes[0]) and {"Source", "Target", "Type", "Label"} <= set(edges[0])


def test_chain_csv_and_xlsx(graph_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["chain", "新能源汽车", "--graph", str(graph_dir), "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][:4] == ["位置 position", "环节 segment", "状态 status", "企业 enterprise"]
    vehicle = [r for r in rows if r[1] == "整车"]
    assert {r[3] for r in vehicle} == {"甲汽车", "乙汽车"} and all(r[6] for r in vehicle)  # with evidence
    motor = next(r for r in rows if r[1].endswith("电机"))
    assert motor[2] == "缺口 gap" and "短板" in motor[6]
    out = tmp_path / "nev.xlsx"
    assert main(["chain", "新能源汽车", "--graph", str(graph_dir), "--format", "xlsx", "--out", str(out)]) == 0
    book = load_workbook(out)
    assert book.sheetnames[:2] == ["产业链 chain", "缺口 gaps"]
    gaps = list(book["缺口 gaps"].iter_rows(values_only=True))
    assert len(gaps) == 3 and all(row[3] for row in gaps[1:])  # 电机 and 电控, each with its sentence
    assert main(["chain", "新能源汽车", "--graph", str(graph_dir), "--format", "xlsx"]) == 2  # needs --out


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_imported_enterprises_fill_segments_and_state_gaps(
    graph_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = _write(
        tmp_path / "registry.csv",
        [
            ["name", "district", "chain", "segment", "source", "status", "note"],
            ["己电机有限公司", "经开区", "新能源汽车", "电机", "合肥市企业名录2024", "", ""],
            ["甲汽车", "", "新能源汽车", "整车", "合肥市企业名录2024", "", ""],
            ["", "", "集成电路", "设计", "园区招商清单", "缺口", "无本地设计企业"],
        ],
    )
    assert main(["import", "enterprises", str(listing), "--graph", str(graph_dir)]) == 0
    assert (graph_dir / "imports.json").exists()
    capsys.readouterr()
    assert main(["chain", "新能源汽车", "--graph", str(graph_dir), "--format", "json"]) == 0
    nev = json.loads(capsys.readouterr().out)
    by_key = {s["segment"]: s for s in nev["segments"]}
    motor_firm = entity_id("己电机有限公司")
    assert by_key["nev-motor"]["enterprises"] == [motor_firm]
    assert by_key["nev-motor"]["status"] == "weak"  # a document calls it 短板, the list names a firm: not a gap
    origins = {e["name"]: e["origin"] for e in nev["enterprises"]}
    assert origins["己电机有限公司"] == "imported" and origins["甲汽车"] == "both"
    assert origins["乙汽车"] == "document"
    etdz = next(p for p in nev["places"] if p["name"] == "经开区")
    assert motor_firm in etdz["hosted"]
    assert main(["chain", "集成电路", "--graph", str(graph_dir), "--format", "json"]) == 0
    ic = json.loads(capsys.readouterr().out)
    design_gap = next(g for g in ic["gaps"] if g["subject"] == "ic-design")
    assert design_gap["evidence"][0]["origin"] == "imported"
    assert "园区招商清单" in design_gap["evidence"][0]["text"] and design_gap["evidence"][0]["sentence"] == 4


def test_import_refuses_unknown_chains_and_segments(
    graph_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad_chain = _write(tmp_path / "a.csv", [["name", "chain", "source"], ["某公司", "不存在的链", "x"]])
    assert main(["import", "enterprises", str(bad_chain), "--graph", str(graph_dir)]) == 2
    assert "a.csv:2" in capsys.readouterr().err
    bad_segment = _write(tmp_path / "b.csv", [["名称", "产业链", "环节", "来源"], ["某公司", "光伏", "轮胎", "x"]])
    assert main(["import", "enterprises", str(bad_segment), "--graph", str(graph_dir)]) == 2
    assert "轮胎" in capsys.readouterr().err
    assert not (graph_dir / "imports.json").exists()
