"""Read the ontology (ontology/innokg.ttl): the single source of truth for RDF terms,
Neo4j labels and Neo4j relationship types.

Everything here is derived from the Turtle file, so adding a subclass or a relation to the
ontology is enough for the RDF writer, the SHACL check and the Neo4j loader to know it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef

from kg.errors import InnoKGError, InputError
from kg.ids import ONTOLOGY_IRI
from kg.model import ENTITY_CLASSES

IKG_NS = Namespace(ONTOLOGY_IRI)
NEO4J_TYPE = IKG_NS["neo4jType"]
# kg/ontology links to the top-level ontology/ in a checkout and is that folder in a wheel.
ONTOLOGY_DIR = Path(__file__).resolve().parent / "ontology"
ONTOLOGY_PATH = ONTOLOGY_DIR / "innokg.ttl"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"


class UnknownTerm(InnoKGError, ValueError):
    """A class, subclass, relation type or term that the ontology does not define."""


def load_turtle(path: Path) -> Graph:
    """Parse a Turtle file, naming the file in the error when it is missing or malformed."""
    graph = Graph(bind_namespaces="core")
    try:
        graph.parse(path, format="turtle")
    except FileNotFoundError as exc:
        raise InputError(f"{path}: ontology file not found") from exc
    except Exception as exc:  # rdflib raises several unrelated types for bad syntax
        raise InputError(f"{path}: not valid Turtle ({exc})") from exc
    return graph


@cache
def ontology_graph() -> Graph:
    """The parsed ontology, read once per process (callers must not modify it)."""
    return load_turtle(ONTOLOGY_PATH)


def local_name(iri: URIRef) -> str:
    """``ikg:locatedIn`` -> ``locatedIn``; raises UnknownTerm outside the ontology namespace."""
    if not str(iri).startswith(ONTOLOGY_IRI):
        raise UnknownTerm(f"{iri} is not an InnoKG ontology term")
    return str(iri)[len(ONTOLOGY_IRI) :]


def terms() -> list[str]:
    """Local names of every term the ontology declares (sorted)."""
    graph = ontology_graph()
    names = {
        local_name(s)
        for s in graph.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(ONTOLOGY_IRI) and str(s) != ONTOLOGY_IRI
    }
    return sorted(n for n in names if n)


def _is_class(iri: URIRef) -> bool:
    return (iri, RDF.type, OWL.Class) in ontology_graph()


def class_iri(name: str) -> URIRef:
    """The IRI of an ontology class, e.g. ``"Laboratory"`` -> ``ikg:Laboratory``."""
    iri = IKG_NS[name]
    if not name or not _is_class(iri):
        raise UnknownTerm(f"{name!r} is not a class of the InnoKG ontology")
    return iri


@cache
def _relation_properties() -> dict[str, URIRef]:
    graph = ontology_graph()
    mapping: dict[str, URIRef] = {}
    for prop, rel_type in graph.subject_objects(NEO4J_TYPE):
        if isinstance(prop, URIRef) and isinstance(rel_type, Literal):
            mapping[str(rel_type)] = prop
    return mapping


def relation_property(rel_type: str) -> URIRef:
    """The object property of a Neo4j relationship type: ``LOCATED_IN`` -> ``ikg:locatedIn``."""
    try:
        return _relation_properties()[rel_type]
    except KeyError:
        raise UnknownTerm(f"{rel_type!r} is not a relation type of the InnoKG ontology") from None


def relation_type_of(prop: URIRef) -> str:
    """The Neo4j relationship type of an object property: ``ikg:locatedIn`` -> ``LOCATED_IN``."""
    for rel_type, candidate in _relation_properties().items():
        if candidate == prop:
            return rel_type
    raise UnknownTerm(f"{prop} has no ikg:neo4jType in the InnoKG ontology")


def relation_types() -> list[str]:
    """Every Neo4j relationship type the ontology declares (sorted)."""
    return sorted(_relation_properties())


def subclasses(entity_class: str) -> list[str]:
    """Local names of the direct ontology subclasses of ``entity_class`` (sorted)."""
    parent = class_iri(entity_class)
    return sorted(
        local_name(child)
        for child in ontology_graph().subjects(RDFS.subClassOf, parent)
        if isinstance(child, URIRef) and str(child).startswith(ONTOLOGY_IRI)
    )


def superclass_of(subtype: str) -> str:
    """The top-level entity class (one of ``ENTITY_CLASSES``) that ``subtype`` falls under.

    A top-level class is its own answer, so callers can pass a mention's subtype or type.
    """
    seen: set[str] = set()
    current = subtype
    while current not in ENTITY_CLASSES:
        if current in seen:
            raise UnknownTerm(f"{subtype!r}: cycle in rdfs:subClassOf")
        seen.add(current)
        parents = [
            local_name(p)
            for p in ontology_graph().objects(class_iri(current), RDFS.subClassOf)
            if isinstance(p, URIRef) and str(p).startswith(ONTOLOGY_IRI)
        ]
        if not parents:
            raise UnknownTerm(f"{subtype!r} is not an entity class or subclass of the ontology")
        current = parents[0]
    return current


def most_specific_class(entity_class: str, subtype: str | None) -> URIRef:
    """The class an entity is typed with in RDF: its subtype if any, else its class."""
    labels = neo4j_labels(entity_class, subtype)
    return class_iri(labels[-1])


def neo4j_labels(entity_class: str, subtype: str | None) -> list[str]:
    """Neo4j labels of an entity: its class, then its subtype (``__Entity__`` is the loader's).

    Raises UnknownTerm when the class is not top-level or the subtype is not below it.
    """
    if entity_class not in ENTITY_CLASSES:
        raise UnknownTerm(f"{entity_class!r} is not one of the entity classes {ENTITY_CLASSES}")
    class_iri(entity_class)
    if subtype is None or subtype == entity_class:
        return [entity_class]
    if superclass_of(subtype) != entity_class:
        raise UnknownTerm(f"subtype {subtype!r} is not a subclass of {entity_class!r}")
    return [entity_class, subtype]


def label(term_local_name: str, lang: str = "en") -> str:
    """The ``rdfs:label`` of an ontology term in a language (``"zh"`` or ``"en"``)."""
    iri = IKG_NS[term_local_name]
    for value in ontology_graph().objects(iri, RDFS.label):
        if isinstance(value, Literal) and value.language == lang:
            return str(value)
    raise UnknownTerm(f"{term_local_name!r} has no rdfs:label in language {lang!r}")
