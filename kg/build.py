"""``kg build``: documents in a folder -> one validated graph -> every output format.

All outputs are computed in memory first and written only when everything succeeded,
each through a temporary file and a rename (kg.outputs), so a failed run leaves the
previous build intact.
"""

from __future__ import annotations

import csv
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from kg.constraints import relation_allowed
from kg.errors import InputError, ValidationFailure
from kg.graph import merge_extractions
from kg.jsonl import graph_lines
from kg.model import Document, DocumentExtraction, KnowledgeGraph
from kg.outputs import ensure_writable_dir, replace_folder, write_all
from kg.store import graph_to_json
from loaders.formats.base import SUFFIXES as FORMAT_SUFFIXES
from loaders.formats.base import text_file_name
from loaders.pipeline import bulk_extraction, extract_document

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
        for title, counts in (("Entities per class", self.entities_per_class),
                              ("Relations per type", self.relations_per_type),
                              ("Dropped (stage:reason)", self.dropped)):
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
                raise InputError(f"{path}: malformed manifest ({name}: {field_name} is "
                                 f"{type(value).__name__}, not a string)")


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
                    rows[name] = {k.strip(): v.strip() for k, v in row.items()
                                  if k and k.strip() != "file" and isinstance(v, str) and v.strip()}
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


def document_texts(graph: KnowledgeGraph) -> dict[str, bytes]:
    """out/text/<name>.txt for every converted document (PDF, Word, HTML): the text its
    offsets point into. A .txt or .md input is itself that file."""
    return {text_file_name(d.name): d.text.encode("utf-8") for d in graph.documents if d.file_format}


def extract_all(
    paths: Iterable[Path], manifest: dict[str, dict[str, str]], warn: Callable[[str], None],
    input_dir: Path | None = None,
) -> tuple[list[DocumentExtraction], list[str]]:
    extractions, skipped = [], []
    with bulk_extraction():
        for path in paths:
            extraction = extract_document(path)
            if not extraction.document.sentences:
                detail = (" (no text layer: a scanned PDF? no OCR is done)"
                          if extraction.document.file_format == "pdf" else "")
                warn(f"{path}: empty document{detail}, skipped")
                skipped.append(f"{path.name}: empty{detail}")
                continue
            apply_manifest(extraction.document, manifest)
            # The outputs name a document by its place in the input folder, not by the path
            # as typed (./seeds/x.txt, /home/…/seeds/x.txt): the same input, the same bytes.
            extraction.document.path = _path_in_input(path, input_dir)
            extractions.append(extraction)
    return extractions, skipped


def _path_in_input(path: Path, input_dir: Path | None) -> str:
    if input_dir is not None and path.is_relative_to(input_dir):
        return path.relative_to(input_dir).as_posix()
    return path.name


def build_graph(extractions: list[DocumentExtraction]) -> KnowledgeGraph:
    return merge_extractions(extractions, relation_allowed)


def _summaries(graph: KnowledgeGraph) -> list[DocumentSummary]:
    out = []
    for doc in graph.documents:
        out.append(DocumentSummary(
            name=doc.name,
            encoding=doc.encoding,
            characters=len(doc.text),
            sentences=len(doc.sentences),
            entities=sum(1 for e in graph.entities.values() if any(m.doc == doc.name for m in e.mentions)),
            relations=sum(1 for r in graph.relations if r.evidence.doc == doc.name),
            dropped=dict(Counter(f"{d.stage}:{d.reason}" for d in graph.dropped if d.doc == doc.name)),
            script=doc.script,
        ))
    return out


def _dropped_examples(graph: KnowledgeGraph, per_reason: int = 3) -> dict[str, list[str]]:
    examples: dict[str, list[str]] = {}
    for d in graph.dropped:
        bucket = examples.setdefault(f"{d.stage}:{d.reason}", [])
        if len(bucket) < per_reason:
            bucket.append(f"{d.doc}[{d.start}:{d.end}] {d.text[:80]}")
    return examples


def _jsonl(records: Iterable[dict[str, object]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def serialise(graph: KnowledgeGraph) -> tuple[dict[str, bytes], object]:
    """Every output file's bytes, and the SHACL result."""
    from kg import rdf, shacl  # rdflib is slow to import; only a build needs it

    dataset = rdf.to_dataset(graph)
    result = shacl.validate(dataset)
    entities, relations = graph_lines(graph)
    files = {
        "kg.ttl": rdf.serialize_turtle(dataset),
        "kg.jsonld": rdf.serialize_jsonld(dataset),
        "kg.trig": rdf.serialize_trig(dataset),
        "kg.nq": rdf.serialize_nquads(dataset),
        "entities.jsonl": entities,
        "relations.jsonl": relations,
        "graph.json": json.dumps(graph_to_json(graph), ensure_ascii=False).encode("utf-8"),
        "merges.jsonl": _jsonl(asdict(m) for m in graph.merges),
        "dropped.jsonl": _jsonl(asdict(d) for d in graph.dropped),
    }
    return files, result


def build(input_dir: Path, out_dir: Path, warn: Callable[[str], None] = print,
          progress: Callable[[list[Path]], Iterable[Path]] = lambda p: p) -> BuildReport:
    started = time.perf_counter()
    paths, not_read = scan_inputs(input_dir)
    for path, reason in not_read:
        warn(f"{path}: skipped, {reason}")
    if not paths:
        raise InputError(f"{input_dir}: no documents ({', '.join(INPUT_SUFFIXES)}) in this folder")
    ensure_writable_dir(out_dir)
    extractions, empty = extract_all(progress(paths), load_manifest(input_dir), warn, input_dir)
    skipped = [f"{path.name}: {reason}" for path, reason in not_read] + empty
    if not extractions:
        raise InputError(f"{input_dir}: every document was empty; nothing to build")
    graph = build_graph(extractions)
    files, shacl_result = serialise(graph)
    files.update(document_texts(graph))  # text/<name>.txt: what the offsets of a PDF, .docx or HTML point into
    report = BuildReport(
        input=str(input_dir), output=str(out_dir),
        documents=_summaries(graph), skipped=skipped,
        entities_per_class=dict(Counter(e.type for e in graph.entities.values())),
        relations_per_type=dict(Counter(r.type for r in graph.relations)),
        dropped=dict(Counter(f"{d.stage}:{d.reason}" for d in graph.dropped)),
        dropped_examples=_dropped_examples(graph),
        merges=len(graph.merges),
        shacl_conforms=shacl_result.conforms,  # type: ignore[attr-defined]
        shacl_violations=shacl_result.violations,  # type: ignore[attr-defined]
        shacl_report="" if shacl_result.conforms else shacl_result.report_text[:20000],  # type: ignore[attr-defined]
        seconds=0.0,
        files=sorted([*files, "report.json", "report.md"]),
    )
    report.seconds = round(time.perf_counter() - started, 3)
    if not report.shacl_conforms:
        write_all(out_dir, {"report.json": report.to_json()})
        raise ValidationFailure(
            f"the graph does not conform to ontology/shapes.ttl ({report.shacl_violations} "
            f"violations); previous outputs kept, details in {out_dir / 'report.json'}"
        )
    files["report.json"] = report.to_json()
    files["report.md"] = report.to_markdown().encode("utf-8")
    replace_folder(out_dir, files)  # the whole folder switches at once: old or new, never a mix
    return report
