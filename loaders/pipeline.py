"""Extraction of one document: read -> mentions -> entities -> relations."""

from __future__ import annotations

from pathlib import Path

from kg.model import DocumentExtraction
from loaders.mentions import find_mentions
from loaders.reading import read_document
from loaders.relations import extract_relations
from loaders.resolve import build_entities


def extract_document(path: str | Path) -> DocumentExtraction:
    """Run every extraction stage on one file; raises kg.errors.InputError on bad input."""
    document = read_document(path)
    found = find_mentions(document)
    resolved = build_entities(found.mentions)
    related = extract_relations(document, found.mentions)
    return DocumentExtraction(
        document=document,
        mentions=found.mentions,
        entities=resolved.entities,
        relations=related.relations,
        merges=resolved.merges,
        dropped=[*document.dropped, *found.dropped, *related.dropped],
    )
