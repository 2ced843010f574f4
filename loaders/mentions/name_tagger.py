"""Names a learned character tagger reads where no rule found one.

A linear-chain CRF (learned with CRFsuite through python-crfsuite, and read back as arrays to
tag all of a document's sentences at once: crf_decoding.py) labels each character of a
sentence B-/I-<class> or O, reading the characters around it and what the rules already found there
(their mentions, as B-/I-<class> labels of their own). It learned from the project's gold and
real pages read by annotators (scripts/train-name-tagger); its spans that overlap no rule's
mention become mentions named ``name-tagger``, which later stages weigh like any other source
(the entity model leaves out the unlikely ones). What it reads where a rule's mention stands is
kept too (TaggerReading): unread_names.py leaves out a rule's name no relation holds that the
tagger reads as no name of its class. The model holds weights of characters and of runs of two
or three, never sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from kg.model import Document, Dropped, Mention
from loaders.lexicon.matcher import name_form
from loaders.mentions.candidates import BY_SPAN, Candidate
from loaders.mentions.crf_decoding import CharCrf, char_crf
from loaders.mentions.crfsuite_file import read_crfsuite_model
from loaders.mentions.mention_records import to_mention
from loaders.mentions.tagger_features import OUTSIDE, first_places, sentence_batch

TAGGER_SOURCE = "name-tagger"
MODEL_FILE = "data/name_tagger.crfsuite"
_MIN_NAME_CHARS = 2
# A place of two characters read by the tagger alone is too often a word ("在光明的道路上")
# or a bare short name the rules take only with their city's context (county_context.py).
_MIN_CHARS = {"Place": 3}


def rule_labels(length: int, spans: Sequence[tuple[int, int, str]]) -> list[str]:
    """B-/I-<class> for the characters the rules' mentions cover (``spans``: start, end, class)."""
    labels = [OUTSIDE] * length
    for start, end, cls in spans:
        if 0 <= start < end <= length:
            labels[start] = "B-" + cls
            for at in range(start + 1, end):
                labels[at] = "I-" + cls
    return labels


def labelled_runs(tagged: np.ndarray, lengths: np.ndarray, labels: Sequence[str]) -> list[list[tuple[int, int, str]]]:
    """(start, end, class) of each B-…I-… run of each sentence, from the label ids ``tagged``
    of sentences laid end to end (``lengths`` long; ``labels`` by id), without a step per
    character: a run starts at a B- and goes on over each I- of its class right after it."""
    classes = [label[2:] for label in labels]
    begins = np.array([label.startswith("B-") for label in labels])
    insides = np.array([label.startswith("I-") for label in labels])
    class_ids = np.array([classes.index(cls) for cls in classes])
    firsts = first_places(lengths)
    goes_on = np.zeros(len(tagged), dtype=bool)
    if len(tagged) > 1:
        goes_on[1:] = insides[tagged[1:]] & (class_ids[tagged[1:]] == class_ids[tagged[:-1]])
    goes_on[firsts[lengths > 0]] = False
    stops = np.append(np.flatnonzero(~goes_on), len(tagged))
    starts = np.flatnonzero(begins[tagged]) if len(tagged) else np.zeros(0, int)
    ends = stops[np.searchsorted(stops, starts, side="right")]
    owners = np.searchsorted(firsts, starts, side="right") - 1
    runs: list[list[tuple[int, int, str]]] = [[] for _ in lengths]
    for start, end, owner in zip(starts.tolist(), ends.tolist(), owners.tolist(), strict=True):
        base = int(firsts[owner])
        runs[owner].append((start - base, end - base, classes[int(tagged[start])]))
    return runs


@cache
def _crf() -> CharCrf:
    with resources.as_file(resources.files("loaders.lexicon").joinpath(MODEL_FILE)) as path:
        return char_crf(read_crfsuite_model(path))


def tagged_spans(text: str, mentions: Sequence[Mention]) -> list[tuple[int, int, str]]:
    """(start, end, class) in the sentence ``text`` of the names the tagger reads that
    overlap none of ``mentions`` (the rules' mentions of that sentence): what with_tagged_names
    makes mentions of."""
    return _free_runs(tagged_runs_of([text], [mentions])[0], mentions)


def tagged_runs_of(texts: Sequence[str], mentions: Sequence[Sequence[Mention]]) -> list[list[tuple[int, int, str]]]:
    """(start, end, class) of every name the tagger reads in each sentence of ``texts``, given
    its rules' ``mentions``, where a rule's mention stands as well as where none does."""
    crf = _crf()
    rules = [
        crf.span_codes(len(text), [(m.clean_start, m.clean_end, m.type) for m in ms])
        for text, ms in zip(texts, mentions, strict=True)
    ]
    tagged = crf.tag(sentence_batch(texts, rules, crf.pad_code))
    return labelled_runs(tagged, np.array([len(t) for t in texts]), crf.labels)


def _free_runs(runs: list[tuple[int, int, str]], mentions: Sequence[Mention]) -> list[tuple[int, int, str]]:
    """The runs long enough for their class that overlap none of ``mentions``."""
    taken = [(m.clean_start, m.clean_end) for m in mentions]
    return [
        (a, b, cls)
        for a, b, cls in runs
        if b - a >= _MIN_CHARS.get(cls, _MIN_NAME_CHARS) and not any(s < b and a < e for s, e in taken)
    ]


@dataclass(frozen=True, slots=True)
class TaggerReading:
    """What the tagger read in each sentence it tagged (by Sentence.index): every run
    (start, end, class; the sentence's own offsets), the rules' mentions among its inputs."""

    runs: dict[int, tuple[tuple[int, int, str], ...]]

    def judges(self, mention: Mention) -> bool:
        """Whether the tagger read the sentence and span of ``mention``."""
        return mention.sentence in self.runs and mention.clean_start < mention.clean_end

    def reads(self, mention: Mention) -> bool:
        """Whether the tagger reads a name of ``mention``'s class over any of its characters."""
        return any(
            cls == mention.type and a < mention.clean_end and mention.clean_start < b
            for a, b, cls in self.runs.get(mention.sentence, ())
        )


@dataclass(frozen=True, slots=True)
class TaggedNames:
    mentions: list[Mention]
    reading: TaggerReading


def with_tagged_names(doc: Document, mentions: list[Mention], dropped: Sequence[Dropped] = ()) -> TaggedNames:
    """``mentions`` (the rules', sorted by span) and the names the tagger reads in each
    sentence where none of them stands and where the rules dropped nothing (a name of
    another city's, a dateline's place: the tagger does not bring back what a rule left
    out), sorted by span; with all the tagger read, for later stages to weigh the rules'
    names by."""
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    left_out = [(d.start, d.end) for d in dropped if d.start is not None and d.end is not None]
    added = []
    sentences = [sentence for sentence in doc.sentences if sentence.text]
    rules = [by_sentence.get(s.index, []) for s in sentences]
    runs = tagged_runs_of([s.text for s in sentences], rules)
    for sentence, sentence_runs, sentence_rules in zip(sentences, runs, rules, strict=True):
        for a, b, cls in _free_runs(sentence_runs, sentence_rules):
            mention = to_mention(
                doc, sentence, Candidate(a, b, cls, None, name_form(sentence.text[a:b]), TAGGER_SOURCE)
            )
            if not any(s < mention.end and mention.start < e for s, e in left_out):
                added.append(mention)
    reading = TaggerReading({s.index: tuple(r) for s, r in zip(sentences, runs, strict=True)})
    return TaggedNames(sorted([*mentions, *added], key=BY_SPAN) if added else mentions, reading)
