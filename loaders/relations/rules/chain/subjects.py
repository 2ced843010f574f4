"""Relations whose subject is named once and carried over commas (see topic.py).

- "X牵头建设的Y，服务A和B两大产业" / "建设X和Y，分别服务A和B": Y (each X) supports.
- "X由A牵头建设，联合B等企业攻关…，支撑Y产业": X supports Y and cooperates with B.
- "X聚焦…，服务Y产业，已与A、B等企业建立联合研发机制": X supports Y, cooperates with A, B.
- "公司正与X联合开发": 公司 is the company named earlier in the sentence.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from kg.constraints import domain_and_range
from kg.model import Mention
from loaders.mentions.coordination import Unit
from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.registry import Found, pairwise, relation_rule
from loaders.relations.topic import (
    clause_start,
    org_in_clause_before,
    supporters,
    topic_unit,
)
from loaders.relations.view import SentenceView

_CUES = cue_patterns(__name__)
# The body named right after 依托 (the supports table's reading): one of a lab's builders.
_RELIES_BEFORE = cue_patterns(__name__, "supports").yituo_before


def _clause_head(view: SentenceView, index: int) -> str:
    """The text of unit ``index``'s comma clause before the unit."""
    start = view.units[index].start
    return view.text[clause_start(view.text, start) : start].strip()


def _serve_pairs(view: SentenceView, i: int, j: int) -> Iterator[Found]:
    match = _CUES.serve_gap.match(view.gap(i, j))
    if match is None:
        return
    heads, tails = view.units[i].members, view.units[j].members
    if match.group("each"):
        # 分别: the n-th supporter serves the n-th chain; unequal lists say nothing sure.
        if len(heads) == len(tails):
            yield from (Found("SUPPORTS_CHAIN", h, t) for h, t in zip(heads, tails, strict=True))
        return
    yield from pairwise("SUPPORTS_CHAIN", heads, tails)


@relation_rule("supports-chain-serves", 0.85, needs="org chain", cues="服务 支撑 赋能 助力")
def supports_chain_serves(view: SentenceView) -> Iterator[Found]:
    """X，服务Y产业 / X和Z，分别服务A和B: the unit right before the verb supports."""
    for i, j in view.consecutive():
        if view.units[i].kind == "org" and view.units[j].kind == "chain":
            yield from _serve_pairs(view, i, j)


def _topic_members(view: SentenceView, index: int) -> tuple[Mention, ...]:
    """The subject unit ``index``'s clause leaves to the sentence's topic: none when an
    organisation before the unit in its clause is the clause's own subject ("X与Y合作"
    has its own: cooperation.py reads it)."""
    if org_in_clause_before(view, index):
        return ()
    topic = topic_unit(view, index)
    return () if topic is None else view.units[topic].members


def _clause_heads(view: SentenceView, kind: str) -> Iterator[tuple[int, Unit, str]]:
    """Units of ``kind``, each with the text of its comma clause before it."""
    for j, unit in enumerate(view.units):
        if unit.kind == kind:
            yield j, unit, _clause_head(view, j)


def _works_for(head: str, after: str) -> bool:
    """The clause before a chain (``head``) and the text after it say the clause's subject
    works for the chain: 服务Y, 围绕Y攻关, 为Y发展注入动力, 奠定Y发展的基础."""
    if _CUES.serve_opens.match(head):
        return "分别" not in head
    if _CUES.around_opens.match(head):
        return _CUES.tackle_after.match(after) is not None
    if _CUES.for_opens.match(head):
        return _CUES.provides_after.match(after) is not None
    return bool(_CUES.groundwork_opens.match(head) and _CUES.groundwork_after.match(after))


@relation_rule("supports-chain-topic", 0.8, needs="org chain", cues="服务 支撑 赋能 助力 围绕 为 奠定 夯实 打下")
def supports_chain_topic(view: SentenceView) -> Iterator[Found]:
    """X…，服务Y产业 / X…，围绕Y产业链攻关 / X…，为Y产业发展注入动力 / X…，奠定了Y产业
    发展的基础: the sentence's subject X supports Y."""
    for j, unit, head in _clause_heads(view, "chain"):
        if _works_for(head, view.text[unit.end :]):
            yield from pairwise("SUPPORTS_CHAIN", supporters(_topic_members(view, j)), unit.members)


@relation_rule("focuses-on-org-topic", 0.7, needs="org chain", cues="聚焦 专注 致力于 主攻 深耕")
def focuses_on_org_topic(view: SentenceView) -> Iterator[Found]:
    """X以A为依托单位，聚焦Y产业前沿技术: the research body heading the sentence is devoted
    to Y (an enterprise's focus is left to the PART_OF_CHAIN rules)."""
    for j, unit, head in _clause_heads(view, "chain"):
        if _CUES.focus_opens.match(head):
            research = [m for m in _topic_members(view, j) if m.type != "Enterprise"]
            yield from pairwise("FOCUSES_ON", research, unit.members)


def _earlier_company(view: SentenceView, index: int) -> list[Mention]:
    """The company 公司 refers back to: the last Enterprise named before it."""
    for k in range(index - 1, -1, -1):
        firms = [m for m in view.units[k].members if m.type == "Enterprise"]
        if firms:
            return firms[-1:]
    return []


def _subject_of(view: SentenceView, index: int, pronoun: bool) -> list[Mention]:
    return _earlier_company(view, index) if pronoun else list(_topic_members(view, index))


@relation_rule("cooperates-topic", 0.8, needs="org", cues="合作 共建 联合 携手 协同 签约 签署 对接 会同")
def cooperates_topic(view: SentenceView) -> Iterator[Found]:
    """X…，已与A、B等企业建立联合研发机制 / X…，联合B等企业攻关 / 公司正与B联合开发.
    When X is a thing that is built and the partners build it ("X依托A，联合B、C合作共建"),
    they are its builders: see co_built."""
    for j, unit, head in _clause_heads(view, "org"):
        with_partner = _CUES.with_opens.match(head)
        if with_partner and _led_co_builders(view, j, unit, head):
            continue  # "X由A牵头，与B、C等单位共建": co_built reads them
        if with_partner and _CUES.partner_after.match(view.text[unit.tail_end :]):
            subject = _subject_of(view, j, bool(with_partner.group("pronoun")))
        elif _CUES.join_opens.match(head):
            subject = _subject_of(view, j, False)
            if _built_by_partners(view, subject, unit):
                continue
        else:
            continue
        yield from pairwise("COOPERATES_WITH", subject, unit.members)


def _built_by_partners(view: SentenceView, subject: list[Mention], partners: Unit) -> bool:
    """The subject is a lab, facility or platform (what OPERATED_BY starts at) and the text
    after the partners says they build it ("…等单位合作共建")."""
    built, _ = domain_and_range("OPERATED_BY")
    return (
        bool(subject)
        and all(m.type in built for m in subject)
        and bool(_CUES.build_after.match(view.text[partners.tail_end :]))
    )


@relation_rule("operated-by-co-builders", 0.8, needs="org", cues="联合 携手 会同 协同 牵头")
def co_built(view: SentenceView) -> Iterator[Found]:
    """X依托A，联合B、C等单位合作共建: B and C build X with A. Each builder runs X
    (OPERATED_BY) and the builders cooperate (COOPERATES_WITH), as the annotation guide
    reads a co-built lab; X itself cooperates with none of them."""
    for j, unit, head in _clause_heads(view, "org"):
        led = _led_co_builders(view, j, unit, head)
        if not (led or _CUES.join_opens.match(head)):
            continue
        subject = _subject_of(view, j, False)
        if not _built_by_partners(view, subject, unit):
            continue
        yield from pairwise("OPERATED_BY", subject, unit.members)
        builders = [*_relied_on(view, j), *led, *unit.members]
        yield from (Found("COOPERATES_WITH", a, b) for a, b in combinations(builders, 2) if a.canonical != b.canonical)


def _led_co_builders(view: SentenceView, index: int, unit: Unit, head: str) -> list[Mention]:
    """The lead of "X由A牵头，与B、C等单位共建" when unit ``index`` is the partners after 与
    (``head``: its clause's opening) and the text after them builds: A, which the partners
    join in building X. [] when no lead stands in the clause before."""
    if not _CUES.with_opens.match(head) or not _CUES.build_after.match(view.text[unit.tail_end :]):
        return []
    for k in range(index - 1, -1, -1):
        lead = view.units[k]
        if lead.kind == "org" and view.text.endswith("由", 0, lead.start):
            return list(lead.members) if _CUES.leads_after.match(view.text, lead.tail_end) else []
    return []


def _relied_on(view: SentenceView, before: int) -> list[Mention]:
    """Organisations named right after 依托 before unit ``before`` in its sentence."""
    return [
        m
        for k in range(before)
        if view.units[k].kind == "org" and _RELIES_BEFORE.search(view.text[: view.units[k].start])
        for m in view.units[k].members
    ]
