"""Names a learned character tagger reads where no rule found one.

A linear-chain CRF (CRFsuite, through python-crfsuite) labels each character of a sentence
B-/I-<class> or O, reading the characters around it and what the rules already found there
(their mentions, as B-/I-<class> labels of their own). It learned from the project's gold and
real pages read by annotators (scripts/train-name-tagger); its spans that overlap no rule's
mention become mentions named ``name-tagger``, which later stages weigh like any other source
(the entity model leaves out the unlikely ones). The model holds weights of characters and of
runs of two or three, never sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources

import pycrfsuite

from kg.model import Document, Dropped, Mention
from loaders.lexicon.matcher import name_form
from loaders.mentions.candidates import BY_SPAN, Candidate
from loaders.mentions.mention_records import to_mention

TAGGER_SOURCE = "name-tagger"
MODEL_FILE = "data/name_tagger.crfsuite"
_MIN_NAME_CHARS = 2
# A place of two characters read by the tagger alone is too often a word ("在光明的道路上")
# or a bare short name the rules take only with their city's context (county_context.py).
_MIN_CHARS = {"Place": 3}
_OUTSIDE = "O"
_PAD = "#"


def character_kind(char: str) -> str:
    if "\u4e00" <= char <= "\u9fff":
        return "H"
    if char.isdigit():
        return "D"
    if char.isascii() and char.isalpha():
        return "L"
    return "P"


def rule_labels(length: int, spans: Sequence[tuple[int, int, str]]) -> list[str]:
    """B-/I-<class> for the characters the rules' mentions cover (``spans``: start, end, class)."""
    labels = [_OUTSIDE] * length
    for start, end, cls in spans:
        if 0 <= start < end <= length:
            labels[start] = "B-" + cls
            for at in range(start + 1, end):
                labels[at] = "I-" + cls
    return labels


def character_features(text: str, rules: Sequence[str]) -> list[list[str]]:
    """What the tagger reads of each character: characters and pairs and triples around it,
    its kind (Han, digit, Latin, other), and the rules' labels at and beside it."""
    # Speed: the text and the labels padded once, then read by index, with no call per character.
    padded = [_PAD] * 3 + list(text) + [_PAD] * 3
    labels = [_PAD, *rules, _PAD]
    kinds = [character_kind(char) for char in text]
    features = []
    for i in range(len(text)):
        c_3, c_2, c_1, c0, c1, c2, c3 = padded[i : i + 7]
        r_1, r0, r1 = labels[i : i + 3]
        features.append(
            [
                "b",
                "c0=" + c0,
                "c-1=" + c_1,
                "c1=" + c1,
                "c-2=" + c_2,
                "c2=" + c2,
                "c-1c0=" + c_1 + c0,
                "c0c1=" + c0 + c1,
                "c-2c-1=" + c_2 + c_1,
                "c1c2=" + c1 + c2,
                "c-1c1=" + c_1 + c1,
                "k=" + kinds[i],
                "c-3c-2c-1=" + c_3 + c_2 + c_1,
                "c1c2c3=" + c1 + c2 + c3,
                "r0=" + r0,
                "r-1=" + r_1,
                "r1=" + r1,
                "r0c0=" + r0[:1] + c0,
            ]
        )
    return features


def labelled_spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, class) of each B-…I-… run of ``labels``."""
    spans = []
    at = 0
    while at < len(labels):
        label = labels[at]
        if label.startswith("B-"):
            cls = label[2:]
            end = at + 1
            while end < len(labels) and labels[end] == "I-" + cls:
                end += 1
            spans.append((at, end, cls))
            at = end
        else:
            at += 1
    return spans


@cache
def _tagger() -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    with resources.as_file(resources.files("loaders.lexicon").joinpath(MODEL_FILE)) as path:
        tagger.open(str(path))
    return tagger


def tagged_spans(text: str, mentions: Sequence[Mention]) -> list[tuple[int, int, str]]:
    """(start, end, class) in the sentence ``text`` of the names the tagger reads that
    overlap none of ``mentions`` (the rules' mentions of that sentence)."""
    if not text:
        return []
    taken = [(m.clean_start, m.clean_end) for m in mentions]
    labels = rule_labels(len(text), [(m.clean_start, m.clean_end, m.type) for m in mentions])
    found = labelled_spans(_tagger().tag(character_features(text, labels)))
    return [
        (a, b, cls)
        for a, b, cls in found
        if b - a >= _MIN_CHARS.get(cls, _MIN_NAME_CHARS) and not any(s < b and a < e for s, e in taken)
    ]


def with_tagged_names(doc: Document, mentions: list[Mention], dropped: Sequence[Dropped] = ()) -> list[Mention]:
    """``mentions`` (the rules', sorted by span) and the names the tagger reads in each
    sentence where none of them stands and where the rules dropped nothing (a name of
    another city's, a dateline's place: the tagger does not bring back what a rule left
    out), sorted by span."""
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    left_out = [(d.start, d.end) for d in dropped if d.start is not None and d.end is not None]
    added = []
    for sentence in doc.sentences:
        for a, b, cls in tagged_spans(sentence.text, by_sentence.get(sentence.index, [])):
            mention = to_mention(
                doc, sentence, Candidate(a, b, cls, None, name_form(sentence.text[a:b]), TAGGER_SOURCE)
            )
            if not any(s < mention.end and mention.start < e for s, e in left_out):
                added.append(mention)
    return sorted([*mentions, *added], key=BY_SPAN) if added else mentions
