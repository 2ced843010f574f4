"""``kg build``: documents in a folder -> one validated graph -> every output format.

Every output is written, as soon as it is made, into a new build folder beside the old
one, which is switched in whole only when everything succeeded (kg.outputs.StagedFolder),
so a failed run leaves the previous build intact and no output waits in memory for the others.
"""

from __future__ import annotations

import contextlib
import csv
import gc
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from kg.constraints import relation_allowed
from kg.errors import InputError, ValidationFailure
from kg.graph.aside import Aside
from kg.graph.dropped import graph_summaries, report_totals
from kg.graph.extraction import ExtractionCache, ExtractionStats, extract_documents
from kg.graph.jsonl import dumps, entity_lines, relation_lines
from kg.graph.merge import merge_extractions
from kg.graph.patch.apply import BuildRequest, document_keys, outputs_version, patch_build, recorded_sizes
from kg.graph.patch.keyed import KeyedWriter, Layout
from kg.graph.patch.ledger import LEDGER_FILE, PLACES_FILE, ledger_of, save_places, save_units
from kg.model import Document, DocumentExtraction, KnowledgeGraph
from kg.outputs import StagedFolder, ensure_writable_dir, write_all
from kg.query.stores import GRAPH_JSON, KGLITE_FILE, STAMP_FILE, Fingerprinting, stamp_bytes
from kg.store import SECTION_KEYS, record_dict, write_graph_json_keyed
from loaders.read.formats.base import SUFFIXES as FORMAT_SUFFIXES
from loaders.read.formats.base import text_file_name

if TYPE_CHECKING:
    from kg.rdf.dataset import RdfQuads
    from kg.rdf.shacl_process import Validation
    from kg.rdf.shacl_result import ShaclResult

INPUT_SUFFIXES = (".txt", ".md", *sorted(FORMAT_SUFFIXES))
MANIFEST_NAME = "manifest.json"
METADATA_CSV = "metadata.csv"  # title, date, publisher, city, source_url per file (docs/inputs.md)


@dataclass(slots=True)
class DocumentSummary:
    name: str
    encoding: str
    characters: int
    sentences: int
    entities: int
    relations: int
    dropped: dict[str, int]
    script: str = "simplified"  # simplified, traditional (read as simplified), mixed or none


@dataclass(slots=True)
class BuildReport:
    input: str
    output: str
    documents: list[DocumentSummary]
    skipped: list[str]
    entities_per_class: dict[str, int]
    relations_per_type: dict[str, int]
    dropped: dict[str, int]  # "stage:reason" -> count
    dropped_examples: dict[str, list[str]]
    merges: int
    shacl_conforms: bool
    shacl_violations: int
    shacl_report: str
    seconds: float
    files: list[str] = field(default_factory=list)

    def to_json(self) -> bytes:
        return (json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    def to_markdown(self) -> str:
        lines = [f"# Build report\n\nInput `{self.input}`, output `{self.output}`, {self.seconds:.2f} s.\n"]
        lines.append("| document | encoding | script | characters | sentences | entities | relations | dropped |")
        lines.append("|---|---|---|---:|---:|---:|---:|---|")
        for d in self.documents:
            dropped = ", ".join(f"{k} {v}" for k, v in sorted(d.dropped.items())) or "—"
            lines.append(
                f"| {d.name} | {d.encoding} | {d.script} | {d.characters} | {d.sentences} | {d.entities} "
                f"| {d.relations} | {dropped} |"
            )
        for title, counts in (
            ("Entities per class", self.entities_per_class),
            ("Relations per type", self.relations_per_type),
            ("Dropped (stage:reason)", self.dropped),
        ):
            lines.append(f"\n## {title}\n")
            lines.extend(f"- {k}: {v}" for k, v in sorted(counts.items()))
        if self.skipped:
            lines.append("\n## Skipped inputs\n")
            lines.extend(f"- {s}" for s in self.skipped)
        verdict = "conforms" if self.shacl_conforms else f"{self.shacl_violations} violations"
        lines.append(f"\n## SHACL\n\n{verdict}; {self.merges} merges of name variants.\n")
        return "\n".join(lines) + "\n"


def discover_inputs(folder: Path) -> list[Path]:
    return scan_inputs(folder)[0]


def scan_inputs(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The documents in ``folder`` (not its subfolders), and every other entry with the
    reason it is not read; only the metadata files themselves are neither."""
    if not folder.exists():
        raise InputError(f"{folder}: input folder does not exist")
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder")
    inputs: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for p in sorted(folder.iterdir()):
        if p.name in (MANIFEST_NAME, METADATA_CSV):
            continue
        reason = _not_an_input(p)
        if reason is None:
            inputs.append(p)
        else:
            skipped.append((p, reason))
    return inputs, skipped


def _not_an_input(p: Path) -> str | None:
    if p.is_symlink():
        try:
            p.resolve(strict=True)
        except FileNotFoundError:
            return "broken symbolic link"
        except (RuntimeError, OSError):  # RuntimeError before Python 3.13, OSError(ELOOP) after
            return "symbolic link loop"
    if p.is_dir():
        return "folder (subfolders are not read)"
    if not p.is_file():
        return "not a regular file"
    if p.suffix.lower() not in INPUT_SUFFIXES:
        kind = f"{p.suffix!r}" if p.suffix else "no suffix"
        return f"unsupported file type ({kind}; read are {', '.join(INPUT_SUFFIXES)})"
    if p.name.lower() == "readme.md":
        return "read-me, not a document"
    if p.name.startswith("~$"):
        return "Office lock file (the document is open in Word), not a document"
    return None


def load_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """Titles, dates, publishers, cities and source URLs from an optional ``manifest.json``
    and/or ``metadata.csv`` beside the documents (docs/inputs.md); where both describe a
    file, each field that metadata.csv fills wins."""
    entries: dict[str, dict[str, str]] = {}
    path = folder / MANIFEST_NAME
    if path.exists():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = {d["file"]: dict(d) for d in data["documents"]}
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}: malformed manifest ({exc})") from exc
        _check_manifest_values(path, entries)
    csv_path = folder / METADATA_CSV
    if csv_path.exists():
        for name, row in _metadata_rows(csv_path).items():
            entries.setdefault(name, {}).update(row)
    return entries


# What a manifest entry may say about a document (docs/inputs.md); "url" is read as source_url.
_MANIFEST_FIELDS = ("title", "date", "publisher", "city", "source_url", "url")


def _check_manifest_values(path: Path, entries: Mapping[Any, Mapping[str, object]]) -> None:
    """Every file name and every metadata field the build reads is a string."""
    for name, entry in entries.items():
        if not isinstance(name, str):
            raise InputError(f"{path}: malformed manifest (a file name is {type(name).__name__}, not a string)")
        for field_name in _MANIFEST_FIELDS:
            value = entry.get(field_name)
            if value is not None and not isinstance(value, str):
                raise InputError(
                    f"{path}: malformed manifest ({name}: {field_name} is {type(value).__name__}, not a string)"
                )


def _metadata_rows(path: Path) -> dict[str, dict[str, str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or "file" not in reader.fieldnames:
                raise InputError(f"{path}: malformed metadata file (no 'file' column in its header)")
            rows: dict[str, dict[str, str]] = {}
            for row in reader:
                name = (row.get("file") or "").strip()
                if name:
                    rows[name] = {
                        k.strip(): v.strip()
                        for k, v in row.items()
                        if k and k.strip() != "file" and isinstance(v, str) and v.strip()
                    }
            return rows
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{path}: malformed metadata file ({exc})") from exc


def apply_manifest(document: Document, manifest: dict[str, dict[str, str]]) -> None:
    entry = manifest.get(document.name)
    if entry:
        document.title = entry.get("title") or document.title
        document.date = entry.get("date") or document.date
        document.publisher = entry.get("publisher") or document.publisher
        document.city = entry.get("city") or document.city
        document.source_url = entry.get("source_url") or entry.get("url") or document.source_url


def write_document_texts(graph: KnowledgeGraph, staged: StagedFolder) -> list[str]:
    """out/text/<name>.txt for every converted document (PDF, Word, HTML): the text its
    offsets point into (a .txt or .md input is itself that file); the names written."""
    names = []
    for document in graph.documents:
        if document.file_format:
            names.append(text_file_name(document.name))
            staged.write(names[-1], document.text.encode("utf-8"))
    return names


def extract_all(
    paths: Iterable[Path],
    manifest: dict[str, dict[str, str]],
    warn: Callable[[str], None],
    input_dir: Path | None = None,
    *,
    cache: ExtractionCache | None = None,
    workers: int = 1,
    dask_address: str | None = None,
    stats: ExtractionStats | None = None,
    progress: Callable[[list[Path]], Iterable[Path]] = lambda p: p,
) -> tuple[list[DocumentExtraction], list[str]]:
    """Every document's extraction in input order (from the cache, this process, worker
    processes or a Dask cluster: the same objects whichever), empty documents left out."""
    extractions, skipped = [], []
    runs = extract_documents(
        list(paths), cache=cache, workers=workers, dask_address=dask_address, progress=progress, stats=stats
    )
    for path, extraction in runs:
        if not extraction.document.sentences:
            detail = (
                " (no text layer: a scanned PDF? no OCR is done)" if extraction.document.file_format == "pdf" else ""
            )
            warn(f"{path}: empty document{detail}, skipped")
            skipped.append(f"{path.name}: empty{detail}")
            continue
        apply_manifest(extraction.document, manifest)
        _compact_offsets(extraction.document)
        # The outputs name a document by its place in the input folder, not by the path
        # as typed (./seeds/x.txt, /home/…/seeds/x.txt): the same input, the same bytes.
        extraction.document.path = _path_in_input(path, input_dir)
        extractions.append(extraction)
    return extractions, skipped


def _compact_offsets(document: Document) -> None:
    """Each sentence's offsets (one number per character) as a range where they run without
    a gap, as nearly all do: a list holds 36 bytes per character of the corpus (2.6 GB at
    1000× the seeds), a range 48 bytes per sentence. After extraction only the writers read
    them (kg.store.offset_runs), and a range reads as the list would."""
    for sentence in document.sentences:
        offsets = sentence.offsets
        if offsets and type(offsets) is list:
            first, n = offsets[0], len(offsets)
            if offsets[-1] - first == n - 1 and offsets == list(range(first, first + n)):
                sentence.offsets = cast("list[int]", range(first, first + n))


def _path_in_input(path: Path, input_dir: Path | None) -> str:
    if input_dir is not None and path.is_relative_to(input_dir):
        return path.relative_to(input_dir).as_posix()
    return path.name


def build_graph(extractions: list[DocumentExtraction]) -> KnowledgeGraph:
    return merge_extractions(extractions, relation_allowed)


def summaries(graph: KnowledgeGraph) -> list[DocumentSummary]:
    """Per-document counts, from one pass over entities, relations and dropped items."""
    entities: Counter[str] = Counter()
    for entity in graph.entities.values():
        entities.update({m.doc for m in entity.mentions})  # an entity counts once per document
    relations = Counter(r.evidence.doc for r in graph.relations)
    dropped: dict[str, Counter[str]] = {}
    for d in graph.dropped:
        dropped.setdefault(d.doc, Counter())[f"{d.stage}:{d.reason}"] += 1
    return [
        DocumentSummary(
            name=doc.name,
            encoding=doc.encoding,
            characters=len(doc.text),
            sentences=len(doc.sentences),
            entities=entities[doc.name],
            relations=relations[doc.name],
            dropped=dict(dropped.get(doc.name, {})),
            script=doc.script,
        )
        for doc in graph.documents
    ]


def _jsonl(records: Iterable[dict[str, object]]) -> Iterator[str]:
    return (dumps(r) + "\n" for r in records)  # one encoder for every line


RDF_FILES = ("kg.ttl", "kg.jsonld", "kg.trig", "kg.nq")


def write_rdf(
    graph: KnowledgeGraph,
    staged: StagedFolder,
    phase: Callable[[str], None] = lambda name: None,
    shacl_engine: str = "sparql",
) -> tuple[Validation, dict[str, object]]:
    """Write the RDF files (RDF_FILES) into ``staged``; the SHACL validation of what they
    hold, and kg.nq's fingerprint (for the store's stamp). The SPARQL engine validates kg.ttl
    in an interpreter of its own (kg.rdf.shacl_process) while the build goes on: its store
    beside the graph and the triples was the build's peak at 1000× the seeds."""
    from kg.rdf import dataset as rdf  # rdflib is slow to import; only a build needs it
    from kg.rdf.shacl_process import Validation

    quads = rdf.to_quads(graph)  # every triple made once; each writer streams from these lists
    with staged.open("kg.ttl") as out:  # what the validator loads: what is checked is what is written
        rdf.dump_turtle(quads, out)
    phase("rdf-triples")
    with contextlib.ExitStack() as running:  # the validator is stopped if a write fails
        validation = running.enter_context(Validation(staged.path / "kg.ttl")) if shacl_engine == "sparql" else None
        nquads = _write_rdf_files(quads, staged)
        phase("rdf-files")
        if validation is None:
            validation = Validation(done=_validate_here(quads, shacl_engine))
            phase("shacl")
        running.pop_all()
    return validation, nquads


def _validate_here(quads: RdfQuads, shacl_engine: str) -> ShaclResult:
    """pySHACL (the reference engine, to cross-check) reads the triples, in this process."""
    from kg.rdf import shacl

    result = shacl.validate(quads, shacl_engine)  # type: ignore[arg-type]
    gc.collect()  # pySHACL's graphs hold reference cycles: free them before the writers allocate
    return result


def _write_rdf_files(quads: RdfQuads, staged: StagedFolder) -> dict[str, object]:
    """RDF_FILES but kg.ttl into ``staged``; kg.nq's fingerprint."""
    from kg.rdf import dataset as rdf

    with staged.open("kg.jsonld") as out:
        rdf.dump_jsonld(quads, out)
    with staged.open("kg.trig") as out:
        rdf.dump_trig(quads, out)
    with staged.open("kg.nq") as out:
        nquads = Fingerprinting(out.write)
        rdf.dump_nquads(quads, nquads.write, scratch=staged.path)
    return nquads.fingerprint()


JSONL_FILES = ("entities.jsonl", "relations.jsonl", "merges.jsonl", "dropped.jsonl")


def jsonl_texts(graph: KnowledgeGraph) -> dict[str, Iterator[str]]:
    """The JSON Lines files (JSONL_FILES), each as its lines: entities, relations, merges, dropped items."""
    return {
        "entities.jsonl": entity_lines(graph),
        "relations.jsonl": relation_lines(graph),
        "merges.jsonl": _jsonl(record_dict(m) for m in graph.merges),
        "dropped.jsonl": _jsonl(record_dict(d) for d in graph.dropped),
    }


def _write_aside(graph: KnowledgeGraph, staged: StagedFolder) -> dict[str, bytes]:
    """What a child writes into the new build beside the RDF files and graph.json (about as
    long at 100× the seeds): the embedded Cypher graph. Written straight to disk, so nothing
    comes back through the pipe."""
    from kg.query.kglite_file import write_kglite  # kglite loads only when a build writes the store

    with staged.place(KGLITE_FILE) as path:
        write_kglite(graph, path)  # in an interpreter of its own: kglite's graph never sits beside this one
    return {}


def write_jsonl(graph: KnowledgeGraph, staged: StagedFolder) -> dict[str, Layout]:
    """The JSON Lines files (JSONL_FILES), line by line; where each line lies (one section
    "lines", keyed as graph.json's records are: kg.store.SECTION_KEYS)."""
    keyed: dict[str, tuple[Callable[[Any], Any], Sequence[Any]]] = {
        "entities.jsonl": (SECTION_KEYS["entities"], list(graph.entities.values())),
        "relations.jsonl": (SECTION_KEYS["relations"], graph.relations),
        "merges.jsonl": (SECTION_KEYS["merges"], graph.merges),
        "dropped.jsonl": (SECTION_KEYS["dropped"], graph.dropped),
    }
    layouts = {}
    for name, lines in jsonl_texts(graph).items():
        key, items = keyed[name]
        with staged.open(name) as out:
            writer = KeyedWriter(out.write)
            writer.open("lines", "")
            for item, line in zip(items, lines, strict=True):
                writer.block(key(item), line)
            writer.close()
            layouts[name] = writer.finish()
    return layouts


def write_graph_json(graph: KnowledgeGraph, staged: StagedFolder) -> tuple[dict[str, object], Layout]:
    """graph.json, written record by record; its fingerprint (for the store's stamp) and
    where each record lies (for a patch)."""
    with staged.open(GRAPH_JSON) as out:
        written = Fingerprinting(out.write)
        writer = KeyedWriter(written.write)
        write_graph_json_keyed(graph, writer)
        layout = writer.finish()
    return written.fingerprint(), layout


@dataclass(slots=True)
class BuildOptions:
    """How extraction runs; none of it changes a byte of the outputs."""

    cache_dir: Path | None = None  # None: no cache (kg.graph.extraction.default_cache_dir() is the CLI's default)
    cache_limit: int | None = None  # bytes the cache keeps after the build (least recently used go); None: no bound
    workers: int = 1  # extraction in this many processes
    dask_address: str | None = None  # extraction on this Dask scheduler instead
    # filled by build(): the extraction's counts and seconds, and seconds per phase
    stats: ExtractionStats = field(default_factory=ExtractionStats)
    phases: dict[str, float] = field(default_factory=dict)  # wall seconds
    phases_cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds of this process
    shacl_engine: str = "sparql"  # kg.rdf.shacl.ENGINES: "pyshacl" is the reference, to cross-check
    full: bool = False  # build in full even where the build before could be patched (kg.graph.patch)


def extract_as_asked(
    paths: list[Path],
    manifest: dict[str, dict[str, str]],
    warn: Callable[[str], None],
    input_dir: Path,
    options: BuildOptions,
    progress: Callable[[list[Path]], Iterable[Path]],
) -> tuple[list[DocumentExtraction], list[str]]:
    """extract_all with the options' cache, workers or Dask cluster; the cache then kept
    under its limit."""
    cache = ExtractionCache(options.cache_dir) if options.cache_dir is not None else None
    found = extract_all(
        paths,
        manifest,
        warn,
        input_dir,
        cache=cache,
        workers=options.workers,
        dask_address=options.dask_address,
        stats=options.stats,
        progress=progress,
    )
    if cache is not None and options.cache_limit is not None:
        prune_cache(cache, options.cache_limit, warn)
    return found


def prune_cache(cache: ExtractionCache, limit: int, warn: Callable[[str], None]) -> None:
    pruned = cache.prune(limit)
    if pruned.removed:
        warn(
            f"{cache.folder}: removed {pruned.removed} least recently used cache entries "
            f"({pruned.freed / 1e6:.1f} MB) to keep it under {limit / 1e6:.0f} MB"
        )


def build(
    input_dir: Path,
    out_dir: Path,
    warn: Callable[[str], None] = print,
    progress: Callable[[list[Path]], Iterable[Path]] = lambda p: p,
    options: BuildOptions | None = None,
) -> BuildReport:
    from loaders.pipeline import bulk_extraction  # (the extractor loads when a build runs)

    # The cyclic collector stays off for the whole build, as for extraction: the graph's
    # millions of objects live until the end and the writers make millions more, none in a
    # cycle (measured at 100x the seeds: the RDF triples and JSON-LD in half the time without
    # it); a forked child (kg.graph.aside) inherits the pause and never scans shared pages.
    with bulk_extraction():
        return _build(input_dir, out_dir, warn, progress, options)


def _build(
    input_dir: Path,
    out_dir: Path,
    warn: Callable[[str], None],
    progress: Callable[[list[Path]], Iterable[Path]],
    options: BuildOptions | None,
) -> BuildReport:
    options = options if options is not None else BuildOptions()
    if options.workers < 1:
        raise InputError(f"--workers {options.workers}: at least 1")
    phases, phases_cpu = options.phases, options.phases_cpu
    started = mark = time.perf_counter()
    mark_cpu = time.process_time()

    def phase(name: str) -> None:
        nonlocal mark, mark_cpu
        now, now_cpu = time.perf_counter(), time.process_time()
        phases[name], phases_cpu[name] = round(now - mark, 3), round(now_cpu - mark_cpu, 3)
        mark, mark_cpu = now, now_cpu

    paths, not_read = scan_inputs(input_dir)
    for path, reason in not_read:
        warn(f"{path}: skipped, {reason}")
    if not paths:
        raise InputError(f"{input_dir}: no documents ({', '.join(INPUT_SUFFIXES)}) in this folder")
    ensure_writable_dir(out_dir)
    manifest = load_manifest(input_dir)
    not_read_lines = [f"{path.name}: {reason}" for path, reason in not_read]
    if not options.full:
        patched = patch_build(
            BuildRequest(input_dir, out_dir, paths, not_read_lines, manifest, options, warn, progress)
        )
        if patched is not None:
            phase("patch")
            return patched
    phase("scan")
    extractions, empty = extract_as_asked(paths, manifest, warn, input_dir, options, progress)
    phase("extract")
    skipped = not_read_lines + empty
    if not extractions:
        raise InputError(f"{input_dir}: every document was empty; nothing to build")
    graph = build_graph(extractions)
    version = outputs_version()
    ledger = ledger_of(extractions, graph, document_keys(paths, manifest, version), version)
    del extractions
    phase("merge")
    # Every output is written into the new build folder as soon as it is made (kg.outputs
    # StagedFolder), which is switched in whole at the end. The embedded Cypher graph needs
    # the merged graph alone: written by a child meanwhile (kg.graph.aside), or here when
    # asked for if no child could be made.
    with StagedFolder(out_dir) as staged:
        # The ledger's units are written and let go before the outputs are made: they would
        # sit beside them, and in the forked child, at the build's peak (300 MB at 1000×).
        # (An empty file where no ledger can be made: the one of the build before must go.)
        with staged.open(LEDGER_FILE) as out:
            if ledger is not None:
                save_units(ledger, out)
        places = None if ledger is None else replace(ledger, documents={}, contributions={}, types={})
        del ledger
        with Aside(partial(_write_aside, graph, staged)) as aside:
            validation, nquads = write_rdf(graph, staged, phase, options.shacl_engine)
            with validation:
                graph_json, graph_json_layout = write_graph_json(graph, staged)
                phase("graph-json")
                layouts = write_jsonl(graph, staged)  # here: the child's kglite graph is the longer task
                phase("jsonl-files")
                shacl_result = validation.result()
                if validation.process is not None:
                    phase("shacl")  # the wait for the validator's answer
            texts = write_document_texts(graph, staged)
            report = _report(graph, input_dir, out_dir, skipped, shacl_result)
            report.files = sorted([*RDF_FILES, GRAPH_JSON, *texts, *JSONL_FILES, "report.json", "report.md"])
            phase("report")
            report.seconds = round(time.perf_counter() - started, 3)
            write_report(report, staged, out_dir)
            aside.result()
            staged.write(STAMP_FILE, stamp_bytes(nquads, graph_json))  # store/: its stamp (kg.query.stores)
            with staged.open(PLACES_FILE) as out:  # where the outputs hold what the ledger lists
                if places is not None:
                    places.layouts = {GRAPH_JSON: graph_json_layout, **layouts}
                    places.rows = {row.name: asdict(row) for row in report.documents}
                    places.sizes = recorded_sizes(staged.path)
                    save_places(places, out)
            phase("stores")
            if aside.seconds != (0.0, 0.0):  # made in the child: its seconds, for the record (not in this CPU)
                phases["aside"], phases_cpu["aside"] = (round(s, 3) for s in aside.seconds)
            staged.commit()  # the whole folder switches at once: old or new, never a mix
            phase("write")
            return report


def write_report(report: BuildReport, staged: StagedFolder, out_dir: Path) -> None:
    """report.json and report.md into the new build; ValidationFailure, with report.json
    written beside the previous outputs (which stay), when the graph breaks the shapes."""
    if not report.shacl_conforms:
        write_all(out_dir, {"report.json": report.to_json()})
        raise ValidationFailure(
            f"the graph does not conform to ontology/shapes.ttl ({report.shacl_violations} "
            f"violations); previous outputs kept, details in {out_dir / 'report.json'}"
        )
    staged.write("report.json", report.to_json())
    staged.write("report.md", report.to_markdown().encode("utf-8"))


def _report(
    graph: KnowledgeGraph, input_dir: Path, out_dir: Path, skipped: list[str], shacl_result: ShaclResult
) -> BuildReport:
    dropped, examples = report_totals(graph_summaries(graph))
    return BuildReport(
        input=str(input_dir),
        output=str(out_dir),
        documents=summaries(graph),
        skipped=skipped,
        entities_per_class=dict(Counter(e.type for e in graph.entities.values())),
        relations_per_type=dict(Counter(r.type for r in graph.relations)),
        dropped=dropped,
        dropped_examples=examples,
        merges=len(graph.merges),
        shacl_conforms=shacl_result.conforms,
        shacl_violations=shacl_result.violations,
        shacl_report="" if shacl_result.conforms else shacl_result.report_text[:20000],
        seconds=0.0,
    )
