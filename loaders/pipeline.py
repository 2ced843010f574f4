"""Extraction of one document: read -> mentions -> entities -> words that point back ->
relations -> entity check -> names the tagger reads as none."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.model import DocumentExtraction
from loaders.entity_model import check_entities
from loaders.lexicon.gazetteer import default_gazetteer
from loaders.mentions.anaphors import with_anaphors
from loaders.mentions.find import find_mentions
from loaders.mentions.nested_parents import with_nested_parents
from loaders.read.document import read_document
from loaders.relations.engine import extract_relations
from loaders.resolve import build_entities
from loaders.unread_names import without_unread_names


def extract_document(path: str | Path) -> DocumentExtraction:
    """Run every extraction stage on one file; raises kg.errors.InputError on bad input.

    Each stage returns new objects and changes none it is given, so what a stage sees
    is what the one before returned: relations are read between the resolved mentions."""
    document = read_document(path)
    found = find_mentions(document)
    # A university named at the head of its unit's name is an entity too (浙江大学金华研究院).
    resolved = build_entities(with_nested_parents(document, found.mentions, default_gazetteer()))
    # Words pointing back at a resolved name (该校, 公司…) are mentions relations read, made
    # after the entities: no alias of the name.
    read = with_anaphors(document, resolved.mentions)
    related = extract_relations(document, read)
    checked = without_unread_names(
        document, check_entities(document, resolved.entities, read, related.relations), found.tagger_reading
    )
    return DocumentExtraction(
        document=document,
        mentions=checked.mentions,
        entities=checked.entities,
        relations=checked.relations,
        merges=resolved.merges,
        dropped=[*document.dropped, *found.dropped, *related.dropped, *checked.dropped],
    )


@contextmanager
def bulk_extraction() -> Iterator[None]:
    """Pause the cyclic garbage collector while many documents are extracted.

    Extraction allocates millions of small acyclic objects (sentences, offsets, mentions)
    that are all kept until the graph is written; the collector would rescan them again
    and again for cycles that do not exist (measured: about a third of the run time on
    the 10 MB benchmark). Reference counting still frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
