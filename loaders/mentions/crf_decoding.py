"""Tagging with a CRFsuite model's weights, many sentences at once, with CRFsuite's result.

A character's score for each label is the sum of its features' weights; the best labels of a
sentence follow from those scores and the transition weights by Viterbi's algorithm. CRFsuite
does both one sentence and one feature string at a time. Here every feature is an integer key
of its template (tagger_features.py), each template's weights a table looked up for all the
characters of a batch at once, and Viterbi steps through all sentences of the batch together.
The sums are made in CRFsuite's order and its ties broken its way (the first best label), so
the labels are CRFsuite's own, bit for bit (tests/test_crf_decoding.py checks it against
python-crfsuite's tagger on real pages).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from loaders.mentions.crfsuite_file import CrfsuiteModel
from loaders.mentions.tagger_features import (
    FEATURE_TEMPLATES,
    OUTSIDE,
    PAD,
    SentenceBatch,
    first_places,
    run_keys,
    run_shape,
    run_start,
    template_keys,
    value_keys,
)

_OTHER_BEGIN, _OTHER_INSIDE = "B-?", "I-?"  # a class the model has no label of


def _rows(keys: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """The row of each of ``wanted`` in the sorted ``keys``; ``len(keys)`` for one not there."""
    known = len(keys)
    if not known:
        return np.zeros(len(wanted), dtype=np.int64)
    at = np.minimum(np.searchsorted(keys, wanted), known - 1)
    return np.where(keys[at] == wanted, at, known)


@dataclass(frozen=True)
class TemplateTable:
    """One template's weights: ``weights[row]`` the labels' weights of the key at ``row`` of
    its sorted keys, with one more row of zeros for keys the model does not know. A template
    of characters reads its keys from a stream of runs shared with other templates (``stream``:
    its index; ``offset``: where the run starts from the character); any other has ``keys``."""

    weights: np.ndarray
    keys: np.ndarray
    stream: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class KeyStream:
    """The runs of characters of one shape (``shape``: offsets from the run's start), read at
    every position of a batch once for all the templates that read them: ``keys`` is the
    union of those templates' keys, sorted."""

    shape: tuple[int, ...]
    keys: np.ndarray


@dataclass(frozen=True)
class CharCrf:
    labels: tuple[str, ...]
    rule_codes: dict[str, int]
    initials: np.ndarray
    streams: tuple[KeyStream, ...]
    tables: tuple[TemplateTable, ...]
    transitions: np.ndarray

    @property
    def pad_code(self) -> int:
        return self.rule_codes[PAD]

    def span_codes(self, length: int, spans: Sequence[tuple[int, int, str]]) -> np.ndarray:
        """The rules' label code of each of ``length`` characters, from their mentions'
        ``spans`` (start, end, class) as ``name_tagger.rule_labels`` writes them as labels: a
        later span over an earlier one wins, a span past the sentence is left out."""
        codes = np.full(length, self.rule_codes[OUTSIDE], dtype=np.int64)
        for start, end, cls in spans:
            if 0 <= start < end <= length:
                codes[start] = self.rule_codes.get("B-" + cls, self.rule_codes[_OTHER_BEGIN])
                codes[start + 1 : end] = self.rule_codes.get("I-" + cls, self.rule_codes[_OTHER_INSIDE])
        return codes

    def tag(self, batch: SentenceBatch) -> np.ndarray:
        """The label id of every character of ``batch`` (in ``batch.centres``'s order)."""
        return viterbi(self.state_scores(batch), batch.lengths, self.transitions)

    def state_scores(self, batch: SentenceBatch) -> np.ndarray:
        stream_rows = [_rows(stream.keys, run_keys(batch.codes, stream.shape)) for stream in self.streams]
        scores = np.zeros((len(batch.centres), len(self.labels)), dtype=np.float64)
        for template, table in zip(FEATURE_TEMPLATES, self.tables, strict=True):
            if table.stream is not None:
                rows = stream_rows[table.stream][batch.centres + table.offset]
            else:
                rows = _rows(table.keys, template_keys(template, batch, self.initials))
            scores += table.weights[rows]
        return scores


def char_crf(model: CrfsuiteModel) -> CharCrf:
    """The model's state weights regrouped by template (every attribute of the model is
    ``template=value`` of one of FEATURE_TEMPLATES, or no text can give it)."""
    # The rules' labels: the model's, and a B- and an I- for a class it has no label of, whose
    # r0/r-1/r1 features it does not know but whose r0c0 it does (by the label's initial).
    vocabulary = tuple(dict.fromkeys((PAD, OUTSIDE, *model.labels, _OTHER_BEGIN, _OTHER_INSIDE)))
    rule_codes = {label: code for code, label in enumerate(vocabulary)}
    initials = np.array([ord(label[0]) for label in vocabulary], dtype=np.int64)
    attribute_template = np.full(len(model.attributes), -1, dtype=np.int64)
    attribute_key = np.zeros(len(model.attributes), dtype=np.int64)
    for index, (attributes, values) in _attributes_by_template(model.attributes).items():
        keys = value_keys(FEATURE_TEMPLATES[index], values, rule_codes)
        known = keys >= 0
        attribute_template[attributes[known]] = index
        attribute_key[attributes[known]] = keys[known]
    own_keys = [np.unique(attribute_key[attribute_template == i]) for i in range(len(FEATURE_TEMPLATES))]
    shapes = sorted({shape for t in FEATURE_TEMPLATES if (shape := run_shape(t)) is not None})
    streams = tuple(KeyStream(shape, _union_keys(own_keys, shape)) for shape in shapes)
    tables = []
    for i, template in enumerate(FEATURE_TEMPLATES):
        shape = run_shape(template)
        keys = own_keys[i] if shape is None else streams[shapes.index(shape)].keys
        weights = _weights(model, attribute_template == i, attribute_key, keys)
        if shape is None:
            tables.append(TemplateTable(weights, keys))
        else:
            tables.append(TemplateTable(weights, keys[:0], shapes.index(shape), run_start(template)))
    return CharCrf(model.labels, rule_codes, initials, streams, tuple(tables), model.transitions)


def _attributes_by_template(attributes: Sequence[str]) -> dict[int, tuple[np.ndarray, list[str]]]:
    """By template (its index in FEATURE_TEMPLATES): the ids of the model's attributes
    ``template=value`` of it, and their values; an attribute of no template is left out."""
    index_of = {template: i for i, template in enumerate(FEATURE_TEMPLATES)}
    grouped: dict[int, tuple[list[int], list[str]]] = {}
    for a, attribute in enumerate(attributes):
        template, _, value = attribute.partition("=")
        index = index_of.get(template)
        if index is not None:
            ids, values = grouped.setdefault(index, ([], []))
            ids.append(a)
            values.append(value)
    return {index: (np.array(ids, dtype=np.int64), values) for index, (ids, values) in grouped.items()}


def _union_keys(own_keys: list[np.ndarray], shape: tuple[int, ...]) -> np.ndarray:
    """The keys of every template that reads runs of ``shape``, sorted and once each."""
    return np.unique(np.concatenate([own_keys[i] for i, t in enumerate(FEATURE_TEMPLATES) if run_shape(t) == shape]))


def _weights(model: CrfsuiteModel, mine: np.ndarray, attribute_key: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """The weights of the attributes ``mine``, one row per key of ``keys`` and a last row of zeros."""
    row_of = np.full(len(model.attributes), -1, dtype=np.int64)
    row_of[mine] = np.searchsorted(keys, attribute_key[mine])
    weights = np.zeros((len(keys) + 1, len(model.labels)), dtype=np.float64)
    rows = row_of[model.state_attribute]
    kept = rows >= 0
    weights[rows[kept], model.state_label[kept]] = model.state_weight[kept]
    return weights


def viterbi(scores: np.ndarray, lengths: np.ndarray, trans: np.ndarray) -> np.ndarray:
    """The best label of every row of ``scores`` (each sentence's rows consecutive, ``lengths``
    long; ``trans[a, b]`` label b after label a), all sentences stepped through together:
    longest first, so the sentences still running at a step are always a prefix."""
    labels = np.zeros(len(scores), dtype=np.int64)
    offsets = first_places(lengths)
    order = np.argsort(-lengths, kind="stable")
    order = order[lengths[order] > 0]
    if not len(order):
        return labels
    firsts, spans = offsets[order], lengths[order]
    longest = int(spans[0])
    running = [int(np.count_nonzero(spans > t)) for t in range(longest + 1)]
    # the rows of each step, laid out step after step: one gather for the whole batch
    at_step = np.concatenate([[0], np.cumsum(running[:longest])])
    stepped = scores[np.concatenate([firsts[: running[t]] + t for t in range(longest)])]
    into = np.ascontiguousarray(trans.T)
    width = len(into)
    cells = np.arange(len(order) * width)
    buffer = np.empty((len(order), width, width), dtype=np.float64)
    alpha = stepped[: running[0]].copy()
    final = np.zeros_like(alpha)
    backs = [np.zeros(0, dtype=np.int64)]
    for t in range(1, longest):
        k = running[t]
        final[k : running[t - 1]] = alpha[k : running[t - 1]]
        # step[s * width + b, a]: sentence s reaching label b from label a (a contiguous)
        step = np.add(alpha[:k, None, :], into[None, :, :], out=buffer[:k]).reshape(k * width, width)
        best = step.argmax(axis=1)  # the first best, as CRFsuite keeps it
        backs.append(best)
        alpha = step[cells[: k * width], best].reshape(k, width) + stepped[at_step[t] : at_step[t] + k]
    final[: running[longest - 1]] = alpha
    ends = final.argmax(axis=1)
    current = np.zeros(len(order), dtype=np.int64)
    for t in range(longest - 1, -1, -1):
        k, later = running[t], running[t + 1]
        if later:
            current[:later] = backs[t + 1][cells[: later * width : width] + current[:later]]
        current[later:k] = ends[later:k]
        labels[firsts[:k] + t] = current[:k]
    return labels
