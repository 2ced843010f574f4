"""The ontology file, the generated namespace module and kg.schema's readings of them."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

from kg import gen_namespace, schema
from kg.errors import InputError
from kg.ids import ONTOLOGY_IRI
from kg.model import ENTITY_CLASSES, RELATION_TYPES, SYMMETRIC_RELATIONS
from kg.namespace import IKG
from kg.rdf.shacl import shapes_graph

ONTO = schema.ontology_graph()

# The subclasses docs/annotation.md defines for each class (reference data, not answers).
ANNOTATION_SUBTYPES = {
    "Laboratory": {"NationalLaboratory", "NationalKeyLaboratory", "ProvincialLaboratory", "EngineeringLaboratory"},
    "ResearchInstitute": {"NewTypeRDInstitution"},
    "InnovationPlatform": {"TechnologyInnovationCenter", "EngineeringResearchCenter", "Incubator"},
    "Place": {"Province", "City", "District", "County", "DevelopmentZone", "ScienceCity", "Region"},
    "IndustryChain": {"FutureIndustry", "IndustrialCluster", "ChainSegment"},
}


def test_ontology_parses_and_declares_itself() -> None:
    assert (URIRef(ONTOLOGY_IRI.rstrip("#")), RDF.type, OWL.Ontology) in ONTO
    assert len(schema.terms()) > 40


def test_namespace_module_is_up_to_date() -> None:
    assert gen_namespace.is_up_to_date(), "kg/namespace.py is stale: run `python -m kg.gen_namespace`"
    assert gen_namespace.main(["--check"]) == 0


def test_check_reports_a_stale_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stale = tmp_path / "namespace.py"
    stale.write_text(gen_namespace.render_module(schema.terms()[:-1]), encoding="utf-8")
    monkeypatch.setattr(gen_namespace, "NAMESPACE_MODULE", stale)
    assert not gen_namespace.is_up_to_date(stale)
    assert gen_namespace.main(["--check"]) == 1
    assert gen_namespace.main([]) == 0  # regenerating fixes it
    assert gen_namespace.is_up_to_date(stale)


def test_rendered_module_is_sorted_and_independent_of_input_order() -> None:
    names = schema.terms()
    assert gen_namespace.render_module(names[::-1]) == gen_namespace.render_module(names)
    assert names == sorted(names)


def test_namespace_rejects_unknown_terms() -> None:
    assert IKG.locatedIn == URIRef(ONTOLOGY_IRI + "locatedIn")
    with pytest.raises(AttributeError):
        _ = IKG.locatedInn  # noqa: B018 - the typo must fail loudly


@pytest.mark.parametrize("term", schema.terms())
def test_every_term_has_zh_and_en_labels_and_a_definition(term: str) -> None:
    iri = schema.IKG_NS[term]
    labels = {lit.language for lit in ONTO.objects(iri, RDFS.label) if isinstance(lit, Literal)}
    assert {"zh", "en"} <= labels
    definitions = {lit.language for lit in ONTO.objects(iri, SKOS.definition) if isinstance(lit, Literal)}
    assert "en" in definitions


def _members(node: Node | None) -> set[str]:
    """Local names of a class expression: one class or an owl:unionOf."""
    if isinstance(node, URIRef):
        return {schema.local_name(node)}
    union = ONTO.value(node, OWL.unionOf)
    assert union is not None, f"{node} is neither a class nor a union"
    return {schema.local_name(m) for m in Collection(ONTO, union) if isinstance(m, URIRef)}


def test_relation_types_match_the_model() -> None:
    assert set(schema.relation_types()) == set(RELATION_TYPES)


@pytest.mark.parametrize("rel_type", RELATION_TYPES)
def test_every_relation_property_has_type_domain_and_range(rel_type: str) -> None:
    prop = schema.relation_property(rel_type)
    assert (prop, RDF.type, OWL.ObjectProperty) in ONTO
    assert schema.relation_type_of(prop) == rel_type
    for axis in (RDFS.domain, RDFS.range):
        classes = _members(ONTO.value(prop, axis))
        assert classes and classes <= set(ENTITY_CLASSES), f"{rel_type} {axis}: {classes}"


def test_only_cooperation_is_symmetric() -> None:
    symmetric = {schema.relation_type_of(p) for p in ONTO.subjects(RDF.type, OWL.SymmetricProperty)}  # type: ignore[arg-type]
    assert symmetric == set(SYMMETRIC_RELATIONS)


def test_located_in_points_at_places_from_anything_else() -> None:
    prop = schema.relation_property("LOCATED_IN")
    assert _members(ONTO.value(prop, RDFS.range)) == {"Place"}
    assert "Place" not in _members(ONTO.value(prop, RDFS.domain))


def test_every_relation_property_has_a_shacl_shape() -> None:
    targeted = set(shapes_graph().objects(None, SH.targetSubjectsOf))
    assert {schema.relation_property(t) for t in RELATION_TYPES} <= targeted


@pytest.mark.parametrize("entity_class", ENTITY_CLASSES)
def test_entity_classes_and_their_subclasses(entity_class: str) -> None:
    assert schema.class_iri(entity_class) == schema.IKG_NS[entity_class]
    subs = schema.subclasses(entity_class)
    assert set(subs) == ANNOTATION_SUBTYPES.get(entity_class, set())
    for sub in subs:
        assert schema.superclass_of(sub) == entity_class
        assert schema.neo4j_labels(entity_class, sub) == [entity_class, sub]
    assert schema.superclass_of(entity_class) == entity_class
    assert schema.neo4j_labels(entity_class, None) == [entity_class]


def test_alignment_with_external_vocabularies() -> None:
    prov_entity = URIRef("http://www.w3.org/ns/prov#Entity")
    org = URIRef("http://www.w3.org/ns/org#Organization")
    assert (IKG.RelationAssertion, RDFS.subClassOf, prov_entity) in ONTO
    assert (IKG.Document, RDFS.subClassOf, prov_entity) in ONTO
    assert (IKG.IndustryChain, RDFS.subClassOf, SKOS.Concept) in ONTO
    for name in ("Laboratory", "ResearchInstitute", "University", "Enterprise", "InnovationPlatform"):
        assert (schema.IKG_NS[name], RDFS.subClassOf, org) in ONTO


def test_labels_in_both_languages() -> None:
    assert schema.label("locatedIn", "en") == "located in"
    assert schema.label("Laboratory", "zh") == "实验室"
    with pytest.raises(schema.UnknownTerm):
        schema.label("Laboratory", "fr")


@pytest.mark.parametrize(
    "call",
    [
        lambda: schema.class_iri("Spaceport"),
        lambda: schema.relation_property("LIVES_IN"),
        lambda: schema.superclass_of("Spaceport"),
        lambda: schema.neo4j_labels("Place", "NationalLaboratory"),
        lambda: schema.neo4j_labels("City", None),
        lambda: schema.subclasses("Nothing"),
    ],
)
def test_unknown_terms_are_refused(call: object) -> None:
    with pytest.raises(schema.UnknownTerm):
        call()  # type: ignore[operator]


def test_bad_turtle_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "broken.ttl"
    bad.write_text("@prefix ex: <http://e/> .\nex:a ex:b", encoding="utf-8")
    with pytest.raises(InputError, match="broken.ttl"):
        schema.load_turtle(bad)
    with pytest.raises(InputError, match="missing.ttl"):
        schema.load_turtle(tmp_path / "missing.ttl")
