"""Who runs what (OPERATED_BY) and which organisation belongs to which (PART_OF)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import combinations

from kg.model import Mention
from loaders.mentions.anaphors import ANAPHOR_SOURCE
from loaders.mentions.candidates import GAZETTEER_SOURCE
from loaders.mentions.coordination import Unit
from loaders.relations.class_limits import OPERATED_CLASSES, PARENT_CLASSES
from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.neighbour_rules import register_neighbour_rules
from loaders.relations.registry import Found, pairwise, relation_rule
from loaders.relations.scope import DOCUMENT_SUBJECT, synthetic_mention
from loaders.relations.view import SentenceView

_CUES = cue_patterns(__name__)
_CHILDREN = frozenset({"Laboratory", "ResearchInstitute", "InnovationPlatform"})
_RUN_BY_COMPANY = frozenset({"Laboratory", "InnovationPlatform"})
_UNIVERSITY = "University"


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
            if _not_a_unit_of(member, gap, member is child.members[0]):
                continue
            yield from pairwise(_belonging(member, parents), [member], parents)


def _not_a_unit_of(member: Mention, gap: str, first: bool) -> bool:
    """Whether a member of the list after a parent is none of its units: a university the
    gazetteer knows, an institution of its own ("A的实验室和某某大学"), or, when the parent is
    glued to the list's first member ("中科院某某实验室、某某大学某某中心"), a later member
    whose name holds a parent of its own."""
    if member.type == "University" and member.source == GAZETTEER_SOURCE:
        return True
    return not gap and not first and _CUES.own_parent_in_name.search(member.written) is not None


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


def _school_of(child: Mention, parent: Mention) -> bool:
    """A school or college named after its university ("同济大学汽车学院") is part of it."""
    return child.type == _UNIVERSITY and parent.type == _UNIVERSITY


@relation_rule("part-of-parent-name", 0.7, min_mentions=1, needs="org")
def part_of_parent_name(view: SentenceView) -> Iterator[Found]:
    """ "中科院合肥物质研究院", "华为研究院": a unit whose name begins with the name of a
    university, institute or company the article names is part of it."""
    for unit in view.units:
        if unit.kind != "org":
            continue
        for child in unit.members:
            parent = _parent_by_name(view, child)
            if parent is not None and (child.type in _CHILDREN or _school_of(child, parent)):
                yield Found(_belonging(child, [parent]), child, parent)


_CLAUSE_END = re.compile("[。；;]")


def _named_body(view: SentenceView, kind: str) -> Mention | None:
    """The one lab, centre, platform or facility of the article whose name ends with
    ``kind``; None when the article names none or several (a guess between them)."""
    bodies = {
        m.canonical: m
        for m in view.organisations.values()
        if m.type in OPERATED_CLASSES and (m.canonical.endswith(kind) or m.written.endswith(kind))
    }
    return next(iter(bodies.values())) if len(bodies) == 1 else None


def _builders(view: SentenceView, opening_end: int, host_cue: bool) -> Iterator[Mention]:
    """The organisations of the sentence's first clause that build what the kind word
    stands for: the one right after 依托, and each one after 联合/由 that a building verb
    follows ("联合A、B等单位共同组建", "由A牵头")."""
    clause_end = _CLAUSE_END.search(view.text)
    first_end = clause_end.start() if clause_end else len(view.text)
    for k, unit in enumerate(view.units):
        if unit.kind != "org" or unit.start >= first_end:
            continue
        hosts = host_cue and unit.start == opening_end
        joins = _CUES.joins_before.search(view.before(k, 3)) and _CUES.builds_after.match(view.after(k, 12))
        if hosts or joins:
            yield from unit.members


@relation_rule("operated-by-builder-roles", 0.75, min_mentions=1, needs="org", cues="单位 主体")
def operated_by_builder_roles(view: SentenceView) -> Iterator[Found]:
    """X…。项目法人单位为A，共建单位为B、C / X的合作单位包括A、B: the lab, facility or
    platform is run by each body a builder's role lists, and those bodies cooperate. X is the
    body named last before the roles, in the sentence or before it in the article."""
    listed = list(_builder_role_units(view))
    if not listed:
        return
    builders = [m for k in listed for m in view.units[k].members]
    body = _body_before(view, listed[0])
    if body is None:
        return
    yield from (Found("OPERATED_BY", body, b) for b in builders if b.canonical != body.canonical)
    named = list({b.canonical: b for b in builders if b.canonical != body.canonical}.values())
    yield from (Found("COOPERATES_WITH", a, b) for a, b in combinations(named, 2))


def _builder_role_units(view: SentenceView) -> Iterator[int]:
    for k, unit in enumerate(view.units):
        if unit.kind == "org" and _CUES.builder_role.search(view.before(k, 10)):
            yield k


def _body_before(view: SentenceView, index: int) -> Mention | None:
    """The lab, facility or platform named last before unit ``index`` in the sentence; else
    the one earlier sentences of the article name most often (of those named as often, the
    first named): what the article speaks of."""
    inside = [m for u in view.units[:index] for m in u.members if m.type in OPERATED_CLASSES]
    if inside:
        return inside[-1]
    if not view.earlier_bodies:
        return None
    times = Counter(m.canonical for m in view.earlier_bodies)
    first: dict[str, Mention] = {}
    for mention in view.earlier_bodies:
        first.setdefault(mention.canonical, mention)  # in the order first named
    body = max(first.values(), key=lambda m: times[m.canonical])  # (max keeps the first of a tie)
    return synthetic_mention(body, view.sentence, DOCUMENT_SUBJECT)


def _only_anaphors(unit: Unit) -> bool:
    """The unit is a word pointing back at a name (该中心: loaders/mentions/anaphors.py), which
    this rule reads as the kind word it is."""
    return all(m.source == ANAPHOR_SOURCE for m in unit.members)


@relation_rule("operated-by-kind-word", 0.6, min_mentions=1, needs="org", cues="实验室 中心 平台 装置")
def operated_by_kind_word(view: SentenceView) -> Iterator[Found]:
    """X实验室…。实验室依托Y，联合A、B共同组建 / 该中心由Y牵头建设: the kind word opening the
    sentence stands for the one body of that kind the article names, which Y, A and B run."""
    opening = _CUES.kind_opening.match(view.text)
    if opening is None or any(unit.start < opening.end(1) and not _only_anaphors(unit) for unit in view.units):
        return  # no kind word, or it begins a name of its own ("中心城区…")
    body = _named_body(view, opening.group(1))
    if body is None:
        return
    standing = synthetic_mention(body, view.sentence, DOCUMENT_SUBJECT)
    for builder in _builders(view, opening.end(), opening.group(2).startswith("依托")):
        if builder.canonical != body.canonical:
            yield Found("OPERATED_BY", standing, builder)
