"""Stable identifiers and IRIs.

An entity's id depends only on its canonical name, so the same entity gets the same
id in every build and every document, whatever else changes.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from urllib.parse import quote

ONTOLOGY_IRI = "https://w3id.org/innokg/ontology#"
RESOURCE_IRI = "https://w3id.org/innokg/id/"


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def entity_id(canonical_name: str) -> str:
    """``e-`` followed by 16 hex digits of the SHA-1 of the canonical name."""
    return "e-" + _digest(canonical_name)


# The same few names recur in many relation candidates; hashing each once is enough.
cached_entity_id = lru_cache(maxsize=8192)(entity_id)


def entity_iri(eid: str) -> str:
    return f"{RESOURCE_IRI}entity/{eid}"


def _segment(doc_name: str) -> str:
    """A file name as one IRI path segment (spaces, #, ? and / percent-encoded)."""
    return quote(doc_name, safe="-._~()!*'")


def document_iri(doc_name: str) -> str:
    return f"{RESOURCE_IRI}doc/{_segment(doc_name)}"


def sentence_iri(doc_name: str, index: int) -> str:
    return f"{RESOURCE_IRI}doc/{_segment(doc_name)}/s{index}"


def relation_id(rel_type: str, head: str, tail: str, doc: str, sentence: int) -> str:
    return "r-" + _digest(rel_type, head, tail, doc, str(sentence))


def relation_iri(rid: str) -> str:
    return f"{RESOURCE_IRI}assertion/{rid}"
