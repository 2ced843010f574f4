"""Who runs what (OPERATED_BY) and which organisation belongs to which (PART_OF)."""

from __future__ import annotations

from collections.abc import Iterator

from kg.model import Mention
from loaders.relations.class_limits import PARENT_CLASSES
from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.neighbour_rules import register_neighbour_rules
from loaders.relations.registry import Found, pairwise, relation_rule
from loaders.relations.view import SentenceView

_CUES = cue_patterns(__name__)
_CHILDREN = frozenset({"Laboratory", "ResearchInstitute", "InnovationPlatform"})
_RUN_BY_COMPANY = frozenset({"Laboratory", "InnovationPlatform"})


# The OPERATED_BY rules that read two neighbouring organisations only: neighbour_rules.toml.
register_neighbour_rules(__name__, "operated_by", _CUES)


@relation_rule("part-of-parent-org", 0.7, needs="org")
def part_of_parent_org(view: SentenceView) -> Iterator[Found]:
    """Y的X / Y下属X: a lab, institute or platform of a university, institute or company
    is part of it; a facility of an institute, or a company's lab, is operated by it."""
    for i, j in view.neighbours("org", "org"):
        parent, child = view.units[i], view.units[j]
        gap = view.gap(i, j)
        if parent.is_list or not _CUES.parent_gap.match(gap):
            continue
        parents = [m for m in parent.members if m.type in PARENT_CLASSES]
        for member in child.members:
            if not gap and member.type == "Enterprise" and all(p.type == "Enterprise" for p in parents):
                continue  # "A电源B生物": two firms of a flattened list, no firm and its unit
            yield from pairwise(_belonging(member, parents), [member], parents)


def _belonging(child: Mention, parents: list[Mention]) -> str:
    """A facility of an institute, or a lab of a company, is run by it (OPERATED_BY); a
    lab, institute or platform of a university or institute is part of it (PART_OF)."""
    if child.type == "LargeScientificFacility":
        return "OPERATED_BY"
    if child.type in _RUN_BY_COMPANY and all(p.type == "Enterprise" for p in parents):
        return "OPERATED_BY"
    return "PART_OF"


# "X隶属于Y": neighbour_rules.toml.
register_neighbour_rules(__name__, "part_of", _CUES)


_SHORTEST_PARENT = 2
# A science centre's institutes carry its name too ("…科学中心能源研究院").
_NAME_PARENTS = PARENT_CLASSES | {"InnovationPlatform"}


def _parent_by_name(view: SentenceView, child: Mention) -> Mention | None:
    """The article's organisation whose written name begins ``child``'s written name,
    longest first, when the rest names a unit ("华为" + "研究院")."""
    name = child.written
    if not _CUES.unit_name_end.search(name):
        return None
    for cut in range(len(name) - 2, _SHORTEST_PARENT - 1, -1):
        parent = view.organisations.get(name[:cut])
        if parent is not None and parent.canonical != child.canonical:
            return parent if parent.type in _NAME_PARENTS else None
    return None


@relation_rule("part-of-parent-name", 0.7, min_mentions=1, needs="org")
def part_of_parent_name(view: SentenceView) -> Iterator[Found]:
    """ "中科院合肥物质研究院", "华为研究院": a unit whose name begins with the name of a
    university, institute or company the article names is part of it."""
    for unit in view.units:
        if unit.kind != "org":
            continue
        for child in unit.members:
            parent = _parent_by_name(view, child)
            if parent is not None and child.type in _CHILDREN:
                yield Found(_belonging(child, [parent]), child, parent)
