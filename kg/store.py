"""Save and load a whole KnowledgeGraph as one JSON file (``out/graph.json``).

Later commands (``kg load``, ``kg chain``, ``kg viz``, ``kg cypher``) start from this file,
so they never re-run extraction and always see the graph that ``kg build`` validated.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import fields
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import InputError

if TYPE_CHECKING:
    from kg.graph.patch.keyed import KeyedWriter
from kg.model import (
    RECORDED,
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

# Format 2 stores each sentence's offsets (one per character of its cleaned text) as runs:
# ``offset_runs`` = [first, length, first, length, ...], each run the offsets first,
# first + 1, … first + length - 1. Most sentences are one run, so graph.json no longer
# holds a number per character of the corpus. Format 1 (``offsets`` in full) still loads.
FORMAT_VERSION = 2
READABLE_FORMATS = (1, 2)

_SENTENCE_FIELDS = tuple(f.name for f in fields(Sentence) if f.name != "offsets")
_DOCUMENT_FIELDS = tuple(f.name for f in fields(Document) if f.name not in ("sentences", "articles", "dropped"))


def offset_runs(offsets: Sequence[int]) -> list[int]:
    """``offsets`` as [first, length, …] runs of consecutive values (see FORMAT_VERSION)."""
    n = len(offsets)
    if n == 0:
        return []
    if type(offsets) is range and offsets.step == 1:
        return [offsets.start, n]  # a build's sentence whose offsets run without a gap
    first = offsets[0]
    if offsets[-1] - first == n - 1 and list(offsets) == list(range(first, first + n)):
        return [first, n]  # the common case, checked at C speed
    runs: list[int] = []
    start, length = first, 1
    for value in offsets[1:]:
        if value == start + length:
            length += 1
        else:
            runs += (start, length)
            start, length = value, 1
    runs += (start, length)
    return runs


def offsets_of_runs(runs: Sequence[int]) -> list[int]:
    """The inverse of :func:`offset_runs`."""
    if len(runs) == 2:
        return list(range(runs[0], runs[0] + runs[1]))
    return list(chain.from_iterable(range(runs[i], runs[i] + runs[i + 1]) for i in range(0, len(runs), 2)))


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls) if f.metadata.get(RECORDED, True))
    return names


def record_dict(obj: Any) -> dict[str, Any]:
    """``dataclasses.asdict`` for a record whose fields are plain values (or lists of them),
    without asdict's recursive deep copy (which took most of graph.json's time)."""
    return {name: getattr(obj, name) for name in _field_names(type(obj))}


def _entity_json(entity: Entity) -> dict[str, Any]:
    raw = record_dict(entity)
    raw["mentions"] = [record_dict(m) for m in entity.mentions]
    return raw


def _relation_json(relation: Relation) -> dict[str, Any]:
    raw = record_dict(relation)
    raw["evidence"] = record_dict(relation.evidence)
    return raw


def _sentence_json(sentence: Sentence) -> dict[str, Any]:
    raw = {name: getattr(sentence, name) for name in _SENTENCE_FIELDS}
    raw["offset_runs"] = offset_runs(sentence.offsets)
    return raw


def _document_json(document: Document) -> dict[str, Any]:
    raw: dict[str, Any] = {name: getattr(document, name) for name in _DOCUMENT_FIELDS}
    raw["sentences"] = [_sentence_json(s) for s in document.sentences]
    raw["articles"] = [record_dict(a) for a in document.articles]
    raw["dropped"] = [record_dict(d) for d in document.dropped]
    return raw


def _sections(graph: KnowledgeGraph) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
    """graph.json's lists, in its order, each record made when it is asked for."""
    for name, _, records in _keyed_sections(graph):
        yield name, records


def graph_to_json(graph: KnowledgeGraph) -> dict[str, Any]:
    return {"format": FORMAT_VERSION, **{name: list(records) for name, records in _sections(graph)}}


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(…, ensure_ascii=False), one encoder


# Each record's key in the layout of graph.json (kg.graph.patch.keyed): the unit a patch
# replaces. A document's relations, and its dropped items of extraction (0) and of the
# graph's checks (1), stand together in their lists.
SECTION_KEYS: dict[str, Callable[[Any], Any]] = {
    "documents": lambda document: document.name,
    "entities": lambda entity: entity.id,
    "relations": lambda relation: relation.evidence.doc,
    "merges": lambda merge: (merge.canonical, merge.variant, merge.type, merge.reason),
    "dropped": lambda dropped: (int(dropped.stage == GRAPH_STAGE), dropped.doc),
}
GRAPH_STAGE = "graph"  # the stage of items the graph's checks drop (kg.graph.merge)
# How each section's items become records.
SECTION_RECORDS: dict[str, Callable[[Any], dict[str, Any]]] = {
    "documents": _document_json,
    "entities": _entity_json,
    "relations": _relation_json,
    "merges": record_dict,
    "dropped": record_dict,
}


def write_graph_json_keyed(graph: KnowledgeGraph, writer: KeyedWriter) -> None:
    """graph.json (the bytes of ``json.dumps(graph_to_json(graph), ensure_ascii=False)``),
    one record at a time, through ``writer``, which records where each record lies: at 1000×
    the seeds graph.json is 1.3 GB, and the graph as dicts was as big again."""
    writer.text(f'{{"format": {_ENCODE(FORMAT_VERSION)}')
    for name, items, records in _keyed_sections(graph):
        writer.text(f", {_ENCODE(name)}: [")
        writer.open(name, ", ")
        key = SECTION_KEYS[name]
        for item, record in zip(items, records, strict=True):
            writer.block(key(item), _ENCODE(record))
        writer.close()
        writer.text("]")
    writer.text("}")


def _keyed_sections(graph: KnowledgeGraph) -> Iterator[tuple[str, list[Any], Iterator[dict[str, Any]]]]:
    entities = sorted(graph.entities.values(), key=lambda e: e.id)
    for name, items in (
        ("documents", graph.documents),
        ("entities", entities),
        ("relations", graph.relations),
        ("merges", graph.merges),
        ("dropped", graph.dropped),
    ):
        yield name, items, map(SECTION_RECORDS[name], items)


def graph_json_record(section: str, item: Any) -> str:
    """One record of graph.json's ``section``, as written there."""
    return _ENCODE(SECTION_RECORDS[section](item))


def entity_record(raw: dict[str, Any]) -> Entity:
    """An entity as graph.json records it."""
    return _entity(raw)


def _sentence(raw: dict[str, Any]) -> Sentence:
    if "offset_runs" in raw:
        raw = dict(raw)
        raw["offsets"] = offsets_of_runs(raw.pop("offset_runs"))
    return Sentence(**raw)


def _document(raw: dict[str, Any]) -> Document:
    raw = dict(raw)
    raw["sentences"] = [_sentence(s) for s in raw["sentences"]]
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
    if data.get("format") not in READABLE_FORMATS:
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
