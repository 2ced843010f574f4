"""kg.rdf.dataset (dataset, serialisers, evidence query) and kg.rdf.shacl on small hand-made graphs."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import pytest
from conftest_rdf_fixtures import DOC_A, DOC_B, entity, evidence, small_graph
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic, to_isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS

from kg.errors import InputError, OutputError, ValidationFailure
from kg.ids import document_iri, entity_iri, sentence_iri
from kg.model import RELATION_TYPES, KnowledgeGraph, Relation
from kg.namespace import IKG
from kg.rdf import dataset as rdf
from kg.rdf import shacl
from kg.schema import relation_property


@pytest.fixture(scope="module")
def graph() -> KnowledgeGraph:
    return small_graph()


@pytest.fixture(scope="module")
def dataset(graph: KnowledgeGraph) -> Dataset:
    return rdf.to_dataset(graph)


def _node(graph: KnowledgeGraph, name: str) -> URIRef:
    return URIRef(entity_iri(next(e.id for e in graph.entities.values() if e.name == name)))


def _named(ds: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in ds.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID}


# ---------------------------------------------------------------- modelling


def test_entities_are_described_in_the_default_graph(graph: KnowledgeGraph, dataset: Dataset) -> None:
    default = dataset.default_graph
    city = _node(graph, "甲市")
    assert set(default.objects(city, RDF.type)) == {IKG.Place, IKG.City}  # class and subclass
    assert set(default.objects(city, SKOS.prefLabel)) == {Literal("甲市", lang="zh")}
    assert set(default.objects(city, SKOS.altLabel)) == {Literal("甲", lang="zh")}
    assert set(default.objects(city, OWL.sameAs)) == {URIRef("http://www.wikidata.org/entity/Q1000001")}
    assert default.value(city, IKG.divisionCode) == Literal("340100000000")
    university = _node(graph, "丙大学")
    assert set(default.objects(university, RDF.type)) == {IKG.University}
    assert Literal("Bing University", lang="en") in set(default.objects(university, RDFS.label))
    for e in graph.entities.values():
        assert default.value(URIRef(entity_iri(e.id)), IKG.entityId) == Literal(e.id)


def test_one_named_graph_per_document_with_its_relations(graph: KnowledgeGraph, dataset: Dataset) -> None:
    named = _named(dataset)
    assert set(named) == {document_iri(DOC_A) + "/graph", document_iri(DOC_B) + "/graph"}
    for rel in graph.relations:
        doc_graph = named[document_iri(rel.evidence.doc) + "/graph"]
        triple = (URIRef(entity_iri(rel.head)), relation_property(rel.type), URIRef(entity_iri(rel.tail)))
        assert triple in doc_graph
        assert triple not in dataset.default_graph


def test_every_relation_has_a_reified_assertion_with_evidence(graph: KnowledgeGraph, dataset: Dataset) -> None:
    union = rdf.union_graph(dataset)
    for rel in graph.relations:
        node = rdf.assertion_iri(rel)
        assert union.value(node, RDF.type) == IKG.RelationAssertion
        assert union.value(node, RDF.subject) == URIRef(entity_iri(rel.head))
        assert union.value(node, RDF.predicate) == relation_property(rel.type)
        assert union.value(node, RDF.object) == URIRef(entity_iri(rel.tail))
        assert union.value(node, IKG.rule) == Literal(rel.rule)
        confidence = union.value(node, IKG.confidence)
        assert isinstance(confidence, Literal) and confidence.datatype == XSD.decimal
        assert math.isclose(float(confidence.toPython()), rel.confidence)
        sentence = union.value(node, IKG.evidence)
        assert sentence == URIRef(sentence_iri(rel.evidence.doc, rel.evidence.sentence))
        assert union.value(sentence, IKG.text) == Literal(rel.evidence.text)
        assert union.value(sentence, IKG.startOffset) == Literal(rel.evidence.start, datatype=XSD.integer)
        assert union.value(sentence, IKG.endOffset) == Literal(rel.evidence.end, datatype=XSD.integer)
        assert union.value(sentence, IKG.inDocument) == URIRef(document_iri(rel.evidence.doc))


def test_documents_carry_their_metadata(dataset: Dataset) -> None:
    default = dataset.default_graph
    doc_a, doc_b = URIRef(document_iri(DOC_A)), URIRef(document_iri(DOC_B))
    assert default.value(doc_a, IKG.fileName) == Literal(DOC_A)
    assert default.value(doc_a, DCTERMS.date) == Literal("2024-01-16", datatype=XSD.date)
    assert default.value(doc_b, DCTERMS.date) == Literal("2022-01", datatype=XSD.gYearMonth)
    assert default.value(doc_b, IKG.encoding) == Literal("gb18030")


def test_chain_segments_are_narrower_concepts(graph: KnowledgeGraph, dataset: Dataset) -> None:
    union = rdf.union_graph(dataset)
    segment, chain = _node(graph, "庚产业上游"), _node(graph, "庚产业")
    assert (segment, SKOS.broader, chain) in union
    assert union.value(chain, SKOS.inScheme) == rdf.INDUSTRY_CHAIN_SCHEME
    # a place that is part of a place is no SKOS concept
    assert (_node(graph, "甲市乙区"), SKOS.broader, _node(graph, "甲市")) not in union


def test_same_fact_found_by_two_rules_gives_one_assertion(graph: KnowledgeGraph) -> None:
    first = graph.relations[0]
    union = rdf.union_graph(rdf.to_dataset(graph))
    node = rdf.assertion_iri(first)
    assert list(union.objects(node, IKG.rule)) == [Literal(first.rule)]
    # A graph holds one relation per fact (kg.graph.merge chose it): one stated twice is refused
    # when the graph is made, and by the writer when the list was changed afterwards.
    twin = dataclasses.replace(first, rule="another-rule", confidence=0.95)
    with pytest.raises(InputError, match="already stated"):
        dataclasses.replace(graph, relations=[*graph.relations, twin])
    changed = dataclasses.replace(graph, relations=[])
    changed.relations.extend([*graph.relations, twin])
    with pytest.raises(InputError, match="already stated"):
        rdf.to_quads(changed)


# ---------------------------------------------------------------- bad input


def test_relation_to_an_unknown_entity_is_refused(graph: KnowledgeGraph) -> None:
    stray = Relation("LOCATED_IN", "e-0000000000000000", graph.relations[0].tail, graph.relations[0].evidence, "r", 1)
    with pytest.raises(InputError, match="e-0000000000000000"):
        rdf.to_dataset(dataclasses.replace(graph, relations=[stray]))


def test_unknown_relation_type_and_subtype_are_refused(graph: KnowledgeGraph) -> None:
    odd = dataclasses.replace(graph.relations[0], type="LIVES_IN")
    with pytest.raises(InputError, match="LIVES_IN"):
        rdf.to_dataset(dataclasses.replace(graph, relations=[odd]))
    wrong = entity("某地", "Place", "NationalLaboratory")
    with pytest.raises(InputError, match="某地"):
        rdf.to_dataset(KnowledgeGraph(documents=[], entities={wrong.id: wrong}, relations=[]))


def test_non_numeric_confidence_is_refused(graph: KnowledgeGraph) -> None:
    nan = dataclasses.replace(graph.relations[0], confidence=float("nan"))
    with pytest.raises(InputError, match="confidence"):
        rdf.to_dataset(dataclasses.replace(graph, relations=[nan]))


# ---------------------------------------------------------------- serialisations


SERIALISERS = {
    "turtle": rdf.serialize_turtle,
    "trig": rdf.serialize_trig,
    "nquads": rdf.serialize_nquads,
    "json-ld": rdf.serialize_jsonld,
}


@pytest.mark.parametrize("fmt", SERIALISERS)
def test_serialisation_is_byte_stable(fmt: str) -> None:
    """The same graph built in a different order serialises to the same bytes."""
    one = SERIALISERS[fmt](rdf.to_dataset(small_graph()))
    two = SERIALISERS[fmt](rdf.to_dataset(small_graph(reverse=True)))
    assert one == two
    assert one == SERIALISERS[fmt](rdf.to_dataset(small_graph()))


def test_turtle_round_trip_is_the_union_of_all_graphs(dataset: Dataset) -> None:
    parsed = Graph().parse(data=rdf.serialize_turtle(dataset), format="turtle")
    assert isomorphic(parsed, rdf.union_graph(dataset))
    assert len(parsed) == len({(s, p, o) for s, p, o, _ in dataset.quads((None, None, None, None))})


@pytest.mark.parametrize("fmt", ["trig", "nquads", "json-ld"])
def test_dataset_formats_round_trip_graph_by_graph(fmt: str, dataset: Dataset) -> None:
    parsed = Dataset()
    parsed.parse(data=SERIALISERS[fmt](dataset), format=fmt)
    assert to_isomorphic(parsed.default_graph) == to_isomorphic(dataset.default_graph)
    original, back = _named(dataset), _named(parsed)
    assert set(back) == set(original)
    for name, named in original.items():
        assert isomorphic(back[name], named), name


def test_writers_write_and_name_the_file_they_cannot_write(dataset: Dataset, tmp_path: Path) -> None:
    target = tmp_path / "kg.ttl"
    rdf.write_turtle(dataset, target)
    assert target.read_bytes() == rdf.serialize_turtle(dataset)
    rdf.write_nquads(dataset, tmp_path / "kg.nq")
    assert (tmp_path / "kg.nq").read_bytes() == rdf.serialize_nquads(dataset)
    with pytest.raises(OutputError, match="no-such-dir"):
        rdf.write_trig(dataset, tmp_path / "no-such-dir" / "kg.trig")


# ---------------------------------------------------------------- the evidence query


def test_evidence_query_returns_every_relation_with_its_sentence(graph: KnowledgeGraph, dataset: Dataset) -> None:
    rows = {row.assertion: row for row in rdf.evidence_rows(dataset)}
    assert len(rows) == len(graph.relations)
    names = {e.id: e.name for e in graph.entities.values()}
    for rel in graph.relations:
        row = rows[str(rdf.assertion_iri(rel))]
        assert (row.relation_type, row.head_name, row.tail_name) == (rel.type, names[rel.head], names[rel.tail])
        assert (row.text, row.file_name) == (rel.evidence.text, rel.evidence.doc)
        assert (row.sentence_index, row.start, row.end) == (rel.evidence.sentence, rel.evidence.start, rel.evidence.end)
        assert row.rule == rel.rule and math.isclose(row.confidence, rel.confidence)


def test_evidence_query_knows_every_relation_type(graph: KnowledgeGraph) -> None:
    """The query's VALUES block must list every type the ontology declares."""
    found = {row.relation_type for row in rdf.evidence_rows(rdf.to_dataset(graph))}
    assert found == set(RELATION_TYPES) == {r.type for r in graph.relations}


def test_evidence_query_runs_on_the_parsed_turtle_file(dataset: Dataset) -> None:
    parsed = Graph().parse(data=rdf.serialize_turtle(dataset), format="turtle")
    assert {r.assertion for r in rdf.evidence_rows(parsed)} == {r.assertion for r in rdf.evidence_rows(dataset)}


# ---------------------------------------------------------------- SHACL


def test_a_good_graph_conforms(dataset: Dataset) -> None:
    result = shacl.validate(dataset)
    assert result.conforms, result.summary()
    assert result.violations == 0 and result.results == []
    assert shacl.require_conforms(dataset).conforms


def _violations(graph: Graph | Dataset) -> shacl.ShaclResult:
    result = shacl.validate(graph)
    assert not result.conforms
    assert result.violations == len(result.results) > 0
    return result


def test_a_relation_with_the_wrong_range_fails(graph: KnowledgeGraph) -> None:
    bad = dataclasses.replace(
        graph.relations[0], tail=next(e.id for e in graph.entities.values() if e.name == "庚产业")
    )
    result = _violations(rdf.to_dataset(dataclasses.replace(graph, relations=[bad])))
    assert any(v.path == str(IKG.locatedIn) and v.component == "ClassConstraintComponent" for v in result.results)
    with pytest.raises(ValidationFailure, match="locatedIn"):
        shacl.require_conforms(rdf.to_dataset(dataclasses.replace(graph, relations=[bad])))


def test_a_relation_with_the_wrong_domain_fails(graph: KnowledgeGraph) -> None:
    """A place cannot be part of a university (PART_OF pairs like with like)."""
    by_name = {e.name: e.id for e in graph.entities.values()}
    odd = dataclasses.replace(graph.relations[0], type="PART_OF", head=by_name["甲市乙区"], tail=by_name["丙大学"])
    result = _violations(rdf.to_dataset(dataclasses.replace(graph, relations=[odd])))
    assert any(v.focus == entity_iri(by_name["甲市乙区"]) for v in result.results)


def test_an_assertion_without_evidence_fails(dataset: Dataset) -> None:
    union = rdf.union_graph(dataset)
    victim = next(union.subjects(RDF.type, IKG.RelationAssertion))
    union.remove((victim, IKG.evidence, None))
    result = _violations(union)
    assert [(v.focus, v.path) for v in result.results] == [(str(victim), str(IKG.evidence))]


def test_confidence_out_of_range_fails(graph: KnowledgeGraph) -> None:
    bad = dataclasses.replace(graph.relations[0], confidence=1.5)
    result = _violations(rdf.to_dataset(dataclasses.replace(graph, relations=[bad])))
    assert {v.path for v in result.results} == {str(IKG.confidence)}


def test_sentence_offsets_must_be_ordered(graph: KnowledgeGraph) -> None:
    ev = evidence(DOC_A, 9, "倒序的句子。", 50)
    backwards = dataclasses.replace(ev, start=ev.end, end=ev.start)
    bad = dataclasses.replace(graph.relations[0], evidence=backwards)
    result = _violations(rdf.to_dataset(dataclasses.replace(graph, relations=[bad])))
    assert {v.path for v in result.results} == {str(IKG.startOffset)}


def test_an_assertion_whose_triple_is_missing_fails(dataset: Dataset) -> None:
    union = rdf.union_graph(dataset)
    victim = next(union.subjects(RDF.type, IKG.RelationAssertion))
    triple = (union.value(victim, RDF.subject), union.value(victim, RDF.predicate), union.value(victim, RDF.object))
    union.remove(triple)  # type: ignore[arg-type]
    result = _violations(union)
    assert any(v.value == str(victim) for v in result.results)


def test_an_entity_without_a_name_fails(dataset: Dataset) -> None:
    union = rdf.union_graph(dataset)
    victim = next(union.subjects(RDF.type, IKG.University))
    union.remove((victim, SKOS.prefLabel, None))
    union.add((victim, IKG.entityId, Literal("not-an-id")))
    result = _violations(union)
    assert {v.path for v in result.results} == {str(SKOS.prefLabel), str(IKG.entityId)}
    assert {v.focus for v in result.results} == {str(victim)}
