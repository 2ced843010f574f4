"""What a build keeps beside its outputs so that the next one can patch them.

``out/.kg-patch/ledger.pickle`` holds, per document in input order, what went into the graph
from it (the key of its bytes and metadata, the entities it names, its relations as kept,
its merge records, its row of the report); per entity, what each document said of it
(:class:`Contribution`, in document order, which kg.graph.merge folds into the entity), and
its class; and where each block of graph.json and of the JSON Lines files lies
(kg.graph.patch.keyed). It is written into the new build folder with the outputs, so it
always describes the outputs beside it.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from importlib import metadata
from pathlib import Path
from sys import intern
from typing import IO, Any

from kg.graph.dropped import DroppedSummary, dropped_summary
from kg.graph.patch.keyed import Layout
from kg.model import (
    DocumentExtraction,
    Dropped,
    Entity,
    EntityClass,
    FactKey,
    KnowledgeGraph,
    Mention,
    fact_key,
)
from loaders.read.formats.base import text_file_name

# The ledger in two files: what the graph holds per document and entity (written as soon as
# the graph is merged, and then out of the build's memory), and where the outputs hold it
# (written once they are).
LEDGER_FILE = ".kg-patch/ledger.pickle"
PLACES_FILE = ".kg-patch/places.pickle"
LEDGER_FORMAT = 1
_KG = Path(__file__).resolve().parents[2]
_OUTPUT_LIBRARIES = ("pyoxigraph", "rdflib", "kglite", "pyshacl")


# One document's entity, as the merge reads it (its mentions are in graph.json): doc, class,
# subclass, name, aliases, English name, Wikidata id, division code, source. A plain tuple
# of interned strings: a ledger holds one per entity and document, and it pickles in C.
Contribution = tuple[str, EntityClass, str | None, str, tuple[str, ...], str | None, str | None, str | None, str]


def contribution_of(doc: str, entity: Entity) -> Contribution:
    return (
        intern(doc),
        entity.type,
        entity.subtype,
        intern(entity.name),
        tuple(entity.aliases),
        entity.name_en,
        entity.wikidata,
        entity.division_code,
        entity.source,
    )


def entity_of(contribution: Contribution, eid: str, mentions: list[Mention]) -> Entity:
    """The document's entity again (``mentions``: its mentions in that document)."""
    _, entity_class, subtype, name, aliases, name_en, wikidata, division_code, source = contribution
    return Entity(
        id=eid,
        type=entity_class,
        subtype=subtype,
        name=name,
        aliases=list(aliases),
        mentions=mentions,
        name_en=name_en,
        wikidata=wikidata,
        division_code=division_code,
        source=source,
    )


@dataclass(slots=True)
class DocumentRecord:
    key: str  # kg.graph.patch.apply.document_keys: the file's name, bytes, metadata and the extractor
    entities: tuple[str, ...]  # the ids of the entities it names
    relations: tuple[FactKey, ...]  # its relations as the graph keeps them
    merges: tuple[tuple[str, str, EntityClass, str], ...]  # MergeRecord fields
    text_file: str | None  # out/text/<name>.txt for a converted file
    dropped: DroppedSummary


@dataclass(slots=True)
class BuildLedger:
    version: str  # output_version(): what the outputs depend on besides the documents
    documents: dict[str, DocumentRecord]  # in input order
    contributions: dict[str, list[Contribution]]  # per entity, in document order
    types: dict[str, tuple[EntityClass, str | None, str]]  # per entity: class, subtype, name
    # where the outputs hold it (PLACES_FILE):
    layouts: dict[str, Layout] = field(default_factory=dict)  # graph.json, *.jsonl
    sizes: dict[str, int] = field(default_factory=dict)  # the outputs' sizes (kg.graph.patch.apply.PATCHED_FILES)
    rows: dict[str, dict[str, Any]] = field(default_factory=dict)  # each document's report row (DocumentSummary)


def output_version(extractor: str) -> str:
    """A hash of the extractor's version, the code and ontology of kg/ and the libraries
    that write the outputs: a ledger of another version is never patched."""
    digest = hashlib.sha256(f"{LEDGER_FORMAT}\0{extractor}\0".encode())
    for path in sorted(p for p in _KG.rglob("*") if p.is_file() and p.suffix in (".py", ".ttl", ".json")):
        digest.update(path.relative_to(_KG).as_posix().encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    for name in _OUTPUT_LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none\0".encode())
    return digest.hexdigest()


def ledger_of(
    extractions: Iterable[DocumentExtraction], graph: KnowledgeGraph, keys: dict[str, str], version: str
) -> BuildLedger | None:
    """The ledger of a build made from ``extractions`` (in input order) into ``graph``; None
    when a patch could not vouch for it (a document names an entity twice, or states a
    relation between entities it does not name)."""
    relations: dict[str, list[FactKey]] = {}
    for relation in graph.relations:
        relations.setdefault(relation.evidence.doc, []).append(fact_key(relation))
    dropped: dict[str, list[Dropped]] = {}
    for item in graph.dropped:
        dropped.setdefault(item.doc, []).append(item)
    documents: dict[str, DocumentRecord] = {}
    contributions: dict[str, list[Contribution]] = {}
    for extraction in extractions:
        name = extraction.document.name
        named = {e.id for e in extraction.entities}
        if len(named) != len(extraction.entities) or any(
            f[1] not in named or f[2] not in named for f in relations.get(name, ())
        ):
            return None
        for entity in extraction.entities:
            contributions.setdefault(intern(entity.id), []).append(contribution_of(name, entity))
        documents[name] = record_of(extraction, keys[name], relations.get(name, ()), dropped.get(name, ()))
    types = {eid: (e.type, e.subtype, e.name) for eid, e in graph.entities.items()}
    return BuildLedger(version, documents, contributions, types)


def record_of(
    extraction: DocumentExtraction, key: str, relations: Iterable[FactKey], dropped: Iterable[Dropped]
) -> DocumentRecord:
    """What the ledger keeps of one document, ``relations`` and ``dropped`` being its own in the graph."""
    name = extraction.document.name
    return DocumentRecord(
        key,
        tuple(e.id for e in extraction.entities),
        tuple(relations),
        tuple((m.canonical, m.variant, m.type, m.reason) for m in extraction.merges),
        text_file_name(name) if extraction.document.file_format else None,
        dropped_summary(dropped),
    )


def save_units(ledger: BuildLedger, out: IO[bytes]) -> None:
    """LEDGER_FILE: the ledger but where the outputs hold it."""
    _dump(replace(ledger, layouts={}, sizes={}, rows={}), out)


def save_places(ledger: BuildLedger, out: IO[bytes]) -> None:
    """PLACES_FILE: where the outputs hold the graph."""
    _dump((ledger.layouts, ledger.sizes, ledger.rows), out)


def _dump(value: object, out: IO[bytes]) -> None:
    """``value`` into ``out``, streamed (at 1000× the seeds a ledger is 100 MB): the same
    bytes for the same build whichever way it was made (the pickler keeps no memo, so
    strings shared in one process and copied in another, as extractions from worker
    processes are, give the same bytes)."""
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True  # no memo: the ledger holds no cycles
    pickler.dump(value)


def load(folder: Path) -> BuildLedger | None:
    """The ledger of the build in ``folder``, or None when there is none or it cannot be
    read (a full build then)."""
    try:
        with (folder / LEDGER_FILE).open("rb") as handle:
            ledger = pickle.load(handle)
        with (folder / PLACES_FILE).open("rb") as handle:
            layouts, sizes, rows = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    if not isinstance(ledger, BuildLedger):
        return None
    ledger.layouts, ledger.sizes, ledger.rows = layouts, sizes, rows
    return ledger
