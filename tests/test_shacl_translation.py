"""kg.rdf.shacl_shapes / kg.rdf.shacl_terms: the translation of shapes into SPARQL is generic (shapes
other than ontology/shapes.ttl agree with pySHACL too) and refuses, naming it, every SHACL
feature it does not translate."""

from __future__ import annotations

import pytest
from rdflib import Graph

from kg.errors import InnoKGError
from kg.rdf import shacl, shacl_sparql
from kg.rdf.shacl_shapes import UnsupportedShape, parse_shapes, shapes_graph

PREFIXES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://example.org/> .
"""

DATA = (
    PREFIXES
    + """
ex:a a ex:Thing ; ex:code "AB-1" , "ab-2" ; ex:size 5 ; ex:limit 4 ; ex:day "2024-01-16"^^xsd:date ;
     ex:tag "x" , "y" , "z" , "w" ; ex:next ex:b ; ex:label "甲"@zh .
ex:b a ex:Thing ; ex:code "C-3D" , "CD-345" ; ex:size 0 ; ex:limit 9 ; ex:day "2024-13"^^xsd:date ; ex:tag "x" ;
     ex:label "b"@en-GB .
ex:c a ex:Other ; ex:code "toolongcode" ; ex:size 12 ; ex:next ex:c ; ex:label "c" .
ex:d ex:next ex:a .
ex:e a ex:Thing ; ex:code "ef-1" ; ex:size 10 ; ex:label "e"@fr .
"""
)

SHAPES = (
    PREFIXES
    + """
ex:ThingShape a sh:NodeShape ; sh:targetClass ex:Thing ;
    sh:property [ sh:path ex:code ; sh:minCount 2 ; sh:maxLength 4 ; sh:pattern "^[a-z]{2}-" ; sh:flags "i" ] ,
                [ sh:path ex:size ; sh:minExclusive 0 ; sh:maxExclusive 10 ; sh:lessThanOrEquals ex:limit ] ,
                [ sh:path ex:tag ; sh:maxCount 3 ] ,
                [ sh:path ex:day ; sh:datatype xsd:date ] ,
                [ sh:path ex:label ; sh:languageIn ( "en" "zh" ) ; sh:nodeKind sh:Literal ] .
ex:NextShape a sh:NodeShape ; sh:targetObjectsOf ex:next ;
    sh:xone ( [ sh:class ex:Thing ] [ sh:property [ sh:path ex:code ; sh:minCount 1 ] ] ) ;
    sh:not [ sh:class ex:Other ] .
ex:BothShape a sh:NodeShape ; sh:targetNode ex:c , ex:d ;
    sh:and ( [ sh:property [ sh:path ex:size ; sh:maxCount 1 ] ] [ sh:nodeKind sh:IRI ] ) ;
    sh:property [ sh:path ex:next ; sh:node ex:ThingShapeLite ] .
ex:ThingShapeLite a sh:NodeShape ; sh:class ex:Thing .
"""
)


def test_shapes_other_than_ours_agree_with_pyshacl() -> None:
    data, shapes = Graph().parse(data=DATA, format="turtle"), Graph().parse(data=SHAPES, format="turtle")
    ours = shacl_sparql.validate(data, shapes=shapes)
    reference = shacl.validate_pyshacl(data, shapes=shapes)
    found = {(v.focus, v.path, v.component, v.value) for v in ours.results}
    assert found == {(v.focus, v.path, v.component, v.value) for v in reference.results}
    components = {v.component for v in ours.results}
    assert {
        "MaxLengthConstraintComponent",
        "MinExclusiveConstraintComponent",
        "MaxExclusiveConstraintComponent",
        "LessThanOrEqualsConstraintComponent",
        "MaxCountConstraintComponent",
        "DatatypeConstraintComponent",
        "LanguageInConstraintComponent",
        "XoneConstraintComponent",
        "NotConstraintComponent",
        "NodeConstraintComponent",
        "MinCountConstraintComponent",
        "PatternConstraintComponent",
    } <= components


def test_every_shape_of_shapes_ttl_is_translated() -> None:
    shapes = parse_shapes(shapes_graph())
    assert len(shapes) >= 12 and all(s.targets for s in shapes)


UNSUPPORTED = {
    "closed": "ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:closed true .",
    "complex paths": "ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; "
    "sh:property [ sh:path ( ex:next ex:code ) ; sh:minCount 1 ] .",
    "qualified": "ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:property [ sh:path ex:code ; "
    'sh:qualifiedValueShape [ sh:pattern "^A" ] ; sh:qualifiedMinCount 1 ] .',
    "uniqueLang": "ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:property [ sh:path ex:label ; "
    "sh:uniqueLang true ] .",
    "hasValue": "ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:hasValue ex:a .",
    "dateTime": "ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:property [ sh:path ex:day ; "
    "sh:datatype xsd:dateTime ] .",
    "custom constraint component": "ex:C a sh:ConstraintComponent ; sh:parameter [ sh:path ex:p ] .",
    "refers to itself": "ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:node ex:S .",
    "needs a sh:path": "ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:minCount 1 .",
    "$currentShape": "ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:sparql [ sh:select "
    '"SELECT $this WHERE { $this ?p $currentShape }" ] .',
}


@pytest.mark.parametrize("named", sorted(UNSUPPORTED))
def test_an_unsupported_feature_is_refused_naming_it(named: str) -> None:
    data = Graph().parse(data=DATA, format="turtle")
    shapes = Graph().parse(data=PREFIXES + UNSUPPORTED[named], format="turtle")
    with pytest.raises(UnsupportedShape, match=named.replace("$", r"\$")) as caught:
        shacl_sparql.validate(data, shapes=shapes)
    assert isinstance(caught.value, InnoKGError)  # the CLI maps it to an exit code, no traceback
