"""The choice among a sentence's candidates: longest first, ties by source priority, so
the chosen never overlap; and the context a candidate that needs one must have."""

from __future__ import annotations

from loaders.mentions.candidates import BY_SPAN, PRIORITY, RULE_PRIORITY, Candidate
from loaders.mentions.capacity_firms import output_follows

_CONTEXT_CUES = ("汽车", "集团", "公司", "企业", "品牌", "等整", "等车")
# An industry named like its product (电动车) is the industry only where an industry word
# follows it (电动车制造基地, 电动车产业); alone it is the product (3辆电动车).
_CHAIN_CONTEXT_CUES = ("制造", "产业", "行业", "整车", "零部", "配套")
_LIST_GAP = set("、，,和与及 ")


def choose(pool: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first; ties go to the more trusted source."""
    if len(pool) < 2:
        return list(pool)  # nothing to compare (most sentences)
    # (The priority is looked up inline: a property call per candidate costs more.)
    pool.sort(key=lambda c: (c.start - c.end, PRIORITY.get(c.source, RULE_PRIORITY), c.start))
    limit = 0
    for c in pool:
        if c.start >= c.end or c.start < 0:
            return _choose_by_comparison(pool)  # an empty span: the mask below cannot hold it
        if c.end > limit:
            limit = c.end
    # One flag per character taken by a chosen candidate: a candidate is free when no
    # character of its span is taken (the same test as comparing it with every chosen
    # one, in one C call instead of a loop over them).
    taken = bytearray(limit)
    chosen: list[Candidate] = []
    for cand in pool:
        if taken.find(1, cand.start, cand.end) < 0:
            chosen.append(cand)
            taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
    chosen.sort(key=BY_SPAN)
    return chosen


def _choose_by_comparison(pool: list[Candidate]) -> list[Candidate]:
    """choose's selection for a sorted pool that holds empty spans."""
    chosen: list[Candidate] = []
    for cand in pool:
        if all(cand.end <= c.start or c.end <= cand.start for c in chosen):
            chosen.append(cand)
    chosen.sort(key=BY_SPAN)
    return chosen


def context_supports(text: str, cand: Candidate, chosen: list[Candidate]) -> bool:
    """An ambiguous alias (江淮, 大众) counts only beside a same-class name or a cue word."""
    cues = _CHAIN_CONTEXT_CUES if cand.type == "IndustryChain" else _CONTEXT_CUES
    if text[cand.end : cand.end + 2] in cues:
        return True
    if cand.type == "Enterprise" and output_follows(text, cand.start, cand.end):
        return True  # a firm's plant named by its output ("某汽40万辆整车")
    for other in chosen:
        if other is cand or other.type != cand.type:
            continue
        gap = text[other.end : cand.start] if other.end <= cand.start else text[cand.end : other.start]
        if len(gap) <= 2 and set(gap) <= _LIST_GAP:
            return True
    return False
