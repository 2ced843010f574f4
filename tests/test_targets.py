"""Targets told apart from achievements, on sentences and on a fresh build of the seeds:
`kg chain --format json|markdown` and the chain page (in Debian's Chromium, no network)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import wait_until_ready

from kg.chains.report import analyse_all, page_worthy
from kg.chains.targets import ACHIEVEMENT, ACHIEVEMENT_CUE, TARGET, TARGET_CUE, sentence_statements
from kg.cli.main import main
from kg.store import load_graph

REPO = Path(__file__).resolve().parents[1]


def kinds(text: str, blocked: tuple[tuple[int, int], ...] = ()) -> list[tuple[str, str]]:
    return [(kind, text[span[0] : span[1]]) for kind, span, _, _, _ in sentence_statements(text, blocked)]


def test_a_target_and_an_achievement_in_one_sentence_are_told_apart() -> None:
    text = "2023年全市产值达到1000亿元，同比增长12%，力争到2025年突破2000亿元。"
    assert kinds(text) == [
        (ACHIEVEMENT, "2023年全市产值达到1000亿元，同比增长12%"),
        (TARGET, "力争到2025年突破2000亿元"),
    ]
    found = sentence_statements(text)
    assert found[0][4] == ("1000亿元", "12%") and found[1][4] == ("2000亿元",)
    assert found[1][3] == "力争"


def test_a_leading_year_makes_the_following_parts_a_target() -> None:
    text = "到2025年，新能源汽车产业产值力争突破5000亿元。"
    [(kind, span, cue_span, cue, figures)] = sentence_statements(text)
    assert kind == TARGET and cue == "到2025年" and text[cue_span[0] : cue_span[1]] == cue
    assert text[span[0] : span[1]] == "到2025年，新能源汽车产业产值力争突破5000亿元"
    assert figures == ("5000亿元",)


def test_the_first_cue_of_a_part_decides() -> None:
    assert kinds("力争达到1500亿元。") == [(TARGET, "力争达到1500亿元")]
    assert kinds("朝阳则形成了57个案例将在全市推广。") == [(ACHIEVEMENT, "朝阳则形成了57个案例将在全市推广")]
    assert kinds("已集聚企业120家，将打造千亿级产业集群。") == [
        (ACHIEVEMENT, "已集聚企业120家"),
        (TARGET, "将打造千亿级产业集群"),
    ]


def test_no_figure_and_no_goal_is_no_statement() -> None:
    assert kinds("合肥是中国科学技术大学所在地。") == []
    assert kinds("项目已经开工。") == []  # an achievement needs a figure
    assert kinds("计划打造世界级产业集群。") == [(TARGET, "计划打造世界级产业集群")]  # a goal needs none


def test_a_cue_inside_a_name_is_not_read() -> None:
    text = "荣事达电子电器产值100亿元。"
    assert kinds(text) == [(ACHIEVEMENT, "荣事达电子电器产值100亿元")]  # 达 of 荣事达 read
    assert kinds(text, blocked=((0, 7),)) == []


@pytest.fixture(scope="module")
def seeds_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seeds-targets")
    assert main(["build", "--input", str(REPO / "seeds"), "--out", str(out)]) == 0
    return out


def chain_json(out: Path, name: str, capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    capsys.readouterr()
    assert main(["chain", name, "--graph", str(out), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_seeds_nev_targets_and_achievements_in_json(seeds_out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nev = chain_json(seeds_out, "新能源汽车", capsys)
    by_text = {s["statement"]: s for s in nev["statements"]}
    target = by_text["力争新能源汽车产量突破120万辆"]
    assert target["kind"] == "target" and target["cue"] == "力争" and target["figures"] == ["120万辆"]
    done = by_text["新能源汽车产量74万辆、位居全国前5，汽车总产量134万辆"]
    assert done["kind"] == "achievement" and done["figures"] == ["74万辆", "134万辆"]
    grown = by_text["增长3.2倍"]
    assert grown["kind"] == "achievement" and "新能源汽车出口超4万辆" in grown["sentence"]
    assert {"target", "achievement"} == {s["kind"] for s in nev["statements"]}


def test_seeds_every_statement_quotes_its_sentence(seeds_out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    graph = load_graph(seeds_out)
    texts = {(s.doc, s.index): s.text for d in graph.documents for s in d.sentences}
    seen = {"target": 0, "achievement": 0}
    for report in page_worthy(analyse_all(graph)):
        data = chain_json(seeds_out, report.chain.label_zh, capsys)
        for st in data["statements"]:
            sentence = texts[(st["doc"], st["sentence_index"])]
            assert st["sentence"] == sentence
            a, b = st["span"]
            assert sentence[a:b] == st["statement"]
            c, d = st["cue_span"]
            assert sentence[c:d] == st["cue"] and a <= c < d <= b
            cue = TARGET_CUE if st["kind"] == "target" else ACHIEVEMENT_CUE
            # Read in its sentence: a cue may look ahead (了 counts only before a figure).
            found = cue.match(sentence, c)
            assert found is not None and found.end() == d, st
            seen[st["kind"]] += 1
    assert seen["target"] >= 5 and seen["achievement"] >= 5, seen


def test_seeds_markdown_lists_targets_and_achievements_apart(
    seeds_out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["chain", "光伏", "--graph", str(seeds_out), "--format", "markdown"]) == 0
    text = capsys.readouterr().out
    section = text.split("### 目标与成绩 Targets and achievements")[1]
    targets, achievements = section.split("- 成绩 achievement")
    assert "力争规模突破1800亿元" in targets and "1800亿元" not in achievements
    assert "先进光伏和新型储能产值达1500亿元" in achievements and "1500亿元" not in targets


@pytest.mark.browser
def test_chain_page_shows_targets_apart_from_achievements(
    seeds_out: Path,
    browser,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    site = tmp_path / "viz"
    assert main(["viz", "--graph", str(seeds_out), "--out", str(site)]) == 0
    page_file = site / "chain-nev.html"
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(page_file.as_uri())
    wait_until_ready(page)
    targets = page.locator("#targets .statements.target li.statement-item")
    achievements = page.locator("#targets .statements.achievement li.statement-item")
    target_texts = targets.all_inner_texts()
    achievement_texts = achievements.all_inner_texts()
    assert any("力争新能源汽车产量突破120万辆" in t for t in target_texts)
    assert not any("力争新能源汽车产量突破120万辆" in t for t in achievement_texts)
    assert any("增长3.2倍" in t for t in achievement_texts)
    assert all("目标 target" in t for t in target_texts)
    assert all("成绩 achievement" in t for t in achievement_texts)
    # The statement itself is marked in its sentence.
    marked = page.locator("#targets .statements.target li.statement-item mark").all_inner_texts()
    assert "力争新能源汽车产量突破120万辆" in marked
    page.close()
    assert [u for u in requests if u.split("#")[0] != page_file.as_uri()] == []
    assert errors == []
