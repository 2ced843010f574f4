"""Segments of a chain (PART_OF between chains) named as its links or its streams.

- "以光伏为核心，围绕电池组件、逆变器、光伏玻璃等重点环节": the listed links are parts
  of the chain the sentence is about.
- "光伏产业链上游硅料、中游电池片、下游电站": the labelled streams are parts of it.
- "某产业链包括以A、B等为主的上游产业；以C、D为主的中游产业": so are the lists each
  stream is said to be made of.
- "X产业涵盖A、B等多个领域", "它涵盖了A、B等环节": what a chain covers are parts of it.
- "在打造X产业集群方面，…大力发展A、B等产业": what a sentence labelled by a chain develops.

The chain they belong to is the one whole chain named before them in the sentence (the
sentence's topic); when the sentence names none, the paragraph lead's or the heading's.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.model import Mention
from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.registry import Found, relation_rule
from loaders.relations.view import SentenceView

_CUES = cue_patterns(__name__)
_LEAST_STREAMS = 2  # one label alone is the upstream rule's ("X上游的Y"), not a list of parts


def _whole_chains(unit_members: tuple[Mention, ...]) -> list[Mention]:
    return [m for m in unit_members if m.subtype != "ChainSegment"]


def _topic_before(view: SentenceView, index: int) -> Mention | None:
    """The one whole chain (by canonical) named before unit ``index`` in its clause, else
    in the sentence's earlier clauses ("X拥有机器人企业300余家，覆盖A、B等环节": the
    sentence is about one chain throughout), else the lead's or the heading's single
    chain; None when that is not one chain."""
    named = _chains_before(view, index, same_clause=True) or _chains_before(view, index, same_clause=False)
    if not named:
        context = list(view.lead_chains) or ([view.section_chain] if view.section_chain else [])
        named = {m.canonical: m for m in context}
    return next(iter(named.values())) if len(named) == 1 else None


def _chains_before(view: SentenceView, index: int, *, same_clause: bool) -> dict[str, Mention]:
    """The whole chains named before unit ``index``, in its clause only or anywhere before."""
    return {
        m.canonical: m
        for k in range(index)
        if view.units[k].kind == "chain" and (not same_clause or view.same_clause(k, index))
        for m in _whole_chains(view.units[k].members)
    }


def _parts_of(view: SentenceView, members: list[Mention], topic: Mention) -> Iterator[Found]:
    for member in members:
        if member.canonical != topic.canonical:
            yield Found("PART_OF", member, topic)


@relation_rule("part-of-chain-links", 0.75, needs="chain", cues="环节 链条")
def part_of_chain_links(view: SentenceView) -> Iterator[Found]:
    """围绕A、B、C等重点环节: A, B, C are links of the sentence's chain."""
    for i, unit in enumerate(view.units):
        if unit.kind != "chain" or not unit.is_list:
            continue
        if not _CUES.links_tail.match(view.text[unit.end :]):
            continue
        topic = _topic_before(view, i)
        if topic is not None:
            yield from _parts_of(view, list(unit.members), topic)


def _labelled_streams(view: SentenceView) -> list[int]:
    return [
        i for i, unit in enumerate(view.units) if unit.kind == "chain" and _CUES.stream_label.search(view.before(i, 8))
    ]


@relation_rule("part-of-chain-streams", 0.75, needs="chain", cues="上游 中游 下游")
def part_of_chain_streams(view: SentenceView) -> Iterator[Found]:
    """X产业链上游A、中游B、下游C: each labelled stream is a part of chain X."""
    labelled = _labelled_streams(view)
    if len(labelled) < _LEAST_STREAMS:
        return
    topic = _topic_before(view, labelled[0])
    if topic is None:
        return
    for i in labelled:
        yield from _parts_of(view, list(view.units[i].members), topic)


def _chain_of_sentence(view: SentenceView, index: int) -> Mention | None:
    """The one whole chain (by canonical) named before unit ``index`` anywhere in the
    sentence: the streams of "…产业链，包括以A为主的上游产业；以B为主的中游产业" stand in
    clauses of their own. Else the lead's or the heading's, as for _topic_before."""
    named = {
        m.canonical: m
        for k in range(index)
        if view.units[k].kind == "chain" and not view.units[k].is_list
        for m in _whole_chains(view.units[k].members)
    }
    return next(iter(named.values())) if len(named) == 1 else _topic_before(view, index)


@relation_rule("part-of-chain-led-streams", 0.7, needs="chain", cues="上游 中游 下游")
def part_of_chain_led_streams(view: SentenceView) -> Iterator[Found]:
    """以A、B等为主的上游产业: A and B are parts of the sentence's chain, the one named
    before the first such stream (later streams are no chains the others belong to)."""
    streams = [
        i
        for i, unit in enumerate(view.units)
        if unit.kind == "chain" and _CUES.led_stream_tail.match(view.text[unit.end :])
    ]
    topic = _chain_of_sentence(view, min(_same_list(view, streams[0]))) if streams else None
    if topic is None:
        return
    for i in streams:
        for k in _same_list(view, i):
            yield from _parts_of(view, list(view.units[k].members), topic)


def _same_list(view: SentenceView, index: int) -> list[int]:
    """Unit ``index`` and the chain units before it in one 、-list, which a member the
    finders did not read splits into several units ("A、B、(unread)、C等为主的…")."""
    found = [index]
    k = index - 1
    while (
        k >= 0
        and view.units[k].kind == "chain"
        and _CUES.list_gap.match(view.text[view.units[k].end : view.units[k + 1].start])
    ):
        found.append(k)
        k -= 1
    return found


def _covering_subject(view: SentenceView, index: int) -> Mention | None:
    """The chain whose verb of covering opens list unit ``index``: the one chain right
    before the verb, or, after 它/其, the one chain the sentence before names. A pair of
    chains ("A和B产业链涵盖…") does not say which link is whose."""
    if index > 0 and view.units[index - 1].kind == "chain" and _CUES.covers_gap.match(view.gap(index - 1, index)):
        chains = _whole_chains(view.units[index - 1].members)
        return chains[0] if len(chains) == 1 == len(view.units[index - 1].members) else None
    clause = view.text[view.units[index - 1].tail_end if index > 0 else 0 : view.units[index].start]
    if view.previous_chain is not None and _CUES.covers_pronoun.search(clause):
        return view.previous_chain
    return None


@relation_rule("part-of-chain-covers", 0.7, needs="chain", cues="涵盖 覆盖 包括 包含 聚焦 重点发展 主攻 形成")
def part_of_chain_covers(view: SentenceView) -> Iterator[Found]:
    """X产业涵盖A、B、C等领域, X业聚焦A、B等服务: A, B, C are parts of chain X."""
    for i, unit in enumerate(view.units):
        if unit.kind != "chain" or not unit.is_list or not _CUES.covers_tail.match(view.text[unit.end :]):
            continue
        topic = _covering_subject(view, i)
        if topic is not None:
            yield from _parts_of(view, list(unit.members), topic)


def _label_chain(view: SentenceView) -> Mention | None:
    """The one chain the sentence opens by naming as its subject matter ("在X产业方面，", "X产业：")."""
    if not view.units or view.units[0].kind != "chain" or view.units[0].is_list:
        return None
    first = view.units[0]
    if not (_CUES.label_open.match(view.text[: first.start]) and _CUES.label_close.match(view.text[first.end :])):
        return None
    chains = _whole_chains(first.members)
    return chains[0] if chains else None


@relation_rule("part-of-chain-label", 0.65, needs="chain", cues="方面 领域 板块 ： :")
def part_of_chain_label(view: SentenceView) -> Iterator[Found]:
    """在X产业方面，…大力发展A、B等产业, and a label line "X产业：重点发展A、B" or "X：重点领域为A、B":
    A and B are parts of chain X."""
    label = _label_chain(view)
    if label is None:
        return
    for i in range(1, len(view.units)):
        unit = view.units[i]
        if unit.kind == "chain" and _CUES.label_focus.search(view.text[view.units[i - 1].tail_end : unit.start]):
            yield from _parts_of(view, list(unit.members), label)
