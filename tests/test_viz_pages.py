"""Page generation without a browser: escaping, self-containment, one page per chain."""

from __future__ import annotations

import json
import re

from kg.viz import render_site
from kg.viz.assemble import json_for_script
from kg.viz.sample import demo_graph


def test_json_for_script_cannot_close_the_script_element() -> None:
    text = json_for_script({"s": "</script><img src=x onerror=alert(1)>&\u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"s": "</script><img src=x onerror=alert(1)>&\u2028"}


def test_site_has_an_overview_and_a_page_per_chain() -> None:
    files = render_site(demo_graph())
    assert "index.html" in files and "chain-nev.html" in files and "chain-ic.html" in files


def test_pages_refer_to_nothing_outside_themselves() -> None:
    for name, body in render_site(demo_graph()).items():
        html = body.decode("utf-8")
        assert not re.search(r"""<(script|link|img|iframe)[^>]+(src|href)\s*=""", html), name
        assert "sourceMappingURL" not in html, name
        assert "Content-Security-Policy" in html and "default-src 'none'" in html, name


def _page_data(html: bytes) -> dict:  # type: ignore[type-arg]
    text = html.decode("utf-8")
    start = text.index('id="kg-data">') + len('id="kg-data">')
    return json.loads(text[start : text.index("</script>", start)])


def test_imported_rows_reach_the_chain_page_marked_as_imported() -> None:
    from kg.chains.imports import ImportedRow

    rows = [
        ImportedRow("list.csv", 2, "己电机公司", "经开区", "新能源汽车", "电机", "企业名录"),
        ImportedRow("list.csv", 3, "", "", "集成电路", "设计", "招商清单", "gap"),
    ]
    files = render_site(demo_graph(), imports=rows)
    nev = _page_data(files["chain-nev.html"])["chainMap"]
    motor = next(s for s in nev["segments"] if s["key"] == "nev-motor")
    assert [(e["name"], e["origin"]) for e in motor["enterprises"]] == [("己电机公司", "imported")]
    assert motor["status"] == "weak"  # the demo document calls 电机 a 短板; the list names a firm
    card = _page_data(files["chain-nev.html"])["cards"][motor["enterprises"][0]["id"]]
    assert card["relations"][0]["evidence"]["origin"] == "imported"  # its card names the list and line
    ic = _page_data(files["chain-ic.html"])["chainMap"]
    design = next(g for g in ic["gaps"] if g["subject"] == "ic-design")
    assert design["evidence"][0]["origin"] == "imported" and "招商清单" in design["evidence"][0]["text"]


def test_district_pages_only_for_the_citys_districts() -> None:
    from kg.viz.sample import GraphBuilder

    b = GraphBuilder()
    b.document("d.txt", ["包河区属于合肥市。", "筑波科学城重点发展人工智能。", "包河区重点发展人工智能。"])
    city, district = b.entity("合肥市", "Place", "City"), b.entity("包河区", "Place", "District")
    city.division_code, district.division_code = "340100", "340111"
    abroad, ai = b.entity("筑波科学城", "Place", "ScienceCity"), b.entity("人工智能", "IndustryChain")
    b.relate("PART_OF", district, city, "d.txt", 0)
    b.relate("FOCUSES_ON", abroad, ai, "d.txt", 1)
    b.relate("FOCUSES_ON", district, ai, "d.txt", 2)
    files = render_site(b.build())
    assert [n for n in files if n.startswith("district-")] == ["district-包河区.html"]
    data = _page_data(files["district-包河区.html"])
    assert [c["label"] for c in data["district"]["chains"]] == ["人工智能"]
    assert [p["label"] for p in _page_data(files["index.html"])["overview"]["places"]] == ["包河区"]


def test_writing_the_site_again_removes_pages_of_an_earlier_run(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kg.viz import write_site

    (tmp_path / "chain-e-34b7964065d25bc3.html").write_text("old", encoding="utf-8")
    (tmp_path / "notes.html").write_text("mine", encoding="utf-8")
    write_site(demo_graph(), tmp_path)
    assert not (tmp_path / "chain-e-34b7964065d25bc3.html").exists()
    assert (tmp_path / "notes.html").exists() and (tmp_path / "chain-nev.html").exists()
