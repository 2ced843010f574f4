"""Relation rules written as data: cue lexicons, slots and entity classes in a JSONL file.

Most ways Chinese text states a relation differ only in their words: "A 重点发展 B",
"A 聚焦 B", "A 以 B 为主导产业". One pattern a line (``data/relation_patterns.jsonl``, or a
user's file passed with ``kg build --pack``) says, like a spaCy Matcher pattern:

    {"name": "focus-verb", "type": "FOCUSES_ON", "head": "place org", "tail": "chain",
     "order": "head-first", "gap_cues": ["重点发展", "聚焦"], "max_gap": 20,
     "max_commas": 0, "confidence": 0.7}

- ``head`` / ``tail``: unit kinds (place, org, chain) or entity classes the ends may be.
- ``order``: which end the sentence names first (``head-first`` or ``tail-first``).
- ``gap_cues``: one must occur between the two; ``before_cues``: one must end the text
  right before the first; ``after_cues``: one must open the text right after the second.
  Any cue field may name a list the file defines once on a line of its own
  (``{"cue_list": "NAME", "words": [...]}``) as ``"@NAME"``, so twin patterns share it.
- ``max_gap``: most characters between them; ``max_commas``: most commas among those.
- ``blockers``: words that, in the gap, cancel the pattern (不, 未, 缺乏…; 未来 is no
  negation and cancels nothing).
- ``after_blockers``: words that, in the text right after the second end, cancel the
  pattern ("以A、B等为主的上游产业": the list makes up a stream of a chain, no focus of a place).
- ``opens_clause``: the first end must open its clause (it is the clause's subject); with
  ``before_cues``, the cue may stand before it ("近日，在X，A…": 在 sets the scene).
  Before-cues of a place are read before the run of places it ends ("在云南|曲靖经开区").
- ``list_required``: the second end must be a list ("包括A、B、C"), not one name.
- ``closed_list_first``: the first end must be a list closed by 等 ("A、B等为主的C产业").
- ``cue_opens_gap``: the cue must stand right after the first end ("A下辖B", not "A…包括B").
- ``one_tail``: a list on the tail side yields nothing ("A和B产业链涵盖X、Y等环节" does not
  say which link is whose).
- ``in_order``: lists on both sides pair in order, as if 分别 stood in the gap ("以A、B为龙头的
  X、Y两大产业": A leads X and B leads Y); lists of unequal length say nothing sure, and a
  first list closed by 等 gives examples, each paired with every tail.
- ``cue_in_clause``: the cue must stand in the second end's own clause (after the last
  comma before it), so one subject can govern several clauses, each with its own verb.
- ``placeless_clause``: no place but the first end stands in the second end's clause
  ("X区…，在Y园引进A" and "X区…，吸引A落户Y园" say A is in Y, not in X).
- ``tail_run``: a place on the tail side stands for the run of places written together that
  it ends ("仪式在长沙高新区北斗产业园举行": the zone and the park both).
- ``no_object``: no organisation follows the second end in its clause ("A在Y成立。", not
  "A在Y成立B": there A sets B up, and B is what lies in Y).
- ``tail: "subject"``: the head's clause goes on with a cue pointing back to the place that
  sets the scene before the head in its sentence part ("Y里，A、B在此扎根"), else to the
  place the last sentence that opened with one opened with, in this paragraph or before
  (SentenceView.recent_place: "A、B在此落户"); a ``gap_cues`` word must stand within
  ``max_gap`` characters after the head.
- ``tail: "page"``: in a sentence that names no place, the place the page's title names
  (SentenceView.page_place); a ``gap_cues`` word must open the text after the head.
- ``tail: "paragraph"``: in a sentence that names no place, the place an earlier sentence
  of the paragraph opened with (SentenceView.subject_place: "柳州汽车产业向新迈进。A建成…");
  a ``gap_cues`` word must open the text after the head.
- ``head: "subject"``: the sentence names no place or organisation before the tail, and
  the head is the place an earlier sentence of the paragraph opened with (document context,
  SentenceView.subject_place: "沈阳市正通过…。进一步培育壮大X产业"), or the zone a clause
  names by its kind word alone ("…，园区以A为主导产业": loaders.relations.kind_subjects); the
  cue must then stand in the tail's clause before it. A pattern with no gap cues reads the
  after cue alone ("A、B两大产业集群占…": a count and a head noun of industries). Such
  patterns get a lower confidence and a rule name of their own.
- ``head: "article"``: like ``"subject"``, but the head is the one place the sentence's
  article names (a plan naming "四川" in a heading only speaks of it throughout); the
  sentence names no place of its own. Lower confidence and a rule name of their own too.
- ``head: "recent"``: like ``"subject"``, in a paragraph that opens with no subject of its
  own ("全力打造X产业。"), but the head is the place the last sentence that opened with one
  opened with (SentenceView.recent_place), when that place is what the page is about (its
  title's place, else the one its article names most often) and no park named by its kind
  alone ("园区…，重点发展A") is the subject. Lower confidence and a rule name of their own too.
- ``tail: "governing"``: heads after a cue (within ``max_gap`` before them in their clause) in
  a clause that names no place of its own belong to the place that governs it: the
  paragraph's subject (SentenceView.subject_place: "X园区位于…。已先后落地A、B"), or the zone
  the clause names by its kind word alone ("园区已落地A、B": loaders.relations.kind_subjects).
  A head with no cue before it opens the clause as its own subject and ends the search.

Each pattern becomes a registered relation rule with its name and confidence; coordinated
lists on either side are distributed over every member.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.model import ENTITY_CLASSES, RELATION_TYPES, Mention
from loaders.lexicon.json_lines import file_lines, json_objects
from loaders.mentions.coordination import Unit
from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.kind_subjects import zones_named_by_kind
from loaders.relations.registry import RESPECTIVELY, Found, RelationRule, pairwise, respective_pairs
from loaders.relations.scope import CITY_DEIXIS_SOURCE, DOCUMENT_SUBJECT, synthetic_mention
from loaders.relations.topic import part_start
from loaders.relations.view import SentenceView

_KINDS = {"place", "org", "chain"}
SUBJECT = "subject"
PAGE = "page"
ARTICLE = "article"
RECENT = "recent"
PARAGRAPH = "paragraph"
GOVERNING = "governing"
_CONTEXT_SLOTS = frozenset({SUBJECT, PAGE, ARTICLE, PARAGRAPH, RECENT, GOVERNING})
_PAGE_SOURCE = "page-title"
_ARTICLE_SOURCE = "article-only-place"
_CUES = cue_patterns(__name__)
_ORDERS = {"head-first", "tail-first"}


@dataclass(frozen=True, slots=True)
class RelationPattern:
    name: str
    type: str
    head: frozenset[str]  # unit kinds and/or entity classes
    tail: frozenset[str]
    head_first: bool
    gap: re.Pattern[str] | None
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    blockers: re.Pattern[str] | None
    max_gap: int
    max_commas: int
    confidence: float
    opens_clause: bool = False
    list_required: bool = False
    closed_list_first: bool = False
    cue_opens_gap: bool = False
    cue_in_clause: bool = False
    one_tail: bool = False
    in_order: bool = False
    no_object: bool = False
    placeless_clause: bool = False
    tail_run: bool = False
    after_blockers: re.Pattern[str] | None = None
    # words one of which a sentence must hold for the pattern to match (its gap cues, else
    # its before or after cues): a cheap test run before the pattern
    required_words: tuple[str, ...] = ()

    def ends(self, view: SentenceView) -> Iterator[tuple[int, int]]:
        """Index pairs (first, second) of units in the pattern's order and distance."""
        units = view.units
        for i, first in enumerate(units):
            for j in range(i + 1, len(units)):
                second = units[j]
                gap_start = first.tail_end if first.tail_end <= second.start else first.end
                if second.start - gap_start > self.max_gap:
                    break
                yield i, j

    def matches(self, view: SentenceView, i: int, j: int) -> bool:
        gap = view.gap(i, j)
        if view.units[i].kind == "place" and _CUES.body_of_place.match(gap):
            return False  # "合肥市政协围绕…": the place names a body, which is the subject
        if i + 1 < j and view.qualifies_next(i):
            # "江西省赣州高新区重点发展…": the zone is the subject, its province says where;
            # "在甘肃省秦安县设立的X": X is set up in the county, the province says where that is
            return False
        if self.list_required and not view.units[j].is_list:
            return False
        if self.closed_list_first and not view.units[i].closed_by_deng:
            return False
        # a first end that opens its clause is its subject, whichever end it is
        if self.max_commas and (self.head_first or self.opens_clause) and _new_subject_between(view, i, j):
            return False  # "A区重点发展X，B区重点发展Y": B's clause is not A's
        if _CUES.hard_end.search(gap) or len(_CUES.commas.findall(gap)) > self.max_commas:
            return False
        if self.blockers is not None and self.blockers.search(_CUES.not_negation.sub("", gap)):
            return False
        if self.gap is not None and not self._cue_found(view, _CUES.quotes.sub("", gap), j):
            return False
        # a place written after another ("在云南|曲靖经济开发区") takes the cue before the first
        if self.before is not None and not self.before.search(view.before(view.place_run_start(i), 6)):
            return False
        if self.opens_clause and not (_opens_clause(view, i, self.before) or _described_next(view, i)):
            return False
        if self.no_object and _object_follows(view, j):
            return False
        if self.placeless_clause and _other_place_in_clause(view, i, j):
            return False
        # a list's head noun may hold the cue: "A、B等16条省级重点产业链"
        return self._after_holds(view, j)

    def _after_holds(self, view: SentenceView, j: int) -> bool:
        """No after-cues, or one opens the text after unit ``j`` (past a chain suffix or a count);
        and no after-blocker stands right after it."""
        if self.after_blockers is not None and self.after_blockers.search(_right_after(view, j)):
            return False
        if self.after is None:
            return True
        unit = view.units[j]
        counted = view.text[unit.end : unit.tail_end]
        if unit.noun and (self.after.search(unit.noun) or self._counted_noun_holds(counted)):
            return True
        after = _CUES.chain_suffix.sub("", _CUES.quotes.sub("", view.after(j, 14)), count=1)
        return self.after.match(_CUES.leading_count.sub("", after, count=1)) is not None

    def _counted_noun_holds(self, tail: str) -> bool:
        """The count and noun a list ends with hold a cue: "A、B等八大产业链" holds
        "大产业链", which the noun alone ("产业链") does not."""
        assert self.after is not None
        return self.after.match(_CUES.leading_count.sub("", _CUES.quotes.sub("", tail), count=1)) is not None

    def _cue_found(self, view: SentenceView, gap: str, second: int) -> bool:
        assert self.gap is not None
        if self.cue_opens_gap:
            return self.gap.match(gap) is not None
        if self.cue_in_clause:
            return self.gap.search(view.clause_before(second)) is not None
        return self.gap.search(gap) is not None

    def find(self, view: SentenceView) -> Iterator[Found]:
        if self.head == {SUBJECT}:
            yield from self._find_with_subject(view)
        elif self.head == {ARTICLE}:
            yield from self._find_with_only_place(view)
        elif self.head == {RECENT}:
            yield from self._find_with_recent_place(view)
        elif self.tail == {SUBJECT}:
            yield from self._heads_pointing_here(view)
        elif self.tail == {GOVERNING}:
            yield from self._heads_of_governing_place(view)
        elif self.tail == {PAGE}:
            # "X投资…布局…" in a sentence naming no place: the place the page's title names,
            # unless a heading over the sentence names another
            if not any(unit.kind == "place" for unit in view.units) and _page_place_holds(view):
                yield from self._heads_pointing_to(view, view.page_place, _PAGE_SOURCE, cue_at_start=True)
        elif self.tail == {PARAGRAPH}:
            # "A建成…；广西首台…": only the first part (up to ；) must name no place
            units = _first_part(view)
            if not any(unit.kind == "place" for unit in units):
                yield from self._heads_pointing_to(
                    view, view.subject_place, DOCUMENT_SUBJECT, cue_at_start=True, count=len(units)
                )
        else:
            for i, j in self.ends(view):
                h, t = (i, j) if self.head_first else (j, i)
                heads = _members(view, h, self.head)
                if not heads:
                    continue  # speed: most pairs of units hold no head, and need no tails read
                tails = _members(view, t, self.tail)
                if tails and self.matches(view, i, j):
                    if self.head_first and view.apposed(j) != j:
                        tails = _members(view, j + 1, self.tail)  # "位于长三角核心城市|苏州"
                    elif self.tail_run:
                        tails = _run_members(view, t, self.tail) + tails
                    yield from self._pairs(view, i, j, heads, tails)

    def _pairs(self, view: SentenceView, i: int, j: int, heads: list[Mention], tails: list[Mention]) -> Iterator[Found]:
        """Every head with every tail; but "A和B分别服务X和Y" pairs them in order, and a list of
        chains on the tail side of a one-chain pattern says nothing of which is whose. With
        one name on a side, 分别 only enumerates ("X下辖园区分别为A、B"): every pair holds."""
        gap = view.gap(i, j)
        if self.one_tail and len(tails) > 1 and not (RESPECTIVELY in gap and len(heads) > 1):
            return
        # The pattern's own words say the pairs go in order; but a first list closed by 等 gives
        # examples of a kind, not names to pair off ("以A、B等为骨干的X及Y产业集群": each in both).
        if self.in_order and not view.units[i].closed_by_deng:
            gap = RESPECTIVELY + gap
        yield from respective_pairs(self.type, heads, tails, gap)

    def _find_with_subject(self, view: SentenceView) -> Iterator[Found]:
        subject = view.subject_place
        if subject is not None and subject.sentence != view.sentence.index:
            yield from self._subjectless_tails(view, 0, synthetic_mention(subject, view.sentence, DOCUMENT_SUBJECT))
        # "X…；产业方面，确定了A、B等主导产业": a part after a semicolon that names no subject
        # of its own goes on speaking of the place the sentence opened with.
        opening = opening_place(view)
        if opening is not None:
            for first in _later_parts(view):
                yield from self._subjectless_tails(view, first, opening)
        # "…，园区以A、B为主导产业": a clause opening with a zone's kind word alone speaks of it.
        for first, zone in zones_named_by_kind(view):
            yield from self._subjectless_tails(view, first, synthetic_mention(zone, view.sentence, DOCUMENT_SUBJECT))

    def _find_with_only_place(self, view: SentenceView) -> Iterator[Found]:
        """A plan that names one place only ("四川" in its heading) speaks of it throughout:
        a sentence naming no place of its own develops that place's industries."""
        place = _only_place(view)
        if place is None or any(unit.kind == "place" for unit in view.units):
            return
        # A place left out of the units (a longer area's heading "X生物城：") is still named.
        if place.written not in view.text and place.canonical not in view.text:
            yield from self._subjectless_tails(view, 0, synthetic_mention(place, view.sentence, _ARTICLE_SOURCE))

    def _find_with_recent_place(self, view: SentenceView) -> Iterator[Found]:
        """A paragraph that opens with no subject of its own ("全力打造X产业。"), in a
        sentence naming no place, goes on speaking of the place the last sentence that
        opened with one opened with, when that place is what the page is about."""
        place = view.recent_place
        if place is None or view.subject_place is not None or place.sentence == view.sentence.index:
            return
        if any(unit.kind == "place" for unit in view.units) or not _is_the_pages_place(view, place):
            return
        if _CUES.area_by_kind.search(self._opening_before_cue(view)):
            return
        yield from self._subjectless_tails(view, 0, synthetic_mention(place, view.sentence, DOCUMENT_SUBJECT))

    def _opening_before_cue(self, view: SentenceView) -> str:
        """The words the sentence opens with before its first entity, or, when the cue stands
        in the first clause, before the cue: a heading-like label ("（二）A产业基地 重点发展…")
        names the area the sentence speaks of even when a chain word stands inside it."""
        opening = view.text[: view.units[0].start] if view.units else ""
        cue = self.gap.search(view.text) if self.gap is not None else None
        if cue is not None and not _CUES.commas.search(view.text[: cue.start()]):
            return view.text[: cue.start()]
        return opening

    def _subjectless_tails(self, view: SentenceView, first: int, head: Mention) -> Iterator[Found]:
        """Tails from unit ``first`` on whose clause holds the cue, until a place or an
        organisation gives the text a subject of its own."""
        governed = -1  # the last tail unit the cue was found for
        for j in range(first, len(view.units)):
            if view.units[j].kind == "org" and _CUES.relied_on_opening.match(view.clause_before(j)):
                continue  # "依托A等企业，重点发展X": the means, not the subject
            if view.units[j].kind in ("place", "org") or self._chain_governs(view, j):
                return  # the sentence has a subject of its own before any tail
            tails = _members(view, j, self.tail)
            if not tails or (self.gap is None and self.after is None) or not self._after_holds(view, j):
                continue
            if _CUES.fields_of_noun_after.match(view.text[view.units[j].end :]):
                continue  # "重点发展A、B等领域的芯片设计": the chains only qualify the object
            clause = view.clause_before(j)[-self.max_gap :]
            # A pattern with no gap cue reads the head noun after the list alone ("A、B五大产业集群…").
            if self.gap is None or self.gap.search(clause) or (governed == j - 1 and _second_object(view, governed, j)):
                governed = j
                yield from pairwise(self.type, [head], tails)

    def _chain_governs(self, view: SentenceView, index: int) -> bool:
        """Chain unit ``index`` opens its clause right before the pattern's cue: "其中，高端装备
        重点发展A、B" lists the chain's own segments, which no place is said to focus on."""
        unit = view.units[index]
        if unit.kind != "chain" or unit.is_list or self.gap is None or not _opens_clause(view, index):
            return False
        after = _CUES.chain_suffix.sub("", view.text[unit.tail_end : unit.tail_end + _VERB_REACH], count=1)
        return self.gap.match(after) is not None

    def _heads_of_governing_place(self, view: SentenceView) -> Iterator[Found]:
        """ "X园区…。已落地A、B等企业": heads after a cue in a clause that names no place of its
        own belong to the place that governs it, the paragraph's subject or the zone the
        clause names by its kind word ("园区已落地A、B")."""
        subject = view.subject_place
        if subject is not None and subject.sentence != view.sentence.index:
            yield from self._subjectless_heads(view, 0, synthetic_mention(subject, view.sentence, DOCUMENT_SUBJECT))
        for first, zone in zones_named_by_kind(view):
            yield from self._subjectless_heads(view, first, synthetic_mention(zone, view.sentence, DOCUMENT_SUBJECT))

    def _subjectless_heads(self, view: SentenceView, first: int, place: Mention) -> Iterator[Found]:
        """Heads from unit ``first`` on whose clause holds a cue before them, until a place
        that can be no head, or a head with no cue before it, gives the text a subject of its
        own ("下辖A、B" lists places as heads; "A引进B" opens with its own subject A)."""
        for j in range(first, len(view.units)):
            heads = _members(view, j, self.head)
            if not heads or self.gap is None:
                if view.units[j].kind == "place":
                    return
                continue
            clause = view.clause_before(j)[-self.max_gap :]
            if not self.gap.search(clause):
                return  # a head with no cue before it opens the clause: its own subject
            if self.blockers is None or not self.blockers.search(clause):
                yield from pairwise(self.type, heads, [place])

    def _heads_pointing_to(
        self, view: SentenceView, place: Mention | None, source: str, cue_at_start: bool, count: int | None = None
    ) -> Iterator[Found]:
        """Heads among the first ``count`` units (all: None) whose clause goes on with a cue
        pointing to ``place``, named elsewhere."""
        if place is None or place.sentence == view.sentence.index or self.gap is None:
            return
        find_cue = self.gap.match if cue_at_start else self.gap.search
        for i in range(len(view.units) if count is None else count):
            heads = _members(view, i, self.head)
            if heads and find_cue(_after_past_chains(view, i, self.max_gap)):
                yield from pairwise(self.type, heads, [synthetic_mention(place, view.sentence, source)])

    def _heads_pointing_here(self, view: SentenceView) -> Iterator[Found]:
        """ "A、B在此落户": 此 points back to the place named before the heads in their sentence
        part ("Y园区里，A、B等企业在此扎根"), else to the place a recent sentence opened with."""
        if self.gap is None:
            return
        recent = view.recent_place
        for i in range(len(view.units)):
            heads = _members(view, i, self.head)
            if not heads or not self.gap.search(_after_past_chains(view, i, self.max_gap)):
                continue
            own = _place_before_in_part(view, i)
            if own is not None:
                yield from pairwise(self.type, heads, list(view.units[own].members))
            elif recent is not None and recent.sentence != view.sentence.index:
                yield from pairwise(self.type, heads, [synthetic_mention(recent, view.sentence, DOCUMENT_SUBJECT)])


def _place_before_in_part(view: SentenceView, index: int) -> int | None:
    """The nearest place unit before unit ``index`` in its sentence part that sets the scene:
    one place (a list does not say which one 此 stands for) opening its clause ("Y近年来…，
    A在此落户") or closed by a locative word and a clause mark ("Y里，A在此扎根")."""
    start = part_start(view.text, view.units[index].start)
    for k in range(index - 1, -1, -1):
        unit = view.units[k]
        if unit.start < start:
            return None
        if unit.kind == "place" and not unit.is_list and _sets_scene(view, k, start):
            return k
    return None


def _sets_scene(view: SentenceView, index: int, part: int) -> bool:
    """Place unit ``index`` closes its clause as a scene ("Y里，"), or is the first unit of the
    part beginning at ``part`` and opens its clause (a later place opening a clause may be
    written onto an organisation's name: "…：青岛海洋…实验室、A…云集于此")."""
    if _CUES.scene_after.match(view.text[view.units[index].tail_end :]):
        return True
    first = index == 0 or view.units[index - 1].start < part
    return first and _CUES.clause_opening.match(view.clause_before(index)) is not None


def _first_part(view: SentenceView) -> list[Unit]:
    """The units of the sentence's first part (parts end at 。；!?)."""
    end = _CUES.hard_end.search(view.text)
    limit = len(view.text) if end is None else end.start()
    return [unit for unit in view.units if unit.start < limit]


def _second_object(view: SentenceView, previous: int, index: int) -> bool:
    """Unit ``index`` opens the clause right after unit ``previous``'s one, and that clause
    holds nothing but ``previous``'s head noun: one verb governs both ("确定了A、B3个新兴
    产业，C、D2个特色产业")."""
    gap = view.gap(previous, index)
    return not view.clause_before(index) and len(gap) <= _OBJECT_NOUN and len(_CUES.commas.findall(gap)) == 1


_OBJECT_NOUN = 10  # characters of a list's count and head noun ("3个新兴产业，")
_VERB_REACH = 8  # characters after a chain subject its verb stands within ("产业重点发展")


def _later_parts(view: SentenceView) -> Iterator[int]:
    """The first unit of each part of the sentence after the first (parts end at 。；!?)."""
    units, text = view.units, view.text
    for k in range(1, len(units)):
        if _CUES.hard_end.search(text[units[k - 1].tail_end : units[k].start]):
            yield k


def _only_place(view: SentenceView) -> Mention | None:
    """The one place (by canonical name) the sentence's article names, or None."""
    places = {m.canonical: m for m in view.places.values()}
    return next(iter(places.values())) if len(places) == 1 else None


def _is_the_pages_place(view: SentenceView, place: Mention) -> bool:
    """``place`` is what the page is about: the place its title names, else the one its
    article names most often; and no heading over the sentence names another. 我市/全市
    opening a sentence stands for a city that gives no focus (engine: city-deixis-only-locates)."""
    if place.source == CITY_DEIXIS_SOURCE:
        return False
    if view.section_place is not None and view.section_place.canonical != place.canonical:
        return False
    if view.page_place is not None:
        return view.page_place.canonical == place.canonical
    return view.main_place == place.canonical


def _page_place_holds(view: SentenceView) -> bool:
    """No heading over the sentence names a place other than the page's."""
    section, page = view.section_place, view.page_place
    return section is None or page is None or section.canonical == page.canonical


def _after_past_chains(view: SentenceView, index: int, width: int) -> str:
    """Up to ``width`` characters after unit ``index`` and its 等-tail, up to the next place
    or organisation or a clause end: a chain there only says what the heads are
    ("A、B等众多集成电路企业先后落户这里")."""
    unit = view.units[index]
    later = [u.start for u in view.units[index + 1 :] if u.kind in ("place", "org")]
    ceiling = min([*later, unit.tail_end + width])
    chunk = view.text[unit.tail_end : ceiling]
    end = _CUES.hard_end.search(chunk)
    return chunk[: end.start()] if end else chunk


def _right_after(view: SentenceView, index: int, width: int = 14) -> str:
    """Up to ``width`` characters after unit ``index`` itself, its 等-tail included, up to
    a clause end: where "等为主的上游" says what the list is."""
    end = view.units[index].end
    chunk = view.text[end : end + width]
    stop = _CUES.hard_end.search(chunk)
    return chunk[: stop.start()] if stop else chunk


def _run_members(view: SentenceView, index: int, slot: frozenset[str]) -> list[Mention]:
    """The members of the places written together before unit ``index`` ("长沙高新区|北斗产业园")."""
    if view.units[index].kind != "place":
        return []
    return [m for k in range(view.place_run_start(index), index) for m in _members(view, k, slot)]


def _object_follows(view: SentenceView, index: int) -> bool:
    """An organisation stands after unit ``index`` in its clause."""
    units = view.units
    return any(units[k].kind == "org" and view.same_clause(index, k, soft=True) for k in range(index + 1, len(units)))


def _other_place_in_clause(view: SentenceView, first: int, second: int) -> bool:
    """A place other than unit ``first`` (and the places written onto it) stands in unit
    ``second``'s comma clause: that place, not ``first``, is where ``second`` is."""
    own = range(view.place_run_start(first), first + 1)
    return any(
        unit.kind == "place" and k not in own and view.same_clause(min(k, second), max(k, second), soft=True)
        for k, unit in enumerate(view.units)
    )


def _new_subject_between(view: SentenceView, first: int, second: int) -> bool:
    """A unit of the first one's kind opens a later clause before ``second``: that clause
    has a subject of its own."""
    kind = view.units[first].kind
    for k in range(first + 1, second):
        if view.units[k].kind != kind:
            continue
        if _described_next(view, k):
            return True  # "X区组建Y园区，规划面积…，形成A产业": the clauses describe Y
        if view.same_clause(first, k, soft=True):
            continue
        if _opens_clause(view, k) or (kind == "place" and _CUES.sited_at_opening.match(view.clause_before(k))):
            return True  # "X省…，在Y新区发展Z": the clause's verb acts in Y, which is its subject
    return False


def _described_next(view: SentenceView, index: int) -> bool:
    """Place unit ``index`` ends its clause and the next clause gives its area: the
    clauses after that speak of it."""
    unit = view.units[index]
    return unit.kind == "place" and _CUES.area_described_after.match(view.text, unit.tail_end) is not None


def _opens_clause(view: SentenceView, index: int, before: re.Pattern[str] | None = None) -> bool:
    """Unit ``index`` is its clause's subject: only time words and conjunctions stand before
    it, or before the places written together with it ("江西省赣州高新区…": the zone). With
    ``before`` (a pattern's before-cues), the cue may stand between them: "近日，在X，…" opens
    its clause with the place the cue sets as the scene."""
    if view.qualifies_next(index):
        return False
    opening = view.clause_before(view.place_run_start(index))
    if before is not None:
        opening = before.sub("", opening, count=1)
    return _CUES.clause_opening.match(opening) is not None


def opening_place(view: SentenceView) -> Mention | None:
    """The place a sentence opens with as its subject ("沈阳市正通过…"), if any: later
    sentences of the paragraph that name no subject speak of it. Of places written together
    ("哈尔滨松北区…") the last is the subject, the others say where it lies."""
    if not view.units or view.units[0].kind != "place" or view.units[0].is_list or view.names_unread_area(0):
        return None
    if not _CUES.clause_opening.match(view.clause_before(0)):
        return None
    subject = 0
    while view.qualifies_next(subject):
        subject += 1
    if view.units[subject].is_list or view.names_unread_area(subject):
        return None
    return view.units[subject].members[0]


def opens_with_other_subject(view: SentenceView, page_place: Mention | None) -> bool:
    """The sentence opens with a place, park or organisation other than the page's place as
    its subject ("2016年某某基地年产值…" on a page titled by its zone): the paragraph
    speaks of that one, which may host firms as the zone does."""
    if not view.units or view.units[0].kind not in ("place", "org"):
        return False
    if page_place is not None and any(m.canonical == page_place.canonical for m in view.units[0].members):
        return False
    return _CUES.clause_opening.match(view.clause_before(0)) is not None


_PRONOUN_LEVELS = {"市": ("City",), "县": ("County",)}  # any other kind word: below a city
_BELOW_CITY = ("District", "DevelopmentZone", "County", "Town")


def pronoun_place(view: SentenceView) -> Mention | None:
    """The place that 该区/该市/该县, opening a clause, stands for ("记者从X区获悉，…，该区将…"):
    the last single place of the right level written before it in the sentence, if any."""
    for match in _CUES.place_pronoun.finditer(view.text):
        levels = _PRONOUN_LEVELS.get(match.group("kind"), _BELOW_CITY)
        before = [u for u in view.units if u.kind == "place" and u.end <= match.start("kind")]
        if before and not before[-1].is_list and before[-1].members[-1].subtype in levels:
            return before[-1].members[-1]
    return None


# The zone a sentence opening with its kind alone ("园区…") speaks of stands at most this many
# sentences before it.
_AREA_PRONOUN_REACH = 1


def names_area_by_kind_of(view: SentenceView, recent: Mention | None) -> bool:
    """The sentence opens with a park or zone named by its kind alone ("园区经过…", "区内设有…"),
    names no place of its own, and ``recent`` is a zone opening a sentence just before: the
    sentence speaks of that zone."""
    if recent is None or recent.subtype != "DevelopmentZone":
        return False
    if not 0 < view.sentence.index - recent.sentence <= _AREA_PRONOUN_REACH:
        return False
    if any(unit.kind == "place" for unit in view.units):
        return False
    return _CUES.area_pronoun.match(view.text.lstrip()) is not None


def opens_with_unread_area(view: SentenceView) -> bool:
    """The sentence opens with a place written onto an area no entity stands for ("郑州航空港
    不只…"): its subject is that area, and no place named before is what later sentences
    speak of."""
    if not view.units or view.units[0].kind != "place" or view.units[0].is_list:
        return False
    return view.names_unread_area(0) and _CUES.clause_opening.match(view.clause_before(0)) is not None


def _members(view: SentenceView, index: int, allowed: frozenset[str]) -> list[Mention]:
    unit = view.units[index]
    if unit.kind in allowed:
        return list(unit.members)
    return [m for m in unit.members if m.type in allowed]


def _words(obj: dict[str, Any], key: str, where: str) -> re.Pattern[str] | None:
    words = obj.get(key) or []
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise InputError(f"{where}: {key} must be a list of words")
    if not words:
        return None
    alternation = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    if key == "before_cues":
        return re.compile(f"(?:{alternation})$")
    return re.compile(alternation)


def _slot(obj: dict[str, Any], key: str, where: str) -> frozenset[str]:
    names = frozenset(str(obj.get(key, "")).split())
    unknown = names - _KINDS - set(ENTITY_CLASSES)
    if len(names) == 1 and names <= _CONTEXT_SLOTS:
        return names
    if not names or unknown:
        raise InputError(f"{where}: {key} must name unit kinds or classes, not {sorted(unknown) or 'nothing'}")
    return names


def pattern_from(obj: dict[str, Any], where: str) -> RelationPattern:
    """One pattern from its JSON object; InputError naming ``where`` when malformed."""
    if obj.get("type") not in RELATION_TYPES:
        raise InputError(f"{where}: type must be one of {', '.join(RELATION_TYPES)}")
    if obj.get("order", "head-first") not in _ORDERS:
        raise InputError(f"{where}: order must be head-first or tail-first")
    try:
        confidence = float(obj.get("confidence", 0.6))
        max_gap, max_commas = int(obj.get("max_gap", 20)), int(obj.get("max_commas", 0))
    except (TypeError, ValueError) as exc:
        raise InputError(f"{where}: confidence, max_gap and max_commas must be numbers") from exc
    if not obj.get("name") or not 0.0 <= confidence <= 1.0:
        raise InputError(f"{where}: a pattern needs a name and a confidence in [0, 1]")
    return RelationPattern(
        name=str(obj["name"]),
        type=obj["type"],
        head=_slot(obj, "head", where),
        tail=_slot(obj, "tail", where),
        head_first=obj.get("order", "head-first") == "head-first",
        gap=_words(obj, "gap_cues", where),
        before=_words(obj, "before_cues", where),
        after=_words(obj, "after_cues", where),
        blockers=_words(obj, "blockers", where),
        after_blockers=_words(obj, "after_blockers", where),
        max_gap=max_gap,
        max_commas=max_commas,
        confidence=confidence,
        opens_clause=bool(obj.get("opens_clause", False)),
        one_tail=bool(obj.get("one_tail", False)),
        in_order=bool(obj.get("in_order", False)),
        no_object=bool(obj.get("no_object", False)),
        placeless_clause=bool(obj.get("placeless_clause", False)),
        tail_run=bool(obj.get("tail_run", False)),
        cue_opens_gap=bool(obj.get("cue_opens_gap", False)),
        list_required=bool(obj.get("list_required", False)),
        closed_list_first=bool(obj.get("closed_list_first", False)),
        cue_in_clause=bool(obj.get("cue_in_clause", False)),
        required_words=tuple(obj.get("gap_cues") or obj.get("before_cues") or obj.get("after_cues") or ()),
    )


# Cue lists several patterns share are written once, as a line of their own
# ({"cue_list": "NAME", "words": [...]}), and a pattern's cue field names one as "@NAME".
_CUE_FIELDS = ("gap_cues", "before_cues", "after_cues", "blockers", "after_blockers")
_LIST_KEY = "cue_list"
_LIST_REFERENCE = "@"


def read_patterns(lines: Iterable[str], source: str) -> list[RelationPattern]:
    """The patterns of one file, with the cue lists it names ("@NAME") read from its own lines."""
    objects = list(json_objects(lines, source))
    lists = _cue_lists(objects)
    return [pattern_from(_with_lists(obj, lists, where), where) for obj, where in objects if _LIST_KEY not in obj]


def _cue_lists(objects: list[tuple[dict[str, Any], str]]) -> dict[str, list[str]]:
    """The named cue lists a file defines, by name."""
    lists: dict[str, list[str]] = {}
    for obj, where in objects:
        if _LIST_KEY not in obj:
            continue
        name, words = obj[_LIST_KEY], obj.get("words")
        if not isinstance(name, str) or not name or not isinstance(words, list):
            raise InputError(f"{where}: a cue list needs a name and a list of words")
        if not all(isinstance(w, str) and w for w in words):
            raise InputError(f"{where}: the words of cue list {name} must be non-empty strings")
        if name in lists:
            raise InputError(f"{where}: cue list {name} is defined twice")
        lists[name] = words
    return lists


def _with_lists(obj: dict[str, Any], lists: dict[str, list[str]], where: str) -> dict[str, Any]:
    """``obj`` with each cue field written as "@NAME" replaced by the words of that list."""
    resolved = dict(obj)
    for key in _CUE_FIELDS:
        value = obj.get(key)
        if isinstance(value, str) and value.startswith(_LIST_REFERENCE):
            name = value.removeprefix(_LIST_REFERENCE)
            if name not in lists:
                raise InputError(f"{where}: {key} names no cue list of this file ({value})")
            resolved[key] = lists[name]
    return resolved


def load_patterns(path: Path) -> list[RelationPattern]:
    """Patterns from a user's JSONL file."""
    return read_patterns(file_lines(path, "pattern"), str(path))


def packaged_patterns() -> list[RelationPattern]:
    resource = resources.files("loaders.lexicon").joinpath("data/relation_patterns.jsonl")
    return read_patterns(
        resource.read_text(encoding="utf-8").splitlines(), "loaders/lexicon/data/relation_patterns.jsonl"
    )


def _kinds(slot: frozenset[str]) -> set[str]:
    return {name if name in _KINDS else _KIND_OF_CLASS.get(name, "org") for name in slot}


_KIND_OF_CLASS = {"Place": "place", "IndustryChain": "chain"}


def as_rule(pattern: RelationPattern) -> RelationRule:
    """The pattern as a rule of the registry's kind: it runs only on sentences with a unit
    of each end's kind (where an end allows one kind) and holding one of its cue words."""
    needs: set[str] = set()
    for slot in (pattern.head - _CONTEXT_SLOTS, pattern.tail - _CONTEXT_SLOTS):
        kinds = _kinds(slot)
        if len(kinds) == 1:
            needs |= kinds
    fewest = 1 if _CONTEXT_SLOTS & (pattern.head | pattern.tail) else 2
    return RelationRule(
        f"pattern:{pattern.name}", pattern.confidence, pattern.find, fewest, frozenset(needs), pattern.required_words
    )
