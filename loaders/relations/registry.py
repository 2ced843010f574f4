"""A registry of named relation rules (spaCy-style): each rule is a small function
registered with a name and a confidence; the extractor runs every registered rule."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kg.model import RELATION_TYPES, SYMMETRIC_RELATIONS, Mention
from loaders.relations.view import SentenceView


@dataclass(frozen=True, slots=True)
class Found:
    """One relation a rule reads in a sentence (before type checks and dedup)."""

    type: str
    head: Mention
    tail: Mention


RuleFunction = Callable[[SentenceView], Iterable[Found]]


@dataclass(frozen=True, slots=True)
class RelationRule:
    name: str
    confidence: float
    function: RuleFunction
    # Fewest mentions a sentence needs for the rule to find anything: most relate two
    # mentions; skipping the rest keeps extraction fast on the many one-mention sentences.
    min_mentions: int = 2
    # Features the sentence must have for the rule to find anything: unit kinds ("org",
    # "place", "chain") and context ("section-place", "section-chain", "lead"; see
    # SentenceView.features); checked once per sentence shape, before the rule runs.
    needs: frozenset[str] = frozenset()
    # Words one of which the sentence must contain for the rule to find anything (the
    # cue its patterns require: 依托, 隶属…); empty when the rule has no such word.
    cues: tuple[str, ...] = ()

    def apply(self, view: SentenceView) -> Iterable[Found]:
        return self.function(view)


_REGISTRY: dict[str, RelationRule] = {}


def relation_rule(
    name: str, confidence: float, min_mentions: int = 2, needs: str = "", cues: str = ""
) -> Callable[[RuleFunction], RuleFunction]:
    """Register ``function`` under ``name``; names are unique, confidence is in [0, 1];
    ``needs`` lists the features the rule reads, space-separated ("org chain", "org lead");
    ``cues`` the words, space-separated, one of which its patterns require ("依托 牵头")."""
    if not 0.0 <= confidence <= 1.0:
        raise ValueError(f"rule {name!r}: confidence {confidence} is not in [0, 1]")

    def register(function: RuleFunction) -> RuleFunction:
        if name in _REGISTRY:
            raise ValueError(f"relation rule {name!r} is registered twice")
        kinds = frozenset(needs.split())
        _REGISTRY[name] = RelationRule(name, confidence, function, min_mentions, kinds, tuple(cues.split()))
        return function

    return register


def registered_rules() -> list[RelationRule]:
    """Every registered rule, in registration order."""
    return list(_REGISTRY.values())


def found(rel_type: str, head: Mention, tail: Mention) -> Found:
    """Build a Found, refusing relation types the model does not know (a coding slip)."""
    if rel_type not in RELATION_TYPES:
        raise ValueError(f"unknown relation type {rel_type!r}")
    return Found(rel_type, head, tail)


def members(view: SentenceView, index: int) -> tuple[Mention, ...]:
    return view.units[index].members


def pairwise(rel_type: str, heads: Iterable[Mention], tails: Iterable[Mention]) -> Iterable[Found]:
    """Distribute a relation over every head x tail pair (coordination)."""
    tail_list = list(tails)
    for head in heads:
        for tail in tail_list:
            yield found(rel_type, head, tail)


RESPECTIVELY = "分别"


def respective_pairs(
    rel_type: str, heads: list[Mention], tails: list[Mention], gap: str, open_list: bool = False
) -> Iterable[Found]:
    """Like ``pairwise``, but "A和B分别发展X和Y" (分别 in ``gap``, lists on both sides) pairs
    the n-th head with the n-th tail, and lists of unequal length say nothing sure. With
    one name on a side, 分别 only enumerates ("X下辖园区分别为A、B"): every pair holds; so it
    does when partners are listed open (``open_list``: "A、B分别与C、D等高校合作": each works
    with them, and 等 leaves nothing to pair by place)."""
    if open_list and rel_type in SYMMETRIC_RELATIONS:
        yield from pairwise(rel_type, heads, tails)
        return
    if RESPECTIVELY in gap and len(heads) > 1 and len(tails) > 1:
        if len(heads) == len(tails):
            yield from (found(rel_type, h, t) for h, t in zip(heads, tails, strict=True))
        return
    yield from pairwise(rel_type, heads, tails)
