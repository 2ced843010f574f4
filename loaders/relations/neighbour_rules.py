"""Rules as data: a rule that reads two neighbouring units and nothing else.

Such a rule differs from its kind only in data: the kinds of the two units, the pattern
the text between them must match, the pattern (if any) the text just before the first or
just after the second must or must not match, the relation, and which unit is its head.
A rule may read its pair in several ways (``readings``, tried in order, the first that
fits decides: "X上游的Y" and "X下游的Y" are one rule whose head changes with the gap).
A group writes them in ``rules/<group>/neighbour_rules.toml`` (an array of tables per
module, each naming its patterns in the module's table of ``cue_patterns.toml``); the
module registers them with ``register_neighbour_rules`` where its own rules stand, so the
order of the rules, which decides the rule a fact is credited to, is the order written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kg.model import Mention
from loaders.relations.class_limits import skips_a_level
from loaders.relations.cue_patterns import CuePatterns, group_file
from loaders.relations.registry import Found, relation_rule, respective_pairs
from loaders.relations.view import SentenceView

DATA_FILE = "neighbour_rules.toml"
_SIDES = ("left", "right")
_READING_KEYS = frozenset({"gap", "unless_gap", "after", "after_width", "head"})
_RULE_KEYS = frozenset(
    {"name", "doc", "confidence", "needs", "cues", "relation", "kinds", "single", "listed", "readings"}
    | {"before", "before_width", "unless_before", "through_run", "nearest_parent"}
)


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a pair: the gap matches ``gap`` and holds nothing ``unless_gap``
    finds, the text after the second unit matches ``after``; ``head`` is the side that is
    the relation's head."""

    gap: re.Pattern[str]
    head: str = "left"
    unless_gap: re.Pattern[str] | None = None
    after: re.Pattern[str] | None = None
    after_width: int = 0

    def fits(self, view: SentenceView, i: int, j: int) -> bool:
        gap = view.gap(i, j)
        if not self.gap.match(gap) or (self.unless_gap is not None and self.unless_gap.search(gap)):
            return False
        return self.after is None or self.after.match(view.after(j, self.after_width)) is not None


@dataclass(frozen=True, slots=True)
class NeighbourRule:
    """Units ``i`` and ``i + 1`` of the given kinds (``"!place"``: any kind but place),
    the text before ``i`` matching ``before`` (searched) and not ``unless_before``, relate
    as the first of ``readings`` that fits says; ``single`` names the side that may not
    be a list, ``listed`` the side that must be one."""

    relation: str
    kinds: tuple[str, str]
    readings: tuple[Reading, ...]
    single: str | None = None
    listed: str | None = None
    before: re.Pattern[str] | None = None
    unless_before: re.Pattern[str] | None = None
    before_width: int = 0
    # The right unit stands for the run of places written together from it ("位于武汉市洪山区":
    # 武汉市 and 洪山区 both).
    through_run: bool = False
    # Two places written together name the nearest division only when the outer one is
    # written bare: "安徽肥东" writes the province before a county of one of its cities, a
    # label rather than the county's parent. Written in full ("贵州省平塘县") it is an
    # address, which states the province as the county's (the annotation guide's reading).
    nearest_parent: bool = False

    def find(self, view: SentenceView) -> Iterator[Found]:
        for i, j in view.neighbours(*self.kinds):
            left, right = view.units[i], view.units[j]
            if not self._lists_fit(left.is_list, right.is_list) or not self._before_fits(view, i):
                continue
            for reading in self.readings:
                if reading.fits(view, i, j):
                    for k in self._run(view, j):
                        right = view.units[k]
                        heads, tails = (left, right) if reading.head == "left" else (right, left)
                        # "A和B分别由C和D承建": the lists pair item by item
                        pairs = respective_pairs(
                            self.relation,
                            list(heads.members),
                            list(tails.members),
                            view.gap(i, k),
                            left.closed_by_deng or right.closed_by_deng,
                        )
                        yield from (f for f in pairs if not self._label_pair(f))
                    break

    def _label_pair(self, found: Found) -> bool:
        return self.nearest_parent and _label_skips_a_level(found.tail, found.head)

    def _run(self, view: SentenceView, index: int) -> Iterator[int]:
        yield index
        while self.through_run and view.qualifies_next(index):
            index += 1
            yield index

    def _lists_fit(self, left: bool, right: bool) -> bool:
        if (self.single == "left" and left) or (self.single == "right" and right):
            return False
        return self.listed is None or (left if self.listed == "left" else right)

    def _before_fits(self, view: SentenceView, i: int) -> bool:
        if self.before is None and self.unless_before is None:
            return True
        before = view.before(i, self.before_width)
        if self.before is not None and not self.before.search(before):
            return False
        return self.unless_before is None or not self.unless_before.search(before)


def _label_skips_a_level(outer: Mention, inner: Mention) -> bool:
    """Whether ``outer``, written bare ("安徽", not "安徽省"), stands before ``inner`` a level
    above its parent: a label, not an address."""
    bare = not outer.written.endswith(outer.canonical[-1:])
    return bare and skips_a_level(outer, inner)


def _check(spec: dict[str, Any], allowed: frozenset[str], rule: str) -> None:
    unknown = set(spec) - allowed
    if unknown:
        raise ValueError(f"neighbour rule {rule!r}: unknown keys {sorted(unknown)}")
    for key in ("head", "single", "listed"):
        if spec.get(key, "left") not in _SIDES:
            raise ValueError(f"neighbour rule {rule!r}: {key} is left or right")
    for pattern, width in (("before", "before_width"), ("unless_before", "before_width"), ("after", "after_width")):
        if pattern in spec and not spec.get(width):
            raise ValueError(f"neighbour rule {rule!r}: {pattern} needs {width}")


def _reading(spec: dict[str, Any], cues: CuePatterns, rule: str) -> Reading:
    _check(spec, _READING_KEYS, rule)
    patterns = {key: getattr(cues, spec[key]) for key in ("gap", "unless_gap", "after") if key in spec}
    return Reading(head=spec.get("head", "left"), after_width=spec.get("after_width", 0), **patterns)


def _rule(spec: dict[str, Any], cues: CuePatterns) -> NeighbourRule:
    """A rule from its table; the keys of a reading written in the table itself make its
    one reading."""
    name = spec["name"]
    own = {key: value for key, value in spec.items() if key not in _READING_KEYS}
    _check(own, _RULE_KEYS, name)
    if "readings" in spec and len(own) < len(spec):
        raise ValueError(f"neighbour rule {name!r}: reading keys beside readings")
    readings = spec.get("readings") or [{key: spec[key] for key in _READING_KEYS if key in spec}]
    kinds = spec["kinds"].split()
    return NeighbourRule(
        relation=spec["relation"],
        kinds=(kinds[0], kinds[1]),
        readings=tuple(_reading(reading, cues, name) for reading in readings),
        single=spec.get("single"),
        listed=spec.get("listed"),
        before=getattr(cues, spec["before"]) if "before" in spec else None,
        unless_before=getattr(cues, spec["unless_before"]) if "unless_before" in spec else None,
        before_width=spec.get("before_width", 0),
        through_run=bool(spec.get("through_run", False)),
        nearest_parent=bool(spec.get("nearest_parent", False)),
    )


def register_neighbour_rules(module: str, table: str, cues: CuePatterns) -> None:
    """Register, in the order written, the rules of ``[[<module>.<table>]]`` in the
    neighbour rules of ``module``'s group (``module``: the registering module's
    ``__name__``), reading their patterns from ``cues``."""
    package, _, name = module.rpartition(".")
    for spec in group_file(package, DATA_FILE)[name][table]:
        rule = _rule(spec, cues)
        needs, words = spec.get("needs", ""), spec.get("cues", "")
        relation_rule(spec["name"], spec["confidence"], needs=needs, cues=words)(rule.find)
