"""Turn a KnowledgeGraph into an RDF Dataset and serialise it (Turtle, TriG, N-Quads, JSON-LD).

Layout of the dataset:

* default graph: entity descriptions (type, labels, ids, Wikidata links), document
  descriptions and the SKOS concept scheme of industry chains;
* one named graph per document (``<document IRI>/graph``): the relation triples that
  document states, their reified ``ikg:RelationAssertion`` nodes and the evidence sentences.

The triples are made once (:func:`to_quads`: sorted lists, named graphs in IRI order) and
written with pyoxigraph's streaming serialisers in that order, so the same graph always
gives byte-identical output whatever order it was built in.
"""

from __future__ import annotations

import contextlib
import heapq
import io
import math
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, lru_cache
from itertools import islice
from pathlib import Path
from sys import intern
from types import SimpleNamespace
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS, PROV
from rdflib.term import Node

from kg import schema
from kg.errors import InputError
from kg.ids import (
    ONTOLOGY_IRI,
    RESOURCE_IRI,
    document_iri,
    entity_iri,
    relation_id,
    relation_iri,
    sentence_iri,
)
from kg.model import Document, Entity, Evidence, KnowledgeGraph, Relation, check_one_per_fact
from kg.namespace import IKG
from kg.outputs import write_atomic

Triple = tuple[Node, Node, Node]

WIKIDATA = Namespace("http://www.wikidata.org/entity/")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
INDUSTRY_CHAIN_SCHEME = URIRef(f"{RESOURCE_IRI}scheme/industry-chains")

PREFIXES: dict[str, str] = {
    "ikg": ONTOLOGY_IRI,
    "ent": f"{RESOURCE_IRI}entity/",
    "asr": f"{RESOURCE_IRI}assertion/",
    "doc": f"{RESOURCE_IRI}doc/",
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "schema": str(SCHEMA),
    "wd": str(WIKIDATA),
}


def _plain(namespace: object, *names: str) -> SimpleNamespace:
    """The terms ``names`` of an rdflib DefinedNamespace as plain attributes: its own
    attribute lookup runs Python code each time (~2 µs), and the triple makers below look
    terms up over a million times at 100× the seeds (~2 s of a build)."""
    return SimpleNamespace(**{name: getattr(namespace, name) for name in names})


_RDF = _plain(RDF, "type", "subject", "predicate", "object")
_RDFS = _plain(RDFS, "label")
_SKOS = _plain(SKOS, "prefLabel", "altLabel", "inScheme", "broader", "ConceptScheme")
_XSD = _plain(XSD, "integer", "decimal")
_IKG = _plain(
    IKG,
    "name",
    "entityId",
    "alias",
    "nameEn",
    "wikidataId",
    "divisionCode",
    "Document",
    "fileName",
    "encoding",
    "Sentence",
    "text",
    "startOffset",
    "endOffset",
    "sentenceIndex",
    "inDocument",
    "RelationAssertion",
    "rule",
    "confidence",
    "evidence",
)
_PROV = _plain(PROV, "wasDerivedFrom")

QID_PATTERN = re.compile(r"Q[1-9][0-9]*")
# xsd:date, xsd:gYearMonth and xsd:gYear are the precisions document dates come in.
DATE_TYPES: tuple[tuple[re.Pattern[str], URIRef], ...] = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), XSD.date),
    (re.compile(r"\d{4}-\d{2}"), XSD.gYearMonth),
    (re.compile(r"\d{4}"), XSD.gYear),
)

# For every relation: its type, both ends, the evidence sentence and where it sits.
# The VALUES block maps properties to Neo4j types so the query needs only the data
# (tests check it against the ontology's ikg:neo4jType annotations).
EVIDENCE_QUERY = """\
PREFIX ikg: <https://w3id.org/innokg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?assertion ?relationType ?head ?headName ?tail ?tailName
       ?text ?fileName ?sentenceIndex ?startOffset ?endOffset ?rule ?confidence
WHERE {
  VALUES (?property ?relationType) {
    (ikg:cooperatesWith "COOPERATES_WITH")
    (ikg:focusesOn "FOCUSES_ON")
    (ikg:locatedIn "LOCATED_IN")
    (ikg:operatedBy "OPERATED_BY")
    (ikg:partOf "PART_OF")
    (ikg:partOfChain "PART_OF_CHAIN")
    (ikg:supportsChain "SUPPORTS_CHAIN")
    (ikg:upstreamOf "UPSTREAM_OF")
  }
  ?assertion a ikg:RelationAssertion ;
      rdf:subject ?head ;
      rdf:predicate ?property ;
      rdf:object ?tail ;
      ikg:rule ?rule ;
      ikg:confidence ?confidence ;
      ikg:evidence ?sentence .
  ?head ikg:name ?headName .
  ?tail ikg:name ?tailName .
  ?sentence ikg:text ?text ;
      ikg:sentenceIndex ?sentenceIndex ;
      ikg:startOffset ?startOffset ;
      ikg:endOffset ?endOffset ;
      ikg:inDocument ?document .
  ?document ikg:fileName ?fileName .
}
ORDER BY ?fileName ?sentenceIndex ?relationType ?headName ?tailName
"""


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    """One row of EVIDENCE_QUERY: a relation with the sentence that states it."""

    assertion: str
    relation_type: str
    head: str
    head_name: str
    tail: str
    tail_name: str
    text: str
    file_name: str
    sentence_index: int
    start: int
    end: int
    rule: str
    confidence: float


def document_graph_iri(doc_name: str) -> URIRef:
    """The named graph holding one document's relations, assertions and sentences."""
    return URIRef(document_iri(doc_name) + "/graph")


# ---------------------------------------------------------------- entities and documents


@cache
def _class_terms(entity_type: str, subtype: str | None) -> tuple[URIRef, URIRef]:
    """An entity's class and most specific class: ontology lookups (triple searches in
    rdflib) made once per kind instead of once per entity."""
    return schema.class_iri(entity_type), schema.most_specific_class(entity_type, subtype)


def entity_triples(entity: Entity) -> list[Triple]:
    node = URIRef(entity_iri(entity.id))
    try:
        entity_class, rdf_class = _class_terms(entity.type, entity.subtype)
    except schema.UnknownTerm as exc:
        raise InputError(f"entity {entity.id} ({entity.name}): {exc}") from exc
    # Both the class and the subclass are asserted, so `?e a ikg:Laboratory` finds a
    # NationalLaboratory in any SPARQL store, with or without the ontology and reasoning.
    triples: list[Triple] = [
        (node, _RDF.type, entity_class),
        (node, _RDF.type, rdf_class),
        (node, _RDFS.label, Literal(entity.name, lang="zh")),
        (node, _SKOS.prefLabel, Literal(entity.name, lang="zh")),
        (node, _IKG.name, Literal(entity.name)),
        (node, _IKG.entityId, Literal(entity.id)),
    ]
    for alias in sorted(set(entity.aliases) - {entity.name}):
        triples += [(node, _SKOS.altLabel, Literal(alias, lang="zh")), (node, _IKG.alias, Literal(alias))]
    if entity.name_en:
        triples += [
            (node, _IKG.nameEn, Literal(entity.name_en)),
            (node, _RDFS.label, Literal(entity.name_en, lang="en")),
        ]
    if entity.wikidata:
        triples.append((node, _IKG.wikidataId, Literal(entity.wikidata)))
        # A malformed QID is kept as a literal (SHACL reports it) but never made an IRI.
        if QID_PATTERN.fullmatch(entity.wikidata):
            triples.append((node, OWL.sameAs, WIKIDATA[entity.wikidata]))
    if entity.division_code:
        triples.append((node, _IKG.divisionCode, Literal(entity.division_code)))
    if entity.type == "IndustryChain":
        triples.append((node, _SKOS.inScheme, INDUSTRY_CHAIN_SCHEME))
    return triples


def chain_scheme_triples() -> list[Triple]:
    return [
        (INDUSTRY_CHAIN_SCHEME, _RDF.type, _SKOS.ConceptScheme),
        (INDUSTRY_CHAIN_SCHEME, _RDFS.label, Literal("Industry chains", lang="en")),
        (INDUSTRY_CHAIN_SCHEME, _RDFS.label, Literal("产业链", lang="zh")),
    ]


def date_literal(value: str) -> Literal:
    """A typed date at the precision given (2024-01-16, 2022-01, 2023), else a plain string."""
    for pattern, datatype in DATE_TYPES:
        if pattern.fullmatch(value):
            return Literal(value, datatype=datatype)
    return Literal(value)


def document_triples(document: Document) -> list[Triple]:
    node = URIRef(document_iri(document.name))
    triples: list[Triple] = [
        (node, _RDF.type, _IKG.Document),
        (node, _IKG.fileName, Literal(document.name)),
        (node, _IKG.encoding, Literal(document.encoding)),
    ]
    if document.title:
        triples.append((node, DCTERMS.title, Literal(document.title, lang="zh")))
    if document.date:
        triples.append((node, DCTERMS.date, date_literal(document.date)))
    if document.publisher:
        triples.append((node, DCTERMS.publisher, Literal(document.publisher, lang="zh")))
    return triples


def bare_document_triples(doc_name: str) -> list[Triple]:
    """For evidence from a document the graph does not describe: its file name only."""
    node = URIRef(document_iri(doc_name))
    return [(node, _RDF.type, _IKG.Document), (node, _IKG.fileName, Literal(doc_name))]


# ---------------------------------------------------------------- relations and provenance


def confidence_literal(relation: Relation) -> Literal:
    if not math.isfinite(relation.confidence):
        raise InputError(f"relation {relation.type} {relation.head}->{relation.tail}: confidence is not a number")
    return _decimal(float(relation.confidence))


# Literals are immutable, and rdflib makes a typed one in 6-12 µs: the few distinct
# confidences and the offsets, which repeat across sentences, are made once each.
@lru_cache(maxsize=1024)
def _decimal(value: float) -> Literal:
    # repr gives the shortest exact decimal form of the float, so 0.9 stays "0.9".
    return Literal(Decimal(repr(value)), datatype=_XSD.decimal)


@lru_cache(maxsize=1 << 16)
def _integer(value: int) -> Literal:
    return Literal(value, datatype=_XSD.integer)


@lru_cache(maxsize=1 << 16)
def _sentence_node(doc: str, index: int) -> URIRef:
    return URIRef(sentence_iri(doc, index))


def sentence_triples(evidence: Evidence) -> list[Triple]:
    node = _sentence_node(evidence.doc, evidence.sentence)
    return [
        (node, _RDF.type, _IKG.Sentence),
        (node, _IKG.text, Literal(evidence.text)),
        (node, _IKG.startOffset, _integer(evidence.start)),
        (node, _IKG.endOffset, _integer(evidence.end)),
        (node, _IKG.sentenceIndex, _integer(evidence.sentence)),
        (node, _IKG.inDocument, URIRef(document_iri(evidence.doc))),
    ]


def assertion_iri(relation: Relation) -> URIRef:
    ev = relation.evidence
    return URIRef(relation_iri(relation_id(relation.type, relation.head, relation.tail, ev.doc, ev.sentence)))


def relation_triples(relation: Relation, entities: dict[str, Entity], with_sentence: bool = True) -> list[Triple]:
    """The direct triple, its reified assertion and (``with_sentence``) the evidence sentence."""
    try:
        prop = schema.relation_property(relation.type)
    except schema.UnknownTerm as exc:
        raise InputError(f"relation {relation.head}->{relation.tail}: {exc}") from exc
    for end in (relation.head, relation.tail):
        if end not in entities:
            raise InputError(f"relation {relation.type} {relation.head}->{relation.tail}: unknown entity {end}")
    head, tail = URIRef(entity_iri(relation.head)), URIRef(entity_iri(relation.tail))
    sentence = _sentence_node(relation.evidence.doc, relation.evidence.sentence)
    assertion = assertion_iri(relation)
    triples: list[Triple] = [
        (head, prop, tail),
        (assertion, _RDF.type, _IKG.RelationAssertion),
        (assertion, _RDF.subject, head),
        (assertion, _RDF.predicate, prop),
        (assertion, _RDF.object, tail),
        (assertion, _IKG.rule, Literal(relation.rule)),
        (assertion, _IKG.confidence, confidence_literal(relation)),
        (assertion, _IKG.evidence, sentence),
        (assertion, _PROV.wasDerivedFrom, sentence),
    ]
    if relation.type == "PART_OF" and _both_chains(relation, entities):
        triples.append((head, _SKOS.broader, tail))  # a segment is a narrower concept of its chain
    return triples + sentence_triples(relation.evidence) if with_sentence else triples


def _both_chains(relation: Relation, entities: dict[str, Entity]) -> bool:
    return entities[relation.head].type == entities[relation.tail].type == "IndustryChain"


def distinct_assertions(relations: list[Relation]) -> list[Relation]:
    """The relations in assertion IRI order. A graph has one relation per fact (kg.graph.merge
    chose it), so one assertion has one rule and one confidence; a list where a fact
    repeats (a graph changed after it was made) is refused with InputError."""
    check_one_per_fact(relations)
    return sorted(relations, key=assertion_iri)


# ---------------------------------------------------------------- building the quads once


def _sort_key(triple: Triple) -> tuple[str, str, str]:
    return (triple[0].n3(), triple[1].n3(), triple[2].n3())


Key = tuple[str, str, str]  # a triple's sort key: the N3 forms of its three terms


def _sorted_with_keys(triples: Iterable[Triple], forms: dict[Node, str]) -> tuple[list[Triple], list[Key]]:
    """Sorted by the terms' N3 forms, without duplicates, with each triple's key; each term's
    form is computed once (``forms`` is shared by every graph of a dataset)."""

    def form(term: Node) -> str:
        if type(term) is URIRef:
            # URIRef.n3(), interned so that the keys RdfQuads keeps share one string per IRI;
            # an rdflib-keyed dict would cost more (rdflib's __hash__ and __eq__ are Python code)
            return intern(f"<{term}>")
        text = forms.get(term)
        if text is None:
            text = forms[term] = term.n3()
        return text

    keyed = sorted(((form(t[0]), form(t[1]), form(t[2])), t) for t in set(triples))
    # a key is the triple written out, so two different triples never share one: the sort
    # never reaches the rdflib terms, and sorting the pairs is sorting by key
    return [t for _, t in keyed], [k for k, _ in keyed]


def _sorted_unique(triples: Iterable[Triple], n3: dict[Node, str] | None = None) -> list[Triple]:
    """Sorted by the terms' N3 forms, each term's form computed once (``n3`` may be shared)."""
    return _sorted_with_keys(triples, {} if n3 is None else n3)[0]


@dataclass(slots=True)
class RdfQuads:
    """The dataset as plain lists, built once per build: the default graph's triples and
    each document's named graph, every list sorted and without duplicates, named graphs in
    IRI order. Every serialiser writes from this, in this order, so the same graph always
    gives the same bytes whatever order it was built in, and no triple is inserted into
    a store only to be read out again."""

    default: list[Triple]
    named: list[tuple[URIRef, list[Triple]]]
    # the sort keys of the default graph's triples then of each named graph's, when known:
    # the union is then a merge of sorted lists instead of a sort of every triple again
    keys: list[list[Key]] | None = field(default=None, repr=False, compare=False)
    # rdflib to pyoxigraph terms, shared by every writer so that each term is converted once
    terms: OxTerms = field(default_factory=lambda: OxTerms(), repr=False, compare=False)

    def union(self) -> list[Triple]:
        """Every triple of every graph once, sorted (what kg.ttl holds)."""
        if not self.named:
            return self.default
        if self.keys is None:
            return _sorted_unique([*self.default, *(t for _, triples in self.named for t in triples)])
        return [triple for _, triple in self.union_pairs()]

    def union_pairs(self) -> Iterator[tuple[Key, Triple]]:
        """The union with each triple's key: a merge of the sorted graphs (needs ``keys``)."""
        assert self.keys is not None
        graphs = [self.default, *(triples for _, triples in self.named)]
        pairs = (zip(keys, triples, strict=True) for keys, triples in zip(self.keys, graphs, strict=True))
        last: Key | None = None
        for key, triple in heapq.merge(*pairs, key=lambda pair: pair[0]):
            if key != last:  # a triple stated in several graphs appears once
                yield key, triple
                last = key

    def ox_quads(self) -> Iterator[ox.Quad]:
        """pyoxigraph's quads of the same, made for each writer as it reads them (from
        ``terms``, each converted once): kept as a list they were 1 GB at 1000× the seeds."""
        return self.terms.quads(self)

    def __len__(self) -> int:
        return len(self.default) + sum(len(triples) for _, triples in self.named)


def _new_dataset() -> Dataset:
    ds = Dataset()
    for prefix, iri in PREFIXES.items():
        ds.bind(prefix, iri)
    return ds


def _fill(graph: Graph, triples: Iterable[Triple]) -> None:
    graph.addN((s, p, o, graph) for s, p, o in triples)


def _default_graph_triples(graph: KnowledgeGraph) -> list[Triple]:
    triples: list[Triple] = []
    for entity in graph.entities.values():
        triples += entity_triples(entity)
    if any(e.type == "IndustryChain" for e in graph.entities.values()):
        triples += chain_scheme_triples()
    described = {d.name for d in graph.documents}
    for document in graph.documents:
        triples += document_triples(document)
    for doc_name in sorted({r.evidence.doc for r in graph.relations} - described):
        triples += bare_document_triples(doc_name)
    return triples


def _document_graph_triples(graph: KnowledgeGraph) -> dict[str, list[Triple]]:
    by_document: dict[str, list[Triple]] = {}
    described: set[tuple[str, int, int, int, str]] = set()
    for relation in distinct_assertions(graph.relations):
        ev = relation.evidence
        triples = by_document.setdefault(ev.doc, [])
        triples.extend(relation_triples(relation, graph.entities, with_sentence=False))
        # A sentence states three relations on average: describe it once, not once per
        # relation only for the duplicates to be dropped when the graph is sorted.
        key = (ev.doc, ev.sentence, ev.start, ev.end, ev.text)
        if key not in described:
            described.add(key)
            triples.extend(sentence_triples(ev))
    return by_document


def to_quads(graph: KnowledgeGraph) -> RdfQuads:
    """The RDF dataset of a knowledge graph as sorted lists (raises InputError on
    inconsistent input). One pass over entities, documents and relations."""
    n3: dict[Node, str] = {}
    named = [
        (document_graph_iri(doc_name), _sorted_with_keys(triples, n3))
        for doc_name, triples in _document_graph_triples(graph).items()
    ]
    named.sort(key=lambda item: str(item[0]))
    default, default_keys = _sorted_with_keys(_default_graph_triples(graph), n3)
    return RdfQuads(
        default=default,
        named=[(iri, triples) for iri, (triples, _) in named],
        keys=[default_keys, *(keys for _, (_, keys) in named)],
    )


def to_dataset(graph: KnowledgeGraph | RdfQuads) -> Dataset:
    """The RDF dataset of a knowledge graph, as an rdflib Dataset (for callers that query
    or compare it with rdflib; the build itself writes from :func:`to_quads`)."""
    quads = graph if isinstance(graph, RdfQuads) else to_quads(graph)
    ds = _new_dataset()
    _fill(ds.default_graph, quads.default)
    for iri, triples in quads.named:
        _fill(ds.graph(iri), triples)
    return ds


def as_quads(data: RdfQuads | Dataset | Graph) -> RdfQuads:
    """Any of the three forms as RdfQuads (a Graph is a default graph alone)."""
    if isinstance(data, RdfQuads):
        return data
    if isinstance(data, Dataset):
        named = [(URIRef(str(g.identifier)), _sorted_unique(g)) for g in _named_graphs(data) if len(g)]
        return RdfQuads(default=_sorted_unique(data.default_graph), named=named)
    return RdfQuads(default=_sorted_unique(data), named=[])


# ---------------------------------------------------------------- unions and serialisers


def _named_graphs(ds: Dataset) -> list[Graph]:
    graphs = [g for g in ds.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID]
    return sorted(graphs, key=lambda g: str(g.identifier))


def union_graph(ds: RdfQuads | Dataset | Graph) -> Graph:
    """All triples of every graph of the dataset in one new rdflib graph (what kg.ttl holds)."""
    union = Graph(bind_namespaces="none")
    for prefix, iri in PREFIXES.items():
        union.bind(prefix, iri)
    if isinstance(ds, RdfQuads):
        _fill(union, ds.default)
        for _, triples in ds.named:
            _fill(union, triples)
    else:
        source = ds.quads((None, None, None, None)) if isinstance(ds, Dataset) else ds
        _fill(union, ((q[0], q[1], q[2]) for q in source))
    return union


class OxTerms:
    """rdflib terms to pyoxigraph terms, each distinct term converted once. When the
    triples' sort keys are known (RdfQuads.keys), terms are looked up by their N3 form:
    a str hashes in C, an rdflib term in Python (~3 s of lookups at 100× the seeds)."""

    def __init__(self) -> None:
        self.cache: dict[Node, object] = {}
        self.by_form: dict[str, object] = {}

    def term(self, node: Node) -> object:
        found = self.cache.get(node)
        if found is None:
            found = self.cache[node] = _ox_term(node)
        return found

    def _keyed(self, key: Key, triple: Triple) -> tuple[object, object, object]:
        forms = self.by_form
        s, p, o = forms.get(key[0]), forms.get(key[1]), forms.get(key[2])
        if s is None:
            s = forms[key[0]] = _ox_term(triple[0])
        if p is None:
            p = forms[key[1]] = _ox_term(triple[1])
        if o is None:
            o = forms[key[2]] = _ox_term(triple[2])
        return s, p, o

    def triples(self, triples: Iterable[Triple]) -> Iterator[ox.Triple]:
        term = self.term
        for s, p, o in triples:
            yield ox.Triple(term(s), term(p), term(o))  # type: ignore[arg-type]

    def keyed_triples(self, pairs: Iterable[tuple[Key, Triple]]) -> Iterator[ox.Triple]:
        for key, triple in pairs:
            yield ox.Triple(*self._keyed(key, triple))  # type: ignore[arg-type]

    def quads(self, quads: RdfQuads) -> Iterator[ox.Quad]:
        graphs: list[tuple[object, list[Triple]]] = [(ox.DefaultGraph(), quads.default)]
        graphs += [(ox.NamedNode(str(iri)), triples) for iri, triples in quads.named]
        if quads.keys is None:
            term = self.term
            for graph, triples in graphs:
                for s, p, o in triples:
                    yield ox.Quad(term(s), term(p), term(o), graph)  # type: ignore[arg-type]
            return
        for (graph, triples), keys in zip(graphs, quads.keys, strict=True):
            for key, triple in zip(keys, triples, strict=True):
                yield ox.Quad(*self._keyed(key, triple), graph)  # type: ignore[arg-type]


def _ox_term(node: Node) -> object:
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype is not None:
            return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
        return ox.Literal(str(node))
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    return ox.BlankNode(str(node))  # this data has no blank nodes; keep one stable label if one ever comes


def _ox_serialize(items: Iterable[ox.Triple] | Iterable[ox.Quad], fmt: ox.RdfFormat, prefixes: bool = True) -> bytes:
    out = io.BytesIO()
    ox.serialize(items, out, fmt, prefixes=dict(PREFIXES) if prefixes else None)
    return out.getvalue()


# Every writer is pyoxigraph's (streaming, in the order given): the default graph first,
# then each document's graph in IRI order, triples sorted within each graph.


def serialize_turtle(ds: RdfQuads | Dataset | Graph) -> bytes:
    quads = as_quads(ds)
    if quads.keys is None:
        return _ox_serialize(quads.terms.triples(quads.union()), ox.RdfFormat.TURTLE)
    return _ox_serialize(quads.terms.keyed_triples(quads.union_pairs()), ox.RdfFormat.TURTLE)


def serialize_trig(ds: RdfQuads | Dataset) -> bytes:
    return _ox_serialize(as_quads(ds).ox_quads(), ox.RdfFormat.TRIG)


def serialize_nquads(ds: RdfQuads | Dataset) -> bytes:
    # One quad a line, lines sorted: a file that diffs well and compares byte for byte.
    # No name holds the whole text, so it is freed once split; the empty last line gives the
    # final newline without copying the file again to add it (60 MB at 100× the seeds).
    text = _ox_serialize(as_quads(ds).ox_quads(), ox.RdfFormat.N_QUADS, prefixes=False)
    lines = [line for line in text.split(b"\n") if line.strip()]
    del text
    lines.sort()
    lines.append(b"")
    return b"\n".join(lines)


def serialize_jsonld(ds: RdfQuads | Dataset) -> bytes:
    # pyoxigraph's JSON-LD writer (expanded form: full IRIs), nodes in the quads' order.
    return _ox_serialize(as_quads(ds).ox_quads(), ox.RdfFormat.JSON_LD, prefixes=False) + b"\n"


# The same bytes written into an open file as they are made (kg build streams its outputs
# into the new build folder instead of holding them: kg.outputs.StagedFolder).


def dump_turtle(ds: RdfQuads | Dataset | Graph, out: BinaryIO) -> None:
    """:func:`serialize_turtle`'s bytes, written to ``out``."""
    quads = as_quads(ds)
    triples = (
        quads.terms.triples(quads.union()) if quads.keys is None else quads.terms.keyed_triples(quads.union_pairs())
    )
    ox.serialize(triples, out, ox.RdfFormat.TURTLE, prefixes=dict(PREFIXES))


def dump_trig(ds: RdfQuads | Dataset, out: BinaryIO) -> None:
    """:func:`serialize_trig`'s bytes, written to ``out``."""
    ox.serialize(as_quads(ds).ox_quads(), out, ox.RdfFormat.TRIG, prefixes=dict(PREFIXES))


def dump_jsonld(ds: RdfQuads | Dataset, out: BinaryIO) -> None:
    """:func:`serialize_jsonld`'s bytes, written to ``out``."""
    ox.serialize(as_quads(ds).ox_quads(), out, ox.RdfFormat.JSON_LD)
    out.write(b"\n")


NQUADS_RUN = 100_000  # quads sorted in memory at a time by dump_nquads


def dump_nquads(ds: RdfQuads | Dataset, write: Callable[[bytes], object], scratch: Path | None = None) -> None:
    """:func:`serialize_nquads`' bytes, through ``write``: the file is 600 MB at 1000× the
    seeds, and its text, its lines and the sorted file were all in memory at once. Here
    NQUADS_RUN quads at a time are written out, their lines sorted into a run in a temporary
    file (in ``scratch``), and the runs merged: a sort of every line, in little memory.
    Lines hold no byte below a space, so a line with its newline sorts as without it."""
    quads = as_quads(ds).ox_quads()
    with tempfile.TemporaryDirectory(prefix=".nquads-", dir=scratch) as tmp:
        runs: list[Path] = []
        while _sorted_run(Path(tmp) / str(len(runs)), islice(quads, NQUADS_RUN)):
            runs.append(Path(tmp) / str(len(runs)))
        with contextlib.ExitStack() as stack:
            files = [stack.enter_context(path.open("rb")) for path in runs]
            merged = heapq.merge(*files)
            while lines := list(islice(merged, 4096)):
                write(b"".join(lines))


def _sorted_run(path: Path, quads: Iterable[ox.Quad]) -> bool:
    """The lines of ``quads``, sorted, into ``path``; False (and no file) when there were none."""
    lines = _ox_serialize(quads, ox.RdfFormat.N_QUADS, prefixes=False).split(b"\n")
    lines = [line for line in lines if line.strip()]
    if not lines:
        return False
    lines.sort()
    lines.append(b"")  # the last line's newline
    path.write_bytes(b"\n".join(lines))
    return True


def _write(path: str | Path, data: bytes) -> None:
    # The project's one writer: a temporary file renamed when complete (kg.outputs).
    write_atomic(Path(path), data)


def write_turtle(ds: RdfQuads | Dataset | Graph, path: str | Path) -> None:
    _write(path, serialize_turtle(ds))


def write_trig(ds: RdfQuads | Dataset, path: str | Path) -> None:
    _write(path, serialize_trig(ds))


def write_nquads(ds: RdfQuads | Dataset, path: str | Path) -> None:
    _write(path, serialize_nquads(ds))


def write_jsonld(ds: RdfQuads | Dataset, path: str | Path) -> None:
    _write(path, serialize_jsonld(ds))


# ---------------------------------------------------------------- the evidence query


def _row(binding: dict[str, Node]) -> EvidenceRow:
    def text(key: str) -> str:
        return str(binding[key])

    def number(key: str) -> int:
        value = binding[key]
        return int(value.toPython()) if isinstance(value, Literal) else int(str(value))

    confidence = binding["confidence"]
    return EvidenceRow(
        assertion=text("assertion"),
        relation_type=text("relationType"),
        head=text("head"),
        head_name=text("headName"),
        tail=text("tail"),
        tail_name=text("tailName"),
        text=text("text"),
        file_name=text("fileName"),
        sentence_index=number("sentenceIndex"),
        start=number("startOffset"),
        end=number("endOffset"),
        rule=text("rule"),
        confidence=float(confidence.toPython()) if isinstance(confidence, Literal) else float(str(confidence)),
    )


def evidence_rows(ds: RdfQuads | Dataset | Graph) -> list[EvidenceRow]:
    """Run EVIDENCE_QUERY over the union of the dataset's graphs."""
    result = union_graph(ds).query(EVIDENCE_QUERY)
    return [_row({str(k): v for k, v in row.asdict().items()}) for row in result]  # type: ignore[union-attr]
