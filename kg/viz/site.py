"""Render the explorer's pages (overview, one chain map per chain) and write them atomically."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.chains import ChainReport, analyse_all, chain_entities
from kg.model import KnowledgeGraph
from kg.outputs import write_all
from kg.segments import ChainScheme
from kg.viz.html import page
from kg.viz.layout import DEFAULT_SEED
from kg.viz.payload import ChainLink, chain_map, chain_page_entities, documents_json, entity_cards, overview

INDEX = "index.html"
_BODY_INDEX = """<main class="overview">
<div class="controls">
<h1>创新生态总览 <small>Overview</small></h1>
<p id="stats"></p>
<h2>搜索 Search</h2><input id="search" type="search" placeholder="名称 name" aria-label="search by name">
<ul id="results" class="results"></ul>
<h2>类别 Classes</h2><div id="legend" class="legend"></div>
<h2>产业链 Chain</h2><select id="filter-chain" aria-label="chain"><option value="">全部 all</option></select>
<h2>区县 District</h2><select id="filter-place" aria-label="district"><option value="">全部 all</option></select>
</div>
<div id="network" aria-label="network of the whole graph"></div>
</main>"""
_BODY_CHAIN = '<main id="chain-map" class="chain-page"></main>'


def chain_page_name(key: str) -> str:
    return f"chain-{key}.html"


def _nav(reports: list[ChainReport], current: str) -> list[dict[str, Any]]:
    items = [{"href": INDEX, "label": "总览 Overview", "current": current == INDEX}]
    for r in reports:
        name = chain_page_name(r.chain.key)
        items.append({"href": name, "label": r.chain.label_zh, "current": current == name})
    return items


def _chain_links(graph: KnowledgeGraph, reports: list[ChainReport]) -> list[ChainLink]:
    return [ChainLink(r.chain.key, r.chain.label_zh, tuple(sorted(chain_entities(graph, r.chain)) or
                                                          ([r.chain.key] if r.chain.key in graph.entities else [])))
            for r in reports]


def render_site(graph: KnowledgeGraph, scheme: ChainScheme | None = None, seed: int = DEFAULT_SEED) -> dict[str, bytes]:
    """Every page, by file name; nothing is written."""
    reports = analyse_all(graph, scheme)
    docs = documents_json(graph)
    files = {INDEX: page(title="InnoKG 总览 overview", body=_BODY_INDEX, scripts=["vis-network.min.js", "common.js",
                                                                                 "index.js"],
                         data={"overview": overview(graph, _chain_links(graph, reports), seed),
                               "cards": entity_cards(graph), "documents": docs, "nav": _nav(reports, INDEX)})}
    for report in reports:
        name = chain_page_name(report.chain.key)
        files[name] = page(title=f"{report.chain.label_zh} 产业链图谱", body=_BODY_CHAIN,
                           scripts=["common.js", "chain.js"],
                           data={"chainMap": chain_map(report), "documents": docs, "nav": _nav(reports, name),
                                 "cards": entity_cards(graph, chain_page_entities(report))})
    return files


def write_site(graph: KnowledgeGraph, out_dir: Path, scheme: ChainScheme | None = None) -> list[Path]:
    """Render every page, then write them all (each atomically) into ``out_dir``."""
    return write_all(out_dir, render_site(graph, scheme))
