"""Typed data passed between the pipeline's stages.

documents -> (loaders.read.document) Document with Sentences
          -> (loaders.mentions.find) Mentions
          -> (loaders.resolve) Entities + MergeRecords
          -> (loaders.relations.engine) Relations
          -> (kg.graph.merge) KnowledgeGraph -> RDF / Neo4j / pages

Offsets are always character offsets into the decoded text of the file as read
(``Document.text``; a UTF-8 BOM is not part of it), end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, TypeGuard, get_args

from kg.errors import InputError

# The eight top-level classes of the ontology, spelled as in ontology/innokg.ttl (its
# owl:AllDisjointClasses list); tests/test_types_from_ontology.py fails when they differ.
EntityClass = Literal[
    "Laboratory",
    "LargeScientificFacility",
    "ResearchInstitute",
    "University",
    "Enterprise",
    "InnovationPlatform",
    "Place",
    "IndustryChain",
]
ENTITY_CLASSES: tuple[EntityClass, ...] = get_args(EntityClass)

# The eight relation types: the ontology's ikg:neo4jType values (same test).
RelationType = Literal[
    "LOCATED_IN",
    "PART_OF",
    "PART_OF_CHAIN",
    "SUPPORTS_CHAIN",
    "OPERATED_BY",
    "FOCUSES_ON",
    "COOPERATES_WITH",
    "UPSTREAM_OF",
]
RELATION_TYPES: tuple[RelationType, ...] = get_args(RelationType)

# The relation types whose property is an owl:SymmetricProperty (same test).
SYMMETRIC_RELATIONS: frozenset[RelationType] = frozenset({"COOPERATES_WITH"})

_ENTITY_CLASS_NAMES: frozenset[str] = frozenset(ENTITY_CLASSES)
_RELATION_TYPE_NAMES: frozenset[str] = frozenset(RELATION_TYPES)


def is_entity_class(name: str) -> TypeGuard[EntityClass]:
    return name in _ENTITY_CLASS_NAMES


def is_relation_type(name: str) -> TypeGuard[RelationType]:
    return name in _RELATION_TYPE_NAMES


def entity_class(name: str) -> EntityClass:
    """``name`` as an EntityClass. Reference data and patterns are checked when they are
    read, so an unknown name here is a bug, raised where it would enter the graph."""
    if is_entity_class(name):
        return name
    raise ValueError(f"{name!r} is not an entity class of the ontology {ENTITY_CLASSES}")


def relation_type(name: str) -> RelationType:
    """``name`` as a RelationType (ValueError, as for entity_class, when it is none)."""
    if is_relation_type(name):
        return name
    raise ValueError(f"{name!r} is not a relation type of the ontology {RELATION_TYPES}")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(slots=True)
class Sentence:
    """One sentence of a document.

    ``text`` is the cleaned text (width-normalised, broken lines rejoined, markdown
    marks removed); ``offsets[i]`` is the offset in ``Document.text`` of ``text[i]``,
    so a match at ``text[a:b]`` maps to the original span
    ``(offsets[a], offsets[b - 1] + 1)``.
    """

    doc: str  # file base name
    index: int  # position among the document's kept sentences, from 0
    start: int  # original offset of the first character
    end: int  # original offset after the last character
    text: str
    offsets: list[int]
    article: int = 0  # which article of a multi-article page (0 for the first)
    section: str | None = None  # the nearest heading above, cleaned
    section_place: str | None = None  # a place name a heading puts this sentence under
    # For a table row (tab-separated cells): the cells of its table's header row, so rules
    # can tell what each column holds (建设地点, 链主企业…); None for any other sentence.
    table_header: list[str] | None = None

    def original_span(self, a: int, b: int) -> Span:
        """Map the cleaned slice ``text[a:b]`` to offsets in the original file."""
        return Span(self.offsets[a], self.offsets[b - 1] + 1)


@dataclass(frozen=True, slots=True)
class Dropped:
    """Something a stage left out, with the reason (reported by ``kg build``)."""

    doc: str
    stage: str  # e.g. "clean", "mentions", "relations", "shacl"
    reason: str  # kg.reasons: a DropReason, alone or with its rule before it or its detail after it
    start: int | None = None
    end: int | None = None
    text: str = ""


@dataclass(slots=True)
class Article:
    """One article of a newspaper page (most documents have exactly one)."""

    index: int
    title: str
    start: int
    end: int
    # The city or district the article is about, when it can be told (e.g. "合肥市");
    # relations never put an article's entities into another article's place.
    focus_place: str | None = None


@dataclass(slots=True)
class Document:
    name: str  # file base name, e.g. "002_254ccf3dff91ce83.txt"
    path: str
    encoding: Literal["utf-8", "utf-8-sig", "gb18030", "big5"]
    text: str  # decoded text as read; all offsets point here
    sentences: list[Sentence] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    title: str | None = None
    date: str | None = None  # ISO 8601 where known
    publisher: str | None = None
    # the script the text is written in; traditional text is read as simplified, one
    # character for one, so offsets still point into ``text``
    script: Literal["simplified", "traditional", "mixed", "none"] = "simplified"
    # "pdf", "docx" or "html" for a converted file, whose ``text`` (what the reader made of
    # it) `kg build` writes to out/text/<name>.txt; None for a .txt/.md read as it is
    file_format: str | None = None
    source_url: str | None = None  # where the document was published (page or manifest)
    city: str | None = None  # the city the document is about, from the manifest


# Field metadata: False for a field derived from others, which outputs leave out.
RECORDED = "recorded"


@dataclass(frozen=True, slots=True)
class Mention:
    """A typed entity mention found in one sentence (frozen: a stage that refines one,
    such as resolution, returns a changed copy)."""

    doc: str
    sentence: int  # Sentence.index
    start: int  # original offsets
    end: int
    text: str  # Document.text[start:end]
    type: EntityClass
    subtype: str | None  # ontology subclass name, e.g. "NationalKeyLaboratory", or None
    canonical: str  # canonical name after resolution (the entity's name)
    source: str  # "gazetteer" or the name of the rule that found it
    # Where the mention sits in Sentence.text (cleaned offsets), for relation rules.
    clean_start: int = 0
    clean_end: int = 0
    # Sentence.text[clean_start:clean_end]: the name as the rules read it (simplified,
    # width-normalised), where ``text`` keeps what the file holds (京東方, ＴＣＬ). Derived,
    # so not written to the outputs (RECORDED_FIELDS); "" when the mention has no span.
    clean_text: str = field(default="", metadata={RECORDED: False})

    @property
    def written(self) -> str:
        """The written name in the form rules compare with names and cues: ``clean_text``,
        else ``text``. Rules that test a mention's own words read this, never ``text``:
        a page in traditional script must read as its simplified copy would."""
        return self.clean_text or self.text


@dataclass(slots=True)
class Entity:
    id: str  # stable id, see kg.ids
    type: EntityClass
    subtype: str | None
    name: str  # canonical name (zh)
    aliases: list[str] = field(default_factory=list)  # every other surface form seen or known
    mentions: list[Mention] = field(default_factory=list)
    name_en: str | None = None
    wikidata: str | None = None  # Wikidata QID, e.g. "Q1002323"
    division_code: str | None = None  # 12-digit (or 6-digit) administrative division code
    source: str = "gazetteer"  # "gazetteer" or the rule that first found it


@dataclass(frozen=True, slots=True)
class Evidence:
    doc: str
    sentence: int  # Sentence.index
    text: str  # the sentence's cleaned text
    start: int  # original offsets of the sentence
    end: int


@dataclass(frozen=True, slots=True)
class Relation:
    type: RelationType
    head: str  # Entity.id
    tail: str  # Entity.id
    evidence: Evidence
    rule: str  # the name of the rule that produced it
    confidence: float  # 0..1


@dataclass(frozen=True, slots=True)
class MergeRecord:
    """Why two surface forms were resolved to one entity."""

    canonical: str
    variant: str
    type: EntityClass
    reason: str  # e.g. "gazetteer-alias", "abbreviation", "suffix-variant"


# What makes two relations the same fact: one relation per key is kept in a graph.
FactKey = tuple[RelationType, str, str, str, int]  # type, head, tail, document, sentence


def fact_key(relation: Relation) -> FactKey:
    ev = relation.evidence
    return (relation.type, relation.head, relation.tail, ev.doc, ev.sentence)


def repeated_facts(relations: list[Relation]) -> list[FactKey]:
    """The keys that more than one of ``relations`` has (none in a KnowledgeGraph)."""
    seen: set[FactKey] = set()
    repeated: list[FactKey] = []
    for relation in relations:
        key = fact_key(relation)
        if key in seen:
            repeated.append(key)
        seen.add(key)
    return repeated


@dataclass(slots=True)
class DocumentExtraction:
    """What extraction found in one document."""

    document: Document
    mentions: list[Mention]
    entities: list[Entity]  # entities of this document only, mentions of this document only
    # Every relation the rules found: a fact found several times is here each time
    # (kg.graph.merge keeps one of them when the graph is made).
    relations: list[Relation]
    merges: list[MergeRecord] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)


@dataclass(slots=True)
class KnowledgeGraph:
    """The whole graph, merged across documents: one relation per fact (fact_key), which
    the constructor checks (kg.graph.merge.merge_extractions chooses it)."""

    documents: list[Document]
    entities: dict[str, Entity]
    relations: list[Relation]
    merges: list[MergeRecord] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)

    def __post_init__(self) -> None:
        check_one_per_fact(self.relations)


def check_one_per_fact(relations: list[Relation]) -> None:
    """InputError when a fact is stated twice: writers trust the graph to have one."""
    repeated = repeated_facts(relations)
    if repeated:
        raise InputError(f"{len(repeated)} relation(s) state a fact already stated, e.g. {repeated[0]}")
