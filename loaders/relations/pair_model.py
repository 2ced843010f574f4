"""Relations the rules miss, scored pair by pair with a model learned from annotated text.

The rules read cue words a person wrote down; on pages unlike those they were written for
they find about one gold relation in six. This stage looks at every pair of mentions in a sentence
that the rules left unrelated, for each relation type the ontology allows between their
classes, and scores it with a logistic model over plain features: the relation type, the
classes, which comes first, how far apart they are, how many names stand between, the
words between them, the word right before and right after the pair, and the rules that found
its two names (a name a less sure rule found is more often no name of the gold). A pair
scoring at least the model's threshold becomes a relation named ``pair-model``. Its
confidence is the score with the training's weighting of positives taken back out
(PairModel.confidence): out of fold that says how often such a candidate is right
(``benchmarks/pair_model_cv.py --calibration``), where the score overstates it.

The weights are data (``data/pair_model.json`` of loaders.lexicon), learned by
``scripts/train-pair-model`` from the project's own gold (seeds, heldout, the real pages'
development part) and the stored candidates of annotated pages kept outside the project
(tests/real/outside), and written with the sets they came from. Scoring is a sum of weights:
deterministic, no library needed. ``loaders.ablation``'s part ``pair-model`` switches it off.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from itertools import repeat
from typing import Any

from kg.errors import InputError
from kg.model import ENTITY_CLASSES, RELATION_TYPES, SYMMETRIC_RELATIONS, Mention, Sentence
from loaders.lexicon.segmenter import segment
from loaders.relations.class_limits import classes_may_join, violation
from loaders.relations.cue_patterns import cue_patterns

RULE_NAME = "pair-model"
MODEL_FILE = "data/pair_model.json"
# Pairs further apart than this many characters are not scored: few relations span
# them, and tables with dozens of names would otherwise cost a square of their size.
# Policy sentences run long ("X区以A为龙头，…，重点发展B"): at 40 characters many pairs of one
# sentence that the gold relates lay beyond reach; at 80, weights relearned, relation F1 rose
# on each of the web sets measured unseen, and fell a little on the testset. At 160, weights
# relearned, web-EV to FA rose 0.008 and four of five unseen pools 0.002 to 0.006; pairs
# further apart than 160 are too few to matter (README, "Quality").
MAX_GAP = 160
_SHORT_SEPARATOR = 3  # characters: a gap this short is a feature by itself ("、", "的", "位于")
_MAX_BETWEEN_COUNT = 4


@dataclass(frozen=True, slots=True)
class ScoredPair:
    type: str
    head: Mention
    tail: Mention
    confidence: float  # how often a candidate of this score is right (PairModel.confidence)


@dataclass(frozen=True, slots=True)
class PairModel:
    # weights[type][feature]: a feature is the type's own weight ("") or a context part
    # ("Enterprise>IndustryChain", "bw=落户|hb"); the flat file writes "TYPE|part".
    weights: dict[str, dict[str, float]]
    bias: float
    threshold: float
    # How much more a positive candidate counted than a negative one in training. The score
    # then overstates how often a candidate is right; confidence() takes that back out.
    positive_weight: float = 1.0

    def logit(self, rel_type: str, parts: tuple[str, ...]) -> float:
        weights = self.weights.get(rel_type, {})
        # (one look-up per part, all in C, an unknown part weighing 0.0: speed)
        return self.bias + weights.get("", 0.0) + sum(map(weights.get, parts, repeat(0.0)))

    def confidence(self, logit: float) -> float:
        """How often a candidate of this logit is right, the training's weighting undone."""
        return probability(logit - math.log(self.positive_weight))

    @property
    def threshold_logit(self) -> float:
        return math.log(self.threshold / (1.0 - self.threshold))


def probability(logit: float) -> float:
    return 1.0 / (1.0 + math.exp(-logit))


def _distance_bucket(n: int) -> str:
    for bucket, limit in enumerate((0, 2, 5, 12, 25)):
        if n <= limit:
            return str(bucket)
    return "5"


# A token this long with a digit in it is a code, a date or a file name ("2024-07-19",
# "0faa3bd….jpg", a spam host's tag), not a word: one page's own, it says nothing of a pair.
_CODE_LENGTH = 7


def is_word(token: str) -> bool:
    """Whether the model reads ``token`` as a word: not a code, date or file name (a token
    with a Chinese character in it is a word, G60科创走廊 or 5G基站 alike)."""
    if len(token) < _CODE_LENGTH or any("\u4e00" <= c <= "\u9fff" for c in token):
        return True
    return not any(c.isdigit() for c in token)


def model_words(text: str) -> list[str]:
    """The words of ``text`` the learned models read, in order: blanks and codes left out."""
    return [w for w in segment(text) if w.strip() and is_word(w)]


def without_codes(parts: Iterable[str]) -> list[str]:
    """``parts`` less the words between that are no words (is_word), so that rows stored
    before they were left out read as rows stored after."""
    return [p for p in parts if not p.startswith("bw=") or is_word(p[3:].rpartition("|")[0])]


@lru_cache(maxsize=16384)
def _sorted_words(text: str) -> tuple[str, ...]:
    """The distinct words of ``text``, blanks and codes left out, sorted once per text (speed)."""
    return tuple(sorted(set(model_words(text))))


def pair_context(head: Mention, tail: Mention, text: str, mentions: list[Mention]) -> tuple[str, ...]:
    """What the model reads of a pair, whatever the relation type: ``head`` and ``tail``
    are mentions of the sentence ``text`` (cleaned offsets), ``mentions`` all of its own."""
    return _context(head, tail, text, mentions, min(m.clean_start for m in mentions))


def _context(head: Mention, tail: Mention, text: str, mentions: list[Mention], opening: int) -> tuple[str, ...]:
    first, second = (head, tail) if head.clean_start <= tail.clean_start else (tail, head)
    gap = _read_gap(text, first.clean_end, second.clean_start, mentions)
    return _pair_parts(head, tail, gap, _outer_words(text, first.clean_start, second.clean_end), opening)


def _pair_parts(
    head: Mention, tail: Mention, gap: _Gap, outer: tuple[str | None, str | None], opening: int
) -> tuple[str, ...]:
    first = head if head.clean_start <= tail.clean_start else tail
    order = "hb" if first is head else "tb"
    return (*_parts(head, tail, gap, order, first.clean_start == opening), *_outer_parts(head, tail, outer, order))


# How far outside the pair the word next to it is looked for, in characters: a word of the
# sentence's verb or preposition ("在A建设的B", "A位于B境内") mostly stands this close.
_OUTER_WINDOW = 4


def _outer_words(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The word right before the pair's first mention and the word right after its second
    (None at the sentence's edge), read in windows of _OUTER_WINDOW characters."""
    before = _window_words(text[max(0, start - _OUTER_WINDOW) : start])
    after = _window_words(text[end : end + _OUTER_WINDOW])
    return (before[-1] if before else None, after[0] if after else None)


@lru_cache(maxsize=65536)
def _window_words(window: str) -> tuple[str, ...]:
    """model_words of a few characters (speed: the same windows recur across a page's pairs)."""
    return tuple(model_words(window))


def source_parts(head: Mention, tail: Mention) -> tuple[str, str]:
    """The rules that found a pair's two names, as both learned models read them: a name that
    a less sure rule found is more often no name of the gold, and so is its relation."""
    return (f"hsrc={head.source}", f"tsrc={tail.source}")


def _outer_parts(head: Mention, tail: Mention, outer: tuple[str | None, str | None], order: str) -> tuple[str, ...]:
    """The rules that found the pair's names (source_parts) and the words around it."""
    before, after = outer
    parts = list(source_parts(head, tail))
    if before is not None:
        parts.append(f"ow<{before}|{order}")
    if after is not None:
        parts.append(f"ow>{after}|{order}")
    return tuple(parts)


@dataclass(frozen=True, slots=True)
class _Gap:
    """What stands between a pair's two mentions, whichever of them is the head."""

    distance: str  # the bucket of its length
    names: int  # how many mentions stand in it, at most _MAX_BETWEEN_COUNT
    separator: str | None  # the gap itself when it is short enough to be a feature
    words: tuple[str, ...]  # its words, sorted


def _read_gap(text: str, start: int, end: int, mentions: list[Mention]) -> _Gap:
    between = text[start:end]
    inside = sum(1 for m in mentions if m.clean_start >= start and m.clean_end <= end)
    separator = between if len(between) <= _SHORT_SEPARATOR else None
    words = _sorted_words(between)
    return _Gap(_distance_bucket(len(between)), min(inside, _MAX_BETWEEN_COUNT), separator, words)


def _parts(head: Mention, tail: Mention, gap: _Gap, order: str, opens: bool) -> tuple[str, ...]:
    """The model's parts of a pair: ``order`` is "hb" when the head comes first, "tb" when
    the tail does; ``opens``: its first mention is the sentence's first."""
    parts = [
        f"{head.type}>{tail.type}",
        f"{head.subtype}>{tail.subtype}",
        order,
        f"d{gap.distance}",
        f"n{gap.names}",
        f"{order}|d{gap.distance}",
    ]
    if gap.separator is not None:
        parts.append(f"sep={gap.separator}|{order}")
    parts += [f"bw={w}|{order}" for w in gap.words]
    if opens:
        parts.append(f"firstsubj|{order}")
    return tuple(parts)


def pair_features(rel_type: str, head: Mention, tail: Mention, text: str, mentions: list[Mention]) -> list[str]:
    """The features of one candidate as the model file names them ("TYPE", "TYPE|part")."""
    return typed_features(rel_type, pair_context(head, tail, text, mentions))


def typed_features(rel_type: str, parts: Iterable[str]) -> list[str]:
    """The type's own feature and each part and conjunction (``conjoined``) under the type,
    as the model file names them."""
    return [rel_type, *(f"{rel_type}|{part}" for part in conjoined(tuple(parts)))]


# A conjunction's mark: no plain part starts with it, so conjunctions are told from the
# parts they are made of (and left out of stored rows, which keep plain parts only).
CONJUNCTION = "&"
_CLASSES = frozenset(ENTITY_CLASSES)


def conjoined(parts: tuple[str, ...]) -> tuple[str, ...]:
    """``parts`` and each word between conjoined with the class pair ("&Enterprise>Place|bw=落户|hb").

    A word says different things between different classes (落户 puts a firm in a place, 包括
    a chain in a chain), which the type alone does not tell apart. Read from the plain parts
    only, so that the stored rows of outside pages (parts, no texts) get the same
    conjunctions at training as every pair at scoring.
    """
    plain = [p for p in parts if not p.startswith(CONJUNCTION)]
    pair = _class_pair(plain)
    if pair is None:
        return tuple(plain)
    return (*plain, *(f"{CONJUNCTION}{pair}|{p}" for p in plain if p.startswith("bw=")))


def _scored_parts(
    head: Mention, tail: Mention, gap: _Gap, outer: tuple[str | None, str | None], opening: int
) -> tuple[str, ...]:
    """``conjoined(_pair_parts(...))`` built directly (speed: every candidate is scored): the
    class pair is the first part, and the words between are the gap's."""
    plain = _pair_parts(head, tail, gap, outer, opening)
    order = plain[2]
    prefix = f"{CONJUNCTION}{plain[0]}|bw="
    return (*plain, *(f"{prefix}{w}|{order}" for w in gap.words))


def _class_pair(parts: list[str]) -> str | None:
    """The part "HeadClass>TailClass" (the subtype pair's sides are no classes)."""
    for part in parts:
        head, arrow, tail = part.partition(">")
        if arrow and head in _CLASSES and tail in _CLASSES:
            return part
    return None


def candidate_pairs(text: str, mentions: list[Mention]) -> Iterator[tuple[str, Mention, Mention]]:
    """Every (type, head, tail) the ontology allows between two mentions of the sentence
    ``text`` that name different entities, do not overlap, are no list's neighbours and
    stand within MAX_GAP characters."""
    for head, tail, types in _allowed_pairs(text, mentions):
        for rel_type in types:
            yield rel_type, head, tail


def _allowed_pairs(text: str, mentions: list[Mention]) -> Iterator[tuple[Mention, Mention, list[str]]]:
    placed = [m for m in mentions if m.clean_end > m.clean_start]
    places = [m for m in placed if m.type == "Place"]
    for head, tail in _pairs_within_reach(placed):
        if _siblings(head, tail, text) or _another_subject_between(head, tail, text, places):
            continue
        types = [
            t
            for t in types_between(head.type, tail.type)
            if (t not in SYMMETRIC_RELATIONS or head.canonical < tail.canonical)
            and (t not in MENTION_CHECKED or violation(t, head, tail) is None)
            and (t != "FOCUSES_ON" or not _industry_of_a_hub(head, tail, text))
        ]
        if types:
            yield head, tail, types


_CLAUSE_BREAKS = frozenset("，；,;")
# The chain rules' reading of "X市Y产业的核心区": X's industry is named only to say what
# another place is to it (the chain table of rules/chain/cue_patterns.toml).
_CHAIN_CUES = cue_patterns("loaders.relations.rules.chain.cues")


def _industry_of_a_hub(place: Mention, chain: Mention, text: str) -> bool:
    """``place`` owns ``chain`` only to say what a hub is to it ("作为X市Y产业的核心区，Z…"):
    the hub, not X, is the one said to focus on it."""
    before = place.clean_end <= chain.clean_start
    return (
        before
        and text[place.clean_end : chain.clean_start] in _OWNER_GAPS
        and (_CHAIN_CUES.hub_of_industry_after.match(text[chain.clean_end :]) is not None)
    )


_OWNER_GAPS = frozenset({"", "的"})
_FRAME_REACH = 4  # characters before a place where the verb that frames it stands


def _place_as_a_frame(place: Mention, text: str) -> bool:
    """``place`` is what a verb lines the subject up with or serves ("X县紧紧围绕Y市八大
    产业，打造A", "助力Y省A产业"): the text gives no focus of its own to it."""
    before = text[max(0, place.clean_start - _FRAME_REACH) : place.clean_start]
    return place.type == "Place" and (
        _CHAIN_CUES.frame_before.search(before) is not None or _CHAIN_CUES.served_before.search(before) is not None
    )


_CUES = cue_patterns(__name__)
# Types whose tail is a container the text must state (a place, a park, a zone).
_CONTAINMENT = frozenset({"PART_OF", "LOCATED_IN"})
_TITLE_REACH = 6  # characters before a name where an honour's verb stands


@dataclass(frozen=True, slots=True)
class _Names:
    """A sentence's text and its names, with what the text says around each name read once
    (speed: a name stands in many pairs, most of them scored both ways round)."""

    text: str
    placed: list[Mention]
    read: dict[tuple[Callable[[Mention, _Names], bool], int], bool] = field(default_factory=dict)

    def hold(self, test: Callable[[Mention, _Names], bool], name: Mention) -> bool:
        """``test`` of ``name``, one of ``placed``."""
        key = (test, id(name))
        held = self.read.get(key)
        if held is None:
            held = self.read[key] = test(name, self)
        return held


def _unstated_pair(head: Mention, tail: Mention, names: _Names, gap: tuple[int, int]) -> bool:
    """The pair stands across a dateline or byline, or one of its names is a dateline's place
    or an honour's title: the text relates neither to the other, whatever the type."""
    if _CUES.byline_between.search(names.text[gap[0] : gap[1]]) is not None:
        return True
    return names.hold(_unstated_name, head) or names.hold(_unstated_name, tail)


def _unstated_name(name: Mention, names: _Names) -> bool:
    """``name`` is a dateline's place or an honour's title."""
    text = names.text
    return (name.type == "Place" and _CUES.dateline_after.match(text[name.clean_end :]) is not None) or (
        _CUES.honour_before.search(text[max(0, name.clean_start - _TITLE_REACH) : name.clean_start]) is not None
    )


def _container_unstated(container: Mention, text: str, placed: list[Mention]) -> bool:
    """``container`` is named as something other than where the other name lies: a government
    body ("某市委"), the maker in "是某省在…作出的", the issuer of a title ("《某省…》"), where
    an agreement is signed or a meeting held ("在某市签订", "大会在某市举行"), or a
    province qualifying the place written right after it ("某省甲市下辖的": 甲市 holds it)."""
    after = text[container.clean_end :]
    before = text[: container.clean_start]
    return (
        _CUES.body_after.match(after) is not None
        or (_CUES.maker_around.search(before) is not None and _CUES.maker_after.match(after) is not None)
        or _CUES.title_before.search(before) is not None
        or (_CUES.event_before.search(before) is not None and _CUES.event_after.match(after) is not None)
        or (_CUES.meeting_before.search(before) is not None and _CUES.meeting_after.match(after) is not None)
        or any(m.type == "Place" and m.clean_start == container.clean_end for m in placed)
    )


_PLACES = frozenset({"Place"})
# An industry after a place is the place's own ("某市新材料"), not a name the place qualifies.
_PLACES_AND_CHAINS = frozenset({"Place", "IndustryChain"})


def _qualifies_a_name(place: Mention, placed: list[Mention], other_than: frozenset[str] = _PLACES) -> bool:
    """``place`` is written right before the name of something of a class not in
    ``other_than`` ("某市京东方", "某新区某公司云计算中心"): it says where that one lies; it is not
    itself the part the sentence places in a container, nor what it says the place is devoted to."""
    return place.type == "Place" and any(m.type not in other_than and m.clean_start == place.clean_end for m in placed)


def _types_the_text_allows(types: list[str], head: Mention, tail: Mention, names: _Names) -> list[str]:
    """``types`` less those the text rules out for this pair: focus on a place a verb only
    frames, containment in a container named as something else. Checked when pairs are
    scored, not among the candidates, so the training set, and the weights, stay as learned;
    each test runs only when a type it rules out is there."""
    if "FOCUSES_ON" in types and names.hold(_focus_unstated, head):
        types = [t for t in types if t != "FOCUSES_ON"]
    if any(t in _CONTAINMENT for t in types) and (
        names.hold(_unstated_container, tail) or names.hold(_qualifies_another_name, head)
    ):
        types = [t for t in types if t not in _CONTAINMENT]
    if types and _one_of_before_the_subject(head, tail, names):
        types = []
    return types


def _focus_unstated(place: Mention, names: _Names) -> bool:
    """``place`` is only framed by a verb or qualifies another name: its focus is not stated."""
    return _place_as_a_frame(place, names.text) or _qualifies_a_name(place, names.placed, _PLACES_AND_CHAINS)


def _unstated_container(container: Mention, names: _Names) -> bool:
    return _container_unstated(container, names.text, names.placed)


def _qualifies_another_name(place: Mention, names: _Names) -> bool:
    return _qualifies_a_name(place, names.placed)


def _one_of_before_the_subject(head: Mention, tail: Mention, names: _Names) -> bool:
    """``head`` is X of "作为X的…之一，" and ``tail`` stands after that clause: the clause after
    the comma speaks of its own subject, which X only classes."""
    if not names.hold(_after_one_of, head):
        return False
    after = _CUES.one_of_after.match(names.text[head.clean_end :])
    return after is not None and tail.clean_start >= head.clean_end + after.end()


def _after_one_of(name: Mention, names: _Names) -> bool:
    """``name`` stands where X of "作为X的…之一" does."""
    return _CUES.one_of_before.search(names.text[: name.clean_start]) is not None


def _another_subject_between(a: Mention, b: Mention, text: str, places: list[Mention]) -> bool:
    """Whether another place, not the first of the pair, is what the other name belongs
    to: a place opening a later clause ("甲市重点发展A，乙市则聚焦B": 乙市's B), or a place
    the first one only qualifies ("某省甲区重点发展B": 甲区's B; the province says where
    甲区 lies). Between two places (某省甲市乙区) the pair is left to the model."""
    first, second = (a, b) if a.clean_start <= b.clean_start else (b, a)
    if first.type != "Place":
        return False
    return any(
        first.clean_end <= p.clean_start
        and p.clean_end <= second.clean_start
        and _subject_after(text[first.clean_end : p.clean_start], second)
        for p in places
    )


def _subject_after(gap: str, other: Mention) -> bool:
    return not _CLAUSE_BREAKS.isdisjoint(gap) or (not gap and other.type != "Place")


def _pairs_within_reach(placed: list[Mention]) -> Iterator[tuple[Mention, Mention]]:
    """Every (head, tail) of ``placed`` (mentions of some length) that name different
    entities, do not overlap and stand at most MAX_GAP characters apart, head by head."""
    # Speed: every ordered pair of a sentence's mentions is tested, so each mention's
    # offsets are read once and the tests are plain arithmetic on them.
    spans = [(m, m.clean_start, m.clean_end, m.canonical) for m in placed]
    for head, head_start, head_end, head_name in spans:
        for tail, tail_start, tail_end, tail_name in spans:
            # Two mentions that do not overlap: one ends at or before the other starts,
            # and their gap is the distance between those two offsets.
            if head_name != tail_name and (
                0 <= tail_start - head_end <= MAX_GAP or 0 <= head_start - tail_end <= MAX_GAP
            ):
                yield head, tail


# PART_OF's limits between places depend on the mentions (kinds, places' levels); the other
# types' only on the classes, so those are looked up once per class pair.
MENTION_CHECKED = frozenset({"PART_OF"})


@lru_cache(maxsize=256)
def types_between(head_class: str, tail_class: str) -> tuple[str, ...]:
    """The types that may join ``head_class`` to ``tail_class``, some of them (MENTION_CHECKED)
    only between some names, for violation() to check pair by pair."""
    return tuple(t for t in RELATION_TYPES if classes_may_join(t, head_class, tail_class))


# Two names that only a list separator parts are members of one list: what the text says
# relates the list to something else, not one member to the next.
_LIST_SEPARATORS = frozenset({"、", "，", ","})


def _siblings(a: Mention, b: Mention, text: str) -> bool:
    first, second = (a, b) if a.clean_start <= b.clean_start else (b, a)
    return text[first.clean_end : second.clean_start] in _LIST_SEPARATORS


def scored_pairs(model: PairModel, sentence: Sentence, mentions: list[Mention]) -> Iterator[ScoredPair]:
    """The sentence's candidate pairs that score at least the model's threshold."""
    placed = [m for m in mentions if m.clean_end > m.clean_start]
    if len(placed) < 2:
        return
    least = model.threshold_logit
    text = sentence.text
    opening = min(m.clean_start for m in placed)
    # Speed: a gap and the words around a pair are read once, though most pairs are scored
    # both ways round.
    gaps: dict[tuple[int, int], _Gap] = {}
    outers: dict[tuple[int, int], tuple[str | None, str | None]] = {}
    names = _Names(text, placed)
    for head, tail, types in _allowed_pairs(text, placed):
        first, second = (head, tail) if head.clean_start <= tail.clean_start else (tail, head)
        key = (first.clean_end, second.clean_start)
        if _unstated_pair(head, tail, names, key):
            continue
        stated = _types_the_text_allows(types, head, tail, names)
        if not stated:
            continue
        gap = gaps.get(key)
        if gap is None:
            gap = gaps[key] = _read_gap(text, first.clean_end, second.clean_start, placed)
        span = (first.clean_start, second.clean_end)
        outer = outers.get(span)
        if outer is None:
            outer = outers[span] = _outer_words(text, *span)
        parts = _scored_parts(head, tail, gap, outer, opening)
        for rel_type in stated:
            logit = model.logit(rel_type, parts)
            if logit >= least:
                yield ScoredPair(rel_type, head, tail, model.confidence(logit))


@cache
def default_model() -> PairModel:
    text = resources.files("loaders.lexicon").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return model_from_json(json.loads(text), MODEL_FILE)


def model_from_json(data: dict[str, Any], where: str) -> PairModel:
    try:
        weights: dict[str, dict[str, float]] = {}
        for key, value in data["weights"].items():
            rel_type, _, part = str(key).partition("|")
            weights.setdefault(rel_type, {})[part] = float(value)
        positive_weight = float(data.get("positive_weight", 1.0))
        if positive_weight <= 0:
            raise ValueError(f"positive_weight {positive_weight} is not above 0")
        return PairModel(weights, float(data["bias"]), float(data["threshold"]), positive_weight)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"{where}: not a pair model ({exc!r})") from exc
