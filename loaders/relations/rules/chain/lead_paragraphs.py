"""Rules for a paragraph under a chain lead ("**集成电路。**…重点推动沛顿…等项目").

The paragraph is about the lead's chain: the enterprises whose projects it lists belong to
the chain, the labs, institutes and platforms it names support it, the parks and zones it
names are devoted to it, and the fields it lists (聚焦A、B等领域) are segments of it. These
are weaker than a cue inside the sentence, hence the confidences below 0.7.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.model import Mention
from loaders.relations.class_limits import SUPPORTER_CLASSES
from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.registry import Found, pairwise, relation_rule
from loaders.relations.view import ENUMERATION_TAIL, SentenceView

_CUES = cue_patterns(__name__)
# Parks and zones below the administrative levels (a district is not devoted to one chain
# because a chain's paragraph names it).
_AREA_SUBTYPES = frozenset({"DevelopmentZone", None})


def _is_outside(view: SentenceView, index: int) -> bool:
    clause = view.clause_before(index)
    if _CUES.model_verb.search(clause) or _CUES.buyers_before.search(clause):
        return True
    # "A、B和C": 和 closing an enumeration is no partner's preposition.
    return bool(_CUES.partner_before.search(view.before(index, 2))) and not ENUMERATION_TAIL.search(clause)


def _inside(view: SentenceView, kind: str) -> Iterator[Mention]:
    for i, unit in enumerate(view.units):
        if unit.kind == kind and not _is_outside(view, i):
            yield from unit.members


@relation_rule("lead-part-of-chain", 0.65, min_mentions=1, needs="org lead")
def lead_part_of_chain(view: SentenceView) -> Iterator[Found]:
    """Enterprises in a chain's lead paragraph belong to the chain."""
    if not view.lead_chains:
        return
    firms = [m for m in _inside(view, "org") if m.type == "Enterprise"]
    yield from pairwise("PART_OF_CHAIN", firms, view.lead_chains)


@relation_rule("lead-supports-chain", 0.6, min_mentions=1, needs="org lead")
def lead_supports_chain(view: SentenceView) -> Iterator[Found]:
    """Labs, facilities, institutes and platforms in a chain's lead paragraph support it."""
    if not view.lead_chains:
        return
    for mention in _inside(view, "org"):
        if mention.type in SUPPORTER_CLASSES:
            yield from pairwise("SUPPORTS_CHAIN", [mention], view.lead_chains)


@relation_rule("lead-focuses-on", 0.6, min_mentions=1, needs="place lead")
def lead_focuses_on(view: SentenceView) -> Iterator[Found]:
    """Parks and zones in a chain's lead paragraph are devoted to the chain, unless their
    own name names another chain."""
    if not view.lead_chains:
        return
    for mention in _inside(view, "place"):
        if mention.subtype in _AREA_SUBTYPES and not view.embedded_chains(mention):
            yield from pairwise("FOCUSES_ON", [mention], view.lead_chains)


@relation_rule("lead-segment-list", 0.6, min_mentions=1, needs="chain lead")
def lead_segment_list(view: SentenceView) -> Iterator[Found]:
    """ "聚焦A、B、C等领域" in a chain's lead paragraph: A, B, C are segments of the chain."""
    if not view.lead_chains:
        return
    for i, unit in enumerate(view.units):
        if unit.kind != "chain":
            continue
        tail = _CUES.field_tail.match(view.text[unit.end :])
        in_list = unit.is_list or tail is not None and tail.group("more")
        if tail is not None and (in_list or _CUES.item_before.search(view.before(i, 14))):
            yield from pairwise("PART_OF", unit.members, view.lead_chains)


@relation_rule("topic-sentence-part-of-chain", 0.5, min_mentions=1, needs="org")
def topic_sentence_part_of_chain(view: SentenceView) -> Iterator[Found]:
    """ "X区机器人产业的竞争力持续提升。A公司建成…": a firm opening the sentence after a
    paragraph's statement about one industry is named as an example of it."""
    if view.topic_chain is None or view.units[0].kind != "org":
        return
    if not _CUES.sentence_opening.match(view.clause_before(0)):
        return
    firms = [m for m in view.units[0].members if m.type == "Enterprise"]
    yield from pairwise("PART_OF_CHAIN", firms, [view.topic_chain])


def _names_own_industry(view: SentenceView) -> bool:
    """Whether the sentence names a whole industry (not only segments) of its own."""
    return any(m.subtype != "ChainSegment" for u in view.units if u.kind == "chain" for m in u.members)


def _listed_firms(view: SentenceView, index: int) -> list[Mention]:
    """The enterprises of a list closed by 等 and a noun that names firms without a field
    ("A、B等一批整车企业", "A、B等头部企业"), unless named as partners or models."""
    unit = view.units[index]
    if unit.kind != "org" or not unit.closed_by_deng or not _CUES.plain_firm_noun.match(unit.noun):
        return []
    if _is_outside(view, index) or _CUES.partners_after.match(view.text[unit.tail_end :]):
        return []
    return [m for m in unit.members if m.type == "Enterprise"]


@relation_rule("previous-sentence-firm-list", 0.55, min_mentions=1, needs="org")
def previous_sentence_firm_list(view: SentenceView) -> Iterator[Found]:
    """ "合肥把新能源汽车产业作为抓手。如今，合肥拥有A、B等一批整车企业": a list of firms
    in a sentence naming no industry of its own belongs to the one industry the sentence
    before named (a sentence opening with 该产业 speaks of it even when it names others)."""
    if view.previous_chain is None:
        return
    if _names_own_industry(view) and not _CUES.industry_pronoun.match(view.text):
        return
    for i in range(len(view.units)):
        yield from pairwise("PART_OF_CHAIN", _listed_firms(view, i), [view.previous_chain])
