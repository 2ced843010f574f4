"""Typed data passed between the pipeline's stages.

documents -> (loaders.reading) Document with Sentences
          -> (loaders.mentions) Mentions
          -> (loaders.resolve) Entities + MergeRecords
          -> (loaders.relations) Relations
          -> (kg.graph) KnowledgeGraph -> RDF / Neo4j / pages

Offsets are always character offsets into the decoded text of the file as read
(``Document.text``; a UTF-8 BOM is not part of it), end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# The eight top-level classes of the ontology, spelled as in ontology/innokg.ttl.
ENTITY_CLASSES: tuple[str, ...] = (
    "Laboratory",
    "LargeScientificFacility",
    "ResearchInstitute",
    "University",
    "Enterprise",
    "InnovationPlatform",
    "Place",
    "IndustryChain",
)

# The eight relation types, spelled as Neo4j relationship types.
RELATION_TYPES: tuple[str, ...] = (
    "LOCATED_IN",
    "PART_OF",
    "PART_OF_CHAIN",
    "SUPPORTS_CHAIN",
    "OPERATED_BY",
    "FOCUSES_ON",
    "COOPERATES_WITH",
    "UPSTREAM_OF",
)

SYMMETRIC_RELATIONS: frozenset[str] = frozenset({"COOPERATES_WITH"})

EntityClass = str  # one of ENTITY_CLASSES
RelationType = str  # one of RELATION_TYPES


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
    reason: str  # short machine-readable reason, e.g. "duplicate-paragraph", "advertising"
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


@dataclass(slots=True)
class Mention:
    """A typed entity mention found in one sentence."""

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


@dataclass(slots=True)
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


@dataclass(slots=True)
class DocumentExtraction:
    """What extraction found in one document."""

    document: Document
    mentions: list[Mention]
    entities: list[Entity]  # entities of this document only, mentions of this document only
    relations: list[Relation]
    merges: list[MergeRecord] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)


@dataclass(slots=True)
class KnowledgeGraph:
    """The whole graph, merged across documents."""

    documents: list[Document]
    entities: dict[str, Entity]
    relations: list[Relation]
    merges: list[MergeRecord] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
