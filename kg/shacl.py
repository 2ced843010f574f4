"""Check an RDF graph against ontology/shapes.ttl with pySHACL.

The ontology is passed as pySHACL's ``ont_graph`` so that ``sh:class ikg:Place`` accepts an
``ikg:City``; no RDFS/OWL inference is run, which keeps validation fast and closed-world.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from pyshacl import validate as pyshacl_validate
from rdflib import RDF, Dataset, Graph, Literal
from rdflib.namespace import SH
from rdflib.term import Node

from kg.errors import ValidationFailure
from kg.rdf import RdfQuads, union_graph
from kg.schema import SHAPES_PATH, load_turtle, ontology_graph


@dataclass(frozen=True, slots=True)
class ShaclViolation:
    """One sh:ValidationResult of the report."""

    focus: str  # the node that failed
    path: str | None  # the property checked, when the shape is a property shape
    message: str
    severity: str  # Violation, Warning or Info
    component: str  # the constraint component, e.g. "ClassConstraintComponent"
    value: str | None = None  # the offending value, when there is one


@dataclass(slots=True)
class ShaclResult:
    conforms: bool
    violations: int
    report_text: str
    results: list[ShaclViolation] = field(default_factory=list)

    def summary(self, limit: int = 10) -> str:
        """The first ``limit`` violations, one a line, for error messages and logs."""
        lines = [f"{v.focus} {v.path or ''}: {v.message}" for v in self.results[:limit]]
        more = self.violations - len(lines)
        if more > 0:
            lines.append(f"... and {more} more")
        return "\n".join(lines)


@cache
def shapes_graph() -> Graph:
    """The parsed shapes, read once per process."""
    return load_turtle(SHAPES_PATH)


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
    """Typed records of a pySHACL results graph, sorted for stable output."""
    records = [_violation(report, r) for r in report.subjects(RDF.type, SH.ValidationResult)]
    return sorted(records, key=lambda v: (v.focus, v.path or "", v.message, v.value or ""))


def _graph_with_ontology(data: RdfQuads | Dataset | Graph) -> Graph:
    """A new graph holding every triple of ``data`` (all named graphs merged: an assertion
    lives in a document's graph while its subject's type lives in the default graph) plus
    the ontology, so that sh:class sees rdfs:subClassOf. Built here rather than by pySHACL's
    ont_graph option, which would copy the whole data graph a second time."""
    merged = union_graph(data)
    for triple in ontology_graph():
        merged.add(triple)
    return merged


def validate(data: RdfQuads | Dataset | Graph) -> ShaclResult:
    """Validate a dataset (all its graphs together) or a graph against the shapes."""
    conforms, report, text = pyshacl_validate(
        _graph_with_ontology(data),
        shacl_graph=shapes_graph(),
        inference="none",
        inplace=True,
        abort_on_first=False,
        allow_warnings=True,
    )
    assert isinstance(report, Graph)
    records = violations_of(report)
    return ShaclResult(conforms=bool(conforms), violations=len(records), report_text=str(text), results=records)


def require_conforms(data: RdfQuads | Dataset | Graph) -> ShaclResult:
    """Validate, raising ValidationFailure (exit code 5) with a summary when it fails."""
    result = validate(data)
    if not result.conforms:
        raise ValidationFailure(f"graph does not conform to the SHACL shapes:\n{result.summary()}")
    return result
