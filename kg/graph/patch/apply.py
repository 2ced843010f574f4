"""``kg build`` over a build that exists: the outputs patched instead of made again.

When the folder already holds a build with its ledger (kg.graph.patch.ledger) of this same
extractor and writer version, and a few documents were added, changed or removed (at most
PATCH_SHARE of them), only those are extracted, the units they touch are made again
(kg.graph.patch.delta) and every output is patched: graph.json and the JSON Lines files by
their recorded layouts (kg.graph.patch.keyed), the RDF files by binary search of their
sorted blocks (kg.graph.patch.sorted_rdf), the report by its rows, the embedded Cypher
graph by deleting what the touched documents held and writing their units again, and the
SHACL shapes checked on the touched units with every node they point to. The files are
the bytes a full build would write (the saved Cypher graph holds the same graph, in
kglite's own order). Anything else, or anything the patch cannot vouch for, builds in full.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import mmap
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.constraints import relation_allowed
from kg.graph.aside import Aside
from kg.graph.dropped import report_totals
from kg.graph.extraction import document_key, extractor_version
from kg.graph.jsonl import dumps, graph_entity, graph_relation
from kg.graph.patch import keyed
from kg.graph.patch.delta import GraphDelta, NeedsFullBuild, graph_delta
from kg.graph.patch.ledger import (
    LEDGER_FILE,
    PLACES_FILE,
    BuildLedger,
    load,
    output_version,
    save_places,
    save_units,
)
from kg.graph.patch.rdf import write_rdf_patch
from kg.model import Mention
from kg.outputs import StagedFolder
from kg.query.stores import GRAPH_JSON, KGLITE_FILE, STAMP_FILE, Fingerprinting, stamp_bytes
from kg.store import SECTION_KEYS, entity_record, graph_json_record, record_dict

if TYPE_CHECKING:
    from kg.graph.build import BuildOptions, BuildReport
    from kg.rdf.shacl_result import ShaclResult

PATCH_SHARE = 0.2  # more touched documents than this share of the build: a full build
# The files a patch reads and rewrites (besides out/text/ and the saved Cypher graph).
PATCHED_FILES = (
    GRAPH_JSON,
    "entities.jsonl",
    "relations.jsonl",
    "merges.jsonl",
    "dropped.jsonl",
    "kg.nq",
    "kg.ttl",
    "kg.trig",
    "kg.jsonld",
    KGLITE_FILE,
)


def document_keys(paths: Iterable[Path], manifest: dict[str, dict[str, str]], version: str) -> dict[str, str]:
    """Each document's key: its name, bytes and metadata, and the outputs' version."""
    keys = {}
    for path in paths:
        digest = hashlib.sha256(document_key(path.name, path.read_bytes(), version).encode())
        digest.update(json.dumps(manifest.get(path.name), sort_keys=True, ensure_ascii=False).encode())
        keys[path.name] = digest.hexdigest()
    return keys


def _outputs_as_recorded(out_dir: Path, ledger: BuildLedger) -> bool:
    """Every file the patch reads has the size the ledger recorded (a file changed by hand
    is never patched)."""
    for name, size in ledger.sizes.items():
        try:
            if (out_dir / name).stat().st_size != size:
                return False
        except OSError:
            return False
    return bool(ledger.sizes)


def recorded_sizes(folder: Path) -> dict[str, int]:
    """The sizes of the files a patch reads, as they are in ``folder``."""
    return {name: (folder / name).stat().st_size for name in PATCHED_FILES}


def outputs_version() -> str:
    return output_version(extractor_version())


@dataclass(frozen=True, slots=True)
class BuildRequest:
    """What kg build was asked to build (kg.graph.build gathers it)."""

    input_dir: Path
    out_dir: Path
    paths: list[Path]  # the documents, in input order
    skipped: list[str]  # entries of the input folder that are not read, with why
    manifest: dict[str, dict[str, str]]
    options: BuildOptions
    warn: Callable[[str], None]
    progress: Callable[[list[Path]], Iterable[Path]]


def patch_build(request: BuildRequest) -> BuildReport | None:
    """The build patched into the output folder; None when it must be made in full (and
    why is told through ``warn`` when a ledger was there)."""
    out_dir, warn = request.out_dir, request.warn
    ledger = load(out_dir) if request.options.shacl_engine == "sparql" else None
    if ledger is None:
        return None
    if not _outputs_as_recorded(out_dir, ledger):
        warn(f"{out_dir}: its files are not the ones its ledger describes; building in full")
        return None
    version = outputs_version()
    if ledger.version != version:
        warn(f"{out_dir}: built by another version of the extractor or writers; building in full")
        return None
    keys = document_keys(request.paths, request.manifest, version)
    touched = frozenset(
        {name for name in ledger.documents if name not in keys}
        | {name for name, key in keys.items() if name not in ledger.documents or ledger.documents[name].key != key}
    )
    if len(touched) > PATCH_SHARE * max(len(ledger.documents), 1):
        return None
    try:
        return _patch(request, ledger, keys, touched)
    except NeedsFullBuild as why:
        warn(f"{out_dir}: {why}; building in full")
        return None


def _patch(request: BuildRequest, ledger: BuildLedger, keys: dict[str, str], touched: frozenset[str]) -> BuildReport:
    from kg.graph.build import extract_as_asked, write_report

    started = time.perf_counter()
    input_dir, out_dir, paths = request.input_dir, request.out_dir, request.paths
    touched_paths = [p for p in paths if p.name in touched]
    extractions, empty = extract_as_asked(
        touched_paths, request.manifest, request.warn, input_dir, request.options, request.progress
    )
    built = {x.document.name for x in extractions}
    order = [p.name for p in paths if p.name in built or (p.name in ledger.documents and p.name not in touched)]
    if not order:
        raise NeedsFullBuild("no document is left")
    with ExitStack() as stack:
        old = _OldBuild(out_dir, ledger.layouts[GRAPH_JSON], stack)
        delta = graph_delta(ledger, order, touched, extractions, old.mentions, relation_allowed, keys)
        _same_chain_scheme(ledger, delta)
        # The saved Cypher graph (the longest part) is patched by a forked child meanwhile.
        with StagedFolder(out_dir) as staged, Aside(partial(_write_kglite, out_dir, ledger, delta, staged)) as aside:
            layouts, graph_json = _write_keyed(old, ledger, delta, staged)
            nquads, shacl = write_rdf_patch(old.bytes, ledger, delta, staged)
            texts = _write_texts(out_dir, delta, staged)
            aside.result()
            report = _report(delta, input_dir, out_dir, request.skipped + empty, shacl, texts)
            report.seconds = round(time.perf_counter() - started, 3)
            write_report(report, staged, out_dir)
            staged.write(STAMP_FILE, stamp_bytes(nquads, graph_json))
            delta.ledger.layouts = layouts
            delta.ledger.sizes = recorded_sizes(staged.path)
            with staged.open(LEDGER_FILE) as out:
                save_units(delta.ledger, out)
            with staged.open(PLACES_FILE) as out:
                save_places(delta.ledger, out)
            staged.commit()
    return report


class _OldBuild:
    """The build being patched: its files, mapped as they are needed."""

    def __init__(self, folder: Path, graph_json: keyed.Layout, stack: ExitStack) -> None:
        self.folder = folder
        self.graph_json = graph_json  # where graph.json's records lie
        self.stack = stack
        self._maps: dict[str, bytes] = {}

    def bytes(self, name: str) -> bytes:
        """The old file's bytes (mapped, not read)."""
        if name not in self._maps:
            handle = self.stack.enter_context((self.folder / name).open("rb"))
            size = os.fstat(handle.fileno()).st_size
            mapped = self.stack.enter_context(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)) if size else b""
            self._maps[name] = mapped  # type: ignore[assignment]  # an mmap reads as bytes do
        return self._maps[name]

    def record(self, layout: keyed.Layout, section: str, key: str) -> dict[str, Any] | None:
        found = layout.sections[section]
        index = bisect.bisect_left(found.keys, key)
        if index == len(found.keys) or found.keys[index] != key:
            return None
        data = self.bytes(GRAPH_JSON)
        return json.loads(data[found.starts[index] : found.ends[index]])  # type: ignore[no-any-return]

    def mentions(self, eid: str) -> list[Mention]:
        raw = self.record(self.graph_json, "entities", eid)
        return [] if raw is None else entity_record(raw).mentions


def _same_chain_scheme(ledger: BuildLedger, delta: GraphDelta) -> None:
    """The industry-chain scheme is described while any chain is: the same before and after."""

    def has_chains(types: Iterable[tuple[str, str | None, str]]) -> bool:
        return any(t[0] == "IndustryChain" for t in types)

    if has_chains(ledger.types.values()) != has_chains(delta.types.values()):
        raise NeedsFullBuild("the graph gains or loses its first industry chain")


# ---------------------------------------------------------------- graph.json and JSON Lines


def _write_keyed(
    old: _OldBuild, ledger: BuildLedger, delta: GraphDelta, staged: StagedFolder
) -> tuple[dict[str, keyed.Layout], dict[str, object]]:
    """graph.json and the JSON Lines files patched: their layouts, and graph.json's
    fingerprint (for the store's stamp)."""
    layouts = {}
    fingerprint: dict[str, object] = {}
    for name, changes in _keyed_changes(delta).items():
        layout = ledger.layouts.get(name)
        if layout is None:
            raise NeedsFullBuild(f"{name} has no recorded layout")
        with staged.open(name) as out:
            written = Fingerprinting(out.write)  # graph.json's is the stamp's; the others' go unread
            layouts[name] = keyed.rewrite(
                old.bytes(name), layout, changes, written.write if name == GRAPH_JSON else out.write
            )
        if name == GRAPH_JSON:
            fingerprint = written.fingerprint()
    return layouts, fingerprint


def _blocks(
    items: Iterable[Any], key: Callable[[Any], Any], text: Callable[[Any], str], separator: str
) -> dict[Any, str]:
    """Each key's block: the texts of its items joined."""
    blocks: dict[Any, list[str]] = {}
    for item in items:
        blocks.setdefault(key(item), []).append(text(item))
    return {k: separator.join(texts) for k, texts in blocks.items()}


def _keyed_changes(delta: GraphDelta) -> dict[str, dict[str, keyed.SectionChange]]:
    graph, touched, order = delta.graph, delta.touched, delta.order
    by_document = order.__getitem__
    dropped_keys = frozenset((run, name) for name in touched for run in (0, 1))
    entities = sorted(graph.entities.values(), key=lambda e: e.id)
    items: dict[str, list[Any]] = {
        "documents": graph.documents,
        "entities": entities,
        "relations": graph.relations,
        "dropped": graph.dropped,
    }

    def record(section: str) -> Callable[[Any], str]:
        return lambda item: graph_json_record(section, item)

    def line(make: Callable[[Any], dict[str, Any]]) -> Callable[[Any], str]:
        return lambda item: dumps(make(item)) + "\n"

    def change(section: str, text: Callable[[Any], str], separator: str) -> keyed.SectionChange:
        blocks = _blocks(items[section], SECTION_KEYS[section], text, separator)
        if section == "entities":
            return keyed.SectionChange(delta.affected, blocks)
        if section == "dropped":
            return keyed.SectionChange(dropped_keys, blocks, lambda key: (key[0], order[key[1]]))
        return keyed.SectionChange(touched, blocks, by_document)

    def merges(text: Callable[[Any], str], separator: str) -> keyed.SectionChange:
        return keyed.SectionChange(
            frozenset(), _blocks(delta.merges, SECTION_KEYS["merges"], text, separator), whole=True
        )

    graph_json = {section: change(section, record(section), ", ") for section in items}
    graph_json["merges"] = merges(record("merges"), ", ")
    lines = {
        "entities.jsonl": change("entities", line(graph_entity), ""),
        "relations.jsonl": change("relations", line(lambda r: graph_relation(r, graph)), ""),
        "merges.jsonl": merges(line(record_dict), ""),
        "dropped.jsonl": change("dropped", line(record_dict), ""),
    }
    return {GRAPH_JSON: graph_json, **{name: {"lines": c} for name, c in lines.items()}}


# ---------------------------------------------------------------- text files, the Cypher store, the report


def _write_texts(out_dir: Path, delta: GraphDelta, staged: StagedFolder) -> list[str]:
    """out/text/: the untouched documents' files linked, the touched ones written."""
    written = []
    for name, record in delta.ledger.documents.items():
        if record.text_file is None:
            continue
        written.append(record.text_file)
        if name in delta.touched:
            continue
        with staged.place(record.text_file) as target:
            os.link(out_dir / record.text_file, target)
    for document in delta.graph.documents:
        if document.file_format:
            staged.write(delta.ledger.documents[document.name].text_file or "", document.text.encode("utf-8"))
    return written


def _touched_before(ledger: BuildLedger, delta: GraphDelta) -> set[str]:
    """The touched documents the build before held."""
    return set(delta.touched & ledger.documents.keys())


def _write_kglite(out_dir: Path, ledger: BuildLedger, delta: GraphDelta, staged: StagedFolder) -> dict[str, bytes]:
    from kg.query.kglite_file import patch_kglite

    gone = sorted(delta.affected - delta.graph.entities.keys())
    facts = [
        fact for name in sorted(delta.touched & ledger.documents.keys()) for fact in ledger.documents[name].relations
    ]
    with staged.place(KGLITE_FILE) as path:
        patch_kglite(out_dir / KGLITE_FILE, path, sorted(delta.touched), facts, gone, delta.graph)
    return {}  # written in place


def _report(
    delta: GraphDelta,
    input_dir: Path,
    out_dir: Path,
    skipped: list[str],
    shacl: ShaclResult,
    texts: list[str],
) -> BuildReport:
    from kg.graph.build import JSONL_FILES, RDF_FILES, BuildReport, DocumentSummary, summaries

    for summary in summaries(delta.graph):
        delta.ledger.rows[summary.name] = asdict(summary)
    records = [delta.ledger.documents[name] for name in delta.order]
    dropped, examples = report_totals(record.dropped for record in records)
    return BuildReport(
        input=str(input_dir),
        output=str(out_dir),
        documents=[DocumentSummary(**delta.ledger.rows[name]) for name in delta.order],
        skipped=skipped,
        entities_per_class=dict(Counter(delta.types[eid][0] for eid in sorted(delta.types))),
        relations_per_type=dict(Counter(fact[0] for record in records for fact in record.relations)),
        dropped=dropped,
        dropped_examples=examples,
        merges=len(delta.merges),
        shacl_conforms=shacl.conforms,
        shacl_violations=shacl.violations,
        shacl_report="" if shacl.conforms else shacl.report_text[:20000],
        seconds=0.0,
        files=sorted([*RDF_FILES, GRAPH_JSON, *texts, *JSONL_FILES, "report.json", "report.md"]),
    )
