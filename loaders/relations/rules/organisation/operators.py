"""More ways a text names who runs a lab, facility or platform (OPERATED_BY).

- "委托X(市场化)运营Y" / "Y…，委托X运行": the commissioned X runs Y.
- "X-Y联合实验室", "中国科大-上海合作组织合作平台": an organisation named before a
  hyphen in a platform's or lab's name is one of its owners.
- "与X、Y等机构共建Z" / "与X…“Z”联合建设": the partners build, hence run, Z.

The entity-class check (class_limits.py) drops any pair that is not operated -> operator.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.model import Mention
from loaders.relations.registry import Found, pairwise, relation_rule
from loaders.relations.view import SentenceView

_COMMISSION_BEFORE = re.compile(r"委托(?:给)?$")
# What the commissioned organisation does: run, operate or manage (not "build").
_RUN_VERB = r"(?:市场化|专业化|独立)?(?:建设运营|运营管理|运营|运行|管理)"
_RUN_AFTER = re.compile(r"^" + _RUN_VERB)
_RUN_GAP = re.compile(r"^" + _RUN_VERB + r"(?:了|的)?$")
_CLAUSE_END = re.compile(r"[。；;！？!?]")

_HYPHEN = re.compile(r"[-－—–‐]")
_OPERATED = frozenset({"Laboratory", "LargeScientificFacility", "InnovationPlatform"})
_OPERATORS = frozenset({"University", "ResearchInstitute", "Enterprise"})
# After the last hyphen: "<partner>联合实验室" names a second owner.
_JOINT_WORD = re.compile(r"^(?:联合|合作|共建)")

_PARTNER_BEFORE = re.compile(r"(?:与|同|和|跟)$")
_JOINT_BUILD = r"(?:共建|共同建设|联合建设|合作建设|联合组建|共同组建|联合共建)"
_PARTNER_BUILDS_GAP = re.compile(r"^" + _JOINT_BUILD + r"(?:了|的)?[“‘「『《]?$")
_BUILT_AFTER = re.compile(r"^[”’」』》]?(?:的)?" + _JOINT_BUILD)
_NAMED_BETWEEN = re.compile(r"^[^，。；,;：:]{0,12}$")


def _org_units_before(view: SentenceView, index: int) -> list[int]:
    """Organisation units before ``index`` in the same sentence part (no 。；)."""
    found: list[int] = []
    for k in range(index - 1, -1, -1):
        if not view.same_clause(k, index):
            break
        if view.units[k].kind == "org":
            found.append(k)
    return found


def _commissioned_targets(view: SentenceView, index: int) -> list[Mention]:
    """What the organisation commissioned at ``index`` runs: the organisation right after
    "运营", else the one operated organisation named before 委托 in the sentence."""
    following = index + 1
    named_after = following < len(view.units) and view.units[following].kind == "org"
    if named_after and _RUN_GAP.match(view.gap(index, following)):
        return list(view.units[following].members)
    earlier = [m for k in _org_units_before(view, index) for m in view.units[k].members if m.type in _OPERATED]
    # Two candidates would be a guess: say nothing.
    return earlier if len({m.canonical for m in earlier}) == 1 else []


@relation_rule("operated-by-commissioned", 0.75, needs="org", cues="委托")
def operated_by_commissioned(view: SentenceView) -> Iterator[Found]:
    """委托X运营Y / Y…委托X市场化运行: Y is operated by X."""
    for i, unit in enumerate(view.units):
        if unit.kind != "org" or not _COMMISSION_BEFORE.search(view.before(i, 3)):
            continue
        if _RUN_AFTER.match(view.text[unit.tail_end :]):
            yield from pairwise("OPERATED_BY", _commissioned_targets(view, i), unit.members)


def _owners_by_hyphen(view: SentenceView, mention: Mention) -> list[Mention]:
    """Known organisations named before (or right after) a hyphen in ``mention``'s name."""
    if _HYPHEN.search(mention.text) is None:
        return []
    pieces = _HYPHEN.split(mention.text)
    owners = [view.organisations.get(piece.strip()) for piece in pieces[:-1]]
    owners.append(_joint_partner(view, pieces[-1].strip()))
    return [o for o in owners if o is not None and o.type in _OPERATORS]


def _joint_partner(view: SentenceView, last_piece: str) -> Mention | None:
    """ "科大讯飞联合实验室": the longest known organisation opening the last piece, when
    the rest says it is joint (联合, 合作, 共建)."""
    for cut in range(len(last_piece) - 1, 1, -1):
        partner = view.organisations.get(last_piece[:cut])
        if partner is not None and _JOINT_WORD.match(last_piece[cut:]):
            return partner
    return None


@relation_rule("operated-by-hyphen-name", 0.75, min_mentions=1, needs="org", cues="- － — – ‐")
def operated_by_hyphen_name(view: SentenceView) -> Iterator[Found]:
    """ "中国科大-X合作平台": the organisation before the hyphen runs the platform."""
    for unit in view.units:
        if unit.kind != "org":
            continue
        for mention in unit.members:
            if mention.type in _OPERATED:
                for owner in _owners_by_hyphen(view, mention):
                    if owner.canonical != mention.canonical:
                        yield Found("OPERATED_BY", mention, owner)


@relation_rule("operated-by-partners", 0.75, needs="org", cues="建")
def operated_by_partners(view: SentenceView) -> Iterator[Found]:
    """与X、Y等机构共建Z / 与X…“Z”联合建设: Z is operated by each partner."""
    for i, j in view.consecutive():
        partners, built = view.units[i], view.units[j]
        if partners.kind != "org" or built.kind != "org":
            continue
        if not _PARTNER_BEFORE.search(view.before(i, 2)):
            continue
        gap = view.gap(i, j)
        verb_between = _PARTNER_BUILDS_GAP.match(gap)
        verb_after = _NAMED_BETWEEN.match(gap) and _BUILT_AFTER.match(view.after(j, 8))
        if verb_between or verb_after:
            yield from pairwise("OPERATED_BY", built.members, partners.members)
