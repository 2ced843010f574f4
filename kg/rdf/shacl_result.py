"""What a SHACL validation returns, whichever engine ran it (kg.rdf.shacl: pySHACL or SPARQL)."""

from __future__ import annotations

from dataclasses import dataclass, field

SH = "http://www.w3.org/ns/shacl#"


@dataclass(frozen=True, slots=True)
class ShaclViolation:
    """One sh:ValidationResult of the report."""

    focus: str  # the node that failed
    path: str | None  # the property checked, when the shape is a property shape
    message: str
    severity: str  # Violation, Warning or Info
    component: str  # the constraint component, e.g. "ClassConstraintComponent"
    value: str | None = None  # the offending value, when there is one

    def key(self) -> tuple[str, str, str, str]:
        """The order reports list results in: stable whatever order the engine found them."""
        return (self.focus, self.path or "", self.message, self.value or "")


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


def result_of(records: list[ShaclViolation]) -> ShaclResult:
    """A result from its records: sorted, with a text report laid out like pySHACL's.
    Only violations break conformance; warnings and infos are reported but allowed."""
    records = sorted(records, key=ShaclViolation.key)
    conforms = not any(r.severity == "Violation" for r in records)
    return ShaclResult(
        conforms=conforms, violations=len(records), report_text=report_text(conforms, records), results=records
    )


def report_text(conforms: bool, records: list[ShaclViolation]) -> str:
    lines = ["Validation Report", f"Conforms: {conforms}"]
    if records:
        lines.append(f"Results ({len(records)}):")
    for r in records:
        lines += [
            f"Constraint {r.severity} in {r.component} ({SH}{r.component}):",
            f"\tSeverity: sh:{r.severity}",
            f"\tFocus Node: {r.focus}",
        ]
        if r.value is not None:
            lines.append(f"\tValue Node: {r.value}")
        if r.path is not None:
            lines.append(f"\tResult Path: {r.path}")
        lines.append(f"\tMessage: {r.message}")
    return "\n".join(lines) + "\n"
