"""The planners' workbench in a real Chromium, on a fresh build of the seed documents:
truthful gaps, a nav that fits a laptop, district pages, CSV / PNG downloads, print style,
a readable overview. Every page must make no network request."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from conftest import Watched, assert_clean, shot, wait_until_ready, watch

from kg.store import load_graph
from kg.viz import write_site

pytestmark = pytest.mark.browser
LAPTOP = {"width": 1366, "height": 768}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, seeds_build: Path) -> Path:
    out = tmp_path_factory.mktemp("seeds-viz")
    write_site(load_graph(seeds_build), out)
    return out


def open_page(browser, path: Path, accept_downloads: bool = False) -> Watched:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport=LAPTOP, accept_downloads=accept_downloads)
    watched = watch(page, path.as_uri())
    page.goto(watched.url)
    wait_until_ready(page)
    return watched


def test_every_page_loads_offline_and_the_nav_fits_a_laptop(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    pages = sorted(site.glob("*.html"))
    assert len(pages) > 12
    for path in pages:
        w = open_page(browser, path)
        header, nav, tools = w.page.evaluate("""[document.querySelector('header.top').scrollWidth,
            document.getElementById('nav').getBoundingClientRect().right,
            document.getElementById('page-tools').getBoundingClientRect().left]""")
        assert header <= LAPTOP["width"] and nav <= tools, path.name
        assert_clean(w)
        w.page.close()  # type: ignore[attr-defined]


def test_menus_list_other_chains_and_districts(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_page(browser, site / "index.html")
    menus = w.page.locator("#nav details.menu")
    assert menus.count() == 2
    menus.nth(1).locator("summary").click()
    links = menus.nth(1).locator("a")
    names = links.all_text_contents()
    assert "包河区" in names and "合肥经济技术开发区" in names
    assert not [n for n in names if n in ("筑波科学城", "北京市朝阳区", "长三角")]
    assert links.first.is_visible()
    assert_clean(w)


def test_gaps_carry_evidence_and_silence_is_drawn_apart(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    seen = 0
    for name in ("chain-display.html", "chain-quantum.html", "chain-nev.html", "chain-ic.html"):
        w = open_page(browser, site / name)
        gaps = w.page.locator(".segment.gap")
        for i in range(gaps.count()):
            box = gaps.nth(i)
            seen += 1
            assert int(box.get_attribute("data-evidence") or 0) >= 1
            assert (box.locator("blockquote.evidence mark").first.text_content() or "").strip()
            assert box.locator(".chip").count() == 0  # never a gap while an enterprise is attached
            assert box.evaluate("e => getComputedStyle(e).borderTopStyle") == "dashed"
        items = w.page.locator("#gaps li.gap-item")
        for i in range(items.count()):
            assert items.nth(i).locator("blockquote").count() >= 1
            assert items.nth(i).locator(".source").count() >= 1
        silent = w.page.locator(".segment.status-unmentioned")
        for i in range(silent.count()):
            box = silent.nth(i)
            assert box.locator(".gap-tag").count() == 0 and "文中未提及" in (box.text_content() or "")
            assert box.evaluate("e => getComputedStyle(e).borderTopStyle") == "dotted"
        assert "已读 5 篇" in (w.page.text_content("#not-mentioned summary") or "")
        if name == "chain-nev.html":
            # the seeds never name 充电桩: silent, so no 补链 target (动力电池 has a parts maker)
            charging = w.page.locator(".segment[data-segment=nev-charging]")
            assert charging.get_attribute("data-status") == "unmentioned"
            assert w.page.locator("#places .gap-tag").count() == 0
            shot(w, "workbench-chain-nev.png")
        if name == "chain-display.html":
            shot(w, "workbench-chain-display.png")
        assert_clean(w)
    assert seen >= 2  # 新型显示 显示终端 (下游配套不足) and 量子 核心器件 (卡脖子)


def _download(w: Watched, button: str) -> bytes:
    with w.page.expect_download() as info:  # type: ignore[attr-defined]
        w.page.click(button)  # type: ignore[attr-defined]
    path = info.value.path()
    return Path(path).read_bytes()


def _only_local(w: Watched) -> None:
    outside = [u for u in w.requests if u.split("#")[0] != w.url and not u.startswith(("blob:", "data:"))]
    assert outside == [] and w.errors == []


def test_csv_and_png_buttons_download_the_table_and_a_picture(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_page(browser, site / "chain-nev.html", accept_downloads=True)
    rows = list(csv.reader(io.StringIO(_download(w, "#download-csv").decode("utf-8-sig"))))
    assert rows[0][:3] == ["位置 position", "环节 segment", "状态 status"]
    assert {"比亚迪", "蔚来"} <= {r[3] for r in rows if r[1] == "整车"}
    png = _download(w, "#download-png")
    assert png.startswith(b"\x89PNG") and len(png) > 5000
    _only_local(w)
    w = open_page(browser, site / "index.html", accept_downloads=True)
    rows = list(csv.reader(io.StringIO(_download(w, "#download-csv").decode("utf-8-sig"))))
    shown = int(w.page.get_attribute("#stats", "data-shown") or 0)
    assert len(rows) == shown + 1 and rows[0][1] == "名称 name"
    assert _download(w, "#download-png").startswith(b"\x89PNG")
    _only_local(w)


def test_print_style_hides_controls_and_keeps_gap_marks(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_page(browser, site / "chain-display.html")
    w.page.emulate_media(media="print")
    assert w.page.evaluate("getComputedStyle(document.querySelector('header.top')).display") == "none"
    gap = w.page.locator(".segment.gap").first
    assert gap.evaluate("e => getComputedStyle(e).borderTopStyle") == "dashed"
    w.page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert w.page.locator("#not-mentioned li").first.is_visible()  # what the screen folds is printed
    w.page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert not w.page.locator("#not-mentioned li").first.is_visible()
    pdf_page = w.page.pdf(format="A4", landscape=True)
    assert pdf_page.startswith(b"%PDF")
    assert_clean(w)


def test_overview_labels_hides_unconnected_and_fits_filters(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_page(browser, site / "index.html")
    total = w.page.evaluate("window.KG.data.overview.nodes.length")
    isolated = w.page.evaluate("window.KG.data.overview.nodes.filter(n => !n.degree).length")
    labelled = w.page.evaluate("window.KG.data.overview.nodes.filter(n => n.important).length")
    assert 10 <= labelled <= 60 and isolated > 0
    assert int(w.page.get_attribute("#stats", "data-shown") or 0) == total - isolated
    shot(w, "workbench-overview.png", full=False)
    w.page.uncheck("#hide-isolated")
    assert int(w.page.get_attribute("#stats", "data-shown") or 0) == total
    w.page.check("#hide-isolated")
    w.page.select_option("#filter-chain", "quantum")
    shown = int(w.page.get_attribute("#stats", "data-shown") or 0)
    assert 0 < shown < 40
    # zoom-to-fit: every node left on screen lies inside the network's box
    inside = w.page.evaluate("""(() => {
      const net = window.__kgNetwork, box = document.getElementById('network').getBoundingClientRect();
      const ids = window.__kgNodes.get({filter: n => !n.hidden}).map(n => n.id);
      const pos = net.getPositions(ids);
      return ids.every(id => { const p = net.canvasToDOM(pos[id]);
        return p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height; }) && net.getScale() > 0.5;
    })()""")
    assert inside
    shot(w, "workbench-overview-quantum.png", full=False)
    assert_clean(w)


def test_district_page_lists_what_it_hosts_and_compares_two(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_page(browser, site / "district-合肥经济技术开发区.html")
    assert w.page.text_content("h1 small") and "340177" in (w.page.text_content("h1 small") or "")
    chains = w.page.locator("#chains .chip").all_text_contents()
    assert any("新能源汽车" in c for c in chains)
    w.page.select_option("#compare-with", label="合肥高新技术产业开发区")
    table = w.page.locator("#compare-result table.compare")
    assert table.count() == 1
    assert "合肥高新技术产业开发区" in (table.text_content() or "")
    shot(w, "workbench-district.png")
    assert_clean(w)


def test_pyvis_chain_page_draws_offline(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kg.chains.report import analyse_chain, find_chain
    from kg.viz.pyvis_chain import chain_network, write_offline
    from kg.viz.sample import demo_graph

    graph = demo_graph()
    report = analyse_chain(graph, find_chain(graph, "新能源汽车"))
    net = chain_network(graph, report)
    path = write_offline(net, tmp_path / "chain-nev.html")
    page = browser.new_page(viewport=LAPTOP)
    w = Watched(page, path.as_uri())
    page.on("request", lambda r: w.requests.append(r.url))
    page.on("pageerror", lambda e: w.errors.append(str(e)))
    page.goto(w.url)
    page.wait_for_selector("#mynetwork canvas", timeout=20000)
    assert page.evaluate("Object.keys(network.getPositions()).length") == len(net.nodes)
    colours = page.evaluate("nodes.get('segment:nev-motor').color")
    assert colours == "#b00020"  # 电机: a document calls it 短板
    assert_clean(w)


def test_overview_groups_by_chain_and_by_district(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_page(browser, site / "index.html")
    w.page.select_option("#group-by", "chain")
    groups = w.page.evaluate("window.KG.groups()")
    assert len(groups) >= 5 and "group:nev" in groups
    label = w.page.evaluate("window.__kgNetwork.body.nodes['group:nev'].options.label")
    assert label.startswith("新能源汽车 (")
    shot(w, "workbench-overview-grouped.png", full=False)
    w.page.select_option("#group-by", "place")
    assert all(g.startswith("group:e-") for g in w.page.evaluate("window.KG.groups()"))
    w.page.select_option("#group-by", "")
    assert w.page.evaluate("window.KG.groups()") == []
    assert_clean(w)


def test_imported_enterprise_shows_as_imported_with_its_list(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kg.chains.imports import ImportedRow
    from kg.viz.sample import demo_graph

    rows = [ImportedRow("registry.csv", 7, "己电机公司", "经开区", "新能源汽车", "电机", "合肥市企业名录2024")]
    write_site(demo_graph(), tmp_path, imports=rows)
    w = open_page(browser, tmp_path / "chain-nev.html")
    chip = w.page.locator(".segment[data-segment=nev-motor] .chip.imported")
    assert chip.count() == 1 and "导入" in (chip.text_content() or "")
    assert w.page.get_attribute(".segment[data-segment=nev-motor]", "data-status") == "weak"
    chip.click()
    w.page.wait_for_selector("#card:not([hidden])")
    assert w.page.text_content("#card-title") == "己电机公司"
    assert "registry.csv · 第 7 行" in (w.page.text_content("#card .source") or "")
    assert "合肥市企业名录2024" in (w.page.text_content("#card blockquote") or "")
    assert_clean(w)
