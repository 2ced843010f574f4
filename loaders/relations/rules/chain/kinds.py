"""Chains named as kinds of a broader chain: "物联网、大数据、人工智能等新一代信息技术",
"新一代信息技术（集成电路、智能终端）": each listed chain is PART_OF the broader one."""

from __future__ import annotations

from collections.abc import Iterator

from kg.model import Mention
from loaders.mentions.chain_links import chain_link_spans
from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.registry import Found, pairwise, relation_rule
from loaders.relations.scope import synthetic_mention
from loaders.relations.view import SentenceView

_CUES = cue_patterns(__name__)


@relation_rule("part-of-chain-kind", 0.75, needs="chain", cues="等")
def part_of_chain_kind(view: SentenceView) -> Iterator[Found]:
    """A、B、C等X: the listed chains are kinds of chain X."""
    for i, j in view.neighbours("chain", "chain"):
        items, broader = view.units[i], view.units[j]
        # From the end of the last name: the list's 等-tail is part of what is read.
        if items.is_list and not broader.is_list and _CUES.kind_gap.match(view.text[items.end : broader.start]):
            yield from pairwise("PART_OF", items.members, broader.members)


@relation_rule("part-of-chain-parenthesis", 0.75, needs="chain", cues="（ (")
def part_of_chain_parenthesis(view: SentenceView) -> Iterator[Found]:
    """X（A、B）: the chains in brackets right after chain X are parts of it."""
    for i, j in view.neighbours("chain", "chain"):
        if not view.units[i].is_list and _in_brackets_after(view, i, j):
            yield from pairwise("PART_OF", view.units[j].members, view.units[i].members)


def _in_brackets_after(view: SentenceView, i: int, j: int) -> bool:
    """Unit ``j`` stands in brackets right after unit ``i``."""
    closes = _CUES.close_paren.match(view.text[view.units[j].end : view.units[j].end + 4])
    return bool(closes and _CUES.open_paren.match(view.gap(i, j)))


@relation_rule("part-of-chain-dashed-links", 0.7, needs="chain", cues="链")
def part_of_chain_dashed_links(view: SentenceView) -> Iterator[Found]:
    """“A—B—C”的全产业链: each link is a segment of the one whole chain the sentence names."""
    links = set(chain_link_spans(view.text))
    if not links:
        return
    members = [m for u in view.units if u.kind == "chain" for m in u.members]
    segments = [m for m in members if (m.clean_start, m.clean_end) in links]
    wholes = {
        m.canonical: m for m in members if (m.clean_start, m.clean_end) not in links and m.subtype != "ChainSegment"
    }
    chain = next(iter(wholes.values())) if len(wholes) == 1 else None if wholes else _context_chain(view)
    if segments and chain is not None:
        yield from pairwise("PART_OF", segments, [chain])


def _context_chain(view: SentenceView) -> Mention | None:
    """The chain a sentence naming none speaks of: its section's, its paragraph lead's, or
    the one whole chain its article names."""
    if view.section_chain is not None:
        return view.section_chain
    if len(view.lead_chains) == 1:
        return view.lead_chains[0]
    chains = {m.canonical: m for m in view.chain_names.values() if m.subtype != "ChainSegment"}
    if len(chains) != 1:
        return None
    return synthetic_mention(next(iter(chains.values())), view.sentence, "article-chain")
