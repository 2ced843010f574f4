"""Read a SHACL shapes graph into plain records that kg.rdf.shacl_sparql turns into SPARQL.

Only what this module knows how to check is accepted: any other SHACL term on a shape (a
constraint component, a complex path, an implicit class target, a custom component)
raises UnsupportedShape, so that a new constraint in ontology/shapes.ttl can never be
skipped silently by the SPARQL validator. pySHACL (``kg validate --engine pyshacl``)
remains the reference to cross-check against.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, SH
from rdflib.term import Node

from kg.errors import InnoKGError
from kg.schema import SHAPES_PATH, load_turtle


class UnsupportedShape(InnoKGError):
    """The shapes use a SHACL feature the SPARQL validator does not translate."""


@dataclass(frozen=True, slots=True)
class Constraint:
    """One constraint component with its parameters."""

    component: str  # local name in sh:, e.g. "MinCountConstraintComponent"
    terms: tuple[Node, ...] = ()  # RDF terms it compares with (a class, a count, the members of sh:in...)
    shapes: tuple[Shape, ...] = ()  # shapes it refers to (sh:node, sh:or, sh:and, sh:xone, sh:not)
    text: str = ""  # sh:flags of a pattern, the query of a SPARQL constraint
    message: str | None = None  # a SPARQL constraint's own sh:message


@dataclass(slots=True)
class Shape:
    node: Node
    path: URIRef | None = None  # set on property shapes
    targets: list[tuple[URIRef, Node]] = field(default_factory=list)  # (sh:targetClass, ikg:Place)...
    constraints: list[Constraint] = field(default_factory=list)
    properties: list[Shape] = field(default_factory=list)
    message: str | None = None
    severity: str = "Violation"
    deactivated: bool = False


TARGETS = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
# parameter -> component, for components whose value is one RDF term
TERM_PARAMETERS: dict[Node, str] = {
    SH["class"]: "ClassConstraintComponent",
    SH.datatype: "DatatypeConstraintComponent",
    SH.nodeKind: "NodeKindConstraintComponent",
    SH.minCount: "MinCountConstraintComponent",
    SH.maxCount: "MaxCountConstraintComponent",
    SH.minInclusive: "MinInclusiveConstraintComponent",
    SH.maxInclusive: "MaxInclusiveConstraintComponent",
    SH.minExclusive: "MinExclusiveConstraintComponent",
    SH.maxExclusive: "MaxExclusiveConstraintComponent",
    SH.minLength: "MinLengthConstraintComponent",
    SH.maxLength: "MaxLengthConstraintComponent",
    SH.pattern: "PatternConstraintComponent",
    SH.lessThan: "LessThanConstraintComponent",
    SH.lessThanOrEquals: "LessThanOrEqualsConstraintComponent",
}
LIST_PARAMETERS: dict[Node, str] = {SH["in"]: "InConstraintComponent", SH.languageIn: "LanguageInConstraintComponent"}
SHAPE_LIST_PARAMETERS: dict[Node, str] = {
    SH["or"]: "OrConstraintComponent",
    SH["and"]: "AndConstraintComponent",
    SH.xone: "XoneConstraintComponent",
}
SHAPE_PARAMETERS: dict[Node, str] = {SH.node: "NodeConstraintComponent", SH["not"]: "NotConstraintComponent"}
# Only meaningful on a property shape: they count or compare the values of its path.
PROPERTY_ONLY = {
    "MinCountConstraintComponent",
    "MaxCountConstraintComponent",
    "LessThanConstraintComponent",
    "LessThanOrEqualsConstraintComponent",
}
# Terms that describe a shape without constraining anything (or are read with another term).
DESCRIPTIVE = {
    RDF.type,
    SH.message,
    SH.severity,
    SH.deactivated,
    SH.flags,
    SH.name,
    SH.description,
    SH.order,
    SH.group,
    SH.defaultValue,
    SH.path,
    SH.property,
    *TARGETS,
}


def parse_shapes(graph: Graph) -> list[Shape]:
    """Every shape that has a target, fully parsed (shapes it refers to included); every
    declared shape is parsed too, so an unsupported term anywhere is reported."""
    for node in graph.subjects(RDF.type, SH.ConstraintComponent):
        raise UnsupportedShape(f"custom constraint component {node}: not supported by the SPARQL validator")
    reader = _Reader(graph)
    declared = {n for kind in (SH.NodeShape, SH.PropertyShape) for n in graph.subjects(RDF.type, kind)}
    targeted = {s for t in TARGETS for s in graph.subjects(t, None)}
    for node in sorted(declared - targeted, key=str):
        reader.shape(node)
    return [reader.shape(node) for node in sorted(targeted, key=str)]


class _Reader:
    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.done: dict[Node, Shape] = {}
        self.reading: set[Node] = set()  # shapes being read: a shape that refers to itself is recursive

    def shape(self, node: Node) -> Shape:
        if node in self.done:
            return self.done[node]
        if node in self.reading:
            raise UnsupportedShape(f"shape {node} refers to itself: recursive shapes are not supported")
        self.reading.add(node)
        shape = self._read(node)
        self.reading.discard(node)
        self.done[node] = shape
        return shape

    def _read(self, node: Node) -> Shape:
        g = self.graph
        if (node, RDF.type, RDFS.Class) in g or (node, RDF.type, OWL.Class) in g:
            raise UnsupportedShape(f"shape {node} is also a class: implicit class targets are not supported")
        shape = Shape(
            node=node,
            path=self._path(node),
            message=_message(g, node),
            severity=_local(g.value(node, SH.severity)) or "Violation",
            deactivated=g.value(node, SH.deactivated) == Literal(True),
        )
        shape.targets = sorted(((t, o) for t in TARGETS for o in g.objects(node, t)), key=str)
        for prop in sorted(g.objects(node, SH.property), key=str):
            shape.properties.append(self._property(node, prop))
        for predicate, value in sorted(g.predicate_objects(node), key=str):
            constraint = self._constraint(node, predicate, value)
            if constraint is not None:
                shape.constraints.append(constraint)
        if shape.path is None:
            _node_shape_only(shape)
        return shape

    def _path(self, node: Node) -> URIRef | None:
        path = self.graph.value(node, SH.path)
        if path is not None and not isinstance(path, URIRef):
            raise UnsupportedShape(
                f"shape {node}: sh:path {path} is not a single property (complex paths "
                "are not supported by the SPARQL validator)"
            )
        return path

    def _property(self, parent: Node, node: Node) -> Shape:
        if self.graph.value(parent, SH.path) is not None:
            raise UnsupportedShape(f"shape {parent}: sh:property on a property shape is not supported")
        shape = self.shape(node)
        if shape.path is None:
            raise UnsupportedShape(f"shape {node}: a sh:property shape without sh:path")
        return shape

    def _constraint(self, node: Node, predicate: Node, value: Node) -> Constraint | None:
        if predicate in TERM_PARAMETERS:
            flags = self.graph.value(node, SH.flags) if predicate == SH.pattern else None
            return Constraint(TERM_PARAMETERS[predicate], (value,), text=str(flags or ""))
        if predicate in LIST_PARAMETERS:
            return Constraint(LIST_PARAMETERS[predicate], tuple(Collection(self.graph, value)))
        if predicate in SHAPE_LIST_PARAMETERS:
            members = tuple(self.shape(m) for m in Collection(self.graph, value))
            return Constraint(SHAPE_LIST_PARAMETERS[predicate], shapes=members)
        if predicate in SHAPE_PARAMETERS:
            return Constraint(SHAPE_PARAMETERS[predicate], shapes=(self.shape(value),))
        if predicate == SH.sparql:
            return self._sparql(node, value)
        if predicate in DESCRIPTIVE or not str(predicate).startswith(str(SH)):
            return None  # descriptive, or an annotation from another vocabulary (rdfs:comment...)
        raise UnsupportedShape(
            f"shape {node}: {predicate} is not supported by the SPARQL validator "
            "(validate with --engine pyshacl, or teach kg.rdf.shacl_sparql this component)"
        )

    def _sparql(self, shape: Node, node: Node) -> Constraint | None:
        g = self.graph
        for predicate in set(g.predicates(node)) - {RDF.type, SH.select, SH.message, SH.prefixes, SH.deactivated}:
            if str(predicate).startswith(str(SH)):
                raise UnsupportedShape(f"shape {shape}: {predicate} on a SPARQL constraint is not supported")
        select = g.value(node, SH.select)
        if select is None:
            raise UnsupportedShape(f"shape {shape}: a SPARQL constraint without sh:select")
        if g.value(node, SH.deactivated) == Literal(True):
            return None  # SHACL: a deactivated constraint reports nothing
        for variable in ("$PATH", "$currentShape", "$shapesGraph"):
            if variable in str(select):
                raise UnsupportedShape(f"shape {shape}: {variable} in a SPARQL constraint is not supported")
        query = self._prefixes(node) + str(select)
        return Constraint("SPARQLConstraintComponent", text=query, message=_message(g, node))

    def _prefixes(self, node: Node) -> str:
        """PREFIX lines from the sh:declare of every sh:prefixes node."""
        lines = []
        for source in self.graph.objects(node, SH.prefixes):
            for declaration in self.graph.objects(source, SH.declare):
                prefix = self.graph.value(declaration, SH.prefix)
                namespace = self.graph.value(declaration, SH.namespace)
                lines.append(f"PREFIX {prefix}: <{namespace}>\n")
        return "".join(sorted(lines))


def _node_shape_only(shape: Shape) -> None:
    for constraint in shape.constraints:
        if constraint.component in PROPERTY_ONLY:
            raise UnsupportedShape(f"shape {shape.node}: {constraint.component} needs a sh:path")


def _message(graph: Graph, node: Node) -> str | None:
    messages = sorted(str(m) for m in graph.objects(node, SH.message))
    return messages[0] if messages else None


def _local(node: Node | None) -> str:
    return "" if node is None else str(node).rsplit("#", 1)[-1]


@cache
def shapes_graph() -> Graph:
    """The parsed ontology/shapes.ttl, read once per process (callers must not modify it)."""
    return load_turtle(SHAPES_PATH)
