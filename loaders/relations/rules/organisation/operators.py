"""More ways a text names who runs a lab, facility or platform (OPERATED_BY).

- "委托X(市场化)运营Y" / "Y…，委托X运行": the commissioned X runs Y.
- "X-Y联合实验室", "中国科大-上海合作组织合作平台": an organisation named before a
  hyphen in a platform's or lab's name is one of its owners.
- "与X、Y等机构共建Z" / "与X…“Z”联合建设": the partners build, hence run, Z.

The entity-class check (class_limits.py) drops any pair that is not operated -> operator.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.model import Mention
from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.neighbour_rules import register_neighbour_rules
from loaders.relations.registry import Found, pairwise, relation_rule
from loaders.relations.view import SentenceView

_CUES = cue_patterns(__name__)

_OPERATED = frozenset({"Laboratory", "LargeScientificFacility", "InnovationPlatform"})
_OPERATORS = frozenset({"University", "ResearchInstitute", "Enterprise"})


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
    if named_after and _CUES.run_gap.match(view.gap(index, following)):
        return list(view.units[following].members)
    earlier = [m for k in _org_units_before(view, index) for m in view.units[k].members if m.type in _OPERATED]
    # Two candidates would be a guess: say nothing.
    return earlier if len({m.canonical for m in earlier}) == 1 else []


@relation_rule("operated-by-commissioned", 0.75, needs="org", cues="委托")
def operated_by_commissioned(view: SentenceView) -> Iterator[Found]:
    """委托X运营Y / Y…委托X市场化运行: Y is operated by X."""
    for i, unit in enumerate(view.units):
        if unit.kind != "org" or not _CUES.commission_before.search(view.before(i, 3)):
            continue
        if _CUES.run_after.match(view.text[unit.tail_end :]):
            yield from pairwise("OPERATED_BY", _commissioned_targets(view, i), unit.members)


def _owners_by_hyphen(view: SentenceView, mention: Mention) -> list[Mention]:
    """Known organisations named before (or right after) a hyphen in ``mention``'s name."""
    if _CUES.hyphen.search(mention.written) is None:
        return []
    pieces = _CUES.hyphen.split(mention.written)
    owners = [view.organisations.get(piece.strip()) for piece in pieces[:-1]]
    owners.append(_joint_partner(view, pieces[-1].strip()))
    return [o for o in owners if o is not None and o.type in _OPERATORS]


def _joint_partner(view: SentenceView, last_piece: str) -> Mention | None:
    """ "科大讯飞联合实验室": the longest known organisation opening the last piece, when
    the rest says it is joint (联合, 合作, 共建)."""
    for cut in range(len(last_piece) - 1, 1, -1):
        partner = view.organisations.get(last_piece[:cut])
        if partner is not None and _CUES.joint_word.match(last_piece[cut:]):
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


# "与X、Y等机构共建Z", "与X…“Z”联合建设": neighbour_rules.toml.
register_neighbour_rules(__name__, "partners", _CUES)
