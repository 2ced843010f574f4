"""The explorer's pages in a real Chromium (Debian's), driven by Playwright.

Every page must load with no network request and no console error; screenshots go to
test-output/ for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Watched, assert_clean, shot, wait_until_ready, watch

from kg.viz import write_site
from kg.viz.sample import GraphBuilder, demo_graph

pytestmark = pytest.mark.browser

XSS = "</script><img src=x onerror=alert(1)>"


def open_page(browser, path: Path, fragment: str = "") -> Watched:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    watched = watch(page, path.as_uri())
    page.goto(watched.url + fragment)
    wait_until_ready(page)
    page.evaluate("window.__kgReady")
    return watched


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    graph = demo_graph()
    out = tmp_path_factory.mktemp("viz")
    write_site(graph, out)
    return out, graph


def test_overview_draws_every_node_with_no_network(browser, site) -> None:  # type: ignore[no-untyped-def]
    out, graph = site
    w = open_page(browser, out / "index.html")
    drawn = w.page.evaluate("Object.keys(window.__kgNetwork.getPositions()).length")
    assert drawn == len(graph.entities)
    assert w.page.evaluate("window.__kgNodes.length") == len(graph.entities)
    shot(w, "overview.png")
    assert_clean(w)


def test_overview_filters_by_class_and_search_opens_a_card(browser, site) -> None:  # type: ignore[no-untyped-def]
    out, graph = site
    w = open_page(browser, out / "index.html")
    w.page.uncheck("#legend input[value=Enterprise]")
    enterprises = sum(1 for e in graph.entities.values() if e.type == "Enterprise")
    assert w.page.get_attribute("#stats", "data-shown") == str(len(graph.entities) - enterprises)
    w.page.fill("#search", "丙电池")
    w.page.click("#results button")
    assert w.page.text_content("#card-title") == "丙电池"
    assert w.page.locator("#card mark").first.text_content() == "丙电池"
    assert_clean(w)


def test_chain_map_runs_upstream_to_downstream_and_marks_gaps(browser, site) -> None:  # type: ignore[no-untyped-def]
    out, _ = site
    w = open_page(browser, out / "chain-nev.html")
    up = w.page.locator(".segment[data-position=upstream]").first.bounding_box()
    mid = w.page.locator(".segment[data-position=midstream]").first.bounding_box()
    down = w.page.locator(".segment[data-position=downstream]").first.bounding_box()
    assert up and mid and down
    assert up["x"] + up["width"] <= mid["x"] and mid["x"] + mid["width"] <= down["x"]
    gaps = w.page.locator(".segment.gap")
    assert gaps.count() == 2  # 电机 and 电控 have no enterprise in the demo graph
    for i in range(gaps.count()):
        box = gaps.nth(i)
        assert box.evaluate("e => getComputedStyle(e).borderTopStyle") == "dashed"
        assert "缺口 gap" in (box.text_content() or "")
    assert w.page.locator(".segment:not(.gap)").first.evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"
    leader = w.page.locator(".chip.leader").first
    assert "♛" in (leader.text_content() or "") and "链主" in (leader.text_content() or "")
    shot(w, "chain-nev.png")
    assert_clean(w)


def test_clicking_a_segment_or_entity_opens_its_card_with_evidence(browser, site) -> None:  # type: ignore[no-untyped-def]
    out, _ = site
    w = open_page(browser, out / "chain-nev.html")
    w.page.locator(".segment", has_text="整车").first.click(position={"x": 5, "y": 5})
    w.page.wait_for_selector("#card:not([hidden])")
    assert w.page.text_content("#card-title") == "整车"
    marks = w.page.locator("#card mark").all_text_contents()
    assert {"甲汽车", "乙汽车"} <= set(marks)
    w.page.locator(".chip", has_text="甲汽车").first.click()
    w.page.wait_for_selector("#card[data-entity^='e-']", state="attached")
    assert w.page.text_content("#card-title") == "甲汽车"
    assert "示例文档甲" in (w.page.text_content("#card .source") or "")
    shot(w, "chain-nev-card.png")
    assert_clean(w)


def test_entity_link_opens_the_card_on_load(browser, site) -> None:  # type: ignore[no-untyped-def]
    out, graph = site
    lab = next(e for e in graph.entities.values() if e.type == "Laboratory")
    w = open_page(browser, out / "index.html", f"#entity={lab.id}")
    assert w.page.text_content("#card-title") == lab.name
    assert w.page.locator("#card blockquote").count() >= 1
    assert_clean(w)


def _hostile_graph():  # type: ignore[no-untyped-def]
    b = GraphBuilder()
    b.document("x.txt", [f"坏{XSS}公司是新能源汽车整车企业。"], title=f"标题{XSS}", date="2025-01-01")
    firm = b.entity(f"坏{XSS}公司", "Enterprise")
    chain = b.entity("新能源汽车", "IndustryChain")
    b.relate("PART_OF_CHAIN", firm, chain, "x.txt", 0)
    return b.build(), firm


def test_document_text_renders_as_text_never_as_html(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    graph, firm = _hostile_graph()
    write_site(graph, tmp_path)
    for name in ("index.html", "chain-nev.html"):
        w = open_page(browser, tmp_path / name, f"#entity={firm.id}")
        assert w.page.text_content("#card-title") == firm.name
        assert XSS in (w.page.text_content("#card blockquote") or "")
        assert w.page.locator("img").count() == 0
        shot(w, f"hostile-{name.replace('.html', '')}.png")
        assert_clean(w)
