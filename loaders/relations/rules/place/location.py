"""Where things are: LOCATED_IN (organisation -> place) and PART_OF between places.

A name alone never places anything: "合肥高新区" starting with 合肥 is not a statement that
the zone is part of 合肥市 (docs/annotation.md: no world knowledge, the text must say it).
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.model import Mention
from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.neighbour_rules import register_neighbour_rules
from loaders.relations.registry import Found, pairwise, relation_rule, respective_pairs
from loaders.relations.scope import DOCUMENT_SUBJECT, synthetic_mention
from loaders.relations.view import SentenceView

_CUES = cue_patterns(__name__)
_LOCATIVE_REACH = 12
_OTHER_SUBJECT = ("与", "和", "同", "跟", "向")


def _not_region(view: SentenceView, index: int) -> bool:
    return all(m.subtype != "Region" for m in view.units[index].members)


@relation_rule("located-in-verb", 0.9, needs="place", cues="位于 坐落 落户 落地 设立 设在 地处 扎根 入驻 选址")
def located_in_verb(view: SentenceView) -> Iterator[Found]:
    """X位于Y / X落户Y / X坐落于Y."""
    # A chain as the thing is left to the type check to drop.
    for i, j in view.neighbours("!place", "place"):
        # A match ends the gap and spans at most 6 + 3 characters: search the tail only
        # (a gap can be a long stretch of text, and the search tries every position).
        tail = view.gap(i, j)[-_LOCATIVE_REACH:]
        verb = _CUES.locative_verb.search(tail)
        if verb and not tail.endswith(_OTHER_SUBJECT, 0, verb.start()):
            things, places = view.units[i].members, view.units[view.apposed(j)].members
            yield from respective_pairs("LOCATED_IN", list(things), list(places), view.gap(i, j))


# "在Y建设X" / "于Y设立X": neighbour_rules.toml.
register_neighbour_rules(__name__, "build_at", _CUES)


@relation_rule("located-in-place-modifier", 0.7, needs="place org")
def located_in_place_modifier(view: SentenceView) -> Iterator[Found]:
    """Y的X / "合肥高新区X公司": a place immediately before an organisation."""
    for i, j in view.neighbours("place", "!place"):
        if view.units[j].kind != "org" or view.units[i].is_list or not _not_region(view, i):
            continue  # "合肥、芜湖企业" does not say which city each one is in
        gap = view.gap(i, j)
        if _CUES.place_modifier.match(gap):
            # "深圳华为、杭州阿里巴巴": a place written onto a name, with no 的, is that name's
            # alone; "合肥的A、B" places every member.
            things = view.units[j].members if gap else view.units[j].members[:1]
            yield from pairwise("LOCATED_IN", things, view.units[i].members)


# "X所在的Y", "Y是X的所在地": neighbour_rules.toml.
register_neighbour_rules(__name__, "seat", _CUES)

# "安徽省合肥市", "蜀山区隶属合肥市", "合肥市下辖庐江县": neighbour_rules.toml.
register_neighbour_rules(__name__, "nested_places", _CUES)


@relation_rule("part-of-place-apposed", 0.75, needs="place")
def part_of_place_apposed(view: SentenceView) -> Iterator[Found]:
    """ "粤港澳大湾区重要节点城市东莞", "长三角核心城市苏州": the place named in apposition
    (SentenceView.apposed) is part of the region or province before it."""
    for i, j in view.neighbours("place", "place"):
        if view.apposed(i) == j:
            yield from pairwise("PART_OF", view.units[j].members, view.units[i].members)


@relation_rule("located-local-firms", 0.5, needs="org", cues="本土 本地 当地")
def located_local_firms(view: SentenceView) -> Iterator[Found]:
    """A、B等一批本土企业: the firms are in the one place the sentence names, else in the
    place the paragraph or page speaks of (document context, hence the lower confidence)."""
    place = _local_place(view)
    if place is None:
        return
    for unit in view.units:
        if unit.kind == "org" and unit.closed_by_deng and _CUES.local_noun.match(unit.noun):
            firms = [m for m in unit.members if m.type == "Enterprise"]
            yield from pairwise("LOCATED_IN", firms, [place])


def _local_place(view: SentenceView) -> Mention | None:
    named = {m.canonical: m for u in view.units if u.kind == "place" for m in u.members}
    if len(named) == 1:
        return next(iter(named.values()))
    context = view.subject_place or view.recent_place or view.page_place
    if named or context is None or context.sentence == view.sentence.index:
        return None
    return synthetic_mention(context, view.sentence, DOCUMENT_SUBJECT)
