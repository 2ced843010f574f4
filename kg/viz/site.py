"""Render the explorer's pages (overview, one chain map per chain, one page per district) and
write them atomically."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kg.chains.districts import analyse_district, city_districts
from kg.chains.imports import ImportedRow
from kg.chains.report import ChainReport, analyse_all, chain_entities, page_worthy
from kg.chains.segments import ChainScheme, chain_scheme
from kg.model import KnowledgeGraph
from kg.outputs import write_all
from kg.viz.assemble import page
from kg.viz.layout import DEFAULT_SEED
from kg.viz.payload import (
    ChainLink,
    chain_map,
    chain_page_entities,
    district_map,
    documents_json,
    entity_cards,
    imported_cards,
    overview,
)

INDEX = "index.html"
_BODY_INDEX = """<main class="overview">
<div class="controls">
<h1>创新生态总览 <small>Overview</small></h1>
<p id="stats"></p>
<h2>搜索 Search</h2><input id="search" type="search" placeholder="名称 name" aria-label="search by name">
<ul id="results" class="results"></ul>
<h2>显示 Show</h2>
<label class="opt"><input type="checkbox" id="hide-isolated" checked> 隐藏无关系节点 hide unconnected</label>
<label class="opt"><input type="checkbox" id="all-labels"> 显示全部标签 all labels</label>
<h2>类别 Classes</h2><div id="legend" class="legend"></div>
<h2>产业链 Chain</h2><select id="filter-chain" aria-label="chain"><option value="">全部 all</option></select>
<h2>区县 District</h2><select id="filter-place" aria-label="district"><option value="">全部 all</option></select>
<h2>分组 Group</h2><select id="group-by" aria-label="group by"><option value="">不分组 none</option>
<option value="chain">按产业链 by chain</option><option value="place">按区县 by district</option></select>
<div class="tools" id="tools"></div>
</div>
<div id="network" aria-label="network of the whole graph"></div>
</main>"""
_BODY_CHAIN = '<main id="chain-map" class="chain-page"></main>'
_BODY_DISTRICT = '<main id="district" class="chain-page district-page"></main>'
_UNSAFE = re.compile(r"[^\w\u3400-\u9fff-]+")


def chain_page_name(key: str, label: str | None = None) -> str:
    """chain-nev.html for a reference chain; chain-<Chinese name>.html for the others."""
    if key.startswith("e-") and label:
        return f"chain-{_UNSAFE.sub('-', label).strip('-') or key}.html"
    return f"chain-{key}.html"


def page_names(reports: list[ChainReport]) -> dict[str, str]:
    """Chain key -> its page's file name, unique even when two names clean to the same text."""
    names: dict[str, str] = {}
    used: set[str] = set()
    for r in reports:
        name = chain_page_name(r.chain.key, r.chain.label_zh)
        if name in used:
            name = f"chain-{r.chain.key}.html"
        used.add(name)
        names[r.chain.key] = name
    return names


def district_page_name(name: str) -> str:
    return f"district-{_UNSAFE.sub('-', name).strip('-')}.html"


def _nav(reports: list[ChainReport], districts: list[tuple[str, str]], current: str) -> list[dict[str, Any]]:
    """Overview, the reference chains, then two menus: other chains and districts."""
    items: list[dict[str, Any]] = [{"href": INDEX, "label": "总览 Overview", "current": current == INDEX}]
    others: list[dict[str, Any]] = []
    names = page_names(reports)
    for r in reports:
        name = names[r.chain.key]
        entry = {"href": name, "label": r.chain.label_zh, "current": current == name}
        (items if r.evidence.reference else others).append(entry)
    if others:
        items.append({"label": "其他产业链 More chains", "items": others, "current": any(o["current"] for o in others)})
    if districts:
        entries = [{"href": href, "label": label, "current": current == href} for href, label in districts]
        items.append({"label": "区县 Districts", "items": entries, "current": any(e["current"] for e in entries)})
    return items


def _chain_links(graph: KnowledgeGraph, reports: list[ChainReport], scheme: ChainScheme) -> list[ChainLink]:
    return [
        ChainLink(
            r.chain.key,
            r.chain.label_zh,
            tuple(
                sorted(chain_entities(graph, r.chain, scheme))
                or ([r.chain.key] if r.chain.key in graph.entities else [])
            ),
        )
        for r in reports
    ]


def _tools(*names: str) -> dict[str, bool]:
    return {name: True for name in names}


def render_site(
    graph: KnowledgeGraph,
    scheme: ChainScheme | None = None,
    seed: int = DEFAULT_SEED,
    imports: list[ImportedRow] | None = None,
) -> dict[str, bytes]:
    """Every page, by file name; nothing is written.

    Chain pages: the reference chains of ontology/chains.ttl, and other chains only when the
    graph holds enough evidence for them (kg.chains.report.ChainEvidence; the page states it).
    """
    scheme = scheme or chain_scheme()
    reports = page_worthy(analyse_all(graph, scheme, imports))
    districts = city_districts(graph)
    district_links = [(district_page_name(d.name), d.name) for d in districts]
    docs = documents_json(graph)
    links = _chain_links(graph, reports, scheme)
    names = page_names(reports)
    chain_pages: dict[str, tuple[str, str]] = {
        e.id: ("", e.name) for e in graph.entities.values() if e.type == "IndustryChain"
    }
    for report, link in zip(reports, links, strict=True):
        for eid in link.entity_ids:
            chain_pages[eid] = (names[report.chain.key], report.chain.label_zh)
    files = {
        INDEX: page(
            title="InnoKG 创新生态总览 overview",
            body=_BODY_INDEX,
            scripts=["vis-network.min.js", "common.js", "index.js"],
            data={
                "overview": overview(graph, links, seed, districts),
                "cards": entity_cards(graph),
                "documents": docs,
                "nav": _nav(reports, district_links, INDEX),
                "tools": _tools("png", "csv"),
            },
        )
    }
    for report in reports:
        name = names[report.chain.key]
        files[name] = page(
            title=f"{report.chain.label_zh} 产业链图谱",
            body=_BODY_CHAIN,
            scripts=["common.js", "chain.js"],
            data={
                "chainMap": chain_map(report),
                "documents": docs,
                "nav": _nav(reports, district_links, name),
                "tools": _tools("png", "csv"),
                "cards": {**entity_cards(graph, chain_page_entities(report)), **imported_cards(report, graph)},
            },
        )
    district_data = {d.id: district_map(analyse_district(graph, d), chain_pages) for d in districts}
    for d, (name, _) in zip(districts, district_links, strict=True):
        ids = {
            d.id,
            *(e["id"] for e in district_data[d.id]["enterprises"]),
            *(e["id"] for e in district_data[d.id]["research"]),
        }
        files[name] = page(
            title=f"{d.name} 区县画像",
            body=_BODY_DISTRICT,
            scripts=["common.js", "district.js"],
            data={
                "district": district_data[d.id],
                "districts": list(district_data.values()),
                "districtPages": {d2.id: n for d2, (n, _) in zip(districts, district_links, strict=True)},
                "documents": docs,
                "nav": _nav(reports, district_links, name),
                "tools": _tools("png", "csv"),
                "cards": entity_cards(graph, ids),
            },
        )
    return files


def write_site(
    graph: KnowledgeGraph, out_dir: Path, scheme: ChainScheme | None = None, imports: list[ImportedRow] | None = None
) -> list[Path]:
    """Render every page, then write them all (each atomically) into ``out_dir``.

    Chain and district pages of an earlier run that this run does not write (a chain that
    lost its page, the old hash-named files) are removed, so the folder holds one site.
    """
    files = render_site(graph, scheme, imports=imports)
    written = write_all(out_dir, files)
    for stale in [*out_dir.glob("chain-*.html"), *out_dir.glob("district-*.html")]:
        if stale.name not in files:
            stale.unlink()
    return written
