"""Gaps that tell the truth, on a fresh build of the seed documents.

A 缺口 needs a source that says so (a document sentence, or an imported list); a segment the
documents are silent about is "文中未提及". These tests run `kg chain --format json` on every
chain that gets a page and check what a planner would check first.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.chains.gaps import GAP_CUE
from kg.chains.report import analyse_all, find_chain, page_worthy
from kg.cli.main import main
from kg.store import load_graph
from kg.viz import render_site


def _chain_json(graph_dir: Path, name: str, capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    assert main(["chain", name, "--graph", str(graph_dir), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def _page_chains(graph_dir: Path) -> list[str]:
    return [r.chain.label_zh for r in page_worthy(analyse_all(load_graph(graph_dir)))]


def test_every_gap_quotes_a_sentence_of_the_documents_with_a_gap_word(
    seeds_build: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph = load_graph(seeds_build)
    sentences = {(d.name, s.index): s.text for d in graph.documents for s in d.sentences}
    seen_gaps = 0
    for name in _page_chains(seeds_build):
        data = _chain_json(seeds_build, name, capsys)
        for gap in data["gaps"]:
            seen_gaps += 1
            assert gap["evidence"], (name, gap)
            for ev in gap["evidence"]:
                assert sentences[(ev["doc"], ev["sentence"])] == ev["text"]
                start, end = ev["highlight"]
                cue = GAP_CUE.match(ev["text"], start)
                assert cue is not None and cue.end() == end, (name, ev["text"][start:end])
        for seg in data["segments"]:
            if seg["gap"]:
                assert seg["statements"] and not seg["enterprises"], (name, seg["label"])
    assert seen_gaps >= 3  # the seeds do state some: 新型显示 下游配套不足, 量子 卡脖子, 生物医药 短板


def test_no_segment_with_an_enterprise_is_a_gap_and_silence_is_not_a_gap(
    seeds_build: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nev = _chain_json(seeds_build, "新能源汽车", capsys)
    by_label = {s["label"]: s for s in nev["segments"]}
    # (动力电池 is covered: the seeds name a maker of lithium-battery parts, 方正新能源)
    assert by_label["充电桩"]["status"] == "unmentioned" and not by_label["充电桩"]["gap"]
    assert by_label["整车"]["status"] == "covered"
    assert nev["documents_read"] == 5
    assert not [g for g in nev["gaps"] if g["kind"] == "district"]  # the 8 districts are not "0 家企业" gaps
    assert any(n["kind"] == "district" and "文中未提及" in n["message"] for n in nev["not_mentioned"])
    quantum = _chain_json(seeds_build, "量子信息", capsys)
    assert not [g for g in quantum["gaps"] if g["kind"] == "resource"]  # no "no laboratory supports it"


def test_segments_are_attached_only_when_the_sentence_names_them_for_the_enterprise(
    seeds_build: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nev = _chain_json(seeds_build, "新能源汽车", capsys)
    names = {e["entity_id"]: e["name"] for e in nev["enterprises"]}
    by_label = {s["label"]: {names[e] for e in s["enterprises"]} for s in nev["segments"]}
    assert {"比亚迪", "蔚来"} <= by_label["整车"]
    assert by_label["电机"] == set()  # "…比亚迪新能源汽车、新能源汽车高集成度电驱动系统…" names no motor maker
    ic = _chain_json(seeds_build, "集成电路", capsys)
    names = {e["entity_id"]: e["name"] for e in ic["enterprises"]}
    by_label = {s["label"]: {names[e] for e in s["enterprises"]} for s in ic["segments"]}
    assert "沛顿科技" in by_label["封测"] and "沛顿科技" not in by_label["制造"]


def test_pages_only_for_reference_chains_and_chains_with_stated_evidence(seeds_build: Path) -> None:
    graph = load_graph(seeds_build)
    files = render_site(graph)
    chain_pages = [n for n in files if n.startswith("chain-")]
    for junk in ("规上高新技术", "特色型数字", "临港", "DRAM", "大基因", "生命健康", "生物健康", "大健康"):
        assert f"chain-{junk}.html" not in files
    assert not [n for n in chain_pages if n.startswith("chain-e-")]  # readable names, no hashes
    assert {"chain-nev.html", "chain-ic.html", "chain-biomed.html", "chain-quantum.html"} <= set(chain_pages)
    for name in chain_pages:
        html = files[name].decode("utf-8")
        assert "参考产业链" in html or "证据充分" in html, name
    assert len(chain_pages) < 30


def test_aliases_merge_through_skos_labels(seeds_build: Path) -> None:
    graph = load_graph(seeds_build)
    assert {find_chain(graph, n).key for n in ("生命健康", "生物健康", "大健康", "生物医药")} == {"biomed"}
    # 汽车 and 新能源汽车 are counted apart by the documents, and so by the explorer and the graph
    assert find_chain(graph, "汽车").key != "nev"
    assert find_chain(graph, "新型储能").key == "pv"  # a graph chain named like a segment is that segment
