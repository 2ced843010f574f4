"""The first of two industries joined before one industry word: "先进陶瓷与集成电路产业集群",
"冶金及新材料产业".

The suffix rule reads the name back from 产业 and stops at the known industry right before
it (集成电路), so the first member, before the joiner, is found by nobody. It is a chain
when it is an industry or chain link of the vocabularies as it stands, as the second
member is (a known name or a vocabulary term). A phrase before the joiner ("企业与高校")
is no vocabulary term and is left alone.
"""

from __future__ import annotations

import re

from loaders.lexicon.chain_names import INDUSTRY_SUFFIXES, vocabulary_term_start

_JOINER = re.compile("以及|与|及|和")
MAX_TERM_CHARS = 10  # longest industry the vocabularies hold, and then some


def first_joined_members(text: str, known_chains: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the first member of each "A与B产业" in ``text``; ``known_chains``:
    spans of the chains the gazetteer found."""
    known_at = {a: b for a, b in known_chains}
    spans = []
    for joiner in _JOINER.finditer(text):
        if not _second_member_ends_in_suffix(text, joiner.end(), known_at):
            continue
        end = joiner.start()
        start = vocabulary_term_start(text, end, max(0, end - MAX_TERM_CHARS))
        if 0 <= start < end:
            spans.append((start, end))
    return spans


def _second_member_ends_in_suffix(text: str, start: int, known_at: dict[int, int]) -> bool:
    end = known_at.get(start, -1)
    if end > start and text.startswith(INDUSTRY_SUFFIXES, end):
        return True
    return any(vocabulary_term_start(text, suffix, start) == start for suffix in _suffix_positions(text, start))


def _suffix_positions(text: str, start: int) -> list[int]:
    """Where an industry word starts within reach after ``start``."""
    window = text[start : start + MAX_TERM_CHARS + 1]
    return [start + i for i in range(1, len(window)) if window.startswith("产业", i)]
