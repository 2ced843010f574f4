"""What a relation rule sees of one sentence: its text, its mentions grouped into
coordinated Units, and the places and chains its article section supplies."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import repeat

from kg.model import Mention, Sentence
from loaders.mentions.coordination import Unit
from loaders.relations.cue_patterns import cue_patterns

_CUES = cue_patterns(__name__)

# Characters that end a clause for the purpose of relating two mentions.
_CLAUSE_END = re.compile(r"[。；;！？!?]")
_SOFT_END = re.compile(r"[。；;！？!?，,：:]")
_CLAUSE_MARKS = "，。；,;：:"
# "A、B和C": 和/与 closing an enumeration joins C to the list; it is no partner's preposition.
ENUMERATION_TAIL = re.compile(r"、[^，。；,;：:、]{1,12}(?:和|与)$")

# Context features a rule may need (besides the unit kinds "org", "place", "chain").
SECTION_PLACE = "section-place"
SECTION_CHAIN = "section-chain"
LEAD = "lead"


@dataclass(frozen=True, slots=True)
class NameIndex:
    """What a search for known names inside a longer string needs to skip hopeless
    positions: for each two-character opening, the lengths of the names that open so."""

    by_opening: dict[str, tuple[int, ...]] = field(default_factory=dict)  # lengths ascending
    singles: frozenset[str] = frozenset()  # one-character names

    @classmethod
    def of(cls, names: dict[str, Mention]) -> NameIndex:
        lengths: dict[str, set[int]] = {}
        for name in names:
            if len(name) >= 2:
                lengths.setdefault(name[:2], set()).add(len(name))
        singles = frozenset(name for name in names if len(name) == 1)
        return cls({k: tuple(sorted(v)) for k, v in lengths.items()}, singles)

    def names_in(self, text: str, names: dict[str, Mention], shortest: int = 1) -> list[str]:
        """The keys of ``names`` (indexed by this) that occur in ``text``, at least
        ``shortest`` long and shorter than ``text``, by position then length."""
        limit = len(text)
        singles = self.singles if shortest <= 1 and limit > 1 else frozenset()
        present: list[str] = []
        for start in range(limit):
            if singles and text[start] in singles:
                present.append(text[start])
            lengths = self.by_opening.get(text[start : start + 2])
            if lengths is None:
                continue
            for length in lengths:
                if start + length > limit or length >= limit:
                    break
                if length >= shortest and text[start : start + length] in names:
                    present.append(text[start : start + length])
        return present


@dataclass(slots=True)
class SentenceView:
    sentence: Sentence
    units: list[Unit]
    # A synthetic Place mention standing for Sentence.section_place, resolved within the
    # sentence's article; None when the sentence has no section place or it is unknown.
    section_place: Mention | None = None
    # A synthetic IndustryChain mention for a chain the section heading names.
    section_chain: Mention | None = None
    # Region, province and city mentions of the sentence's article by written name
    # (合肥, 合肥市): the city a column heading names, the region leading a project's name.
    containers: dict[str, Mention] = field(default_factory=dict)
    # The article's chains by written and canonical name, for names that embed one
    # ("海峡两岸集成电路产业合作试验区").
    chain_names: dict[str, Mention] = field(default_factory=dict)
    # The article's organisations by written and canonical name, for names that begin
    # with their parent's ("中科院合肥物质研究院").
    organisations: dict[str, Mention] = field(default_factory=dict)
    # The article's places by written and canonical name.
    places: dict[str, Mention] = field(default_factory=dict)
    # Names already searched for embedded chains, shared by the article's sentences.
    embedded_cache: dict[str, list[Mention]] = field(default_factory=dict)
    # Names already split as branch names (relations.rules.organisation.branches), shared likewise.
    branch_cache: dict[str, tuple[Mention, Mention] | None] = field(default_factory=dict)
    # The zones the sentence's clauses name by their kind word alone (relations.kind_subjects),
    # read once a sentence: None until a pattern asks.
    kind_zones: list[tuple[int, Mention]] | None = None
    # The chains a paragraph lead names ("**集成电路。**…"), for the rest of that paragraph.
    lead_chains: tuple[Mention, ...] = ()
    # The industry the paragraph's opening statement is about, for its second sentence.
    topic_chain: Mention | None = None
    # The one industry the sentence before names, when it is in the same paragraph.
    previous_chain: Mention | None = None
    # The place an earlier sentence of the paragraph opened with, for sentences that name no
    # subject of their own (set by the extractor as it walks the paragraph).
    subject_place: Mention | None = None
    # The place the last sentence opening with one opened with, across paragraphs: what
    # 此 and 这里 ("在此落户") point back to.
    recent_place: Mention | None = None
    # The place the page's title names: what a news page is about.
    page_place: Mention | None = None
    # The labs, facilities and platforms earlier sentences of the article name, in order (each
    # time named): what a sentence that lists the builders of one and names none speaks of.
    earlier_bodies: tuple[Mention, ...] = ()
    # An earlier sentence of the paragraph opened with a place, park or organisation other
    # than the page's place: the paragraph speaks of that one, so the page's place is no
    # safe guess for what the paragraph leaves unsaid.
    paragraph_other_subject: bool = False
    # The canonical name of the place the article names most often, when one stands out.
    main_place: str | None = None
    # An index of chain_names (None: built from them here).
    chain_index: NameIndex | None = None
    # sentence.text, as a plain attribute: rules read it many times per sentence.
    text: str = field(init=False)

    def __post_init__(self) -> None:
        self.text = self.sentence.text
        if self.chain_index is None:
            self.chain_index = NameIndex.of(self.chain_names)

    def features(self) -> frozenset[str]:
        """The unit kinds present, and which context (section place, section chain,
        paragraph lead) the sentence has: what a rule's ``needs`` is checked against."""
        present = {unit.kind for unit in self.units}
        if self.section_place is not None:
            present.add(SECTION_PLACE)
        if self.section_chain is not None:
            present.add(SECTION_CHAIN)
        if self.lead_chains:
            present.add(LEAD)
        return frozenset(present)

    def gap(self, left: int, right: int) -> str:
        """Text between unit ``left`` (after its 等-tail) and unit ``right``."""
        a, b = self.units[left], self.units[right]
        start = a.tail_end if a.tail_end <= b.start else a.end
        return self.text[start : b.start]

    def before(self, index: int, width: int = 8) -> str:
        """Up to ``width`` characters before unit ``index``, not reaching into the previous
        unit or across a clause end."""
        unit = self.units[index]
        floor = self.units[index - 1].tail_end if index > 0 else 0
        chunk = self.text[max(floor, unit.start - width) : unit.start]
        ends = list(_CLAUSE_END.finditer(chunk))
        return chunk[ends[-1].end() :] if ends else chunk

    def clause_before(self, index: int) -> str:
        """The text from the last comma-level mark up to unit ``index``."""
        start = self.units[index].start
        # (map rather than a generator: every look-up runs in C; rules ask this often)
        opening = max(map(self.text.rfind, _CLAUSE_MARKS, repeat(0), repeat(start)))
        return self.text[opening + 1 : start]

    def qualifies_next(self, index: int) -> bool:
        """Unit ``index`` is a place written right before another ("江西省|赣州高新区"):
        it says where the next one lies, and the next one is what the clause speaks of."""
        following = index + 1
        if following >= len(self.units):
            return False
        unit, nxt = self.units[index], self.units[following]
        return unit.kind == nxt.kind == "place" and not unit.is_list and unit.tail_end == nxt.start

    def apposed(self, index: int) -> int:
        """The unit a place unit ``index`` introduces by apposition ("粤港澳大湾区重要节点城市|东莞":
        the city the region is said to hold), or ``index`` itself: a thing said to lie in
        the first lies in the second."""
        following = index + 1
        units = self.units
        if (
            following < len(units)
            and units[index].kind == units[following].kind == "place"
            and not units[index].is_list
            and not units[following].is_list
            and _CUES.apposition.match(self.gap(index, following))
        ):
            return following
        return index

    def names_unread_area(self, index: int) -> bool:
        """Unit ``index`` is a place opening the name of an area no entity stands for
        ("郑州|航空港"): what the text says there is said of that area."""
        unit = self.units[index]
        # Up to the next unit: "合肥市|高新区" names the zone as a unit of its own.
        ceiling = self.units[index + 1].start if index + 1 < len(self.units) else len(self.text)
        area = self.text[unit.end : min(ceiling, unit.end + 8)]
        return unit.kind == "place" and _CUES.unread_area.match(area) is not None

    def place_run_start(self, index: int) -> int:
        """The first unit of the run of places written together that ends with ``index``."""
        while index > 0 and self.qualifies_next(index - 1):
            index -= 1
        return index

    def after(self, index: int, width: int = 12) -> str:
        """Up to ``width`` characters after unit ``index`` (after its 等-tail), stopping at
        the next unit or a clause end."""
        unit = self.units[index]
        # A unit inside the 等-tail ("等多家北京知名高校": 北京) qualifies the kind; the next
        # unit is the first after the tail.
        later = (u.start for u in self.units[index + 1 :] if u.start >= unit.tail_end)
        ceiling = next(later, len(self.text))
        chunk = self.text[unit.tail_end : min(ceiling, unit.tail_end + width)]
        end = _CLAUSE_END.search(chunk)
        return chunk[: end.start()] if end else chunk

    def consecutive(self) -> Iterator[tuple[int, int]]:
        """Index pairs of neighbouring units."""
        # zip runs in C: most rules walk these pairs, on every sentence.
        count = len(self.units)
        return zip(range(count - 1), range(1, count), strict=True)

    def neighbours(self, left_kind: str, right_kind: str) -> Iterator[tuple[int, int]]:
        """Index pairs of neighbouring units of the given kinds ("!place": any but place)."""
        # A kind compared to its wanted kind gives True, flipped for "!": no call per pair.
        left, left_flip = left_kind.lstrip("!"), left_kind.startswith("!")
        right, right_flip = right_kind.lstrip("!"), right_kind.startswith("!")
        units = self.units
        for i, j in self.consecutive():
            if (units[i].kind == left) != left_flip and (units[j].kind == right) != right_flip:
                yield i, j

    def same_clause(self, left: int, right: int, soft: bool = False) -> bool:
        """True when no clause end (and, if ``soft``, no comma or colon) lies between."""
        pattern = _SOFT_END if soft else _CLAUSE_END
        a, b = self.units[left], self.units[right]
        return pattern.search(self.text, a.end, b.start) is None

    def clause_pairs(self, soft: bool = False) -> Iterator[tuple[int, int]]:
        """Index pairs (i < j) of units in one clause."""
        for i in range(len(self.units)):
            for j in range(i + 1, len(self.units)):
                if not self.same_clause(i, j, soft):
                    break
                yield i, j

    def embedded_chains(self, mention: Mention, shortest: int = 3) -> list[Mention]:
        """Chains of the article whose name (at least ``shortest`` long) appears inside
        ``mention``'s written name."""
        name = mention.written
        key = name if shortest == 3 else f"{shortest}\x1f{name}"  # the usual length: plain key
        known = self.embedded_cache.get(key)
        if known is None:
            known = self._embedded(name, shortest)
            self.embedded_cache[key] = known
        return known

    def _embedded(self, name: str, shortest: int) -> list[Mention]:
        # In the order (start, then end) that decides which mention stands for a chain.
        index = self.chain_index or NameIndex.of(self.chain_names)
        found: dict[str, Mention] = {}
        for chain_name in index.names_in(name, self.chain_names, shortest):
            chain = self.chain_names[chain_name]
            found.setdefault(chain.canonical, chain)
        return list(found.values())
