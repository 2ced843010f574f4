"""Where things are: LOCATED_IN (organisation -> place) and PART_OF between places.

A name alone never places anything: "合肥高新区" starting with 合肥 is not a statement that
the zone is part of 合肥市 (docs/annotation.md: no world knowledge, the text must say it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.model import Mention
from loaders.relations.registry import Found, pairwise, relation_rule
from loaders.relations.scope import DOCUMENT_SUBJECT, synthetic_mention
from loaders.relations.view import SentenceView

# "X位于Y", "X落户Y", "X等项目落地Y": a locative verb ends the gap; a few words (总部,
# 项目) may come before it, but no punctuation and no 与/和 bringing in another subject
# ("X与位于Y的企业合作": the firms are in Y, not X).
_LOCATIVE_VERB = re.compile(
    r"[^，。；,;：:与和同跟向]{0,6}?(?:位于|坐落于|坐落在|落户于|落户在|落户|落地于|落地在|落地|"
    r"设立于|设在|地处|扎根于|扎根|入驻|选址于|选址在|选址)$"
)
_LOCATIVE_REACH = 12
_OTHER_SUBJECT = ("与", "和", "同", "跟", "向")
# "在Y建设X": the place is introduced by 在/于 and followed by a verb of building.
_AT = re.compile(r"(?:在|于)$")
_BUILD_AT = re.compile(
    r"^(?:[^，。；,;：:]{0,4}?)(?:启动建设|开工建设|规划建设|投资建设|建设|建成|布局|设立|新建|"
    r"组建|成立|落地|投建|筹建)(?:了|的)?$"
)
# "合肥高新区X公司", "合肥的X": a place right before an organisation names where it is.
_PLACE_MODIFIER = re.compile(r"^(?:的|境内的?|区内的?|域内的?|内的)?$")
# "安徽省合肥市", "合肥市的蜀山区": a place right before a deeper place contains it.
_PLACE_BEFORE_PLACE = re.compile(r"^(?:的)?$")
# "蜀山区隶属合肥市" / "合肥市下辖庐江县".
_BELONGS_TO = re.compile(r"^(?:隶属于|隶属|属于|归属于|归属)$")
_GOVERNS = re.compile(r"^(?:的)?(?:下辖|所辖|辖)(?:的)?$")


def _thing_place(view: SentenceView) -> Iterator[tuple[int, int]]:
    """Neighbours (thing, place); a chain as the thing is left to the type check to drop."""
    for i, j in view.consecutive():
        if view.units[i].kind != "place" and view.units[j].kind == "place":
            yield i, j


def _place_thing(view: SentenceView) -> Iterator[tuple[int, int]]:
    for i, j in view.consecutive():
        if view.units[i].kind == "place" and view.units[j].kind != "place":
            yield i, j


def _not_region(view: SentenceView, index: int) -> bool:
    return all(m.subtype != "Region" for m in view.units[index].members)


@relation_rule("located-in-verb", 0.9, needs="place", cues="位于 坐落 落户 落地 设立 设在 地处 扎根 入驻 选址")
def located_in_verb(view: SentenceView) -> Iterator[Found]:
    """X位于Y / X落户Y / X坐落于Y."""
    for i, j in _thing_place(view):
        # A match ends the gap and spans at most 6 + 3 characters: search the tail only
        # (a gap can be a long stretch of text, and the search tries every position).
        tail = view.gap(i, j)[-_LOCATIVE_REACH:]
        verb = _LOCATIVE_VERB.search(tail)
        if verb and not tail.endswith(_OTHER_SUBJECT, 0, verb.start()):
            yield from pairwise("LOCATED_IN", view.units[i].members, view.units[j].members)


@relation_rule("located-in-build-at", 0.85, needs="place", cues="在 于")
def located_in_build_at(view: SentenceView) -> Iterator[Found]:
    """在Y建设X / 于Y设立X."""
    for i, j in _place_thing(view):
        if _AT.search(view.before(i, 2)) and _BUILD_AT.match(view.gap(i, j)):
            yield from pairwise("LOCATED_IN", view.units[j].members, view.units[i].members)


@relation_rule("located-in-place-modifier", 0.7, needs="place org")
def located_in_place_modifier(view: SentenceView) -> Iterator[Found]:
    """Y的X / "合肥高新区X公司": a place immediately before an organisation."""
    for i, j in _place_thing(view):
        if view.units[j].kind != "org" or view.units[i].is_list or not _not_region(view, i):
            continue  # "合肥、芜湖企业" does not say which city each one is in
        if _PLACE_MODIFIER.match(view.gap(i, j)):
            yield from pairwise("LOCATED_IN", view.units[j].members, view.units[i].members)


@relation_rule("part-of-place-adjacent", 0.8, needs="place")
def part_of_place_adjacent(view: SentenceView) -> Iterator[Found]:
    """Names like "安徽省合肥市", "合肥市蜀山区": the deeper place is part of the one before it."""
    for i, j in view.consecutive():
        left, right = view.units[i], view.units[j]
        nested = left.kind == right.kind == "place" and not left.is_list
        if nested and _PLACE_BEFORE_PLACE.match(view.gap(i, j)):
            yield from pairwise("PART_OF", right.members, left.members)


@relation_rule("part-of-place-verb", 0.9, needs="place", cues="属 辖")
def part_of_place_verb(view: SentenceView) -> Iterator[Found]:
    """X隶属Y (X part of Y) / Y下辖X (X part of Y)."""
    for i, j in view.consecutive():
        left, right = view.units[i], view.units[j]
        if left.kind != "place" or right.kind != "place":
            continue
        gap = view.gap(i, j)
        if _BELONGS_TO.match(gap):
            yield from pairwise("PART_OF", left.members, right.members)
        elif _GOVERNS.match(gap):
            yield from pairwise("PART_OF", right.members, left.members)


# "A、B等一批本土企业": firms the text calls local to the place it speaks of.
_LOCAL_NOUN = re.compile(r"^(?:本土|本地|当地)(?:龙头|骨干|重点|优势|领军)?(?:企业|公司|厂商)")


@relation_rule("located-local-firms", 0.5, needs="org", cues="本土 本地 当地")
def located_local_firms(view: SentenceView) -> Iterator[Found]:
    """A、B等一批本土企业: the firms are in the one place the sentence names, else in the
    place the paragraph or page speaks of (document context, hence the lower confidence)."""
    place = _local_place(view)
    if place is None:
        return
    for unit in view.units:
        if unit.kind == "org" and unit.closed_by_deng and _LOCAL_NOUN.match(unit.noun):
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
