"""Which relation may join which classes: read from the ontology's rdfs:domain / rdfs:range.

The pipeline prunes relations with this check before anything is written, so the graph
it hands to SHACL already respects the ontology, and the build report can say what was
dropped and why.
"""

from __future__ import annotations

from functools import cache

from rdflib import OWL, RDFS, BNode, URIRef
from rdflib.collection import Collection

from kg.schema import local_name, ontology_graph, relation_property, superclass_of


def _classes_of(node: object) -> frozenset[str]:
    """Top-level entity classes named by a class IRI or an owl:unionOf of them."""
    graph = ontology_graph()
    if isinstance(node, URIRef):
        return frozenset({superclass_of(local_name(node))})
    if isinstance(node, BNode):
        members = graph.value(node, OWL.unionOf)
        if members is not None:
            return frozenset(c for m in Collection(graph, members) for c in _classes_of(m))
    return frozenset()


@cache
def domain_and_range(rel_type: str) -> tuple[frozenset[str], frozenset[str]]:
    prop = relation_property(rel_type)
    graph = ontology_graph()
    domain = frozenset(c for d in graph.objects(prop, RDFS.domain) for c in _classes_of(d))
    range_ = frozenset(c for r in graph.objects(prop, RDFS.range) for c in _classes_of(r))
    return domain, range_


def relation_allowed(rel_type: str, head_class: str, tail_class: str) -> bool:
    domain, range_ = domain_and_range(rel_type)
    return head_class in domain and tail_class in range_
