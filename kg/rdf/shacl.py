"""Check an RDF graph against ontology/shapes.ttl, with one of two engines.

* ``sparql`` (the default, kg.rdf.shacl_sparql): the shapes translated into SPARQL queries
  run by pyoxigraph over the build's quads; fast at scale.
* ``pyshacl``: the reference implementation, kept to cross-check the translation
  (``kg validate --engine both``, tests/test_shacl_engines.py).

Both see the ontology beside the data, so that ``sh:class ikg:Place`` accepts an
``ikg:City``; no RDFS/OWL inference is run, which keeps validation closed-world.
"""

from __future__ import annotations

from typing import Literal as Choice

from rdflib import Dataset, Graph, Literal
from rdflib.namespace import SH
from rdflib.term import Node

from kg.errors import InputError, ValidationFailure
from kg.rdf.dataset import RdfQuads, union_graph
from kg.rdf.shacl_result import ShaclResult, ShaclViolation
from kg.rdf.shacl_shapes import shapes_graph
from kg.schema import ontology_graph

Engine = Choice["sparql", "pyshacl"]
ENGINES: tuple[Engine, ...] = ("sparql", "pyshacl")

__all__ = ["ENGINES", "Engine", "ShaclResult", "ShaclViolation", "require_conforms", "shapes_graph", "validate"]


def validate(data: RdfQuads | Dataset | Graph, engine: Engine = "sparql", turtle: bytes | None = None) -> ShaclResult:
    """Validate a dataset (all its graphs together) or a graph against the shapes.
    ``turtle``, when given, is ``data`` already written as kg.ttl (the SPARQL engine reads it)."""
    if engine == "sparql":
        from kg.rdf import shacl_sparql  # pyoxigraph and the translated shapes

        return shacl_sparql.validate(data, turtle=turtle)
    if engine == "pyshacl":
        return validate_pyshacl(data)
    raise InputError(f"unknown SHACL engine {engine!r}; one of {', '.join(ENGINES)}")


def require_conforms(data: RdfQuads | Dataset | Graph, engine: Engine = "sparql") -> ShaclResult:
    """Validate, raising ValidationFailure (exit code 5) with a summary when it fails."""
    result = validate(data, engine)
    if not result.conforms:
        raise ValidationFailure(f"graph does not conform to the SHACL shapes:\n{result.summary()}")
    return result


# ---------------------------------------------------------------- pySHACL


def _text(node: Node | None) -> str | None:
    return None if node is None else str(node)


def _local(node: Node | None) -> str:
    text = str(node or "")
    return text.rsplit("#", 1)[-1]


def _violation(report: Graph, result: Node) -> ShaclViolation:
    message = report.value(result, SH.resultMessage)
    return ShaclViolation(
        focus=str(report.value(result, SH.focusNode)),
        path=_text(report.value(result, SH.resultPath)),
        message=str(message) if isinstance(message, Literal) else "constraint not met",
        severity=_local(report.value(result, SH.resultSeverity)),
        component=_local(report.value(result, SH.sourceConstraintComponent)),
        value=_text(report.value(result, SH.value)),
    )


def violations_of(report: Graph) -> list[ShaclViolation]:
    """Typed records of a pySHACL results graph, sorted for stable output: the report's
    own results (sh:result), not the sh:detail results pySHACL nests under an sh:node one."""
    records = [_violation(report, r) for r in report.objects(None, SH.result)]
    return sorted(records, key=ShaclViolation.key)


def _graph_with_ontology(data: RdfQuads | Dataset | Graph) -> Graph:
    """A new graph holding every triple of ``data`` (all named graphs merged: an assertion
    lives in a document's graph while its subject's type lives in the default graph) plus
    the ontology, so that sh:class sees rdfs:subClassOf. Built here rather than by pySHACL's
    ont_graph option, which would copy the whole data graph a second time."""
    merged = union_graph(data)
    for triple in ontology_graph():
        merged.add(triple)
    return merged


def validate_pyshacl(data: RdfQuads | Dataset | Graph, shapes: Graph | None = None) -> ShaclResult:
    """pySHACL over a copy of ``data`` with the ontology, against ``shapes`` (default: shapes.ttl)."""
    from pyshacl import validate as pyshacl_validate  # slow to import; only the reference engine needs it

    conforms, report, text = pyshacl_validate(
        _graph_with_ontology(data),
        shacl_graph=shapes if shapes is not None else shapes_graph(),
        inference="none",
        inplace=True,
        abort_on_first=False,
        allow_warnings=True,
    )
    assert isinstance(report, Graph)
    records = violations_of(report)
    return ShaclResult(conforms=bool(conforms), violations=len(records), report_text=str(text), results=records)
