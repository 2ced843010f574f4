"""``kg extract``: each document's JSON Lines, printed as soon as that document is done.

Memory is bounded by the largest single document, not by the corpus: a document is read,
extracted, pruned on its own (exactly as a build would), turned into its lines, and dropped
before the next one is read.

Bad input is found in two steps. Before anything is printed, every FILE is checked for what
can be known without reading it (it exists, is a regular file, has a suffix a reader takes,
can be opened), so a mistyped name or a folder prints nothing. A file whose bytes are wrong
(binary, undecodable, a broken PDF) can only be found by reading it all; it stops the
command when its turn comes, after the lines of the documents before it. Each document's
lines are written in one piece, so a consumer never sees half a document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.graph.build import build_graph
from kg.graph.jsonl import document_lines
from loaders.pipeline import bulk_extraction, extract_document
from loaders.read.decoding import READABLE_SUFFIXES
from loaders.read.formats.base import SUFFIXES as FORMAT_SUFFIXES

ACCEPTED_SUFFIXES = READABLE_SUFFIXES | FORMAT_SUFFIXES  # text, then PDF, Word, HTML


def check_inputs(files: Iterable[Path]) -> None:
    """Raise InputError for the first FILE that cannot be a document, reading no content."""
    for path in files:
        if not path.exists():
            raise InputError(f"{path}: no such file")
        if not path.is_file():
            raise InputError(f"{path}: not a regular file")
        if path.suffix.lower() not in ACCEPTED_SUFFIXES:
            expected = ", ".join(sorted(ACCEPTED_SUFFIXES))
            raise InputError(f"{path}: unsupported file type {path.suffix!r} (expected {expected})")
        try:
            path.open("rb").close()  # permissions, as the reader will meet them
        except OSError as exc:
            raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc


def document_text(path: Path, warn: Callable[[str], None]) -> str | None:
    """All JSON Lines of one document as one string; None (with a warning) when it is empty."""
    extraction = extract_document(path)
    if not extraction.document.sentences:
        warn(f"{path}: empty document, skipped")
        return None
    lines = document_lines(extraction, build_graph([extraction]))
    return "".join(line + "\n" for line in lines)


def extract_texts(
    files: list[Path], warn: Callable[[str], None], progress: Callable[[list[Path]], Iterable[Path]] | None = None
) -> Iterator[str]:
    """One string per non-empty document, in the order given; raises InputError on bad input.

    ``progress`` wraps the files once they are checked (a progress bar on stderr)."""
    check_inputs(files)
    for path in progress(files) if progress else files:
        # The cyclic collector is off while a document is extracted (its millions of small
        # acyclic objects would be rescanned for cycles that are not there) and back on
        # between documents, so the few cycles a document leaves are still collected.
        # benchmarks/extract.py --rss prints the CPU time with it on throughout, for comparison.
        with bulk_extraction():
            text = document_text(path, warn)
        if text is not None:
            yield text
