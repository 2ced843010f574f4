"""Headless lists of firms: unknown members of a 、-run whose other members are mostly known firms."""

from __future__ import annotations

import re

import rjieba

from loaders.lexicon.chain_names import is_industry_term, is_segment_term, is_vocabulary_term
from loaders.lexicon.place_names import KNOWN_PLACES
from loaders.mentions.list_spans import KnownSpan, ListMember
from loaders.mentions.list_walk import ENUMERATION
from loaders.mentions.member_names import acceptable_headless_firm

# A headless list of firms ("聚集了A科技、B软件、丙丁飞腾、C通信。"): no 等 or count closes it,
# but most of its members are known firms, so an unknown member standing whole between two
# marks is a firm too. Only such whole members are read: the first chunk runs back to the
# clause's verb, and the last one may run on into the predicate ("A和B分别是…").
MIN_HEADLESS_KNOWN_FIRMS = 2
_HEADLESS_MEMBER = re.compile(r"[\u4e00-\u9fff]{3,8}|[A-Za-z][A-Za-z0-9&.\-]{1,15}")


def headless_firm_members(text: str, known: list[KnownSpan]) -> list[ListMember]:
    """Unknown members of 、-runs without a head whose other members are mostly known firms."""
    firms = {(k.start, k.end) for k in known if k.type == "Enterprise"}
    if len(firms) < MIN_HEADLESS_KNOWN_FIRMS:
        return []
    found: list[ListMember] = []
    for run in ENUMERATION.finditer(text):
        if "等" in run.group():
            continue  # closed by 等: list_members reads it by its head
        found += _headless_firms(text, run.start(), run.end(), known, firms)
    return found


def _headless_firms(
    text: str, start: int, end: int, known: list[KnownSpan], firms: set[tuple[int, int]]
) -> list[ListMember]:
    chunks = _chunk_spans(text, start, end)
    first_a, first_b = chunks[0]
    first_is_firm = any(a >= first_a and b == first_b for a, b in firms)
    whole = chunks[1:] if _whole_last_chunk(text, end) else chunks[1:-1]
    known_count = int(first_is_firm) + sum(1 for span in chunks[1:] if span in firms)
    unknown = [span for span in whole if span not in firms]
    if known_count < MIN_HEADLESS_KNOWN_FIRMS or known_count < len(unknown):
        return []
    if any(_covers_other_name(span, known) for span in unknown):
        return []  # a place, a university or a product among them: a list of another kind
    return [ListMember(a, b, "Enterprise", False) for a, b in unknown if _headless_firm_name(text[a:b])]


def _chunk_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for chunk in text[start:end].split("、"):
        spans.append((start, start + len(chunk)))
        start += len(chunk) + 1
    return spans


def _whole_last_chunk(text: str, end: int) -> bool:
    """Whether the run's last chunk ends at a sentence's end: nothing runs on after it (a text cut
    off at a line's end may cut a name short: "…、南大通")."""
    return end < len(text) and text[end] in _SENTENCE_ENDS


_SENTENCE_ENDS = "。；;！!"


def _covers_other_name(span: tuple[int, int], known: list[KnownSpan]) -> bool:
    """Whether a known name of another kind than a firm is the member or ends it."""
    a, b = span
    return any(k.type != "Enterprise" and k.end == b and k.start >= a for k in known)


def _headless_firm_name(name: str) -> bool:
    """A firm's short name: a few characters, no word of the dictionary, place or term."""
    if not _HEADLESS_MEMBER.fullmatch(name) or rjieba.has_word(name) or name in KNOWN_PLACES:
        return False
    if is_vocabulary_term(name) or is_industry_term(name) or is_segment_term(name):
        return False
    return acceptable_headless_firm(name)
