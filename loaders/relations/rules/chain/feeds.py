"""A chain that supplies another, named across a comma (UPSTREAM_OF).

"鄂州市发展光学元件产业，为光谷光电子企业配套", "推动集成电路产业向下游延伸至A，为新能源
汽车产业配套车规级芯片": the clause opening with 为Y…配套 speaks of the chain its sentence
part is about, the first chain of the clause before it.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.model import Mention
from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.registry import Found, pairwise, relation_rule
from loaders.relations.topic import clause_start, part_start
from loaders.relations.view import SentenceView

_CUES = cue_patterns(__name__)


def _previous_clause_chain(view: SentenceView, index: int) -> list[Mention]:
    """The first chain unit of the comma clause before unit ``index``'s, in its part."""
    here = clause_start(view.text, view.units[index].start)
    if here == 0 or view.text[here - 1] not in "，,":
        return []
    floor = max(part_start(view.text, here - 1), clause_start(view.text, here - 1))
    for k in range(index):
        unit = view.units[k]
        if floor <= unit.start < here and unit.kind == "chain":
            whole = [m for m in unit.members if m.subtype != "ChainSegment"]
            return whole if len(whole) == 1 and not unit.is_list else []
    return []


@relation_rule("upstream-of-supplies-clause", 0.75, needs="chain", cues="配套")
def upstream_of_supplies_clause(view: SentenceView) -> Iterator[Found]:
    """X…，为Y配套 / X…，为Y提供配套: X feeds Y."""
    for j, unit in enumerate(view.units):
        if unit.kind != "chain" or not _CUES.supply_after.match(view.text[unit.end :]):
            continue
        start = clause_start(view.text, unit.start)
        if not _CUES.for_opens.match(view.text[start : unit.start]):
            continue
        if any(view.units[k].kind != "place" and view.units[k].start >= start for k in range(j)):
            continue  # an organisation or chain of the clause's own comes first
        yield from pairwise("UPSTREAM_OF", _previous_clause_chain(view, j), unit.members)
