"""Headless lists of a chain's segments or of industries, typed by their members' words.

"优化整车、零部件、后市场布局" in a sentence that names 新能源汽车: no 等 or head noun closes the
list, but every member is a segment term of the vocabulary, so the unknown ones are chains'
segments. "汽车、钢铁、机械": three industries by name, one of them a known chain. A known firm
or place inside the run shows a list of something else.
"""

from __future__ import annotations

import re
from functools import cache

from loaders.lexicon.chain_names import (
    industry_terms,
    is_industry_term,
    is_segment_term,
    segment_term_start,
    segment_terms,
)
from loaders.mentions.entity_rules import left_boundary
from loaders.mentions.field_lists import MIN_INDUSTRY_LIST_MEMBERS
from loaders.mentions.list_spans import KnownSpan, ListMember
from loaders.mentions.list_walk import ENUMERATION

# Known names that cannot be segments: a list holding one lists firms or places.
_NOT_SEGMENT_CLASSES = frozenset({"Enterprise", "Place"})
MIN_TERM_LIST_MEMBERS = 2


def may_hold_term_list(text: str) -> bool:
    """Whether some 、 of ``text`` stands next to a segment term: every list that
    :func:`term_list_members` can type has one. (Speed: two regex searches spare most
    sentences the full reading.)"""
    term_after, term_before = _terms_by_comma()
    return term_after.search(text) is not None or term_before.search(text[::-1]) is not None


@cache
def _terms_by_comma() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Patterns for "、<term>" in the text and in the reversed text ("<term>、" read backwards). Both
    open with 、 so that the engine skips ahead to it: about five times as fast as one
    pattern with the term first."""
    terms = sorted(segment_terms() | industry_terms(), key=len, reverse=True)
    forward = "|".join(re.escape(t) for t in terms)
    backward = "|".join(re.escape(t[::-1]) for t in terms)
    return re.compile(rf"、(?:{forward})"), re.compile(rf"、(?:{backward})")


def term_list_members(text: str, known: list[KnownSpan]) -> list[ListMember]:
    """Unknown members of headless 、-lists whose every member is a segment term (or a
    known chain), in a sentence that names a chain: "优化整车、零部件、后市场布局" under
    新能源汽车. Each member is a whole term; a chunk the vocabulary does not know, or a
    known enterprise or place inside the list, shows a list of something else."""
    chains = [k for k in known if k.type == "IndustryChain"]
    if not chains:
        return []
    found: list[ListMember] = []
    for run in ENUMERATION.finditer(text):
        members = _term_members(text, run.start(), run.end(), known)
        if members is None or len(members) < MIN_TERM_LIST_MEMBERS:
            continue
        in_list = {(a, b) for a, b, _ in members}
        if not any((k.start, k.end) not in in_list for k in chains) and not _industry_list(text, members):
            continue  # the only chains named are the members themselves
        found += [_term_member(text, a, b) for a, b, k in members if k is None]
    return found


def _industry_list(text: str, members: list[tuple[int, int, KnownSpan | None]]) -> bool:
    """A list of industries by name ("汽车、钢铁、机械"): three members or more, one a known
    chain and the others industries the vocabulary knows, not segments of one chain."""
    if len(members) < MIN_INDUSTRY_LIST_MEMBERS or not any(k is not None for _, _, k in members):
        return False
    return all(k is not None or is_industry_term(text[a:b]) for a, b, k in members)


def _term_member(text: str, start: int, end: int) -> ListMember:
    subtype = "ChainSegment" if is_segment_term(text[start:end]) else None
    return ListMember(start, end, "IndustryChain", True, subtype)


def _term_members(
    text: str, start: int, end: int, known: list[KnownSpan]
) -> list[tuple[int, int, KnownSpan | None]] | None:
    """The members of the 、-run ``text[start:end]``; None unless every one is a term.
    A firm or place before the first member is the clause's subject ("柳州推动汽车、…")."""
    chains = {(k.start, k.end): k for k in known if k.type == "IndustryChain"}
    chunks = text[start:end].split("、")
    members: list[tuple[int, int, KnownSpan | None]] = []
    at = start
    for index, chunk in enumerate(chunks):
        a, b = at, at + len(chunk)
        at = b + 1
        if index == 0:
            a = _first_member_start(text, a, b, chains)  # "优化整车": the verb is no part
        if a < 0:
            return None
        hit = chains.get((a, b))
        if hit is None and not is_segment_term(text[a:b]) and not is_industry_term(text[a:b]):
            return None
        members.append((a, b, hit))
    first = members[0][0]
    if any(k.type in _NOT_SEGMENT_CLASSES and k.start < end and k.end > first for k in known):
        return None
    return members


def _first_member_start(text: str, start: int, end: int, chains: dict[tuple[int, int], KnownSpan]) -> int:
    """Start of the whole term or known chain that ends the first chunk, after a stop
    word ("大力发展商用车"); -1 when the chunk ends in no whole term ("新能源整车")."""
    for a, b in chains:
        if b == end and a >= start:
            return a if left_boundary(text, a, []) == a else -1
    term_start = segment_term_start(text, end)
    if term_start < start:
        return -1
    return term_start if left_boundary(text, term_start, []) == term_start else -1
