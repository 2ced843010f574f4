"""Switch parts of the extractor off, to measure what each adds (benchmarks/quality.py).

Every part is on in normal use; nothing but the ablation benchmark switches one off.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

PARTS: tuple[str, ...] = (
    "script-conversion",  # traditional characters read as simplified
    "insertions",  # pinyin annotations, inline spam and pictographs removed
    "pattern-rules",  # relation rules written as data (loaders/lexicon/data/relation_patterns.jsonl)
    "document-context",  # the city a page is about, the district a heading names
    "company-short-names",  # 赣锋锂电投资…: a clause opening with a coined name and a head word
    "learned-short-names",  # a firm's or institute's short name learned from its full name (某某锂电, 储能院)
    "city-scope",  # a city's short place names (科学岛, 光谷) kept only in that city's documents
    "proper-short-stems",  # 之江实验室: a two-character proper name before a suffix that wants three
    "chain-pos",  # stems before 产业 that are verb phrases by their tags are no chains
    "distributed-lists",  # "A、B等N家湖北实验室": one name per member (湖北A实验室)
    "industry-vocabulary",  # industries of the national classifications named in lists (钢铁, 现代金融)
    "anaphors",  # 该校, 该县, a clause's bare 公司: a word pointing back at a name (mentions/anaphors.py)
    "pair-model",  # relations the rules miss, scored pair by pair (loaders/relations/pair_model.py)
    "list-spread",  # a learned relation with one member of a list given to all (list_spread.py)
    "cross-sentence",  # a name paired with a place or chain of an earlier sentence (cross_pairs.py)
    "entity-model",  # names scored unlikely by a model learned from gold are left out (entity_model.py)
    "name-tagger",  # names a character tagger learned from real pages reads where no rule found one
    "tagger-check",  # a rule's name no relation holds, read by the tagger as no name, left out (unread_names.py)
)

_disabled: set[str] = set()


def enabled(part: str) -> bool:
    return part not in _disabled


@contextmanager
def disabled(part: str) -> Iterator[None]:
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}; parts: {', '.join(PARTS)}")
    already = part in _disabled  # nested: the outer switch keeps it off
    _disabled.add(part)
    try:
        yield
    finally:
        if not already:
            _disabled.discard(part)


# The stages that guess beyond the rules with weights learned from gold.
LEARNED: tuple[str, ...] = ("pair-model", "cross-sentence", "entity-model", "name-tagger", "tagger-check")


@contextmanager
def rules_alone() -> Iterator[None]:
    """The relation rules with no learned stage after them (what rule examples test)."""
    with ExitStack() as stack:
        for part in LEARNED:
            stack.enter_context(disabled(part))
        yield
