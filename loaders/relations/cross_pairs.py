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
from itertools import repeat

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
    their logits: the same sums, with what a frame or a later name adds summed once for all
    its pairs (speed: a page's title pairs with every name below it)."""
    page = _read_page(doc, by_sentence, related)
    least = model.threshold_logit
    sums = _PartSums(model, least, {}, {}, {})
    for pair in _pairs(page):
        if _said_of_a_city(page, pair):
            continue
        for candidate, logit in _scored(page, pair, sums):
            if logit >= least:
                yield CrossScore(candidate[0], candidate[1], candidate[2], logit)


# "全市初步形成了以A为主的…格局": 全市/我市/本市 before a name says its sentence speaks of a
# city, so a province or region of an earlier sentence is not what that name belongs to, however
# often the page names it (scope.py reads the same words as the article's city). Checked when
# pairs are scored, not among the candidates, so the training rows and the weights stay as learned.
_CITY_DEIXIS = cue_patterns("loaders.relations.scope").city_deixis


def _said_of_a_city(page: _Page, pair: _Pair) -> bool:
    if pair.frame.mention.subtype not in ABOVE_CITY:
        return False
    end = page.deixis_ends.get(pair.sentence)
    if end is None:  # speed: a sentence is searched once, not once per pair
        found = _CITY_DEIXIS.search(page.doc.sentences[pair.sentence].text)
        end = page.deixis_ends[pair.sentence] = found.end() if found is not None else -1
    # (the words are all two characters long: the first to start is the first to end)
    return 0 <= end <= pair.later.mention.clean_start


def _read_page(doc: Document, by_sentence: dict[int, list[Mention]], related: Related) -> _Page:
    counts = Counter(m.canonical for mentions in by_sentence.values() for m in mentions)
    return _Page(doc, _placed(doc, by_sentence), counts, _main_frames(counts, by_sentence), related)


def _pairs(page: _Page) -> Iterator[_Pair]:
    """Each later name with each frame of the sentences where its frames are looked for."""
    order = sorted(page.placed)
    frames = {i: [p for p in placed if p.mention.type in FRAME_CLASSES] for i, placed in page.placed.items()}
    for position, index in enumerate(order):
        for frame_sentence in _earlier(page.doc, order, position):
            for later in page.placed[index]:
                for frame in frames[frame_sentence]:
                    if frame.mention.canonical != later.mention.canonical:
                        yield _Pair(frame, frame_sentence, later, index)


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


def _orientations(pair: _Pair) -> Iterator[tuple[Mention, Mention, str, list[str]]]:
    """(head, tail, order, types) for the frame as head ("fh") and as tail ("ft"), with the
    types the ontology allows so."""
    frame, later = pair.frame.mention, pair.later.mention
    for head, tail, order in ((frame, later, "fh"), (later, frame, "ft")):
        # (a frame cooperates with nothing: no symmetric type)
        types = [
            t
            for t in types_between(head.type, tail.type)
            if t not in SYMMETRIC_RELATIONS and (t not in MENTION_CHECKED or violation(t, head, tail) is None)
        ]
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
# (a name's sentence and start, class pair, orientation, type)
_SumKey = tuple[tuple[int, int], str, str, str]


@dataclass(frozen=True, slots=True)
class _PartSums:
    """A model's weights summed over what a frame or a later name says of itself, for each
    type, orientation and class pair: read once, added to every pair of that name."""

    model: PairModel
    least: float  # the model's threshold, as a logit (read once: the property takes a log)
    frames: dict[_SumKey, float]  # what a frame says of itself, summed
    laters: dict[_SumKey, float]  # what a later name says of itself, summed
    added: dict[str, float]  # by type, the most the parts read last can add (most_added)

    def most_added(self, rel_type: str) -> float:
        """The most the parts read last can add to a candidate of this type (with a margin
        for the order of the additions)."""
        most = self.added.get(rel_type)
        if most is None:
            weights = self.model.weights.get(rel_type, {})
            nearer = max(weights.get(f"nearer{n}", 0.0) for n in range(_NEARER_CAP + 1))
            flags = sum(max(0.0, weights.get(flag, 0.0)) for flag in ("lframed", "lhas"))
            most = self.added[rel_type] = nearer + flags + _MARGIN
        return most

    def of(self, cache: dict[_SumKey, float], key: _SumKey, parts: tuple[str, ...]) -> float:
        total = cache.get(key)
        if total is None:
            _, classes, _, rel_type = key
            total = cache[key] = _weighed(self.model.weights.get(rel_type, {}), parts, classes)
        return total


def _weighed(weights: dict[str, float], parts: tuple[str, ...], classes: str) -> float:
    """The weights of ``parts`` and of their words conjoined with the class pair."""
    total = 0.0
    for part in parts:
        total += weights.get(part, 0.0)
        if part.startswith(_WORD_PARTS):
            total += weights.get(f"{classes}|{part}", 0.0)
    return total


def _scored(page: _Page, pair: _Pair, sums: _PartSums) -> Iterator[tuple[tuple[str, Mention, Mention], float]]:
    """The pair's candidates with their logits, leaving out those that cannot reach the
    threshold whatever the parts not yet read (a nearer frame, lframed, lhas) add."""
    least = sums.least
    read: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] | None = None
    costly: tuple[str, bool] | None = None
    frame_key = (pair.frame_sentence, pair.frame.mention.clean_start)
    later_key = (pair.sentence, pair.later.mention.clean_start)
    for head, tail, order, types in _orientations(pair):
        if read is None:
            own, said = _says(page, pair)
            read = ((*_distance_parts(pair), own.count), (*own.marks, *own.following), (*said.marks, *said.opening))
        cheap, frame_parts, later_parts = read
        classes = f"{head.type}>{tail.type}"
        fixed = (*_pair_parts(head, tail, order, cheap[0]), *cheap)
        for rel_type in types:
            weights = sums.model.weights.get(rel_type, {})
            logit = sums.model.bias + weights.get("", 0.0) + sum(map(weights.get, fixed, repeat(0.0)))
            logit += sums.of(sums.frames, (frame_key, classes, order, rel_type), frame_parts)
            logit += sums.of(sums.laters, (later_key, classes, order, rel_type), later_parts)
            if logit + sums.most_added(rel_type) < least:
                continue
            if costly is None:
                costly = (_nearer_part(pair, page.placed), _framed_before(pair, page.placed))
            nearer, framed = costly
            logit += weights.get(nearer, 0.0)
            if framed:
                logit += weights.get("lframed", 0.0)
            if _has_already(page, pair, rel_type, head):
                logit += weights.get("lhas", 0.0)
            yield (rel_type, head, tail), logit


def _distance_parts(pair: _Pair) -> tuple[str, str]:
    """How many sentences, and whether a paragraph break, stand between the two names."""
    return (
        f"s{min(pair.sentence - pair.frame_sentence, REACH + 1)}",
        "samepara" if pair.frame.paragraph == pair.later.paragraph else "newpara",
    )


def _shared_parts(page: _Page, pair: _Pair) -> tuple[str, ...]:
    """What the model reads of the pair, whichever of the two is the head: how far apart the
    two are, then what the frame and the later name say of themselves, then the words."""
    own, said = _says(page, pair)
    between = (*_distance_parts(pair), _nearer_part(pair, page.placed), own.count)
    lframed = ("lframed",) if _framed_before(pair, page.placed) else ()
    return (*between, *own.marks, *said.marks, *lframed, *said.opening, *own.following)


def _says(page: _Page, pair: _Pair) -> tuple[_FrameSays, _LaterSays]:
    """What the frame and the later name say of themselves, read once per name."""
    frame_key = (pair.frame_sentence, pair.frame.mention.clean_start)
    own = page.frame_says.get(frame_key)
    if own is None:
        own = page.frame_says[frame_key] = _frame_says(page, pair.frame, pair.frame_sentence)
    later_key = (pair.sentence, pair.later.mention.clean_start)
    said = page.later_says.get(later_key)
    if said is None:
        said = page.later_says[later_key] = _later_says(page, pair.later, pair.sentence)
    return own, said


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
