"""The query page ``kg serve`` answers at ``/`` and ``/query``: an editor, the competency
questions of queries/ as a catalogue, results as a table and a CSV download.

Offline by construction: one HTML document with its style and script inline, the
catalogue embedded as JSON (kg.viz.assemble.json_for_script), and a Content-Security-Policy
sent as a header that lets run only the page's own script and style (by hash) and lets it
connect only to its own origin (the endpoint, ``/sparql``). Values of a question's
parameters are sent as ``$name`` bindings (N-Triples terms), never pasted into the query.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.query.catalogue import QUERIES_DIR, load_catalogue
from kg.query.sparql import PREFIXES
from kg.viz.assemble import escape_text, fill, json_for_script

ASSETS = Path(__file__).resolve().parent / "page_assets"

# Chinese titles of the competency questions (the .rq files describe them in English).
TITLES_ZH: dict[str, str] = {
    "chain_supporters": "支撑各产业链的机构与设施",
    "chain_upstream": "产业链之间的上下游关系",
    "chains_by_enterprise_count": "各产业链的企业数",
    "cooperation_pairs": "合作的机构对",
    "entities_per_class": "各类实体的数量",
    "entity_evidence": "某一实体的全部事实及其出处",
    "facilities_and_chains": "大科学装置及其支撑的产业链",
    "facility_enterprise_links": "装置与企业之间的关联路径",
    "facts_per_document": "每份文件陈述的事实数",
    "laboratories_and_operators": "实验室及其依托单位",
    "laboratories_overview": "实验室一览",
    "located_in_hefei": "位于合肥市的一切",
    "low_confidence_relations": "待复核队列：置信度最低的前100条事实",
    "multi_document_entities": "多份文件共同提到的实体",
    "nev_chain_enterprises": "新能源汽车产业链企业及所在地",
    "place_hierarchy": "地点的行政隶属",
    "places_and_parts": "地点及其包含的单位",
    "places_by_chain_count": "重点发展产业链最多的地区",
    "prioritised_chains_without_support": "有地区重点发展却无科研支撑的产业链",
    "relations_per_type": "各类关系的数量",
    "work_report_2024_facts": "2024年合肥市政府工作报告中的事实",
}


@dataclass(frozen=True, slots=True)
class QueryPage:
    html: bytes
    headers: dict[str, str]  # the policy and the other security headers to send with it


def _hash(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode('utf-8')).digest()).decode()}'"


def content_security_policy(script: str, style: str) -> str:
    """Only this page's script and style run; it may talk to its own origin and nothing else."""
    return (
        f"default-src 'none'; script-src {_hash(script)}; style-src {_hash(style)}; "
        "connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )


def catalogue_data(folder: Path = QUERIES_DIR) -> list[dict[str, object]]:
    return [
        {
            "name": q.name,
            "title": TITLES_ZH.get(q.name, q.name),
            "description": q.description,
            "sparql": q.sparql,
            "params": q.params,
        }
        for q in load_catalogue(folder)
    ]


def render(folder: Path = QUERIES_DIR) -> QueryPage:
    script = (ASSETS / "query.js").read_text(encoding="utf-8")
    style = (ASSETS / "query.css").read_text(encoding="utf-8")
    if "</script" in script.lower() or "</style" in style.lower():
        raise ValueError("query page assets cannot be inlined")
    data = {"questions": catalogue_data(folder), "prefixes": PREFIXES, "endpoint": "/sparql"}
    html = fill(
        (ASSETS / "query.html").read_text(encoding="utf-8"),
        {
            "title": escape_text("SPARQL 查询 Query · InnoKG"),
            "style": style,
            "data": json_for_script(data),
            "script": script,
        },
    )
    headers = {
        "Content-Security-Policy": content_security_policy(script, style),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "Cache-Control": "no-store",
    }
    return QueryPage(html.encode("utf-8"), headers)


@cache
def query_page() -> QueryPage:
    """The page for the project's queries/ folder, rendered once per process."""
    return render()
