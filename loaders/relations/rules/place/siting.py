"""More ways a text says where something is (LOCATED_IN, PART_OF between places).

- "园区集聚A、B等企业" / "X：…，集聚A、B" / "园区已入驻A、B": what a park gathers, brings in
  or has moving in is there.
- "A、B两所高校的主校区就在Y": a campus or headquarters in Y places its organisation.
- "位于Y东南部的X": X lies in Y (PART_OF for a place, LOCATED_IN otherwise).
- "X位于Y" between places: X is part of Y.
- "新区范围包括A、B": containment stated from the container's side.
- "崂山区依托A、B等载体": the zones or parks a place builds on lie inside it.
- "A在Y设立(的)B": B is A's sub-unit; "A在Y设立研发中心" (unnamed) puts A in Y.
- "X市…；建成了国内首个…的A平台": a research body named after a relative clause.
- "积极发展Z产业，先后引进了A、B等企业" with no subject: A and B are in the place the
  paragraph, a heading or the page's title speaks of.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from kg.model import Mention
from loaders.relations.class_limits import PARENT_CLASSES, SUPPORTER_CLASSES
from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.neighbour_rules import register_neighbour_rules
from loaders.relations.registry import Found, pairwise, relation_rule
from loaders.relations.scope import DOCUMENT_SUBJECT, synthetic_mention
from loaders.relations.topic import clause_start, part_start
from loaders.relations.view import SentenceView

_CUES = cue_patterns(__name__)
_SUB_UNITS = frozenset({"ResearchInstitute", "Laboratory", "InnovationPlatform"})
# Marks after which a part without a subject of its own goes on with the last one's.
_SUBJECT_GOES_ON = "；;"
_UNREAD_MEMBER = 16  # the longest first member of a list not read as a name
_RELATIVE_REACH = 40  # the cue, a relative clause of up to 32 characters and 的
_CLAUSE_MARK = re.compile(r"[，,。；;！？!?]")


def _nearest_place(view: SentenceView, index: int) -> int | None:
    """The place unit before unit ``index`` that speaks of it: right before it in its
    sentence part (unless a partner's), or the place opening the part (its subject); a
    part after ；that names nothing before the unit goes on with the subject of the part
    before ("X区集聚A；引进B")."""
    start = part_start(view.text, view.units[index].start)
    if index > 0 and _own_place(view, index - 1, start):
        return index - 1
    first = _first_unit(view, start, index)
    if first is None and start > 0 and view.text[start - 1] in _SUBJECT_GOES_ON:
        start = part_start(view.text, start - 1)
        first = _first_unit(view, start, index)
    if first is None or view.units[first].kind != "place" or _names_a_speaker(view, first):
        return None
    return first if _CUES.opener.match(view.text[start : view.units[first].start].strip()) else None


def _names_a_speaker(view: SentenceView, index: int) -> bool:
    """Place unit ``index`` opens a speaker's title ("X区工信局局长Z介绍，园区集聚了A"): it is
    the office of whoever speaks, and what is said after the comma is not said of it."""
    return _CUES.speaker_after.match(view.text[view.units[index].end :]) is not None


def _own_place(view: SentenceView, index: int, start: int) -> bool:
    """Unit ``index`` is a place of the part beginning at ``start``, not brought in as a
    partner or a target ("对接Y，引进A": Y is no subject)."""
    unit = view.units[index]
    if unit.kind != "place" or unit.start < start or _names_a_speaker(view, index):
        return False
    if _modifies_an_earlier_object(view, index):
        return False  # "…，入选山东省支柱产业集群，培育了A": the province qualifies a title
    return not _CUES.partner_before.search(view.before(index, 4))


def _modifies_an_earlier_object(view: SentenceView, index: int) -> bool:
    """Place unit ``index`` stands in an earlier clause than the unit after it, inside a
    longer noun phrase it qualifies ("入选山东省支柱产业集群，"), neither opening that clause
    nor ending it as its object ("打造了X园，吸引了A") nor naming where a report comes from."""
    gap = view.gap(index, index + 1)
    comma = _CLAUSE_COMMA.search(gap)
    if comma is None or comma.start() == 0 or _opens_own_clause(view, index):
        return False
    return not _sets_the_scene(view, index)


_CLAUSE_COMMA = re.compile("[，,]")


def _opens_own_clause(view: SentenceView, index: int) -> bool:
    """Place unit ``index`` opens its clause, maybe set as the scene ("在X区，…")."""
    before = _SCENE_SETTING.sub("", view.clause_before(view.place_run_start(index)).strip())
    return _CUES.opener.match(before) is not None


_SCENE_SETTING = re.compile("(?:在|于)$")


def _described_before(view: SentenceView, index: int) -> str:
    """The clause text before unit ``index``, back to the last place or organisation: a
    relative clause may name chains ("建成了专注储能材料的A")."""
    floor = max((u.tail_end for u in view.units[:index] if u.kind != "chain"), default=0)
    chunk = view.text[max(floor, view.units[index].start - _RELATIVE_REACH) : view.units[index].start]
    ends = list(_CLAUSE_MARK.finditer(chunk))
    return chunk[ends[-1].end() :] if ends else chunk


def _first_unit(view: SentenceView, start: int, index: int) -> int | None:
    """The first unit at or after ``start`` and before unit ``index``, if any."""
    return next((k for k in range(index) if view.units[k].start >= start), None)


@relation_rule(
    "located-in-gathers",
    0.75,
    needs="place org",
    cues="集聚 聚集 汇聚 云集 引进 引入 吸引 引育 招引 入驻 落户 落地 培育 孵化 内有 内现有",
)
def located_in_gathers(view: SentenceView) -> Iterator[Found]:
    """园区集聚A、B / X：…，引进A等企业 / 园区入驻了A / 园区内有A / X市培育了以A为代表的企业: what the
    place gathers or grows is in it."""
    yield from _located_after_cue(view, _CUES.gather_before, lambda members: members)


@relation_rule("located-in-settles-in-scene", 0.6, needs="place org", cues="落户 落地 进驻 入驻 扎根 安家")
def located_in_settles_in_scene(view: SentenceView) -> Iterator[Found]:
    """X区…，A、B等企业纷纷落户 / 同时，X…，A等头部企业落地发展: organisations whose own clause
    ends with a verb of settling and no object settle in the place their sentence part opens
    with (a place after the verb, "落户Y", is that clause's own and another rule's)."""
    for j, unit in enumerate(view.units):
        if unit.kind != "org" or not _CUES.settles_after.match(view.text[unit.tail_end :]):
            continue
        head = _list_head(view, j)
        place = _nearest_place(view, head)
        if place is None or view.units[place].is_list or _only_regions(view.units[place].members):
            continue
        if any(view.units[k].kind == "place" for k in range(place + 1, head)) or not _sets_the_scene(view, place):
            continue  # a later place may be where they settle ("X…，在Y园，A落户")
        yield from pairwise("LOCATED_IN", unit.members, view.units[place].members)


def _sets_the_scene(view: SentenceView, index: int) -> bool:
    """Place unit ``index`` opens its clause ("同时，X…") or is the place a report comes from
    ("记者从X获悉，"); a place inside a clause ("X入选Y省…名单，A落户") is not where A settles."""
    if _CUES.opener.match(view.clause_before(view.place_run_start(index)).strip()):
        return True
    source = _CUES.news_source_around
    return bool(source.search(view.before(index, 2)) and source.search(view.text[view.units[index].tail_end :]))


@relation_rule(
    "located-in-holds-research", 0.6, needs="place org", cues="拥有 建有 现有 共有 坐拥 布局 建设 建成 新建 组建"
)
def located_in_holds_research(view: SentenceView) -> Iterator[Found]:
    """X区…，拥有A、B等高校 / X市现有A、B等高校 / X区…，布局建设了A实验室: the research bodies a place has or
    builds are in it (firms: located-in-has-firms)."""
    yield from _located_after_cue(
        view, _CUES.hold_before, lambda members: [m for m in members if m.type in SUPPORTER_CLASSES]
    )


@relation_rule(
    "located-in-holds-research-described", 0.55, needs="place org", cues="成立 建成 组建 新建 建设 拥有 建有"
)
def located_in_holds_research_described(view: SentenceView) -> Iterator[Found]:
    """X市…；成立了国内唯一掌握Z技术的A平台 / X区建成了全国首个…的A实验室: a research body the
    place sets up or has, named after a relative clause, is in it."""
    for j, unit in enumerate(view.units):
        if unit.kind != "org" or not _CUES.hold_relative_before.search(_described_before(view, j)):
            continue
        place = _nearest_place(view, j)
        if place is not None and not view.units[place].is_list:
            research = [m for m in unit.members if m.type in SUPPORTER_CLASSES]
            yield from pairwise("LOCATED_IN", research, view.units[place].members)


@relation_rule(
    "located-in-has-firms", 0.55, needs="place org", cues="拥有 现有 共有 坐拥 目前有 现已有 已经有 当前有 如今有"
)
def located_in_has_firms(view: SentenceView) -> Iterator[Found]:
    """合肥拥有A、B等6家整车企业 / X区现有A等企业: the firms a place has are in it (readers
    take them so; what it builds or lays out is left to the research bodies above)."""
    yield from _located_after_cue(view, _CUES.has_before, _firms)


def _firms(members: Sequence[Mention]) -> Sequence[Mention]:
    return [m for m in members if m.type == "Enterprise"]


def _located_after_cue(
    view: SentenceView,
    cue: re.Pattern[str],
    kept: Callable[[Sequence[Mention]], Sequence[Mention]],
) -> Iterator[Found]:
    """The organisations of a unit whose list a ``cue`` word opens (those ``kept`` keeps)
    are in the nearest place governing it, unless that place is one of a list."""
    last_place: int | None = None
    for j, unit in enumerate(view.units):
        if unit.kind != "org" or _qualifies_next(view, j):
            continue
        head = _list_head(view, j)
        if not _cue_opens_list(view, head, cue):
            continue
        place = _nearest_place(view, head)
        if place is None and last_place is not None and _part_opens_with_cue(view, head, cue):
            place = last_place  # "在Y，…：引进A等高校；引进B等院所": the parts go on alike
        if place is not None and not view.units[place].is_list and not _only_regions(view.units[place].members):
            last_place = place
            yield from pairwise("LOCATED_IN", kept(unit.members), view.units[place].members)


def _part_opens_with_cue(view: SentenceView, head: int, cue: re.Pattern[str]) -> bool:
    """The list unit ``head`` opens stands in a part after ；, with nothing but an opener
    before the ``cue`` ("；引进建设B等院所"), so the part goes on like the one before."""
    start = part_start(view.text, view.units[head].start)
    if start == 0 or view.text[start - 1] not in _SUBJECT_GOES_ON:
        return False
    found = cue.search(view.text[start : view.units[head].start])
    return found is not None and _CUES.opener.match(view.text[start : start + found.start()].strip()) is not None


def _qualifies_next(view: SentenceView, index: int) -> bool:
    """Organisation unit ``index`` qualifies the organisation right after it ("引入A上下游关联企业
    B"): one name, not closed by 等, joined to the next by a short noun phrase alone."""
    unit = view.units[index]
    if unit.is_list or unit.closed_by_deng or index + 1 >= len(view.units) or view.units[index + 1].kind != "org":
        return False
    return _CUES.qualifier_gap.match(view.gap(index, index + 1)) is not None


def _only_regions(places: Sequence[Mention]) -> bool:
    """A region of several cities ("长株潭地区汇聚了A、B") gathers or has bodies that lie in
    one of its cities, which the text leaves unnamed: readers do not place them in the region."""
    return bool(places) and all(m.subtype == "Region" for m in places)


def _cue_opens_list(view: SentenceView, head: int, cue: re.Pattern[str]) -> bool:
    """The ``cue`` stands right before the list unit ``head`` opens, or before a first
    member not read as a name ("拥有<a name not read>、A、B")."""
    before = view.before(head, _UNREAD_MEMBER + 7)
    if cue.search(before[-6:]):
        return True
    if not before.endswith("、"):
        return False
    for length in range(2, _UNREAD_MEMBER + 1):
        member = before[-length - 1 : -1]
        if len(member) < length or _CUES.list_break.search(member) or member.startswith("的"):
            return False  # "A孵化的X、B": a relative clause, not a list after the verb
        if cue.search(before[-length - 7 : -length - 1]):
            return True
    return False


def _list_head(view: SentenceView, index: int) -> int:
    """The first organisation unit of the list unit ``index`` belongs to: "A、<a name not
    read>、B" is one list broken by the name in the middle, and "A等企业以及B" joins a
    second list to the first; what is said before A is said of B too."""
    while index > 0 and view.units[index - 1].kind == "org" and _joined_lists(view.gap(index - 1, index)):
        index -= 1
    return index


def _joined_lists(gap: str) -> bool:
    """The gap between two organisation units keeps them under one verb: a name not read
    in the middle of a list ("A、X、B"), or a second list joined to the first ("引进A、B等
    企业以及C、D", "拥有A等院所，以及B等企业")."""
    return bool(_CUES.broken_list.match(gap) or _CUES.second_list.match(gap))


@relation_rule("located-in-campus", 0.8, needs="org place", cues="在 位于")
def located_in_campus(view: SentenceView) -> Iterator[Found]:
    """A、B两所高校的主校区就在Y / X总部设在Y."""
    for i, j in view.consecutive():
        thing, place = view.units[i], view.units[j]
        if thing.kind != "org" or place.kind != "place":
            continue
        if _CUES.campus_gap.match(view.gap(i, j)) and _CUES.clause_after.match(view.text[place.tail_end :]):
            yield from pairwise("LOCATED_IN", thing.members, place.members)


@relation_rule("located-in-situated-of", 0.85, needs="place", cues="位于 地处 坐落")
def located_in_situated_of(view: SentenceView) -> Iterator[Found]:
    """位于Y东南部的X: X lies in Y. In a run of places written together ("位于A区B镇的X"),
    X lies in the last and innermost one."""
    for i, j in view.consecutive():
        place, thing = view.units[i], view.units[j]
        if place.kind != "place" or place.is_list or thing.kind == "chain":
            continue
        situated = view.before(view.place_run_start(i), 3)
        if _CUES.situated_before.search(situated) and _CUES.situated_gap.match(view.gap(i, j)):
            rel_type = "PART_OF" if thing.kind == "place" else "LOCATED_IN"
            yield from pairwise(rel_type, thing.members, place.members)


# "X位于Y" between places: neighbour_rules.toml.
register_neighbour_rules(__name__, "situated", _CUES)


@relation_rule("part-of-place-includes", 0.85, needs="place", cues="包括 包含 涵盖 覆盖")
def part_of_place_includes(view: SentenceView) -> Iterator[Found]:
    """X范围包括A、B: each listed place is part of X (not one named with a street)."""
    for i, j in view.neighbours("place", "place"):
        if not view.units[i].is_list and _CUES.includes_gap.match(view.gap(i, j)):
            yield from pairwise("PART_OF", _whole_places(view, j), view.units[i].members)


_ADMINISTRATIVE = frozenset({"Province", "City", "District", "County"})
_AREAS = frozenset({"DevelopmentZone", "ScienceCity"})


@relation_rule("part-of-zone-carriers", 0.7, needs="place", cues="依托 围绕 依靠 立足 拥有 建有 现有 坐拥")
def part_of_zone_carriers(view: SentenceView) -> Iterator[Found]:
    """崂山区依托A、B等载体 / 汇川区围绕A、B两大园区: the zones or parks a place, as its
    clause's subject, builds on lie inside it."""
    for i, j in view.neighbours("place", "place"):
        whole = view.units[i]
        if whole.is_list or not _CUES.carrier_gap.match(view.gap(i, j)):
            continue
        if not _CUES.opener.match(view.clause_before(view.place_run_start(i)).strip()):
            continue  # "与X区依托…": the place is no subject of its own
        for container in whole.members:
            yield from pairwise("PART_OF", _parks_in(container, view.units[j].members), [container])


def _parks_in(container: Mention, members: tuple[Mention, ...]) -> list[Mention]:
    """The members that can lie inside ``container``: a zone or science city inside an
    administrative place, a park or base inside a zone (a peer zone is no part of it)."""
    if container.subtype in _ADMINISTRATIVE:
        return [m for m in members if m.subtype in _AREAS]
    if container.subtype == "DevelopmentZone":
        return [m for m in members if m.subtype == "DevelopmentZone" and _CUES.park_name.search(m.canonical)]
    return []


def _whole_places(view: SentenceView, index: int) -> tuple[Mention, ...]:
    """The places of unit ``index`` but the last when only a piece of it is named
    ("栖霞区八卦洲街道")."""
    inner = view.units[index]
    return inner.members[:-1] if _CUES.piece_after.match(view.text[inner.end :]) else inner.members


def _set_up(view: SentenceView, parent: int, place: int) -> tuple[str, int | None] | None:
    """After "A在Y": the verb's text, and the organisation unit it sets up (None: unnamed)."""
    following = place + 1
    if following < len(view.units) and view.units[following].kind == "org":
        gap = view.gap(place, following)
        if _CUES.set_up_verb.match(gap):
            return gap, following
    after = view.after(place, 4)
    return (after, None) if _CUES.set_up_after.match(after) else None


@relation_rule(
    "part-of-set-up-at", 0.8, needs="org place", cues="设立 成立 组建 建立 设有 布局 建设 建成 投资 投建 新建 扩建"
)
def part_of_set_up_at(view: SentenceView) -> Iterator[Found]:
    """A在Y设立B: B is part of A (and in Y); A在Y设立研发中心 (unnamed): A is in Y."""
    for i in range(len(view.units) - 1):
        parent, place = view.units[i], view.units[i + 1]
        if parent.kind != "org" or place.kind != "place" or place.is_list:
            continue
        if not _CUES.set_up_gap.match(view.gap(i, i + 1)):
            continue
        set_up = _set_up(view, i, i + 1)
        if set_up is None:
            continue
        built = set_up[1]
        if built is None:
            yield from pairwise("LOCATED_IN", parent.members, place.members)
            continue
        parents = [m for m in parent.members if m.type in PARENT_CLASSES]
        subs = [m for m in view.units[built].members if m.type in _SUB_UNITS]
        yield from pairwise("PART_OF", subs, parents)


@relation_rule("located-in-brought-in-context", 0.45, needs="org", cues="引进 引入 吸引 招引 引育")
def located_in_brought_in_context(view: SentenceView) -> Iterator[Found]:
    """(积极发展X产业，)先后引进了A、B等企业 in a sentence with no place or organisation as
    its subject and no place in the list's clause: what is brought in comes to the place the
    paragraph opened with, a heading names, or the page's title names (document context,
    hence the lower confidence)."""
    if _has_subject(view):
        return
    place = _context_place(view)
    if place is None or _names_another_place(view, place):
        return
    for j, unit in enumerate(view.units):
        if unit.kind != "org" or not _ends_list(view, j):
            continue
        head = _list_head(view, j)
        if _cue_opens_list(view, head, _CUES.brought_in_before) and not _place_in_clause(view, head, j):
            yield from pairwise("LOCATED_IN", list(unit.members), [place])


def _names_another_place(view: SentenceView, place: Mention) -> bool:
    """The sentence names a place other than the one of its context ("生物医药是X区主导产业，
    先后引进A、B等企业" on a page about a park of X区): the firms may come to either, and the
    text does not say which, so the context is no safe guess."""
    return any(u.kind == "place" and any(m.canonical != place.canonical for m in u.members) for u in view.units)


def _ends_list(view: SentenceView, index: int) -> bool:
    """Unit ``index`` is closed by 等 or followed by the list's next member or a clause end,
    not by what it qualifies ("A配套企业B", "A等高校的团队")."""
    unit = view.units[index]
    if unit.closed_by_deng:
        return not view.text.startswith("的", unit.tail_end)
    return _CUES.brought_in_after.match(view.text[unit.tail_end : unit.tail_end + 1]) is not None


def _has_subject(view: SentenceView) -> bool:
    """A place or an organisation opens a clause of the sentence (after an opener at most):
    the sentence speaks of it, not of the place of the text around it."""
    for k, unit in enumerate(view.units):
        if unit.kind in ("place", "org") and _CUES.opener.match(view.clause_before(k).strip()):
            return True
    return False


def _place_in_clause(view: SentenceView, first: int, last: int) -> bool:
    """A place stands in the comma clause of units ``first`` to ``last`` ("引进A落户Y园")."""
    start = clause_start(view.text, view.units[first].start)
    found = _CLAUSE_MARK.search(view.text, view.units[last].tail_end)
    end = len(view.text) if found is None else found.start()
    return any(u.kind == "place" and start <= u.start < end for u in view.units)


def _context_place(view: SentenceView) -> Mention | None:
    """The place the text around the sentence speaks of: the one the paragraph opened with,
    else the one a heading names, else the one the page's title names unless a sentence of
    the paragraph opened with another subject; None when it is named in the sentence itself
    (the sentence is then no subjectless one)."""
    if view.subject_place is not None and view.subject_place.sentence != view.sentence.index:
        return synthetic_mention(view.subject_place, view.sentence, DOCUMENT_SUBJECT)
    if view.section_place is not None:
        return view.section_place
    page = view.page_place
    if page is None or page.sentence == view.sentence.index or view.paragraph_other_subject:
        return None  # "某某基地年产值…。…引进了A、B等企业": the paragraph's host, not the page's place
    return synthetic_mention(page, view.sentence, DOCUMENT_SUBJECT)
