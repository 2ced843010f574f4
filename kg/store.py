"""Save and load a whole KnowledgeGraph as one JSON file (``out/graph.json``).

Later commands (``kg load``, ``kg chain``, ``kg viz``, ``kg cypher``) start from this file,
so they never re-run extraction and always see the graph that ``kg build`` validated.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.model import (
    Article,
    Document,
    Dropped,
    Entity,
    Evidence,
    KnowledgeGraph,
    Mention,
    MergeRecord,
    Relation,
    Sentence,
)

FORMAT_VERSION = 1


def graph_to_json(graph: KnowledgeGraph) -> dict[str, Any]:
    return {
        "format": FORMAT_VERSION,
        "documents": [asdict(d) for d in graph.documents],
        "entities": [asdict(e) for e in sorted(graph.entities.values(), key=lambda e: e.id)],
        "relations": [asdict(r) for r in graph.relations],
        "merges": [asdict(m) for m in graph.merges],
        "dropped": [asdict(d) for d in graph.dropped],
    }


def _document(raw: dict[str, Any]) -> Document:
    raw = dict(raw)
    raw["sentences"] = [Sentence(**s) for s in raw["sentences"]]
    raw["articles"] = [Article(**a) for a in raw["articles"]]
    raw["dropped"] = [Dropped(**d) for d in raw["dropped"]]
    return Document(**raw)


def _entity(raw: dict[str, Any]) -> Entity:
    raw = dict(raw)
    raw["mentions"] = [Mention(**m) for m in raw["mentions"]]
    return Entity(**raw)


def _relation(raw: dict[str, Any]) -> Relation:
    raw = dict(raw)
    raw["evidence"] = Evidence(**raw["evidence"])
    return Relation(**raw)


def graph_from_json(data: dict[str, Any]) -> KnowledgeGraph:
    if data.get("format") != FORMAT_VERSION:
        raise InputError(f"unsupported graph format {data.get('format')!r}; rebuild with `kg build`")
    entities = [_entity(e) for e in data["entities"]]
    return KnowledgeGraph(
        documents=[_document(d) for d in data["documents"]],
        entities={e.id: e for e in entities},
        relations=[_relation(r) for r in data["relations"]],
        merges=[MergeRecord(**m) for m in data["merges"]],
        dropped=[Dropped(**d) for d in data["dropped"]],
    )


def load_graph(path: str | Path) -> KnowledgeGraph:
    """Load ``graph.json`` (or the folder holding it) written by ``kg build``."""
    p = Path(path)
    if p.is_dir():
        p = p / "graph.json"
    if not p.exists():
        raise InputError(f"{p}: no built graph here; run `kg build` first")
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{p}: not a readable graph file ({exc})") from exc
    try:
        return graph_from_json(data)
    except (KeyError, TypeError) as exc:
        raise InputError(f"{p}: malformed graph file ({exc}); rebuild with `kg build`") from exc
