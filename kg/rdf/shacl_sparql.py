"""SHACL validation as SPARQL queries over pyoxigraph, translated from the shapes graph.

pySHACL walks an rdflib copy of the whole graph in Python, focus node by focus node
(half of a build's time at scale). Here each constraint of each targeted shape becomes
one SPARQL query that returns only the failing (focus, value) pairs, run by pyoxigraph
over kg.ttl, the Turtle the build writes anyway (every triple of every graph once). The
queries are generated from ontology/shapes.ttl (kg.rdf.shacl_shapes reads it), so the shapes
stay the single source of truth; a SHACL feature the translation does not know raises
UnsupportedShape instead of being skipped.

The ontology is loaded beside the data, as pySHACL sees it today, so ``sh:class
ikg:Place`` accepts an ``ikg:City`` through rdfs:subClassOf. The data goes through Turtle,
so a blank node would be reported under a new label (InnoKG's graphs have none).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox
from rdflib import RDFS, Dataset, Graph, URIRef
from rdflib.term import Node

from kg.errors import InputError
from kg.rdf.dataset import RdfQuads, serialize_turtle
from kg.rdf.shacl_result import ShaclResult, ShaclViolation, result_of
from kg.rdf.shacl_shapes import Constraint, Shape, UnsupportedShape, parse_shapes, shapes_graph
from kg.rdf.shacl_terms import Translator, number
from kg.schema import ONTOLOGY_PATH

SMALL_COUNT = 3  # up to this many distinct values, a count is a pattern with pairwise-distinct variables
_COUNTS = {"MinCountConstraintComponent": "<", "MaxCountConstraintComponent": ">"}
_PAIRS = {"LessThanConstraintComponent": "<", "LessThanOrEqualsConstraintComponent": "<="}

__all__ = ["UnsupportedShape", "validate", "data_store"]


@dataclass(frozen=True, slots=True)
class Check:
    """One query and how to read its rows into results."""

    query: str
    component: str
    shape: Shape  # the shape whose message and severity the results carry
    path: str | None  # sh:resultPath
    has_value: bool  # the query binds ?value


@cache
def default_shapes() -> list[Shape]:
    """ontology/shapes.ttl, parsed once per process."""
    return parse_shapes(shapes_graph())


def validate(
    data: RdfQuads | Dataset | Graph | None = None, shapes: Graph | None = None, turtle: bytes | None = None
) -> ShaclResult:
    """Validate a dataset (all its graphs together) or a graph against the shapes. A build
    passes ``turtle``, the kg.ttl it writes (every triple of every graph once), so that
    what is checked is exactly what is written and the triples are not converted twice."""
    parsed = default_shapes() if shapes is None else parse_shapes(shapes)
    if turtle is None:
        if data is None:
            raise InputError("nothing to validate: give a graph or its Turtle")
        turtle = serialize_turtle(data)
    return result_of(list(_violations(data_store(turtle), parsed)))


def data_store(turtle: bytes) -> ox.Store:
    """An in-memory pyoxigraph store of the data and the ontology, all in its default
    graph: pyoxigraph answers a pattern over the union of named graphs ~100x slower."""
    store = ox.Store()
    store.load(turtle, ox.RdfFormat.TURTLE)
    store.load(path=str(ONTOLOGY_PATH), format=ox.RdfFormat.TURTLE)
    return store


def _violations(store: ox.Store, shapes: list[Shape]) -> Iterator[ShaclViolation]:
    translator = Translator(lambda c: _subclasses(store, c))
    for shape in shapes:
        if shape.deactivated:
            continue  # SHACL: a deactivated shape reports nothing
        focus = translator.focus_nodes(shape)
        for check in _checks(translator, shape, focus):
            yield from _run(store, check)
        for constraint in shape.constraints:
            if constraint.component == "SPARQLConstraintComponent":
                yield from _sparql_constraint(store, shape, constraint, focus, None)
        for prop in shape.properties:
            for constraint in prop.constraints:
                if constraint.component == "SPARQLConstraintComponent" and not prop.deactivated:
                    yield from _sparql_constraint(store, prop, constraint, focus, prop.path)


def _subclasses(store: ox.Store, cls: Node) -> list[str]:
    """The class and its subclasses (rdfs:subClassOf, transitively), as SPARQL terms."""
    rows = _select(store, f"SELECT DISTINCT ?c WHERE {{ ?c <{RDFS.subClassOf}>* {cls.n3()} }}")
    found = {str(row["c"]) for row in rows}
    return sorted(found | {cls.n3()})


def _checks(t: Translator, shape: Shape, focus: str) -> Iterator[Check]:
    """The queries of one targeted shape: its own constraints, then each property shape's."""
    for c in shape.constraints:
        if c.component != "SPARQLConstraintComponent":
            query = f"SELECT DISTINCT ?this WHERE {{ {focus} FILTER(!{t.test(c, '?this')}) }}"
            yield Check(query, c.component, shape, None, has_value=False)
    for prop in shape.properties:
        if not prop.deactivated:
            yield from _property_checks(t, prop, focus)


def _property_checks(t: Translator, prop: Shape, focus: str) -> Iterator[Check]:
    assert prop.path is not None
    path = prop.path.n3()
    for c in prop.constraints:
        if c.component in _COUNTS:
            yield Check(_count_query(t, focus, path, c), c.component, prop, str(prop.path), has_value=False)
        elif c.component in _PAIRS:
            query = (
                f"SELECT DISTINCT ?this ?value WHERE {{ {focus} ?this {path} ?value . "
                f"?this {c.terms[0].n3()} ?other FILTER(!COALESCE(?value {_PAIRS[c.component]} ?other, false)) }}"
            )
            yield Check(query, c.component, prop, str(prop.path), has_value=True)
        elif c.component != "SPARQLConstraintComponent":
            test = t.test(c, "?value")
            query = f"SELECT DISTINCT ?this ?value WHERE {{ {focus} ?this {path} ?value FILTER(!{test}) }}"
            yield Check(query, c.component, prop, str(prop.path), has_value=True)


def _count_query(t: Translator, focus: str, path: str, c: Constraint) -> str:
    """Focus nodes with too few or too many values. Small counts are patterns of distinct
    values (no grouping: 3-5x faster in pyoxigraph); large ones are counted."""
    n = number(c.terms[0])
    if c.component == "MinCountConstraintComponent":
        if n == 0:
            return "SELECT ?this WHERE { FILTER(false) }"
        if n <= SMALL_COUNT:
            return f"SELECT ?this WHERE {{ {focus} FILTER NOT EXISTS {{ {t.distinct_values('?this', path, n)} }} }}"
    elif n + 1 <= SMALL_COUNT:
        return f"SELECT DISTINCT ?this WHERE {{ {focus} {t.distinct_values('?this', path, n + 1)} }}"
    return (
        f"SELECT ?this WHERE {{ {focus} OPTIONAL {{ ?this {path} ?value }} }} GROUP BY ?this "
        f"HAVING (COUNT(DISTINCT ?value) {_COUNTS[c.component]} {n})"
    )


def _run(store: ox.Store, check: Check) -> Iterator[ShaclViolation]:
    message = check.shape.message or _generic_message(check.component)
    for row in _select(store, check.query):
        focus = row["this"].value
        value = row["value"].value if check.has_value else None
        if check.path is None:
            value = focus  # a node shape's value node is the focus node itself
        yield ShaclViolation(
            focus=focus,
            path=check.path,
            message=message,
            severity=check.shape.severity,
            component=check.component,
            value=value,
        )


def _sparql_constraint(
    store: ox.Store, shape: Shape, constraint: Constraint, focus: str, path: URIRef | None
) -> Iterator[ShaclViolation]:
    """A sh:sparql constraint: its SELECT once per focus node, $this pre-bound (as SHACL
    defines it; pyoxigraph's substitutions follow SEP-0007, the same pre-binding)."""
    nodes = [row["this"] for row in _select(store, f"SELECT ?this WHERE {{ {focus} }}")]
    message = constraint.message or shape.message or _generic_message(constraint.component)
    for node in sorted(nodes, key=str):
        for row in _select(store, constraint.text, {ox.Variable("this"): node}):
            value, row_path, row_message = (_bound(row, name) for name in ("value", "path", "message"))
            yield ShaclViolation(
                focus=node.value,
                path=row_path or (str(path) if path is not None else None),
                message=row_message or message,
                severity=shape.severity,
                component=constraint.component,
                value=value if value is not None else node.value,
            )


def _select(
    store: ox.Store,
    query: str,
    substitutions: dict[ox.Variable, ox.NamedNode] | None = None,
) -> ox.QuerySolutions:
    rows = store.query(query, substitutions=substitutions)  # type: ignore[arg-type]
    if not isinstance(rows, ox.QuerySolutions):
        raise UnsupportedShape(f"a SHACL query must be a SELECT: {query[:200]}")
    return rows


def _bound(row: ox.QuerySolution, name: str) -> str | None:
    try:
        term = row[name]
    except KeyError:
        return None
    return None if term is None else str(term.value)


def _generic_message(component: str) -> str:
    return f"{component.removesuffix('ConstraintComponent')} constraint not met"
