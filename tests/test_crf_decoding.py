"""Tagging a whole document's sentences at once with the CRF's weights read as arrays gives
CRFsuite's own labels: checked against python-crfsuite's tagger on real pages, on a model
this test trains, and Viterbi's batching against every path of small invented sentences."""

import itertools
import random
from pathlib import Path

import numpy as np
import pycrfsuite
import pytest

from kg.errors import InputError
from loaders import ablation
from loaders.mentions.crf_decoding import char_crf, viterbi
from loaders.mentions.crfsuite_file import read_crfsuite_model
from loaders.mentions.find import find_mentions
from loaders.mentions.name_tagger import MODEL_FILE, labelled_runs, rule_labels
from loaders.mentions.tagger_features import character_features, run_keys, run_shape, sentence_batch, value_keys
from loaders.read.document import read_document

ROOT = Path(__file__).resolve().parents[1]
REAL_PAGES = ROOT.parent / "shared" / "corpus" / "real"
SHIPPED = ROOT / "loaders" / "lexicon" / MODEL_FILE


Spans = list[tuple[int, int, str]]


def _rule_spans_by_sentence(page: Path) -> tuple[list[str], list[Spans]]:
    doc = read_document(page)
    with ablation.disabled("name-tagger"):
        mentions = find_mentions(doc).mentions
    sentences = [s for s in doc.sentences if s.text]
    spans = [[(m.clean_start, m.clean_end, m.type) for m in mentions if m.sentence == s.index] for s in sentences]
    return [s.text for s in sentences], spans


def _crfsuite_and_batched(model: Path, texts: list[str], spans: list[Spans]) -> tuple[list[str], list[str]]:
    """Each sentence tagged by python-crfsuite from the training's feature strings, and the
    batch tagged from the rules' spans as the pipeline does."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    one_by_one = [
        tag
        for text, found in zip(texts, spans, strict=True)
        for tag in tagger.tag(character_features(text, rule_labels(len(text), found)))
    ]
    crf = char_crf(read_crfsuite_model(model))
    codes = [crf.span_codes(len(text), found) for text, found in zip(texts, spans, strict=True)]
    batch = sentence_batch(texts, codes, crf.pad_code)
    return one_by_one, [crf.labels[code] for code in crf.tag(batch)]


def test_the_shipped_tagger_reads_real_pages_as_crfsuite_does() -> None:
    pages = sorted(REAL_PAGES.glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    assert len(pages) >= 80
    characters = 0
    for page in pages:
        texts, spans = _rule_spans_by_sentence(page)
        expected, batched = _crfsuite_and_batched(SHIPPED, texts, spans)
        assert batched == expected, page.name
        characters += len(expected)
    assert characters > 100_000


def _train_small_model(path: Path) -> None:
    rnd = random.Random(7)
    trainer = pycrfsuite.Trainer(verbose=False)
    classes = ["Place", "Enterprise"]
    for _ in range(60):
        text = "".join(rnd.choice("合肥市高新区科大讯飞公司在安徽省发展产业") for _ in range(rnd.randint(1, 14)))
        start = rnd.randrange(len(text))
        end = rnd.randint(start + 1, len(text))
        gold = rule_labels(len(text), [(start, end, rnd.choice(classes))])
        rules = rule_labels(len(text), [(start, end, classes[0])] if rnd.random() < 0.5 else [])
        trainer.append(character_features(text, rules), gold)
    trainer.set_params({"max_iterations": 30, "c2": 0.1})
    trainer.train(str(path))


def test_a_model_trained_here_is_read_weight_for_weight_and_tags_as_crfsuite(tmp_path: Path) -> None:
    path = tmp_path / "small.crfsuite"
    _train_small_model(path)
    model = read_crfsuite_model(path)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    info = tagger.info()  # CRFsuite's dump: weights printed to six decimals
    assert model.labels == tuple(tagger.labels())
    assert len(model.state_weight) == len(info.state_features) > 0
    for attribute, label, weight in zip(model.state_attribute, model.state_label, model.state_weight, strict=True):
        assert info.state_features[(model.attributes[attribute], model.labels[label])] == pytest.approx(
            weight, abs=1e-6
        )
    for (before, after), weight in info.transitions.items():
        assert model.transitions[model.labels.index(before), model.labels.index(after)] == pytest.approx(
            weight, abs=1e-6
        )
    texts = ["合肥市高新区", "科", "", "在安徽省发展科大讯飞产业公司", "新的字不在模型里"]
    # overlapping spans (the later wins), one past the sentence's end (left out) and one of a
    # class the model has no label of (its r0c0 features still count)
    spans = [
        [(0, min(2, len(t)), "Place"), (1, 3, "Enterprise"), (2, 40, "Place"), (3, 5, "University")] for t in texts
    ]
    expected, batched = _crfsuite_and_batched(path, texts, spans)
    assert batched == expected


def test_a_file_that_is_no_model_is_refused_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "broken.crfsuite"
    path.write_bytes(b"not a model at all" * 4)
    with pytest.raises(InputError, match="broken.crfsuite"):
        read_crfsuite_model(path)


def _best_path(scores: np.ndarray, trans: np.ndarray) -> list[int]:
    labels = range(scores.shape[1])
    return list(
        max(
            itertools.product(labels, repeat=len(scores)),
            key=lambda path: (
                sum(scores[t, path[t]] for t in range(len(path)))
                + sum(trans[path[t - 1], path[t]] for t in range(1, len(path)))
            ),
        )
    )


def test_viterbi_over_a_batch_finds_each_sentences_best_path() -> None:
    rnd = np.random.default_rng(3)
    lengths = np.array([3, 1, 0, 5, 2, 5])
    scores = rnd.normal(size=(int(lengths.sum()), 3))
    trans = rnd.normal(size=(3, 3))
    found = viterbi(scores, lengths, trans).tolist()
    at = 0
    for length in lengths:
        assert found[at : at + length] == _best_path(scores[at : at + length], trans)
        at += length


def _spans_read_one_label_at_a_time(labels: list[str]) -> list[tuple[int, int, str]]:
    """The plain reading the batched one must agree with: walk the labels, a run from each
    B- over the I- of its class after it."""
    spans, at = [], 0
    while at < len(labels):
        if labels[at].startswith("B-"):
            cls, end = labels[at][2:], at + 1
            while end < len(labels) and labels[end] == "I-" + cls:
                end += 1
            spans.append((at, end, cls))
            at = end
        else:
            at += 1
    return spans


def test_runs_read_from_ids_are_the_spans_read_from_labels() -> None:
    labels = ("O", "B-Place", "I-Place", "B-Enterprise", "I-Enterprise")
    rnd = random.Random(5)
    lengths = [rnd.randint(0, 12) for _ in range(300)]
    tagged = np.array([rnd.randrange(len(labels)) for _ in range(sum(lengths))], dtype=np.int64)
    runs = labelled_runs(tagged, np.array(lengths), labels)
    at = 0
    for length, found in zip(lengths, runs, strict=True):
        assert found == _spans_read_one_label_at_a_time([labels[code] for code in tagged[at : at + length]])
        at += length


def test_a_value_no_text_can_give_has_no_key_and_the_others_keep_theirs() -> None:
    values = ["合肥", "a", "肥市", "abc"]
    keys = value_keys("c-1c0", values, {})
    codes = np.array([ord(c) for c in "合肥市"], dtype=np.int64)
    runs = run_keys(codes, run_shape("c-1c0") or ())
    assert keys.tolist() == [runs[0], -1, runs[1], -1]


def test_a_rules_class_the_model_has_no_label_of_still_reads_as_begin_and_inside(tmp_path: Path) -> None:
    # CRFsuite reads "r0c0=B合" for any class's first character, known to the model or not
    path = tmp_path / "small.crfsuite"
    _train_small_model(path)  # labels of Place and Enterprise only
    crf = char_crf(read_crfsuite_model(path))
    codes = crf.span_codes(5, [(1, 3, "University")])
    assert [chr(crf.initials[code]) for code in codes] == ["O", "B", "I", "O", "O"]
