"""SHACL constraints as SPARQL boolean expressions (the building blocks of kg.rdf.shacl_sparql).

``Translator.test(constraint, "?v")`` is true exactly when ``?v`` meets the constraint;
``Translator.conforms(shape, "?v")`` when ``?v`` conforms to a whole shape (for sh:node,
sh:or and the like). Every expression is wrapped in COALESCE(..., false): a comparison
SPARQL cannot make (a string against a number) is a failure, as in pySHACL, never an
error that would drop the row.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations

from rdflib import RDF, XSD, Literal
from rdflib.namespace import SH
from rdflib.term import Node

from kg.rdf.shacl_shapes import Constraint, Shape, UnsupportedShape

# Lexical spaces: a literal of one of these datatypes with another form is ill-typed and
# fails sh:datatype (pySHACL's rule). Other XSD datatypes are refused rather than half-checked.
LEXICAL: dict[str, str] = {
    str(XSD.integer): r"^[+-]?[0-9]+$",
    str(XSD.decimal): r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$",
    str(XSD.boolean): r"^(true|false|1|0)$",
    str(XSD.double): r"^([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?INF|NaN)$",
    str(XSD.float): r"^([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?INF|NaN)$",
    str(XSD.date): r"^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?$",
    str(XSD.gYearMonth): r"^-?[0-9]{4,}-[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?$",
    str(XSD.gYear): r"^-?[0-9]{4,}(Z|[+-][0-9]{2}:[0-9]{2})?$",
}
NODE_KINDS: dict[Node, str] = {
    SH.IRI: "isIRI({v})",
    SH.BlankNode: "isBlank({v})",
    SH.Literal: "isLiteral({v})",
    SH.BlankNodeOrIRI: "(isBlank({v}) || isIRI({v}))",
    SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
    SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))",
}
COMPARISONS = {
    "MinInclusiveConstraintComponent": ">=",
    "MaxInclusiveConstraintComponent": "<=",
    "MinExclusiveConstraintComponent": ">",
    "MaxExclusiveConstraintComponent": "<",
}
TYPE = f"<{RDF.type}>"


class Translator:
    """Builds the expressions of one validation run; every variable it introduces is new."""

    def __init__(self, subclasses: Callable[[Node], list[str]]) -> None:
        self.subclasses = subclasses  # a class -> it and its subclasses, as SPARQL terms
        self.count = 0

    def fresh(self, stem: str) -> str:
        self.count += 1
        return f"?_{stem}{self.count}"

    # ------------------------------------------------------------ focus nodes

    def focus_nodes(self, shape: Shape) -> str:
        """A sub-select binding ?this to each focus node of the shape once."""
        branches = " UNION ".join(f"{{ {self._target(kind, node)} }}" for kind, node in shape.targets)
        return f"{{ SELECT DISTINCT ?this WHERE {{ {branches} }} }}"

    def _target(self, kind: Node, node: Node) -> str:
        if kind == SH.targetClass:
            t = self.fresh("type")
            return f"VALUES {t} {{ {' '.join(self.subclasses(node))} }} ?this {TYPE} {t} ."
        if kind == SH.targetSubjectsOf:
            return f"?this {node.n3()} {self.fresh('o')} ."
        if kind == SH.targetObjectsOf:
            return f"{self.fresh('s')} {node.n3()} ?this ."
        return f"VALUES ?this {{ {node.n3()} }}"  # sh:targetNode

    # ------------------------------------------------------------ conformance to a whole shape

    def conforms(self, shape: Shape, v: str) -> str:
        if shape.deactivated:
            return "true"
        if shape.path is not None:
            return self._property(shape, v)
        parts = [self.test(c, v) for c in shape.constraints] + [self._property(p, v) for p in shape.properties]
        return "(" + " && ".join(parts or ["true"]) + ")"

    def _property(self, shape: Shape, v: str) -> str:
        """``v`` meets every constraint of a property shape: counts, pairs, then each value's."""
        if shape.deactivated:
            return "true"
        assert shape.path is not None
        path = shape.path.n3()
        parts, per_value = [], []
        for c in shape.constraints:
            if c.component == "MinCountConstraintComponent":
                n = number(c.terms[0])
                parts.append(f"EXISTS {{ {self.distinct_values(v, path, n)} }}" if n > 0 else "true")
            elif c.component == "MaxCountConstraintComponent":
                parts.append(f"NOT EXISTS {{ {self.distinct_values(v, path, number(c.terms[0]) + 1)} }}")
            elif c.component in ("LessThanConstraintComponent", "LessThanOrEqualsConstraintComponent"):
                op = "<" if c.component == "LessThanConstraintComponent" else "<="
                w, o = self.fresh("w"), self.fresh("o")
                parts.append(
                    f"NOT EXISTS {{ {v} {path} {w} . {v} {c.terms[0].n3()} {o} "
                    f"FILTER(!COALESCE({w} {op} {o}, false)) }}"
                )
            else:
                per_value.append(c)
        if per_value:
            w = self.fresh("w")
            tests = " && ".join(self.test(c, w) for c in per_value)
            parts.append(f"NOT EXISTS {{ {v} {path} {w} FILTER(!({tests})) }}")
        return "(" + " && ".join(parts or ["true"]) + ")"

    def distinct_values(self, v: str, path: str, n: int) -> str:
        """A pattern that matches when ``v`` has at least ``n`` distinct values of ``path``."""
        names = [self.fresh("n") for _ in range(n)]
        patterns = " ".join(f"{v} {path} {name} ." for name in names)
        different = " && ".join(f"!sameTerm({a}, {b})" for a, b in combinations(names, 2))
        return patterns + (f" FILTER({different})" if different else "")

    # ------------------------------------------------------------ one constraint on one node

    def test(self, c: Constraint, v: str) -> str:
        """True when ``v`` meets ``c`` (a constraint that applies to each value node)."""
        return f"COALESCE({self._expression(c, v)}, false)"

    def _expression(self, c: Constraint, v: str) -> str:
        name = c.component
        if name == "ClassConstraintComponent":
            t = self.fresh("type")
            return f"EXISTS {{ {v} {TYPE} {t} FILTER({t} IN ({', '.join(self.subclasses(c.terms[0]))})) }}"
        if name == "DatatypeConstraintComponent":
            return _datatype(c.terms[0], v)
        if name == "NodeKindConstraintComponent":
            if c.terms[0] not in NODE_KINDS:
                raise UnsupportedShape(f"sh:nodeKind {c.terms[0]} is not a node kind")
            return NODE_KINDS[c.terms[0]].format(v=v)
        if name in COMPARISONS:
            return f"({v} {COMPARISONS[name]} {c.terms[0].n3()})"
        if name in ("MinLengthConstraintComponent", "MaxLengthConstraintComponent"):
            op = ">=" if name.startswith("Min") else "<="
            return f"(!isBlank({v}) && STRLEN(STR({v})) {op} {number(c.terms[0])})"
        if name == "PatternConstraintComponent":
            flags = f", {Literal(c.text).n3()}" if c.text else ""
            return f"(!isBlank({v}) && REGEX(STR({v}), {Literal(str(c.terms[0])).n3()}{flags}))"
        if name == "LanguageInConstraintComponent":
            ranges = " || ".join(f"langMatches(LANG({v}), {Literal(str(r)).n3()})" for r in c.terms) or "false"
            return f"(isLiteral({v}) && ({ranges}))"
        if name == "InConstraintComponent":
            return "(" + (" || ".join(f"sameTerm({v}, {term.n3()})" for term in c.terms) or "false") + ")"
        return self._logical(c, v)

    def _logical(self, c: Constraint, v: str) -> str:
        shapes = [self.conforms(s, v) for s in c.shapes]
        if c.component in ("NodeConstraintComponent", "AndConstraintComponent"):
            return "(" + " && ".join(shapes) + ")"
        if c.component == "OrConstraintComponent":
            return "(" + (" || ".join(shapes) or "false") + ")"
        if c.component == "NotConstraintComponent":
            return f"!{shapes[0]}"
        if c.component == "XoneConstraintComponent":
            return "((" + " + ".join(f"IF({s}, 1, 0)" for s in shapes) + ") = 1)"
        raise UnsupportedShape(
            f"{c.component} inside sh:node, sh:or, sh:and, sh:xone or sh:not is not supported by the SPARQL validator"
        )


def _datatype(datatype: Node, v: str) -> str:
    iri = str(datatype)
    if datatype == RDF.langString:
        return f'(isLiteral({v}) && LANG({v}) != "")'
    if datatype == XSD.string:
        return f"(isLiteral({v}) && DATATYPE({v}) = <{iri}>)"
    if iri in LEXICAL:
        return f"(isLiteral({v}) && DATATYPE({v}) = <{iri}> && REGEX(STR({v}), {Literal(LEXICAL[iri]).n3()}))"
    if iri.startswith(str(XSD)):
        raise UnsupportedShape(f"sh:datatype {iri}: its lexical form is not checked by the SPARQL validator")
    return f"(isLiteral({v}) && DATATYPE({v}) = <{iri}>)"  # a datatype XSD does not define: the IRI alone


def number(term: Node) -> int:
    if not isinstance(term, Literal) or not isinstance(term.toPython(), int):
        raise UnsupportedShape(f"{term} is not an integer count or length")
    return int(term.toPython())
