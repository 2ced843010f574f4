"""What the name tagger reads of each character, as data: one template per feature.

A template names what it reads: ``b`` (a bias, the same for every character), ``c<o>...``
(the characters at offsets ``o`` from this one, ``#`` past the sentence's edges), ``k`` (this
character's kind: Han, digit, Latin or other), ``r<o>`` (the rules' label at offset ``o``) and
``r0c0`` (the initial of the rules' label here with this character). Training writes each
character's features as strings ``template=value`` (``character_features``); tagging reads the
same values as integer keys for a whole batch of sentences at once (``template_keys``), which
is what lets it run without building a string per feature.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

PAD = "#"
OUTSIDE = "O"  # the label of a character no name covers, the rules' or the tagger's
EDGE = 3  # the furthest offset any template reads
# The order is the order CRFsuite adds the weights in: tagging sums them in the same order.
FEATURE_TEMPLATES = (
    "b",
    "c0",
    "c-1",
    "c1",
    "c-2",
    "c2",
    "c-1c0",
    "c0c1",
    "c-2c-1",
    "c1c2",
    "c-1c1",
    "k",
    "c-3c-2c-1",
    "c1c2c3",
    "r0",
    "r-1",
    "r1",
    "r0c0",
)
_CHAR_TEMPLATE = re.compile(r"(?:c(-?\d))+")
_OFFSET = re.compile(r"c(-?\d)")
_RULE_TEMPLATE = re.compile(r"r(-?\d)")
_CODE_BITS = 21  # every code point fits in 21 bits, so three characters fit in one int64


def character_kind(char: str) -> str:
    if "\u4e00" <= char <= "\u9fff":
        return "H"
    if char.isdigit():
        return "D"
    if char.isascii() and char.isalpha():
        return "L"
    return "P"


def char_offsets(template: str) -> tuple[int, ...] | None:
    """The offsets a character template reads (``c-1c1`` → (-1, 1)); None for any other."""
    if not _CHAR_TEMPLATE.fullmatch(template):
        return None
    return tuple(int(o) for o in _OFFSET.findall(template))


def run_shape(template: str) -> tuple[int, ...] | None:
    """A character template's offsets counted from its first (``c-1c1`` → (0, 2))."""
    offsets = char_offsets(template)
    return tuple(o - offsets[0] for o in offsets) if offsets else None


def run_start(template: str) -> int:
    offsets = char_offsets(template)
    return offsets[0] if offsets else 0


def packed_codes(columns: Sequence[np.ndarray]) -> np.ndarray:
    """One int64 key per position from up to three columns of code points, the first column
    highest: the one way every key of a template is made, from text or from a model."""
    packed = np.zeros(len(columns[0]), dtype=np.int64)
    for column in columns:
        packed = (packed << _CODE_BITS) | column
    return packed


def run_keys(codes: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """The key of the run of ``shape`` starting at each position of ``codes`` (-1 where the
    run would pass the end: no template reads there, the pads see to it)."""
    reach = len(codes) - shape[-1]
    keys = np.full(len(codes), -1, dtype=np.int64)
    if reach <= 0:
        return keys
    keys[:reach] = packed_codes([codes[step : step + reach] for step in shape])
    return keys


def rule_offset(template: str) -> int | None:
    match = _RULE_TEMPLATE.fullmatch(template)
    return int(match.group(1)) if match else None


def character_features(text: str, rules: Sequence[str]) -> list[list[str]]:
    """Each character's features as CRFsuite reads them in training: ``template=value``
    strings, in FEATURE_TEMPLATES's order (``rules``: the rules' label of each character)."""
    padded = PAD * EDGE + text + PAD * EDGE
    labels = [PAD] * EDGE + list(rules) + [PAD] * EDGE
    kinds = [character_kind(char) for char in text]
    features = []
    for i in range(len(text)):
        at = i + EDGE
        features.append([_feature_string(template, padded, labels, kinds[i], at) for template in FEATURE_TEMPLATES])
    return features


def _feature_string(template: str, padded: str, labels: Sequence[str], kind: str, at: int) -> str:
    if template == "b":
        return "b"
    if template == "k":
        return "k=" + kind
    if template == "r0c0":
        return "r0c0=" + labels[at][:1] + padded[at]
    offset = rule_offset(template)
    if offset is not None:
        return f"{template}={labels[at + offset]}"
    offsets = char_offsets(template)
    if offsets is None:
        raise ValueError(f"unknown feature template {template!r}")
    return template + "=" + "".join(padded[at + o] for o in offsets)


def value_keys(template: str, values: Sequence[str], rule_codes: dict[str, int]) -> np.ndarray:
    """The integer key of each feature value (the part after ``=``) of ``template``, as
    ``template_keys`` and ``run_keys`` compute them for text; -1 for a value no text can give.
    (Read for every attribute of the model when it loads: one array operation per template.)"""
    if template == "b":
        return np.zeros(len(values), dtype=np.int64)
    if rule_offset(template) is not None:
        return np.array([rule_codes.get(value, -1) for value in values], dtype=np.int64)
    arity = 1 if template == "k" else 2 if template == "r0c0" else len(char_offsets(template) or ())
    keys = np.full(len(values), -1, dtype=np.int64)
    if set(map(len, values)) == {arity}:  # (as good as always: one join for all)
        fitting, joined = list(range(len(values))), "".join(values).encode("utf-32-le")
    else:
        fitting = [i for i, value in enumerate(values) if len(value) == arity]
        joined = "".join(values[i] for i in fitting).encode("utf-32-le")
    if arity == 0 or not fitting:
        return keys
    codes = np.frombuffer(joined, dtype="<u4").astype(np.int64).reshape(len(fitting), arity)
    keys[fitting] = packed_codes([codes[:, column] for column in range(arity)])
    return keys


@dataclass(frozen=True)
class SentenceBatch:
    """Sentences laid end to end, each with EDGE pad characters on both sides:
    ``codes`` the code points, ``rules`` the rules' label codes (pads too), ``centres`` the
    position of every real character, ``starts``/``lengths`` each sentence's first centre and
    character count."""

    codes: np.ndarray
    rules: np.ndarray
    centres: np.ndarray
    starts: np.ndarray
    lengths: np.ndarray


def first_places(lengths: np.ndarray) -> np.ndarray:
    """Where each of a run of pieces ``lengths`` long laid end to end starts."""
    starts = np.zeros(len(lengths), dtype=np.int64)
    if len(lengths):
        starts[1:] = np.cumsum(lengths)[:-1]
    return starts


def sentence_batch(texts: Sequence[str], rule_codes: Sequence[np.ndarray], pad_code: int) -> SentenceBatch:
    pad = PAD * EDGE
    joined = "".join(pad + text + pad for text in texts)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype="<u4").astype(np.int64)
    rules = np.full(len(codes), pad_code, dtype=np.int64)
    lengths = np.array([len(text) for text in texts], dtype=np.int64)
    starts = first_places(lengths + 2 * EDGE) + EDGE
    for start, labels in zip(starts, rule_codes, strict=True):
        rules[start : start + len(labels)] = labels
    centres = np.concatenate([np.arange(s, s + n) for s, n in zip(starts, lengths, strict=True)] or [np.zeros(0, int)])
    return SentenceBatch(codes, rules, centres.astype(np.int64), starts, lengths)


def template_keys(template: str, batch: SentenceBatch, initials: np.ndarray) -> np.ndarray:
    """The key of a template other than characters' at every centre of ``batch``
    (``initials``: the code point of each rule label code's first character, for ``r0c0``);
    the characters' templates read runs (``run_keys``)."""
    centres = batch.centres
    keys: np.ndarray
    if template == "b":
        keys = np.zeros(len(centres), dtype=np.int64)
    elif template == "k":
        keys = _kinds(batch.codes[centres])
    elif template == "r0c0":
        keys = packed_codes([initials[batch.rules[centres]], batch.codes[centres]])
    elif (offset := rule_offset(template)) is not None:
        keys = batch.rules[centres + offset]
    else:
        raise ValueError(f"{template!r} is read as runs of characters, or is no template")
    return keys


def _kinds(codes: np.ndarray) -> np.ndarray:
    """``ord(character_kind(c))`` for every code point, computed once per distinct one."""
    distinct, inverse = np.unique(codes, return_inverse=True)
    kinds = np.array([ord(character_kind(chr(code))) for code in distinct.tolist()], dtype=np.int64)
    found: np.ndarray = kinds[inverse.reshape(-1)] if len(codes) else np.zeros(0, dtype=np.int64)
    return found
