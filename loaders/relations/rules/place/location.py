"""Where things are: LOCATED_IN (organisation -> place) and PART_OF between places.

A name alone never places anything: "合肥高新区" starting with 合肥 is not a statement that
the zone is part of 合肥市 (docs/annotation.md: no world knowledge, the text must say it).
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.model import Mention
from loaders.mentions.coordination import Unit
from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.neighbour_rules import register_neighbour_rules
from loaders.relations.registry import Found, pairwise, relation_rule, respective_pairs
from loaders.relations.scope import DOCUMENT_SUBJECT, synthetic_mention
from loaders.relations.view import SentenceView

_CUES = cue_patterns(__name__)
_LOCATIVE_REACH = 12
_OTHER_SUBJECT = ("与", "和", "同", "跟", "向")
_SETTLED_REACH = 24  # 等, a noun phrase of up to 10 characters, an adverb, the verb


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
            things, places = _settler(view, i).members, view.units[view.apposed(j)].members
            yield from respective_pairs("LOCATED_IN", list(things), list(places), view.gap(i, j))


def _settler(view: SentenceView, index: int) -> Unit:
    """The unit that settles: ``index``, unless it is a chain naming what the project of
    the organisation right before it makes ("A第三代半导体项目落户Y": A's project, so A)."""
    unit = view.units[index]
    if unit.kind != "chain" or index == 0:
        return unit
    owner = view.units[index - 1]
    if owner.kind == "org" and not view.gap(index - 1, index) and _CUES.project_after.match(view.after(index, 8)):
        return owner
    return unit


# "在Y建设X" / "于Y设立X": neighbour_rules.toml.
register_neighbour_rules(__name__, "build_at", _CUES)


@relation_rule("located-in-place-modifier", 0.7, needs="place org")
def located_in_place_modifier(view: SentenceView) -> Iterator[Found]:
    """Y的X / "合肥高新区X公司": a place immediately before an organisation."""
    for i, j in view.neighbours("place", "!place"):
        if view.units[j].kind != "org" or view.units[i].is_list or not _not_region(view, i):
            continue  # "合肥、芜湖企业" does not say which city each one is in
        if _CUES.rank_scope.match(view.text, view.units[i].start):
            continue  # "全省X重点实验室": 全省 ranks the laboratory, it does not place it
        gap = view.gap(i, j)
        if _CUES.place_modifier.match(gap):
            # "深圳华为、杭州阿里巴巴": a place written onto a name, with no 的, is that name's
            # alone; "合肥的A、B" places every member.
            things = view.units[j].members if gap else view.units[j].members[:1]
            yield from pairwise("LOCATED_IN", things, view.units[i].members)


@relation_rule("located-in-industry-firms", 0.65, needs="place org chain", cues="以")
def located_in_industry_firms(view: SentenceView) -> Iterator[Found]:
    """ "安庆石油化工产业以A、B等龙头企业为主", "以A为首的天长市仪器仪表产业": a place written
    onto its industry, and the firms that industry is made of or led by (以…为主, 为代表,
    为首的) lie in the place."""
    units = view.units
    for i in range(len(units) - 2):
        place, chain, firms = units[i], units[i + 1], units[i + 2]
        if place.kind != "place" or chain.kind != "chain" or firms.kind != "org" or place.is_list:
            continue
        if view.gap(i, i + 1) not in ("", "的") or not _not_region(view, i):
            continue
        if _CUES.industry_firms_gap.match(view.gap(i + 1, i + 2)) and _CUES.industry_firms_after.match(
            view.text[firms.end :]
        ):
            yield from pairwise("LOCATED_IN", _enterprises(firms.members), place.members)
    for i in range(1, len(units) - 1):
        firms, place, chain = units[i - 1], units[i], units[i + 1]
        if firms.kind != "org" or place.kind != "place" or chain.kind != "chain" or place.is_list:
            continue
        if (
            view.gap(i, i + 1) in ("", "的")
            and _not_region(view, i)
            and _CUES.leading_firms_gap.match(view.gap(i - 1, i))
        ):
            yield from pairwise("LOCATED_IN", _enterprises(firms.members), place.members)


def _enterprises(members: tuple[Mention, ...]) -> list[Mention]:
    return [m for m in members if m.type == "Enterprise"]


@relation_rule("located-in-listed-kind", 0.7, needs="place org", cues="等")
def located_in_listed_kind(view: SentenceView) -> Iterator[Found]:
    """ "A、B等多家北京知名高校", "A、B等一批合肥本土企业": a place in the kind that closes
    a list of organisations says where each member is."""
    for i, j in view.consecutive():
        orgs, place = view.units[i], view.units[j]
        if orgs.kind != "org" or place.kind != "place" or place.is_list or not orgs.closed_by_deng:
            continue
        if orgs.end < place.start < orgs.tail_end and _not_region(view, j) and not _bound_elsewhere(view, j):
            yield from pairwise("LOCATED_IN", orgs.members, place.members)


def _bound_elsewhere(view: SentenceView, index: int) -> bool:
    """The members settle in a place that follows in the clause ("A、B等福建企业进驻宿州"):
    the one the kind names is where they come from, and the text places them in the other."""
    later = index + 1
    if later >= len(view.units) or view.units[later].kind != "place" or not view.same_clause(index, later):
        return False
    return _CUES.settles_at.search(view.gap(index, later)) is not None


# Organisations that keep sites (plants, bases, campuses) in other places; a national
# laboratory's "基地" elsewhere is a branch programme, not where the laboratory is.
_SITE_KEEPERS = frozenset({"Enterprise", "University", "ResearchInstitute"})


@relation_rule("located-in-plant", 0.7, needs="place org", cues="厂 基地 车间 线 校 分院 公司 研发中心 总部")
def located_in_plant(view: SentenceView) -> Iterator[Found]:
    """蔚来合肥工厂 / X广州生产基地 / X（合肥）生产线 / X大学绍兴校区: the organisation has a
    site in the place written right after its name."""
    for i, j in view.neighbours("org", "place"):
        if view.units[j].is_list or not _CUES.plant_gap.match(view.gap(i, j)):
            continue
        if _CUES.plant_after.match(view.after(j, 12)):
            # "A、B、中科院广州分院": with nothing between, the place is the last member's own.
            listed = view.units[i].members if view.gap(i, j) else view.units[i].members[-1:]
            keepers = [m for m in listed if _keeps_sites(m)]
            # "X安徽总部": a province after a firm names the region a branch serves
            places = [m for m in view.units[j].members if m.subtype != "Province"]
            yield from pairwise("LOCATED_IN", keepers, places)


def _keeps_sites(member: Mention) -> bool:
    """An organisation written by its short name: a registered name ("X集团有限公司") stands for
    the company seated where it is registered, whose base elsewhere is only a site of it."""
    return member.type in _SITE_KEEPERS and not member.written.endswith("公司")


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
            if _settles_elsewhere(view, unit, place):
                continue
            firms = [m for m in unit.members if m.type == "Enterprise"]
            yield from pairwise("LOCATED_IN", firms, [place])


def _settles_elsewhere(view: SentenceView, unit: Unit, place: Mention) -> bool:
    """The list's clause goes on to say where its firms settle ("…等本土企业签约落户Z"), and
    ``place`` is not written there."""
    at = _CUES.settles_at_object.match(view.text[unit.tail_end :])
    return at is not None and place.clean_start != unit.tail_end + at.end()


@relation_rule("located-firms-settle", 0.5, needs="org", cues="入驻 落地 落户 进驻 扎根 安家 纷至沓来 开工建设")
def located_firms_settle(view: SentenceView) -> Iterator[Found]:
    """A、B等知名企业相继落地: what a 等-list names, when its clause ends with a verb of
    settling and no place after it, settled in the one place the sentence names, else in
    the place the paragraph or page speaks of (as for local firms)."""
    place = _local_place(view)
    if place is None or _not_where_settled(view, place):
        return
    for unit in view.units:
        if (
            unit.kind == "org"
            and unit.closed_by_deng
            and _CUES.settled_after.match(view.text[unit.end : unit.end + _SETTLED_REACH])
        ):
            yield from pairwise("LOCATED_IN", list(unit.members), [place])


def _not_where_settled(view: SentenceView, place: Mention) -> bool:
    """The sentence names ``place`` as where firms come from ("来自深圳的A、B等企业相继落地")
    or only as the start of an area no entity stands for ("郑州航空港…": they are in the
    port area, not the city)."""
    for k, unit in enumerate(view.units):
        if place in unit.members and (view.names_unread_area(k) or _CUES.origin_before.search(view.before(k, 3))):
            return True
    return False


def _local_place(view: SentenceView) -> Mention | None:
    named = {m.canonical: m for u in view.units if u.kind == "place" for m in u.members}
    if len(named) == 1:
        return next(iter(named.values()))
    context = view.subject_place or view.recent_place or view.page_place
    if named or context is None or context.sentence == view.sentence.index:
        return None
    return synthetic_mention(context, view.sentence, DOCUMENT_SUBJECT)
