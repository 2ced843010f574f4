"""The relation rules extraction runs: the registered rule functions, the packaged
patterns written as data, and the patterns of any pack a user added (loaders.lexicon.packs)."""

from __future__ import annotations

from functools import cache

from loaders import ablation
from loaders.lexicon import packs
from loaders.relations.patterns import as_rule, packaged_patterns
from loaders.relations.rules import RelationRule, registered_rules


@cache
def _packaged_rules() -> tuple[RelationRule, ...]:
    return tuple(as_rule(p) for p in packaged_patterns())


def default_rules() -> list[RelationRule]:
    rules = registered_rules()
    if ablation.enabled("pattern-rules"):
        rules += _packaged_rules()
    return rules + [as_rule(p) for p in packs.active_patterns()]
