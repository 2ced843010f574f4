"""Why a stage left something out: the closed set of reasons of ``Dropped.reason``.

A reason is written in one of three forms (dropped.jsonl and the build report show them):

* a DropReason alone: ``duplicate-paragraph``;
* a DropReason after the name of the mention rule that judged the name:
  ``facility:generic-name``;
* a DetailedReason followed by what broke it: ``type-constraint:OPERATED_BY:Enterprise->University``,
  ``type-constraint:PART_OF:place-not-within``, ``domain-range:InnovationPlatform->Place``.

``is_known`` accepts exactly these; tests/test_drop_reasons.py checks every reason the
pipeline gives on the seeds and the real pages, so a new reason must be added here first.
"""

from __future__ import annotations

import re
from typing import Literal, get_args

from kg.model import ENTITY_CLASSES, RELATION_TYPES, EntityClass

DropReason = Literal[
    # reading (stage "clean")
    "empty-file",
    "interrupting-line",
    "duplicate-paragraph",
    "duplicate-sentence",
    "page-number",
    "separator",
    "advertising",
    "navigation",
    "spam",
    "editor-line",
    "photo-credit",
    "pinyin-annotation",
    "inline-spam",
    "symbol",
    # mentions: a rule's judgement of a name it matched (after the rule's name)
    "generic-name",
    "verb-phrase",
    "too-short",
    "too-long",
    "list",
    "industry-park",
    "kind-of-park",  # a park named in a title, counted or described (获评某某优秀产业园区)
    "faculty",  # a university's school named by its discipline alone (某某工程学院)
    "acronym-alone",
    "plain-word",
    "process-word",
    # mentions: a name the entity model scores unlikely (after "entity-model")
    "unlikely-name",
    # mentions: a name no relation holds that the name tagger reads as none (after "name-tagger")
    "unread-name",
    # mentions: a short name of another city's place
    "other-city-name",
    # mentions: another place than the document's own, named only in an official's title
    "committee-title",
    # mentions: the place of a news report's dateline ("新华社合肥5月6日电")
    "dateline-place",
    # relations and graph
    "self-relation",
    "unlikely-end",  # a learned stage's relation with a name the entity model doubts (after "entity-model")
    "city-deixis-only-locates",
    "section-place-unresolved",
    "cross-article-section-place",
    "supports-same-chain",
    "sentence-names-own-chain",
    "contradicted-direction",
    "unknown-entity",
]
DROP_REASONS: frozenset[str] = frozenset(get_args(DropReason))

# Reasons written with a detail after them.
DetailedReason = Literal["type-constraint", "domain-range"]
DETAILED_REASONS: frozenset[str] = frozenset(get_args(DetailedReason))

# Why a PART_OF between two mentions breaks its constraint (loaders.relations.class_limits).
PartOfViolation = Literal["place-not-within", "place-level-unknown", "place-level-order", "class-mismatch"]
PART_OF_VIOLATIONS: frozenset[str] = frozenset(get_args(PartOfViolation))

_RULE_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def domain_range(head: EntityClass, tail: EntityClass) -> str:
    """The reason of a relation whose ends' classes the ontology does not allow."""
    return f"domain-range:{head}->{tail}"


def _is_class_pair(text: str) -> bool:
    head, arrow, tail = text.partition("->")
    return bool(arrow) and head in ENTITY_CLASSES and tail in ENTITY_CLASSES


def _is_known_detail(kind: str, detail: str) -> bool:
    if kind == "domain-range":
        return _is_class_pair(detail)
    rel_type, _, rest = detail.partition(":")
    if rel_type == "PART_OF" and rest in PART_OF_VIOLATIONS:
        return True
    return rel_type in RELATION_TYPES and _is_class_pair(rest)


def is_known(reason: str) -> bool:
    """Whether ``reason`` is written in one of the three forms above."""
    if reason in DROP_REASONS:
        return True
    kind, _, detail = reason.partition(":")
    if kind in DETAILED_REASONS:
        return _is_known_detail(kind, detail)
    rule, _, judged = reason.rpartition(":")
    return judged in DROP_REASONS and _RULE_NAME.fullmatch(rule) is not None
