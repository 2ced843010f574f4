"""Chains named as kinds of a broader chain: "物联网、大数据、人工智能等新一代信息技术",
"新一代信息技术（集成电路、智能终端）": each listed chain is PART_OF the broader one."""

from __future__ import annotations

import re
from collections.abc import Iterator

from loaders.relation_rules.registry import Found, pairwise, relation_rule
from loaders.relation_rules.view import SentenceView

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
