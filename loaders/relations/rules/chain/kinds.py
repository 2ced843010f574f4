"""Chains named as kinds of a broader chain: "物联网、大数据、人工智能等新一代信息技术",
"新一代信息技术（集成电路、智能终端）": each listed chain is PART_OF the broader one."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.model import Mention
from loaders.mentions.chain_links import chain_link_spans
from loaders.relations.registry import Found, pairwise, relation_rule
from loaders.relations.scope import synthetic_mention
from loaders.relations.view import SentenceView

# Between the listed chains and the broader one: 等 [+ count + measure word], nothing else.
_KIND_GAP = re.compile(
    r"^(?:产业|产业链)?[”’」』》]?\s*等\s*(?:[\d一二三四五六七八九十两几]+\s*(?:个|大|类|项|条))?"
    r"\s*[“‘「『《]?$"
)
_OPEN_PAREN = re.compile(r"^(?:产业|产业链)?[（(]$")
_CLOSE_PAREN = re.compile(r"^(?:产业|产业链)?(?:等)?[）)]")


@relation_rule("part-of-chain-kind", 0.75, needs="chain", cues="等")
def part_of_chain_kind(view: SentenceView) -> Iterator[Found]:
    """A、B、C等X: the listed chains are kinds of chain X."""
    for i, j in view.consecutive():
        items, broader = view.units[i], view.units[j]
        if items.kind != "chain" or broader.kind != "chain" or broader.is_list:
            continue
        if items.is_list and _KIND_GAP.match(view.text[items.end : broader.start]):
            yield from pairwise("PART_OF", items.members, broader.members)


@relation_rule("part-of-chain-parenthesis", 0.75, needs="chain", cues="（ (")
def part_of_chain_parenthesis(view: SentenceView) -> Iterator[Found]:
    """X（A、B）: the chains in brackets right after chain X are parts of it."""
    for i, j in view.consecutive():
        broader, items = view.units[i], view.units[j]
        if broader.kind != "chain" or items.kind != "chain" or broader.is_list:
            continue
        closes = _CLOSE_PAREN.match(view.text[items.end : items.end + 4])
        if _OPEN_PAREN.match(view.gap(i, j)) and closes:
            yield from pairwise("PART_OF", items.members, broader.members)


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
