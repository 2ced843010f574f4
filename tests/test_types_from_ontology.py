"""The Literal types of kg.model name exactly what ontology/innokg.ttl declares: its
top-level entity classes, its relation types (ikg:neo4jType) and which of them are
symmetric. Read straight from the Turtle file, not through kg.schema."""

from __future__ import annotations

from typing import get_args

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.collection import Collection

from kg.ids import ONTOLOGY_IRI
from kg.model import (
    ENTITY_CLASSES,
    RELATION_TYPES,
    SYMMETRIC_RELATIONS,
    EntityClass,
    RelationType,
    entity_class,
    relation_type,
)
from kg.schema import ONTOLOGY_PATH

NEO4J_TYPE = URIRef(ONTOLOGY_IRI + "neo4jType")
PROV_ENTITY = URIRef("http://www.w3.org/ns/prov#Entity")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


def _own(node: object) -> bool:
    return isinstance(node, URIRef) and str(node).startswith(ONTOLOGY_IRI)


def top_level_classes(graph: Graph) -> set[str]:
    """Classes of the ontology under no class of its own, less the provenance classes."""
    classes = {c for c in graph.subjects(RDF.type, OWL.Class) if _own(c)}
    under_own = {c for c in classes if any(_own(p) for p in graph.objects(c, RDFS.subClassOf))}
    provenance = set(graph.subjects(RDFS.subClassOf, PROV_ENTITY))
    return {str(c)[len(ONTOLOGY_IRI) :] for c in classes - under_own - provenance}


def disjoint_classes(graph: Graph) -> list[str]:
    """The owl:AllDisjointClasses list, in its order."""
    (axiom,) = graph.subjects(RDF.type, OWL.AllDisjointClasses)
    members = graph.value(axiom, OWL.members)
    return [str(m)[len(ONTOLOGY_IRI) :] for m in Collection(graph, members)]  # type: ignore[arg-type]


def relation_types(graph: Graph, kind: URIRef = OWL.ObjectProperty) -> set[str]:
    return {
        str(t) for p, t in graph.subject_objects(NEO4J_TYPE) if isinstance(t, Literal) and (p, RDF.type, kind) in graph
    }


def disagreements(graph: Graph) -> list[str]:
    """What the ontology and the model's types disagree on (empty when they agree)."""
    found = []
    if top_level_classes(graph) != set(get_args(EntityClass)):
        found.append(f"classes: ontology {sorted(top_level_classes(graph))}, model {get_args(EntityClass)}")
    if disjoint_classes(graph) != list(ENTITY_CLASSES):
        found.append(f"disjoint classes {disjoint_classes(graph)} != {ENTITY_CLASSES}")
    if relation_types(graph) != set(get_args(RelationType)):
        found.append(f"relation types: ontology {sorted(relation_types(graph))}, model {get_args(RelationType)}")
    if relation_types(graph, OWL.SymmetricProperty) != set(SYMMETRIC_RELATIONS):
        found.append(f"symmetric: {relation_types(graph, OWL.SymmetricProperty)} != {SYMMETRIC_RELATIONS}")
    return found


def test_the_model_types_are_the_ontology_terms(ontology: Graph) -> None:
    assert disagreements(ontology) == []
    assert get_args(EntityClass) == ENTITY_CLASSES and get_args(RelationType) == RELATION_TYPES


def test_a_class_or_relation_type_added_to_the_ontology_is_a_disagreement(ontology: Graph) -> None:
    changed = Graph()
    for triple in ontology:
        changed.add(triple)
    changed.add((URIRef(ONTOLOGY_IRI + "Person"), RDF.type, OWL.Class))
    prop = URIRef(ONTOLOGY_IRI + "employs")
    changed.add((prop, RDF.type, OWL.ObjectProperty))
    changed.add((prop, NEO4J_TYPE, Literal("EMPLOYS")))
    found = disagreements(changed)
    assert len(found) == 2 and "Person" in found[0] and "EMPLOYS" in found[1]


def test_a_class_removed_from_the_ontology_is_a_disagreement(ontology: Graph) -> None:
    changed = Graph()
    for s, p, o in ontology:
        if s != URIRef(ONTOLOGY_IRI + "IndustryChain"):
            changed.add((s, p, o))
    assert any(f.startswith("classes:") for f in disagreements(changed))


def test_names_become_the_types_only_when_the_ontology_has_them() -> None:
    assert entity_class("Place") == "Place" and relation_type("PART_OF") == "PART_OF"
    with pytest.raises(ValueError, match="Person"):
        entity_class("Person")
    with pytest.raises(ValueError, match="EMPLOYS"):
        relation_type("EMPLOYS")
