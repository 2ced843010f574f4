"""The SPARQL validator (kg.rdf.shacl_sparql) against pySHACL, the reference, on the seeds graph
and on copies of it each broken in one way: both engines must report the same results
(focus, path, constraint component and value) and the same verdict."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import RDF, SKOS, XSD, Graph, Literal, URIRef

from kg.cli.main import main
from kg.graph.build import BuildOptions, build, build_graph, discover_inputs, extract_all
from kg.namespace import IKG
from kg.rdf import dataset as rdf
from kg.rdf import shacl
from kg.rdf.shacl_result import ShaclResult

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
Key = tuple[str, str | None, str, str | None]


@pytest.fixture(scope="module")
def seeds_quads() -> rdf.RdfQuads:
    extractions, _ = extract_all(discover_inputs(SEEDS), {}, lambda m: None, SEEDS)
    return rdf.to_quads(build_graph(extractions))


@pytest.fixture()
def union(seeds_quads: rdf.RdfQuads) -> Graph:
    """A fresh copy of every triple of the seeds graph, for one test to break."""
    return rdf.union_graph(seeds_quads)


def keys(result: ShaclResult) -> set[Key]:
    return {(v.focus, v.path, v.component, v.value) for v in result.results}


def agree(data: rdf.RdfQuads | Graph) -> ShaclResult:
    """Both engines' results on ``data``, checked equal; the SPARQL engine's is returned."""
    ours, reference = shacl.validate(data, "sparql"), shacl.validate(data, "pyshacl")
    assert keys(ours) == keys(reference)
    assert ours.conforms == reference.conforms
    assert ours.violations == len(ours.results) == len(reference.results)
    return ours


def test_the_seeds_graph_conforms_in_both_engines(seeds_quads: rdf.RdfQuads) -> None:
    result = agree(seeds_quads)
    assert result.conforms and result.results == [] and "Conforms: True" in result.report_text


# ---------------------------------------------------------------- graphs broken one way each


def _first(g: Graph, cls: URIRef) -> URIRef:
    found = sorted(s for s in g.subjects(RDF.type, cls) if isinstance(s, URIRef))
    assert found, cls
    return found[0]


def _replace(g: Graph, node: URIRef, prop: URIRef, value: Literal | URIRef) -> None:
    g.remove((node, prop, None))
    g.add((node, prop, value))


def _link(g: Graph, head: URIRef, prop: URIRef, tail: URIRef) -> URIRef:
    g.add((head, prop, tail))
    return head


def _replacing(cls: URIRef, prop: URIRef, value: Literal) -> Callable[[Graph], URIRef]:
    """A break: the first ``cls`` node's ``prop`` becomes ``value``; that node is the focus."""

    def breaks(g: Graph) -> URIRef:
        node = _first(g, cls)
        _replace(g, node, prop, value)
        return node

    return breaks


def _adding(cls: URIRef, prop: URIRef, value: URIRef | Literal) -> Callable[[Graph], URIRef]:
    """A break: the first ``cls`` node gets one more ``prop``, ``value`` or, given a class, that
    class's first node; the ``cls`` node is the focus."""

    def breaks(g: Graph) -> URIRef:
        tail = _first(g, value) if isinstance(value, URIRef) else value
        return _link(g, _first(g, cls), prop, tail)  # type: ignore[arg-type]

    return breaks


def _missing_name(g: Graph) -> URIRef:
    node = _first(g, IKG.University)
    g.remove((node, IKG.name, None))
    return node


_two_entity_ids = _adding(IKG.University, IKG.entityId, Literal("e-0123456789abcdef"))
_offset_as_string = _replacing(IKG.Sentence, IKG.startOffset, Literal("3"))
_ill_typed_integer = _replacing(IKG.Sentence, IKG.sentenceIndex, Literal("three", datatype=XSD.integer))
_english_label = _replacing(IKG.Enterprise, SKOS.prefLabel, Literal("Some Company", lang="en"))
_encoding_not_listed = _replacing(IKG.Document, IKG.encoding, Literal("latin-1"))
_bad_entity_id = _replacing(IKG.Place, IKG.entityId, Literal("E-XYZ"))
_property_id_as_wikidata = _adding(IKG.Laboratory, IKG.wikidataId, Literal("P31"))
_empty_name = _replacing(IKG.IndustryChain, IKG.name, Literal(""))
_located_in_a_chain = _adding(IKG.Enterprise, IKG.locatedIn, IKG.IndustryChain)


def _place_located_in(g: Graph) -> URIRef:
    places = sorted(s for s in g.subjects(RDF.type, IKG.Place) if isinstance(s, URIRef))
    return _link(g, places[0], IKG.locatedIn, places[1])


_place_part_of_university = _adding(IKG.Place, IKG.partOf, IKG.University)
_cooperates_with_a_place = _adding(IKG.University, IKG.cooperatesWith, IKG.Place)
_operated_by_a_place = _adding(IKG.Laboratory, IKG.operatedBy, IKG.Place)
_university_part_of_chain = _adding(IKG.University, IKG.partOfChain, IKG.IndustryChain)
_literal_subject = _replacing(IKG.RelationAssertion, RDF.subject, Literal("not a node"))
_confidence_above_one = _replacing(IKG.RelationAssertion, IKG.confidence, Literal(Decimal("1.5"), datatype=XSD.decimal))
_confidence_as_double = _replacing(IKG.RelationAssertion, IKG.confidence, Literal(0.5, datatype=XSD.double))
_negative_index = _replacing(IKG.Sentence, IKG.sentenceIndex, Literal(-1, datatype=XSD.integer))


def _offsets_backwards(g: Graph) -> URIRef:
    node = _first(g, IKG.Sentence)
    start, end = g.value(node, IKG.startOffset), g.value(node, IKG.endOffset)
    _replace(g, node, IKG.startOffset, end)  # type: ignore[arg-type]
    _replace(g, node, IKG.endOffset, start)  # type: ignore[arg-type]
    return node


def _evidence_is_a_document(g: Graph) -> URIRef:
    node = _first(g, IKG.RelationAssertion)
    _replace(g, node, IKG.evidence, _first(g, IKG.Document))
    return node


def _asserted_triple_missing(g: Graph) -> URIRef:
    node = _first(g, IKG.RelationAssertion)
    g.remove((g.value(node, RDF.subject), g.value(node, RDF.predicate), g.value(node, RDF.object)))  # type: ignore[arg-type]
    return IKG.RelationAssertion  # the shape's target is the class; the assertion is the value


BROKEN: dict[str, tuple[Callable[[Graph], URIRef], str, URIRef | None]] = {
    # name: (how to break, the component that must fail at the returned focus, on this path)
    "missing required property": (_missing_name, "MinCountConstraintComponent", IKG.name),
    "too many values": (_two_entity_ids, "MaxCountConstraintComponent", IKG.entityId),
    "wrong datatype": (_offset_as_string, "DatatypeConstraintComponent", IKG.startOffset),
    "ill-typed literal": (_ill_typed_integer, "DatatypeConstraintComponent", IKG.sentenceIndex),
    "another datatype of number": (_confidence_as_double, "DatatypeConstraintComponent", IKG.confidence),
    "language not listed": (_english_label, "LanguageInConstraintComponent", SKOS.prefLabel),
    "value not in list": (_encoding_not_listed, "InConstraintComponent", IKG.encoding),
    "pattern mismatch": (_bad_entity_id, "PatternConstraintComponent", IKG.entityId),
    "pattern mismatch, optional property": (_property_id_as_wikidata, "PatternConstraintComponent", IKG.wikidataId),
    "empty string": (_empty_name, "MinLengthConstraintComponent", IKG.name),
    "wrong class of a relation's object": (_located_in_a_chain, "ClassConstraintComponent", IKG.locatedIn),
    "wrong class of a relation's subject (sh:or)": (_place_located_in, "OrConstraintComponent", None),
    "like with unlike (sh:or of nested shapes)": (_place_part_of_university, "OrConstraintComponent", None),
    "object not an organisation (sh:node)": (_cooperates_with_a_place, "NodeConstraintComponent", IKG.cooperatesWith),
    "object of none of the classes (sh:or on a path)": (_operated_by_a_place, "OrConstraintComponent", IKG.operatedBy),
    "subject of the wrong class (node sh:class)": (_university_part_of_chain, "ClassConstraintComponent", None),
    "literal where a node must be": (_literal_subject, "NodeKindConstraintComponent", RDF.subject),
    "number above the maximum": (_confidence_above_one, "MaxInclusiveConstraintComponent", IKG.confidence),
    "number below the minimum": (_negative_index, "MinInclusiveConstraintComponent", IKG.sentenceIndex),
    "start not before end": (_offsets_backwards, "LessThanConstraintComponent", IKG.startOffset),
    "evidence not a sentence": (_evidence_is_a_document, "ClassConstraintComponent", IKG.evidence),
    "reified triple missing (sh:sparql)": (_asserted_triple_missing, "SPARQLConstraintComponent", None),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_both_engines_report_the_same_violations(case: str, union: Graph) -> None:
    breaks, component, path = BROKEN[case]
    focus = breaks(union)
    result = agree(union)
    assert not result.conforms
    expected = (str(focus), None if path is None else str(path), component)
    assert expected in {k[:3] for k in keys(result)}, sorted(keys(result))


def test_a_subclass_instance_is_accepted_where_its_class_is_required(union: Graph) -> None:
    """sh:class ikg:Place and sh:targetClass ikg:Place see an ikg:City (a district, a zone...)
    through the ontology's rdfs:subClassOf."""
    located = {o for o in union.objects(None, IKG.locatedIn)}
    city = min(p for p in located if set(union.objects(p, RDF.type)) - {IKG.Place})
    union.remove((city, RDF.type, IKG.Place))  # only the subclass (ikg:City, ikg:District...) is left
    result = agree(union)
    assert result.conforms
    union.add((city, IKG.entityId, Literal("bad id")))  # still targeted by EntityShape through ikg:City
    assert ("PatternConstraintComponent", str(city)) in {(v.component, v.focus) for v in agree(union).results}


def test_several_breaks_at_once_are_all_reported(union: Graph) -> None:
    foci = {str(f(union)) for f in (_missing_name, _encoding_not_listed, _offsets_backwards)}
    assert foci <= {v.focus for v in agree(union).results}


def test_the_build_result_has_the_report_text_of_a_failure(union: Graph) -> None:
    _missing_name(union)
    result = shacl.validate(union)
    assert "Conforms: False" in result.report_text and "MinCountConstraintComponent" in result.report_text
    assert "exactly one non-empty ikg:name" in result.summary()


# ---------------------------------------------------------------- the build and `kg validate`


def test_a_build_with_the_reference_engine_writes_the_same_bytes(seeds_build: Path, tmp_path: Path) -> None:
    options = BuildOptions(shacl_engine="pyshacl")
    report = build(SEEDS, tmp_path, warn=lambda m: None, options=options)
    assert report.shacl_conforms and "shacl" in options.phases
    for name in ("kg.ttl", "kg.trig", "kg.nq", "kg.jsonld", "graph.json", "entities.jsonl", "relations.jsonl"):
        assert (tmp_path / name).read_bytes() == (seeds_build / name).read_bytes(), name


def test_kg_validate_runs_both_engines_and_fails_on_a_broken_graph(
    seeds_build: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--graph", str(seeds_build), "--engine", "both"]) == 0
    assert "the two engines agree" in capsys.readouterr().out
    data = json.loads((seeds_build / "graph.json").read_text(encoding="utf-8"))
    data["entities"][0]["wikidata"] = "P31"  # a property id where a Wikidata item (Q…) belongs
    (tmp_path / "graph.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["validate", "--graph", str(tmp_path), "--engine", "both"]) == 5
    captured = capsys.readouterr()
    assert "sparql: 1 violations" in captured.out and "pyshacl: 1 violations" in captured.out
    assert "wikidataId" in captured.err
