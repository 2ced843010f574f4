"""Relations whose subject is named once and carried over commas (see topic.py).

- "X牵头建设的Y，服务A和B两大产业" / "建设X和Y，分别服务A和B": Y (each X) supports.
- "X由A牵头建设，联合B等企业攻关…，支撑Y产业": X supports Y and cooperates with B.
- "X聚焦…，服务Y产业，已与A、B等企业建立联合研发机制": X supports Y, cooperates with A, B.
- "公司正与X联合开发": 公司 is the company named earlier in the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.model import Mention
from loaders.relations.registry import Found, pairwise, relation_rule
from loaders.relations.topic import (
    clause_start,
    org_in_clause_before,
    supporters,
    topic_unit,
)
from loaders.relations.view import SentenceView

_ADVERBS = r"(?:并|将|还|也|可|均|已|正|主要|重点|着力|全力|积极|直接|持续|先后|共同)*"
_SERVE = r"(?:服务于?|支撑|赋能|助力)"
# Between a supporter and its chains across one comma: "，(分别)服务".
_SERVE_GAP = re.compile(r"^[，,]?\s*" + _ADVERBS + r"(?P<each>分别)?" + _ADVERBS + _SERVE + r"[^，。；,;：:、]{0,4}$")
# A clause opening with the verb, its subject left to the topic: "，服务Y产业".
_SERVE_OPENS = re.compile(r"^" + _ADVERBS + _SERVE + r"[^，。；,;：:、]{0,4}$")
# "，围绕Y产业链攻关…": working on the chain's problems supports it.
_AROUND_OPENS = re.compile(r"^" + _ADVERBS + r"围绕$")
_TACKLE_AFTER = re.compile(r"^(?:产业链|产业|领域)?(?:的)?[^，。；,;：:]{0,3}?(?:攻关|研发|开展|突破|创新)")

_PARTNER_VERB = r"(?:合作|共建|联合|携手|协同|签约|签署|对接)"
# "(公司)正与X…合作": a partner introduced by 与 at the head of its clause.
_WITH_OPENS = re.compile(r"^(?P<pronoun>(?:该|这家)?(?:公司|企业|集团))?" + _ADVERBS + r"(?:与|同|跟)$")
_PARTNER_AFTER = re.compile(r"^[^，。；,;：:]{0,8}?" + _PARTNER_VERB)
# "，联合B等企业攻关": a partner introduced by a verb of joining at the head of its clause.
_JOIN_OPENS = re.compile(r"^" + _ADVERBS + r"(?:联合|携手|会同|协同)$")


def _clause_head(view: SentenceView, index: int) -> str:
    """The text of unit ``index``'s comma clause before the unit."""
    start = view.units[index].start
    return view.text[clause_start(view.text, start) : start].strip()


def _serve_pairs(view: SentenceView, i: int, j: int) -> Iterator[Found]:
    match = _SERVE_GAP.match(view.gap(i, j))
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


def _topic_supporters(view: SentenceView, index: int) -> list[Mention]:
    if org_in_clause_before(view, index):
        return []  # the clause has its own subject
    topic = topic_unit(view, index)
    return [] if topic is None else supporters(view.units[topic].members)


@relation_rule("supports-chain-topic", 0.8, needs="org chain", cues="服务 支撑 赋能 助力 围绕")
def supports_chain_topic(view: SentenceView) -> Iterator[Found]:
    """X…，服务Y产业 / X…，围绕Y产业链攻关: the sentence's subject X supports Y."""
    for j, unit in enumerate(view.units):
        if unit.kind != "chain":
            continue
        head = _clause_head(view, j)
        serves = _SERVE_OPENS.match(head) and "分别" not in head
        tackles = _AROUND_OPENS.match(head) and _TACKLE_AFTER.match(view.text[unit.end :])
        if serves or tackles:
            yield from pairwise("SUPPORTS_CHAIN", _topic_supporters(view, j), unit.members)


def _earlier_company(view: SentenceView, index: int) -> list[Mention]:
    """The company 公司 refers back to: the last Enterprise named before it."""
    for k in range(index - 1, -1, -1):
        firms = [m for m in view.units[k].members if m.type == "Enterprise"]
        if firms:
            return firms[-1:]
    return []


def _subject_of(view: SentenceView, index: int, pronoun: bool) -> list[Mention]:
    if pronoun:
        return _earlier_company(view, index)
    if org_in_clause_before(view, index):
        return []  # "X与Y合作" has its own subject: cooperation.py reads it
    topic = topic_unit(view, index)
    return [] if topic is None else list(view.units[topic].members)


@relation_rule("cooperates-topic", 0.8, needs="org", cues="合作 共建 联合 携手 协同 签约 签署 对接 会同")
def cooperates_topic(view: SentenceView) -> Iterator[Found]:
    """X…，已与A、B等企业建立联合研发机制 / X…，联合B等企业攻关 / 公司正与B联合开发."""
    for j, unit in enumerate(view.units):
        if unit.kind != "org":
            continue
        head = _clause_head(view, j)
        with_partner = _WITH_OPENS.match(head)
        if with_partner and _PARTNER_AFTER.match(view.text[unit.tail_end :]):
            subject = _subject_of(view, j, bool(with_partner.group("pronoun")))
        elif _JOIN_OPENS.match(head):
            subject = _subject_of(view, j, False)
        else:
            continue
        yield from pairwise("COOPERATES_WITH", subject, unit.members)
