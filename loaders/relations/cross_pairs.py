"""Relations whose two names stand in different sentences, scored with a model learned from
annotated text.

Real pages state a place or an industry once and go on about it: a heading or a paragraph's
first sentence names the zone or the chain, and the sentences below list its firms, labs and
platforms without naming it again. Among the relations the sentence rules and the pair model
miss with both names found, about a third stand across sentences so. This stage pairs every
name of a sentence with each *frame* (a place or an industry chain) of the few sentences
before it in the same article, and of the page's title, for each relation type the ontology
allows between them, and scores the pair with a logistic model over plain features: the
type and classes, how many sentences and paragraphs lie between, whether another frame of
the same class stands nearer, whether the frame opens its sentence, the words that open the
later sentence and that follow the frame, and the rules that found the two names. A pair
scoring at least the model's threshold becomes a relation named ``cross-sentence`` whose
evidence is the later sentence and whose confidence is the score with the training's
weighting of positives taken back out. The relation engine runs it only on pages where
some sentence states a relation: a page that states none (a market report naming firms and
cities) gives it nothing to read between, and the model learns only from pages where one
does (``scripts/train-pair-model``).

The weights are data (``data/cross_model.json`` of loaders.lexicon), learned by
``scripts/train-pair-model`` from the gold whose pages the project can read and the stored
candidates of annotated pages kept outside it. ``loaders.ablation``'s part ``cross-sentence``
switches the stage off.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from kg.ids import cached_entity_id
from kg.model import SYMMETRIC_RELATIONS, Document, Mention, Relation
from loaders.relations.class_limits import violation
from loaders.relations.cue_patterns import cue_patterns
from loaders.relations.pair_model import (
    MENTION_CHECKED,
    PairModel,
    model_from_json,
    model_words,
    source_parts,
    types_between,
)
from loaders.relations.scope import ABOVE_CITY

RULE_NAME = "cross-sentence"
MODEL_FILE = "data/cross_model.json"
FRAME_CLASSES = frozenset({"Place", "IndustryChain"})
# Sentences naming something, before a name, in which its frame is looked for; the title counts besides.
REACH = 3
_TITLE_SENTENCES = 1
_OPENING_WORDS = 3  # words of the later sentence, before any name, read as features
_FOLLOWING_WORDS = 2  # words after the frame in its own sentence
_SHORT_SENTENCE = 16  # characters: a heading or a lead, not a statement
_NEARER_CAP = 2  # nearer frames counted: none, one, more


@dataclass(frozen=True, slots=True)
class Placed:
    """A mention with what the stage reads of its sentence."""

    mention: Mention
    paragraph: int
    opens: bool  # the first name of its sentence
    short: bool  # its sentence is as short as a heading


@dataclass(frozen=True, slots=True)
class CrossCandidate:
    type: str
    head: Mention
    tail: Mention
    parts: tuple[str, ...]


def paragraphs(doc: Document) -> list[int]:
    """The paragraph number of each sentence of ``doc``: a new one after a line break or at
    a new article."""
    numbers: list[int] = []
    for index, sentence in enumerate(doc.sentences):
        if index == 0:
            numbers.append(0)
            continue
        previous = doc.sentences[index - 1]
        new = previous.article != sentence.article or "\n" in doc.text[previous.end : sentence.start]
        numbers.append(numbers[-1] + int(new))
    return numbers


def _placed(doc: Document, by_sentence: dict[int, list[Mention]]) -> dict[int, list[Placed]]:
    numbers = paragraphs(doc)
    placed: dict[int, list[Placed]] = {}
    for index, mentions in by_sentence.items():
        spans = sorted((m for m in mentions if m.clean_end > m.clean_start), key=lambda m: m.clean_start)
        if not spans:
            continue
        short = len(doc.sentences[index].text) <= _SHORT_SENTENCE
        placed[index] = [Placed(m, numbers[index], i == 0, short) for i, m in enumerate(spans)]
    return placed


Related = frozenset[tuple[str, str, str]]  # (type, "head" or "tail", entity id) of relations found


def related_ends(relations: list[Relation]) -> Related:
    """Which entity already has a relation of which type, at which end."""
    return frozenset({(r.type, "head", r.head) for r in relations} | {(r.type, "tail", r.tail) for r in relations})


@dataclass(frozen=True, slots=True)
class _FrameSays:
    """What a frame says of itself: how often the page names it, its marks that hold (in
    the model's order) and the words after it."""

    count: str
    marks: tuple[str, ...]
    following: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _LaterSays:
    """What a later name says of itself: whether it opens its sentence, the opening words."""

    marks: tuple[str, ...]
    opening: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Page:
    """What the stage reads of a whole page."""

    doc: Document
    placed: dict[int, list[Placed]]  # by sentence, in the order they are written
    counts: Counter[str]  # how often each name is written
    main: frozenset[str]  # its most often named place and chain
    related: Related
    # What a frame or a later name says of itself, read once for all its pairs (speed):
    # keyed by (sentence, where the name starts in it).
    frame_says: dict[tuple[int, int], _FrameSays] = field(default_factory=dict)
    later_says: dict[tuple[int, int], _LaterSays] = field(default_factory=dict)
    # Where the first 我市/全市/本市 of a sentence ends (-1: none), by sentence (_said_of_a_city).
    deixis_ends: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Pair:
    frame: Placed
    frame_sentence: int
    later: Placed
    sentence: int


def cross_candidates(
    doc: Document, by_sentence: dict[int, list[Mention]], related: Related = frozenset()
) -> Iterator[CrossCandidate]:
    """Every (type, head, tail) the ontology allows between a name and a frame of an earlier
    sentence of its article (within REACH sentences, or the title), with the model's parts;
    ``related``: the relations earlier stages found (related_ends)."""
    page = _read_page(doc, by_sentence, related)
    for pair in _pairs(page):
        yield from _typed(page, pair)


@dataclass(frozen=True, slots=True)
class CrossScore:
    type: str
    head: Mention
    tail: Mention
    logit: float


def scored_cross_pairs(
    model: PairModel, doc: Document, by_sentence: dict[int, list[Mention]], related: Related = frozenset()
) -> Iterator[CrossScore]:
    """The candidates of ``cross_candidates`` that score at least the model's threshold, with
    their logits: the same sums, with what recurs from pair to pair (what a frame or a later
    name says of itself, the parts of their classes and distance) summed once (speed: a page's
    title pairs with every name below it)."""
    page = _read_page(doc, by_sentence, related)
    scorer = _Scorer(page, model, model.threshold_logit)
    frames = _frames(page)
    for frame_sentence, sentence in _sentence_pairs(page):
        yield from scorer.between(frame_sentence, sentence, frames[frame_sentence])


# "全市初步形成了以A为主的…格局": 全市/我市/本市 before a name says its sentence speaks of a
# city, so a province or region of an earlier sentence is not what that name belongs to, however
# often the page names it (scope.py reads the same words as the article's city). Checked when
# pairs are scored, not among the candidates, so the training rows and the weights stay as learned.
_CITY_DEIXIS = cue_patterns("loaders.relations.scope").city_deixis


def _city_deixis_end(page: _Page, sentence: int) -> int:
    """Where the first 我市/全市/本市 of the sentence ends, -1 when it has none."""
    end = page.deixis_ends.get(sentence)
    if end is None:  # speed: a sentence is searched once, not once per pair
        found = _CITY_DEIXIS.search(page.doc.sentences[sentence].text)
        end = page.deixis_ends[sentence] = found.end() if found is not None else -1
    return end


def _said_of_a_city(frame: Mention, later: Mention, deixis_end: int) -> bool:
    # (the words are all two characters long: the first to start is the first to end)
    return frame.subtype in ABOVE_CITY and 0 <= deixis_end <= later.clean_start


def _read_page(doc: Document, by_sentence: dict[int, list[Mention]], related: Related) -> _Page:
    counts = Counter(m.canonical for mentions in by_sentence.values() for m in mentions)
    return _Page(doc, _placed(doc, by_sentence), counts, _main_frames(counts, by_sentence), related)


def _pairs(page: _Page) -> Iterator[_Pair]:
    """Each later name with each frame of the sentences where its frames are looked for."""
    frames = _frames(page)
    for frame_sentence, sentence in _sentence_pairs(page):
        for later in page.placed[sentence]:
            for frame in frames[frame_sentence]:
                if frame.mention.canonical != later.mention.canonical:
                    yield _Pair(frame, frame_sentence, later, sentence)


def _frames(page: _Page) -> dict[int, list[Placed]]:
    """The frames of each sentence, in the order they are written."""
    return {i: [p for p in placed if p.mention.type in FRAME_CLASSES] for i, placed in page.placed.items()}


def _sentence_pairs(page: _Page) -> Iterator[tuple[int, int]]:
    """(frame sentence, later sentence): each sentence naming something, in order, with each
    sentence where its frames are looked for."""
    order = sorted(page.placed)
    for position, sentence in enumerate(order):
        for frame_sentence in _earlier(page.doc, order, position):
            yield frame_sentence, sentence


def _earlier(doc: Document, order: list[int], position: int) -> list[int]:
    """The sentences, of those naming something (``order``), where the frames of the one at
    ``position`` are looked for: the REACH before it and the title, in its own article."""
    reach = order[max(0, position - REACH) : position]
    titles = [i for i in order[: min(position, _TITLE_SENTENCES)] if i not in reach]
    article = doc.sentences[order[position]].article
    return [i for i in titles + reach if doc.sentences[i].article == article]


def _main_frames(counts: Counter[str], by_sentence: dict[int, list[Mention]]) -> frozenset[str]:
    """The most often named place and chain of the page: what it is about."""
    main = set()
    for kind in FRAME_CLASSES:
        named = {m.canonical for ms in by_sentence.values() for m in ms if m.type == kind}
        if named:
            main.add(max(sorted(named), key=lambda name: counts[name]))
    return frozenset(main)


# The parts that are words: _shared_parts puts them last.
_WORD_PARTS = ("lw=", "fw=")


def _typed(page: _Page, pair: _Pair) -> Iterator[CrossCandidate]:
    shared: tuple[str, ...] | None = None
    shared_words = 0
    for head, tail, order, types in _orientations(pair):
        if shared is None:
            shared = _shared_parts(page, pair)
            shared_words = next((i for i, p in enumerate(shared) if p.startswith(_WORD_PARTS)), len(shared))
        classes = f"{head.type}>{tail.type}"
        # The words say different things between different classes (其中 lists a zone's
        # firms, a chain's segments), which the type alone does not tell apart.
        words = tuple(f"{classes}|{p}" for p in shared[shared_words:])
        common = (*_pair_parts(head, tail, order, shared[0]), *shared, *words)
        for rel_type in types:
            has = _has_already(page, pair, rel_type, head)
            yield CrossCandidate(rel_type, head, tail, (*common, "lhas") if has else common)


@dataclass(frozen=True, slots=True)
class _Slot:
    """A candidate the classes of a frame and a later name allow, whatever the names: an
    orientation ("fh": the frame is the head, "ft": the tail) and a type."""

    order: str
    rel_type: str
    classes: str  # "HeadClass>TailClass"


@lru_cache(maxsize=256)
def _slots(frame_class: str, later_class: str) -> tuple[_Slot, ...]:
    """The types the ontology allows between the two classes, the frame as head first; those
    whose limits depend on the names (MENTION_CHECKED) are checked pair by pair (_allows)."""
    oriented = (("fh", frame_class, later_class), ("ft", later_class, frame_class))
    # (a frame cooperates with nothing: no symmetric type)
    return tuple(
        _Slot(order, t, f"{head}>{tail}")
        for order, head, tail in oriented
        for t in types_between(head, tail)
        if t not in SYMMETRIC_RELATIONS
    )


def _allows(rel_type: str, head: Mention, tail: Mention) -> bool:
    return rel_type not in MENTION_CHECKED or violation(rel_type, head, tail) is None


def _orientations(pair: _Pair) -> Iterator[tuple[Mention, Mention, str, list[str]]]:
    """(head, tail, order, types) for the frame as head ("fh") and as tail ("ft"), with the
    types the ontology allows so."""
    frame, later = pair.frame.mention, pair.later.mention
    slots = _slots(frame.type, later.type)
    for head, tail, order in ((frame, later, "fh"), (later, frame, "ft")):
        types = [s.rel_type for s in slots if s.order == order and _allows(s.rel_type, head, tail)]
        if types:
            yield head, tail, order, types


def _pair_parts(head: Mention, tail: Mention, order: str, distance: str) -> tuple[str, ...]:
    classes = (f"{head.type}>{tail.type}", f"{head.subtype}>{tail.subtype}", order, f"{order}|{distance}")
    return (*classes, *source_parts(head, tail))


def _has_already(page: _Page, pair: _Pair, rel_type: str, head: Mention) -> bool:
    """The later name has a relation of this type already (a firm placed elsewhere)."""
    later = pair.later.mention
    return (rel_type, "head" if head is later else "tail", cached_entity_id(later.canonical)) in page.related


# Added to the most a candidate can still gain: the pruned sum and the full one add the same
# weights in another order, which may differ in the last bits.
_MARGIN = 1e-9
_Distance = tuple[int, bool]  # (sentences apart as the model reads them, in one paragraph)
# What the parts of a pair's classes, distance and rules depend on: the frame's class, subclass,
# rule and count, the later name's class, subclass and rule, and their distance.
_FixedKey = tuple[str, str | None, str, str, str, str | None, str, _Distance]


@dataclass(frozen=True, slots=True)
class _Scorer:
    """Scores a page's pairs with a model. The parts that recur from pair to pair are summed
    once for each slot of their class pair (_slots) and the sums added to every pair alike, in
    one order whatever the pair: PairModel.logit of the parts of the classes, distance and
    rules, then what the frame says of itself, then what the later name says (a logit compared
    with the threshold: another order could differ in the last bits)."""

    page: _Page
    model: PairModel
    least: float  # the model's threshold, as a logit (read once: the property takes a log)
    # PairModel.logit of the recurring parts, by slot
    fixed: dict[_FixedKey, tuple[float, ...]] = field(default_factory=dict)
    # What a frame says of itself, by its Placed and the later name's class: its count part and
    # the sums by slot
    frames: dict[tuple[int, str], tuple[str, tuple[float, ...]]] = field(default_factory=dict)
    # What a later name says of itself, by its Placed and the frame's class: the sums by slot
    laters: dict[tuple[int, str], tuple[float, ...]] = field(default_factory=dict)
    # _weighed by slot, by the parts and the class pair (frame's, later name's)
    weighed: dict[tuple[tuple[str, ...], str, str], tuple[float, ...]] = field(default_factory=dict)
    # By class pair (frame's, later name's): its slots and the most_added of each
    slots: dict[tuple[str, str], tuple[tuple[_Slot, ...], tuple[float, ...]]] = field(default_factory=dict)
    added: dict[str, float] = field(default_factory=dict)  # by type, the most the parts read last can add

    def between(self, frame_sentence: int, sentence: int, frames: list[Placed]) -> Iterator[CrossScore]:
        """The candidates between the names of ``sentence`` and the frames of ``frame_sentence``
        that reach the threshold."""
        if not frames:
            return
        laters = self.page.placed[sentence]
        distance = _distance(frames[0], frame_sentence, laters[0], sentence)
        deixis_end = _city_deixis_end(self.page, sentence)
        for later in laters:
            for frame in frames:
                if frame.mention.canonical == later.mention.canonical:
                    continue
                if _said_of_a_city(frame.mention, later.mention, deixis_end):
                    continue
                yield from self._kept(frame, frame_sentence, later, sentence, distance)

    def _kept(
        self, placed_frame: Placed, frame_sentence: int, placed_later: Placed, sentence: int, distance: _Distance
    ) -> list[CrossScore]:
        """The pair's candidates that reach the threshold, leaving out early those that cannot
        whatever the parts not yet read (a nearer frame, lframed, lhas) add; the limits that
        depend on the names (_allows) are checked only for those left."""
        frame, later = placed_frame.mention, placed_later.mention
        slots, most = self.slots.get((frame.type, later.type)) or self._slots(frame.type, later.type)
        if not slots:
            return []
        count, frame_says = self.frames.get((id(placed_frame), later.type)) or self._frame_says(
            placed_frame, frame_sentence, later.type
        )
        later_says = self.laters.get((id(placed_later), frame.type)) or self._later_says(
            placed_later, sentence, frame.type
        )
        key = (frame.type, frame.subtype, frame.source, count, later.type, later.subtype, later.source, distance)
        fixed = self.fixed.get(key) or self._fixed(key, frame, later, slots)
        least = self.least
        kept = []
        for slot, logit, own, said, at_most in zip(slots, fixed, frame_says, later_says, most, strict=True):
            logit += own
            logit += said
            if logit + at_most < least:
                continue
            head, tail = _oriented(slot, frame, later)
            if _allows(slot.rel_type, head, tail):
                pair = _Pair(placed_frame, frame_sentence, placed_later, sentence)
                logit = self._completed(pair, slot.rel_type, head, logit)
                if logit >= least:
                    kept.append(CrossScore(slot.rel_type, head, tail, logit))
        return kept

    def _completed(self, pair: _Pair, rel_type: str, head: Mention, logit: float) -> float:
        """``logit`` with the weights of the parts read last: a nearer frame, lframed, lhas."""
        placed = self.page.placed
        weights = self.model.weights.get(rel_type, {})
        logit += weights.get(_nearer_part(pair, placed), 0.0)
        if _framed_before(pair, placed):
            logit += weights.get("lframed", 0.0)
        if _has_already(self.page, pair, rel_type, head):
            logit += weights.get("lhas", 0.0)
        return logit

    def _slots(self, frame_class: str, later_class: str) -> tuple[tuple[_Slot, ...], tuple[float, ...]]:
        slots = _slots(frame_class, later_class)
        found = self.slots[frame_class, later_class] = (slots, tuple(self._most_added(s.rel_type) for s in slots))
        return found

    def _most_added(self, rel_type: str) -> float:
        """The most the parts read last can add to a candidate of this type (with a margin
        for the order of the additions)."""
        most = self.added.get(rel_type)
        if most is None:
            weights = self.model.weights.get(rel_type, {})
            nearer = max(weights.get(f"nearer{n}", 0.0) for n in range(_NEARER_CAP + 1))
            flags = sum(max(0.0, weights.get(flag, 0.0)) for flag in ("lframed", "lhas"))
            most = self.added[rel_type] = nearer + flags + _MARGIN
        return most

    def _frame_says(self, frame: Placed, sentence: int, later_class: str) -> tuple[str, tuple[float, ...]]:
        own = _frame_said(self.page, frame, sentence)
        parts = (*own.marks, *own.following)
        says = self.frames[id(frame), later_class] = (own.count, self._weighed(parts, frame.mention.type, later_class))
        return says

    def _later_says(self, later: Placed, sentence: int, frame_class: str) -> tuple[float, ...]:
        said = _later_said(self.page, later, sentence)
        parts = (*said.marks, *said.opening)
        says = self.laters[id(later), frame_class] = self._weighed(parts, frame_class, later.mention.type)
        return says

    def _weighed(self, parts: tuple[str, ...], frame_class: str, later_class: str) -> tuple[float, ...]:
        """_weighed of ``parts`` for each slot of the class pair, read once for names that
        say the same (the names of a sentence share its opening words)."""
        key = (parts, frame_class, later_class)
        sums = self.weighed.get(key)
        if sums is None:
            weights = self.model.weights
            slots = _slots(key[1], key[2])
            sums = self.weighed[key] = tuple(_weighed(weights.get(s.rel_type, {}), parts, s.classes) for s in slots)
        return sums

    def _fixed(self, key: _FixedKey, frame: Mention, later: Mention, slots: tuple[_Slot, ...]) -> tuple[float, ...]:
        """PairModel.logit of the parts of the pair's classes, distance and rules, by slot."""
        cheap = (*_distance_parts(key[-1]), key[3])
        sums = self.fixed[key] = tuple(
            self.model.logit(s.rel_type, (*_pair_parts(*_oriented(s, frame, later), s.order, cheap[0]), *cheap))
            for s in slots
        )
        return sums


def _oriented(slot: _Slot, frame: Mention, later: Mention) -> tuple[Mention, Mention]:
    """(head, tail) of the slot's orientation."""
    return (frame, later) if slot.order == "fh" else (later, frame)


def _weighed(weights: dict[str, float], parts: tuple[str, ...], classes: str) -> float:
    """The weights of ``parts`` and of their words conjoined with the class pair."""
    total = 0.0
    for part in parts:
        total += weights.get(part, 0.0)
        if part.startswith(_WORD_PARTS):
            total += weights.get(f"{classes}|{part}", 0.0)
    return total


def _distance(frame: Placed, frame_sentence: int, later: Placed, sentence: int) -> _Distance:
    """How many sentences stand between the two names (as far as the model tells them apart),
    and whether they stand in one paragraph."""
    return (min(sentence - frame_sentence, REACH + 1), frame.paragraph == later.paragraph)


def _distance_parts(distance: _Distance) -> tuple[str, str]:
    apart, same_paragraph = distance
    return (f"s{apart}", "samepara" if same_paragraph else "newpara")


def _shared_parts(page: _Page, pair: _Pair) -> tuple[str, ...]:
    """What the model reads of the pair, whichever of the two is the head: how far apart the
    two are, then what the frame and the later name say of themselves, then the words."""
    own, said = _says(page, pair)
    distance = _distance(pair.frame, pair.frame_sentence, pair.later, pair.sentence)
    between = (*_distance_parts(distance), _nearer_part(pair, page.placed), own.count)
    lframed = ("lframed",) if _framed_before(pair, page.placed) else ()
    return (*between, *own.marks, *said.marks, *lframed, *said.opening, *own.following)


def _says(page: _Page, pair: _Pair) -> tuple[_FrameSays, _LaterSays]:
    """What the frame and the later name say of themselves, read once per name."""
    return _frame_said(page, pair.frame, pair.frame_sentence), _later_said(page, pair.later, pair.sentence)


def _frame_said(page: _Page, frame: Placed, sentence: int) -> _FrameSays:
    key = (sentence, frame.mention.clean_start)
    own = page.frame_says.get(key)
    if own is None:
        own = page.frame_says[key] = _frame_says(page, frame, sentence)
    return own


def _later_said(page: _Page, later: Placed, sentence: int) -> _LaterSays:
    key = (sentence, later.mention.clean_start)
    said = page.later_says.get(key)
    if said is None:
        said = page.later_says[key] = _later_says(page, later, sentence)
    return said


def _frame_says(page: _Page, frame: Placed, sentence: int) -> _FrameSays:
    marks = (
        ("title", sentence < _TITLE_SENTENCES),
        ("fmain", frame.mention.canonical in page.main),
        ("fopens", frame.opens),
        ("fshort", frame.short),
    )
    following = _following_words(page.doc.sentences[sentence].text, frame.mention.clean_end)
    return _FrameSays(
        f"fcount{min(page.counts[frame.mention.canonical], 3)}",
        tuple(mark for mark, holds in marks if holds),
        tuple(f"fw={w}" for w in following),
    )


def _later_says(page: _Page, later: Placed, sentence: int) -> _LaterSays:
    first_name = page.placed[sentence][0].mention.clean_start
    opening = _opening_words(page.doc.sentences[sentence].text, first_name)
    return _LaterSays(("lopens",) if later.opens else (), tuple(f"lw={w}" for w in opening))


def _nearer_part(pair: _Pair, placed: dict[int, list[Placed]]) -> str:
    return f"nearer{_frames_between(pair, placed)}"


def _framed_before(pair: _Pair, placed: dict[int, list[Placed]]) -> bool:
    """The later name's own sentence names a frame of the frame's class before it."""
    kind, start = pair.frame.mention.type, pair.later.mention.clean_start
    return any(p.mention.type == kind and p.mention.clean_end <= start for p in placed[pair.sentence])


def _frames_between(pair: _Pair, placed: dict[int, list[Placed]]) -> int:
    """Frames of the frame's class standing between it and the later name, counted up to
    _NEARER_CAP (the model reads no more: speed, where the frame is a long page's title)."""
    frame = pair.frame.mention
    later_start = pair.later.mention.clean_start
    count = 0
    for i in range(pair.frame_sentence, pair.sentence + 1):
        for p in placed.get(i, ()):
            m = p.mention
            if m.type != frame.type or m.canonical == frame.canonical:
                continue
            after_frame = i > pair.frame_sentence or m.clean_start >= frame.clean_end
            if after_frame and (i < pair.sentence or m.clean_end <= later_start):
                count += 1
                if count == _NEARER_CAP:
                    return count
    return count


@lru_cache(maxsize=16384)
def _opening_words(text: str, first_name: int) -> tuple[str, ...]:
    return tuple(model_words(text[:first_name])[:_OPENING_WORDS])


@lru_cache(maxsize=16384)
def _following_words(text: str, end: int) -> tuple[str, ...]:
    return tuple(model_words(text[end : end + 12])[:_FOLLOWING_WORDS])


@cache
def default_cross_model() -> PairModel:
    text = resources.files("loaders.lexicon").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return model_from_json(json.loads(text), MODEL_FILE)
