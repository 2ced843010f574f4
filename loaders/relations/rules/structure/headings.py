"""Section context: a heading that names a place or a chain supplies one side of a
relation for the sentences under it (a column of county plans, a chain's paragraph).

These facts are weaker than a cue inside the sentence, hence the lower confidences; the
extractor also drops a section LOCATED_IN when the sentence itself locates the same
organisation explicitly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.model import Mention
from loaders.relations.class_limits import SUPPORTER_CLASSES
from loaders.relations.registry import Found, relation_rule
from loaders.relations.view import ENUMERATION_TAIL, SentenceView

# An organisation governed by one of these verbs is a partner or a model elsewhere, not
# a resident of the section's place ("紧密对接滨湖科学城、中科院合肥物质研究院",
# "借力…研究院等顶级研究院"); the verb may sit anywhere earlier in the same clause.
_EXTERNAL_VERB = re.compile(
    r"(?:对接|借力|借助|联合|携手|面向|学习|借鉴|依托|对标|输送|赴|对外)"
    r"[^，。；,;：:]*$"
)
# "与X合作", "向X输送": a preposition right before the name. (引进/吸引 are not here:
# under a place heading, what the place brings in comes to it.)
_EXTERNAL_BEFORE = re.compile(r"(?:与|和|同|向|到)$")
# "重点发展A、B和C": 和 closing an enumeration joins C to the list, it is no partner.


def _is_external(view: SentenceView, index: int) -> bool:
    clause = view.clause_before(index)
    if _EXTERNAL_VERB.search(clause):
        return True
    return bool(_EXTERNAL_BEFORE.search(view.before(index, 2))) and not ENUMERATION_TAIL.search(clause)


def _resident_organisations(view: SentenceView) -> Iterator[Mention]:
    for i, unit in enumerate(view.units):
        if unit.kind == "org" and not _is_external(view, i):
            yield from unit.members


def _section_chain_only(view: SentenceView) -> Mention | None:
    """The section's chain when the sentence names no other chain."""
    chain = view.section_chain
    if chain is None:
        return None
    for unit in view.units:
        if unit.kind == "chain" and any(m.canonical != chain.canonical for m in unit.members):
            return None
    return chain


@relation_rule("section-located-in", 0.6, min_mentions=1, needs="org section-place")
def section_located_in(view: SentenceView) -> Iterator[Found]:
    """An organisation named under a heading that names a place is in that place."""
    place = view.section_place
    if place is None:
        return
    for mention in _resident_organisations(view):
        yield Found("LOCATED_IN", mention, place)


@relation_rule("section-focuses-on", 0.6, min_mentions=1, needs="chain section-place")
def section_focuses_on(view: SentenceView) -> Iterator[Found]:
    """A place heading's paragraph that names chains: the place focuses on them."""
    place = view.section_place
    if place is None:
        return
    for i, unit in enumerate(view.units):
        if unit.kind == "chain" and not _is_external(view, i):
            for chain in unit.members:
                yield Found("FOCUSES_ON", place, chain)


@relation_rule("section-part-of-chain", 0.6, min_mentions=1, needs="org section-chain")
def section_part_of_chain(view: SentenceView) -> Iterator[Found]:
    """Enterprises named in a paragraph under a chain's heading belong to that chain."""
    chain = _section_chain_only(view)
    if chain is None:
        return
    for mention in _resident_organisations(view):
        if mention.type == "Enterprise":
            yield Found("PART_OF_CHAIN", mention, chain)


@relation_rule("section-supports-chain", 0.55, min_mentions=1, needs="org section-chain")
def section_supports_chain(view: SentenceView) -> Iterator[Found]:
    """Labs, facilities, institutes and platforms under a chain's heading support it."""
    chain = _section_chain_only(view)
    if chain is None:
        return
    for mention in _resident_organisations(view):
        if mention.type in SUPPORTER_CLASSES:
            yield Found("SUPPORTS_CHAIN", mention, chain)
