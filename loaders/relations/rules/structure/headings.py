"""Section context: a heading that names a place or a chain supplies one side of a
relation for the sentences under it (a column of county plans, a chain's paragraph).

These facts are weaker than a cue inside the sentence, hence the lower confidences; the
extractor also drops a section LOCATED_IN when the sentence itself locates the same
organisation explicitly.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.model import Mention
from loaders.mentions.chain_links import chain_link_spans
from loaders.relations.class_limits import SUPPORTER_CLASSES
from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.registry import Found, RuleFunction, relation_rule
from loaders.relations.rules.chain.kinds import listed_link_members
from loaders.relations.view import ENUMERATION_TAIL, SentenceView

_CUES = cue_patterns(__name__)


def _is_external(view: SentenceView, index: int) -> bool:
    clause = view.clause_before(index)
    if _CUES.external_verb.search(clause) or _wider_scope(view, view.before(index, 4)):
        return True
    # "重点发展A、B和C": 和 closing an enumeration joins C to the list, it is no partner.
    return bool(_CUES.external_before.search(view.before(index, 2))) and not ENUMERATION_TAIL.search(clause)


_LEVEL_SCOPES = (("Province", "province_scope"), ("City", "city_scope"))


def _wider_scope(view: SentenceView, before: str) -> bool:
    """The name is qualified by a scope wider than the section's place ("全国", or "全省"
    under a county's heading): it is not the place's own."""
    if _CUES.wider_scope.search(before):
        return True
    place = view.section_place
    level = place.subtype if place is not None else None
    return any(level != subtype and getattr(_CUES, scope).search(before) for subtype, scope in _LEVEL_SCOPES)


def _resident_organisations(view: SentenceView) -> Iterator[Mention]:
    for i, unit in enumerate(view.units):
        if unit.kind == "org" and not _is_external(view, i):
            yield from unit.members


def _section_chain_only(view: SentenceView) -> Mention | None:
    """The section's chain when the sentence names no other chain. Segments (高端轴承,
    整车) are no other chain: under the heading they are links of the section's own."""
    chain = view.section_chain
    if chain is None:
        return None
    for unit in view.units:
        if unit.kind == "chain" and any(
            m.canonical != chain.canonical and m.subtype != "ChainSegment" for m in unit.members
        ):
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
    links: set[tuple[int, int]] | None = None
    for i, unit in enumerate(view.units):
        if unit.kind == "chain" and not _is_external(view, i) and not _not_own_field(view, i):
            if links is None:  # most sentences under a place heading name no chain
                links = _link_spans(view)
            for chain in unit.members:
                if (chain.clean_start, chain.clean_end) not in links:
                    yield Found("FOCUSES_ON", place, chain)


def _link_spans(view: SentenceView) -> set[tuple[int, int]]:
    """Spans of chains written as links of another ("整车—零部件—后市场", "包括设计、制造、
    封测等环节的集成电路产业链"): stages of that chain, not fields of the place's own."""
    return set(chain_link_spans(view.text)) | listed_link_members(view)


def _not_own_field(view: SentenceView, index: int) -> bool:
    """Chain unit ``index`` stands in "以A为核心的C" (it describes C, it is no field of its
    own) or in "X配套" (the place supplies it)."""
    after = view.text[view.units[index].tail_end :]
    if _CUES.supplies_after.match(after):
        return True
    return bool(_CUES.open_by_way_of.search(view.clause_before(index)) and _CUES.core_of_next.match(after))


def _chain_residents(relation: str, classes: frozenset[str]) -> RuleFunction:
    """A rule relating the organisations of ``classes`` named under a chain's heading to
    that chain."""

    def rule(view: SentenceView) -> Iterator[Found]:
        chain = _section_chain_only(view)
        if chain is None:
            return
        for mention in _resident_organisations(view):
            if mention.type in classes:
                yield Found(relation, mention, chain)

    return rule


# Under a chain's heading, enterprises belong to the chain; labs, facilities, institutes
# and platforms support it.
relation_rule("section-part-of-chain", 0.6, min_mentions=1, needs="org section-chain")(
    _chain_residents("PART_OF_CHAIN", frozenset({"Enterprise"}))
)
relation_rule("section-supports-chain", 0.55, min_mentions=1, needs="org section-chain")(
    _chain_residents("SUPPORTS_CHAIN", SUPPORTER_CLASSES)
)
