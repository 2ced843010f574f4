"""A chain drawn with pyvis, as a page that works offline.

pyvis writes HTML that fetches vis-network, tom-select and Bootstrap from CDNs. Here the
page is generated with ``cdn_resources="in_line"`` (vis-network and pyvis's helper script
inlined from pyvis's own package) and the remaining Bootstrap tags, which only style the
frame, are removed, so the file opens with no network at all.

    from kg.viz.pyvis_chain import chain_network, write_offline
    net = chain_network(graph, report)
    write_offline(net, Path("out/pyvis/chain-nev.html"))
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kg.chains.report import ChainReport
from kg.model import KnowledgeGraph
from kg.outputs import write_atomic
from kg.viz.payload import CLASS_COLOURS

# <link …href="https://…"…> and <script …src="https://…"…></script>, as pyvis writes them.
_REMOTE_LINK = re.compile(r"<link\b[^>]*\bhref\s*=\s*\"https?://[^>]*>", re.S)
_REMOTE_SCRIPT = re.compile(r"<script\b[^>]*\bsrc\s*=\s*\"https?://[^>]*>\s*</script>", re.S)
GAP_COLOUR = "#b00020"
SILENT_COLOUR = "#d0d7de"


def chain_network(graph: KnowledgeGraph, report: ChainReport) -> Any:
    """A pyvis Network: the chain, its segments (red when a source states a gap, grey when
    the documents are silent), their enterprises, research resources and districts."""
    from pyvis.network import Network

    net = Network(height="720px", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    chain = report.chain
    net.add_node(chain.key, label=chain.label_zh, color=CLASS_COLOURS["IndustryChain"], size=30, shape="dot")
    for seg in report.segments:
        colour = {"gap": GAP_COLOUR, "unmentioned": SILENT_COLOUR}.get(seg.status, "#2da44e")
        title = f"{seg.segment.label_zh} · {seg.status}"
        if seg.statements:
            title += "\n" + seg.statements[0].text
        net.add_node(f"segment:{seg.segment.key}", label=seg.segment.label_zh, color=colour, shape="box", title=title)
        net.add_edge(
            f"segment:{seg.segment.parent}" if seg.segment.parent else chain.key,
            f"segment:{seg.segment.key}",
            title=seg.segment.position,
        )
    for att in report.enterprises.values():
        net.add_node(
            att.entity_id,
            label=att.name + (" ♛" if att.leader else ""),
            shape="dot",
            color=CLASS_COLOURS["Enterprise"],
            size=16 if att.leader else 10,
            title=att.evidence[0].text if att.evidence else att.name,
        )
        targets = [f"segment:{k}" for k in att.segments] or [chain.key]
        for target in targets:
            net.add_edge(att.entity_id, target, title="PART_OF_CHAIN")
    for res in report.resources.values():
        net.add_node(
            res.entity_id,
            label=res.name,
            shape="dot",
            color=CLASS_COLOURS.get(res.type, "#999999"),
            size=10,
            title=res.evidence[0].text if res.evidence else res.name,
        )
        net.add_edge(res.entity_id, chain.key, title="SUPPORTS_CHAIN")
    for place in report.places.values():
        net.add_node(
            place.entity_id,
            label=place.name,
            shape="dot",
            color=CLASS_COLOURS["Place"],
            size=8,
            title=place.evidence[0].text if place.evidence else place.name,
        )
        if place.prioritises:
            net.add_edge(place.entity_id, chain.key, title="FOCUSES_ON")
        for eid in place.hosted:
            if eid in report.enterprises:
                net.add_edge(eid, place.entity_id, title="LOCATED_IN")
    return net


def offline_html(net: Any) -> str:
    """pyvis's page with every remote tag removed (vis-network is inlined)."""
    html = net.generate_html()
    html = _REMOTE_SCRIPT.sub("", _REMOTE_LINK.sub("", html))
    if re.search(r"(src|href)\s*=\s*\"https?://", html):
        raise ValueError("pyvis page still refers to the network")
    return html


def write_offline(net: Any, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, offline_html(net).encode("utf-8"))
    return path
