"""Who runs what (OPERATED_BY) and which organisation belongs to which (PART_OF)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.model import Mention
from loaders.relations.class_limits import PARENT_CLASSES
from loaders.relations.registry import Found, pairwise, relation_rule
from loaders.relations.view import SentenceView

_YITUO_BEFORE = re.compile(r"依托(?:于)?$")
# "依托Y建设X", "依托Y运行的X": building or running verbs between the host Y and X.
_BUILD_GAP = re.compile(r"^[^，。；,;：:]{0,6}?(?:建设|组建|设立|建立|共建|筹建|创建|成立|运行|运营|管理)(?:了|的)?$")
# "X依托Y" / "X的依托单位为Y" / "X依托于Y".
_YITUO_GAP = re.compile(r"^(?:[^，。；,;：:]{0,4}?依托(?:于)?|的?依托单位(?:是|为)?)$")
# "X以Y为依托单位": 以 between them, the role after Y.
_BY_WAY_OF_GAP = re.compile(r"^[^，。；,;：:]{0,2}?以$")
_HOST_ROLE_AFTER = re.compile(r"^为(?:其)?(?:依托单位|依托|建设单位|承建单位|运行单位)")
# "Y牵头建设X", "Y承建X", "Y负责运行X".
_LEAD_GAP = re.compile(
    r"^(?:牵头(?:建设|组建|承建|筹建)?|承建|负责(?:建设|运行|运营|承建)|建设运行|运行管理)(?:了|的)?$"
)
# "X由Y运行" (the gap is 由, the verb follows Y).
_BY_GAP = re.compile(r"^[^，。；,;：:]{0,4}?由$")
_BY_VERB = re.compile(r"^(?:牵头|负责|主导|联合|共同|合作)?(?:建设|承建|运行|运营|管理|组建|筹建|建成)")
# "Y建设X" / "Y、Z共建X": a plain building verb, weaker than 牵头/承建.
_PLAIN_BUILD_GAP = re.compile(r"^(?:共同|联合)?(?:共建|建设|组建|筹建|建成)(?:了|的)?$")
# "Y的X", "Y下属X": an organisation's own lab or institute.
_PARENT_GAP = re.compile(r"^(?:的|所属的?|下属的?|旗下的?|直属的?)?$")
_BELONGS_GAP = re.compile(r"^(?:隶属于|隶属|归属于)$")
_CHILDREN = frozenset({"Laboratory", "ResearchInstitute", "InnovationPlatform"})
_RUN_BY_COMPANY = frozenset({"Laboratory", "InnovationPlatform"})


def _org_pairs(view: SentenceView) -> list[tuple[int, int]]:
    units = view.units
    return [(i, j) for i, j in view.consecutive() if units[i].kind == units[j].kind == "org"]


@relation_rule("operated-by-host-builds", 0.9, needs="org", cues="依托")
def operated_by_host_builds(view: SentenceView) -> Iterator[Found]:
    """依托Y建设X: Y hosts X."""
    for i, j in _org_pairs(view):
        if _YITUO_BEFORE.search(view.before(i, 3)) and _BUILD_GAP.match(view.gap(i, j)):
            yield from pairwise("OPERATED_BY", view.units[j].members, view.units[i].members)


@relation_rule("operated-by-relies-on", 0.85, needs="org", cues="依托")
def operated_by_relies_on(view: SentenceView) -> Iterator[Found]:
    """X依托Y(建设) / X的依托单位为Y."""
    for i, j in _org_pairs(view):
        if _YITUO_GAP.match(view.gap(i, j)):
            yield from pairwise("OPERATED_BY", view.units[i].members, view.units[j].members)


@relation_rule("operated-by-host-role", 0.85, needs="org", cues="依托 建设单位 承建单位 运行单位")
def operated_by_host_role(view: SentenceView) -> Iterator[Found]:
    """X以Y为依托单位: Y hosts X."""
    for i, j in _org_pairs(view):
        if _BY_WAY_OF_GAP.match(view.gap(i, j)) and _HOST_ROLE_AFTER.match(view.after(j, 8)):
            yield from pairwise("OPERATED_BY", view.units[i].members, view.units[j].members)


@relation_rule("operated-by-lead", 0.9, needs="org", cues="牵头 承建 负责 运行")
def operated_by_lead(view: SentenceView) -> Iterator[Found]:
    """Y牵头建设X / Y承建X / Y负责运行X."""
    for i, j in _org_pairs(view):
        if _LEAD_GAP.match(view.gap(i, j)):
            yield from pairwise("OPERATED_BY", view.units[j].members, view.units[i].members)


@relation_rule("operated-by-passive", 0.9, needs="org", cues="由")
def operated_by_passive(view: SentenceView) -> Iterator[Found]:
    """X由Y建设/运行/牵头组建."""
    for i, j in _org_pairs(view):
        if _BY_GAP.match(view.gap(i, j)) and _BY_VERB.match(view.after(j, 6)):
            yield from pairwise("OPERATED_BY", view.units[i].members, view.units[j].members)


@relation_rule("operated-by-builds", 0.75, needs="org", cues="建")
def operated_by_builds(view: SentenceView) -> Iterator[Found]:
    """Y建设X / Y、Z共建X (plain verb: lower confidence than 牵头/承建)."""
    for i, j in _org_pairs(view):
        if _YITUO_BEFORE.search(view.before(i, 3)):
            continue  # 依托Y建设X is the host rule's
        if _PLAIN_BUILD_GAP.match(view.gap(i, j)):
            yield from pairwise("OPERATED_BY", view.units[j].members, view.units[i].members)


@relation_rule("part-of-parent-org", 0.7, needs="org")
def part_of_parent_org(view: SentenceView) -> Iterator[Found]:
    """Y的X / Y下属X: a lab, institute or platform of a university, institute or company
    is part of it; a facility of an institute, or a company's lab, is operated by it."""
    for i, j in _org_pairs(view):
        parent, child = view.units[i], view.units[j]
        if parent.is_list or not _PARENT_GAP.match(view.gap(i, j)):
            continue
        parents = [m for m in parent.members if m.type in PARENT_CLASSES]
        for member in child.members:
            yield from pairwise(_belonging(member, parents), [member], parents)


def _belonging(child: Mention, parents: list[Mention]) -> str:
    """A facility of an institute, or a lab of a company, is run by it (OPERATED_BY); a
    lab, institute or platform of a university or institute is part of it (PART_OF)."""
    if child.type == "LargeScientificFacility":
        return "OPERATED_BY"
    if child.type in _RUN_BY_COMPANY and all(p.type == "Enterprise" for p in parents):
        return "OPERATED_BY"
    return "PART_OF"


@relation_rule("part-of-belongs-to", 0.9, needs="org", cues="隶属 归属")
def part_of_belongs_to(view: SentenceView) -> Iterator[Found]:
    """X隶属于Y."""
    for i, j in _org_pairs(view):
        if _BELONGS_GAP.match(view.gap(i, j)):
            yield from pairwise("PART_OF", view.units[i].members, view.units[j].members)


# What follows a parent's name in a unit's name: the unit's own kind of body.
_UNIT_NAME_END = re.compile(r"(?:研究院|研究所|分院|学院|实验室|研究中心|中心|基地|医院|分公司)$")
_SHORTEST_PARENT = 2
# A science centre's institutes carry its name too ("…科学中心能源研究院").
_NAME_PARENTS = PARENT_CLASSES | {"InnovationPlatform"}


def _parent_by_name(view: SentenceView, child: Mention) -> Mention | None:
    """The article's organisation whose written name begins ``child``'s written name,
    longest first, when the rest names a unit ("华为" + "研究院")."""
    name = child.text
    if not _UNIT_NAME_END.search(name):
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
