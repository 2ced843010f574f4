"""A learned scorer for relation candidates: two mentions of one clause and a relation type.

The rules read the ways of wording a relation someone wrote down; real pages word them in
more ways than that. This model scores every candidate the rules could have read — two
mentions of one clause whose classes the ontology allows for the type — by the words
between and around them, with weights learned from the annotated real development pages
(tests/real/dev; ``scripts/train-pair-model`` writes ``data/pair_model.json``). It is
deterministic: a linear model, features are plain strings, no randomness at run time.
A candidate above the model's threshold becomes a relation with the rule name
``model:pairs`` and a confidence below the rules' own, so a rule's reading always wins.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from kg.constraints import domain_and_range
from kg.model import RELATION_TYPES, Mention
from loaders.relation_rules.constraints import violation
from loaders.relation_rules.registry import Found, RelationRule
from loaders.relation_rules.view import SentenceView

RULE_NAME = "model:pairs"
MODEL_FILE = "data/pair_model.json"
MAX_GAP = 60  # characters between the two mentions of a candidate
_HARD_END = re.compile(r"[。；;！？!?]")
_CONTEXT = 4  # characters read before the first and after the second mention
# The share of a candidate's score that becomes its confidence: below every rule's.
_CONFIDENCE_SCALE = 0.5


@dataclass(frozen=True, slots=True)
class Candidate:
    type: str
    head: Mention
    tail: Mention
    # Features without the relation type: the model keeps one weight table per type.
    features: tuple[str, ...]


@lru_cache(maxsize=4096)
def _types_by_class(head_class: str, tail_class: str) -> tuple[str, ...]:
    return tuple(
        t for t in RELATION_TYPES
        if head_class in domain_and_range(t)[0] and tail_class in domain_and_range(t)[1]
    )


def _allowed_types(head: Mention, tail: Mention) -> list[str]:
    return [
        t for t in _types_by_class(head.type, tail.type)
        if t != "PART_OF" or violation(t, head, tail) is None
    ]


def _bigrams(prefix: str, text: str) -> list[str]:
    return [prefix + text[i : i + 2] for i in range(len(text) - 1)] or [prefix + text]


def _pair_features(view: SentenceView, first: int, second: int) -> list[str]:
    """What the words between and around units ``first`` and ``second`` say."""
    units, text = view.units, view.text
    gap = view.gap(first, second)
    before = text[max(0, units[first].start - _CONTEXT) : units[first].start]
    after = text[units[second].tail_end : units[second].tail_end + _CONTEXT]
    return [
        "bias",
        f"len={min(len(gap) // 5, 12)}",
        f"commas={min(gap.count('，') + gap.count(','), 3)}",
        f"between={min(second - first - 1, 3)}",
        f"list={int(units[first].is_list)}{int(units[second].is_list)}",
        f"deng={units[first].noun[-2:]}",
        *_bigrams("g=", gap),
        *_bigrams("b=", before),
        *_bigrams("a=", after),
    ]


def candidates(view: SentenceView) -> Iterator[Candidate]:
    """Every candidate of one sentence: units in order, one clause, at most MAX_GAP apart."""
    units = view.units
    for i in range(len(units)):
        for j in range(i + 1, len(units)):
            gap = view.gap(i, j)
            if len(gap) > MAX_GAP or _HARD_END.search(gap):
                break
            shared: list[str] | None = None
            for a in units[i].members:
                for b in units[j].members:
                    if a.canonical == b.canonical:
                        continue
                    for head, tail, order in ((a, b, "hf"), (b, a, "tf")):
                        types = _allowed_types(head, tail)
                        if not types:
                            continue
                        if shared is None:
                            shared = _pair_features(view, i, j)
                        features = (*shared, f"cls={head.type}>{tail.type}|{order}")
                        for rel_type in types:
                            yield Candidate(rel_type, head, tail, features)


@dataclass(frozen=True, slots=True)
class PairModel:
    weights: dict[str, dict[str, float]]  # relation type -> feature -> weight
    threshold: float

    def score(self, rel_type: str, features: tuple[str, ...]) -> float:
        table = self.weights.get(rel_type, {})
        total = sum(table.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))

    def find(self, view: SentenceView) -> Iterator[Found]:
        for cand in candidates(view):
            if self.score(cand.type, cand.features) >= self.threshold:
                yield Found(cand.type, cand.head, cand.tail)

    def to_json(self) -> str:
        tables = {t: dict(sorted(table.items())) for t, table in sorted(self.weights.items())}
        return json.dumps({"threshold": self.threshold, "weights": tables}, ensure_ascii=False, indent=0)


@cache
def packaged_model() -> PairModel | None:
    resource = resources.files("loaders").joinpath(MODEL_FILE)
    if not resource.is_file():
        return None
    data = json.loads(resource.read_text(encoding="utf-8"))
    return PairModel(data["weights"], float(data["threshold"]))


def as_rule(model: PairModel) -> RelationRule:
    confidence = round(model.threshold * _CONFIDENCE_SCALE, 3)
    return RelationRule(RULE_NAME, confidence, model.find, 2)
