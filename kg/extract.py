"""``kg extract``: per-document extraction printed as stable JSON Lines."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.build import build_graph
from kg.jsonl import document_lines
from loaders.pipeline import extract_document


def extract_lines(files: Iterable[Path], warn: Callable[[str], None]) -> Iterator[str]:
    """Each file is extracted and pruned on its own, exactly as a build would.

    Every file is read before the first line is printed, so a bad file among good
    ones stops the command before it writes anything.
    """
    extractions = []
    for path in files:
        extraction = extract_document(path)
        if extraction.document.sentences:
            extractions.append(extraction)
        else:
            warn(f"{path}: empty document, skipped")
    for extraction in extractions:
        yield from document_lines(extraction, build_graph([extraction]))
