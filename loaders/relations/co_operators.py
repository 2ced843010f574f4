"""Organisations that run one body together cooperate with each other.

"湖北三峡实验室由兴发集团、武汉工程大学、三峡大学等共同组建", "天府永兴实验室依托北京大学、
清华大学、四川大学等高校": a lab, platform or facility with several operators in one sentence
is their joint work, and joint building is cooperation (docs/annotation.md: COOPERATES_WITH,
共建) between each two of them. Only operators the rules read are paired: the pair model and
the cross-sentence stage judge one pair at a time, and two such guesses make no third fact.
On the 777 read pages the rules' operators of one body in one sentence are each other's
partners in the gold for 42 pairs of 58.

Partners after 与 ("推进与A、B等机构X联合建设", operated-by-partners) are left alone: each is the
partner of a subject the sentence leaves out, and the text pairs each with it, not with the
others.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

from kg.constraints import domain_and_range
from kg.model import Evidence, Relation, relation_type

RULE_NAME = "cooperates-co-operators"
CONFIDENCE = 0.6  # a fact the text implies by a shared object, not one it states
_TYPE = relation_type("COOPERATES_WITH")
_MIN_OPERATORS = 2
_PARTNERS_OF_ANOTHER = frozenset({"operated-by-partners"})


def co_operator_cooperation(relations: list[Relation], classes: dict[str, str]) -> list[Relation]:
    """COOPERATES_WITH between each two organisations that ``relations`` (the rules') say
    operate one body in one sentence; ``classes``: entity id -> class. New relations only:
    pairs the relations already join are left alone."""
    partners, _ = domain_and_range(_TYPE)
    known = {(r.head, r.tail) for r in relations if r.type == _TYPE}
    added: list[Relation] = []
    for operators, evidence in _operators_by_body(relations):
        for first, second in combinations(sorted(o for o in operators if classes.get(o) in partners), 2):
            if (first, second) in known or (second, first) in known:
                continue
            known.add((first, second))
            added.append(Relation(_TYPE, first, second, evidence, RULE_NAME, CONFIDENCE))
    return added


def _operators_by_body(relations: Iterable[Relation]) -> list[tuple[set[str], Evidence]]:
    """Per operated body and sentence with two operators or more: the operators, and the
    sentence's evidence."""
    operators: dict[tuple[str, int], set[str]] = defaultdict(set)
    evidence: dict[tuple[str, int], Evidence] = {}
    for r in relations:
        if r.type == "OPERATED_BY" and r.rule not in _PARTNERS_OF_ANOTHER:
            key = (r.head, r.evidence.sentence)
            operators[key].add(r.tail)
            evidence.setdefault(key, r.evidence)
    return [(tails, evidence[key]) for key, tails in operators.items() if len(tails) >= _MIN_OPERATORS]
