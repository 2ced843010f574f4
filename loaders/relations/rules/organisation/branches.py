"""Branches named after their parent and their place: "合肥国家实验室上海基地",
"中国科学院合肥分院", "安徽自贸试验区合肥片区".

A name built as <parent><place><branch word> states both facts: the branch is part of the
parent and lies in the place. Unlike a place that merely opens a name ("合肥高新区"),
the place here stands between a named parent and a word for a branch, so the text says
where this branch of that parent is. Both the parent and the place must be named in the
article on their own, so each is an entity the relation can point at.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.model import Mention
from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.registry import Found, relation_rule
from loaders.relations.view import SentenceView

_CUES = cue_patterns(__name__)
_BRANCH_WORDS = _CUES.words("branch")
_SHORTEST_PLACE = 2
_LONGEST_PLACE = 8


def _branch_parts(view: SentenceView, mention: Mention) -> tuple[Mention, Mention] | None:
    """(parent, place) when ``mention``'s written name is <parent><place><branch word>."""
    if not mention.written.endswith(_BRANCH_WORDS):  # the usual case, without a regex
        return None
    key = f"{mention.written}\x1f{mention.canonical}"  # the split checks the canonical too
    if key not in view.branch_cache:
        view.branch_cache[key] = _split_branch(view, mention)
    return view.branch_cache[key]


def _split_branch(view: SentenceView, mention: Mention) -> tuple[Mention, Mention] | None:
    word = _CUES.branch_word.search(mention.written)
    if word is None:
        return None
    rest = mention.written[: word.start()]
    for length in range(min(len(rest) - 1, _LONGEST_PLACE), _SHORTEST_PLACE - 1, -1):
        place = view.places.get(rest[-length:]) or view.containers.get(rest[-length:])
        if place is None or place.type != "Place":
            continue
        prefix = rest[:-length]
        parent = view.organisations.get(prefix) or view.places.get(prefix)
        if parent is not None and parent.canonical != mention.canonical:
            return parent, place
    return None


@relation_rule("branch-name", 0.7, min_mentions=1)
def branch_name(view: SentenceView) -> Iterator[Found]:
    """<parent><place><branch word>: PART_OF the parent; in (or part of) the place."""
    for unit in view.units:
        if unit.kind == "chain":
            continue
        for mention in unit.members:
            parts = _branch_parts(view, mention)
            if parts is None:
                continue
            parent, place = parts
            yield Found("PART_OF", mention, parent)
            yield Found("PART_OF" if mention.type == "Place" else "LOCATED_IN", mention, place)
