"""The name tagger: a character CRF that reads names where no rule found one, on invented
sentences, with the shipped model."""

import subprocess
import sys
from pathlib import Path

import numpy as np
from test_mentions_helpers import make_document, mentions_by_text

from loaders import ablation
from loaders.mentions.find import find_mentions
from loaders.mentions.name_tagger import TAGGER_SOURCE, labelled_runs, rule_labels, tagged_spans
from loaders.mentions.tagger_features import character_features

ROOT = Path(__file__).resolve().parents[1]


def _mentions(sentence: str) -> dict[str, tuple[str, str]]:
    return {text: (m.type, m.source) for text, m in mentions_by_text(sentence).items()}


def test_runs_of_labels_are_spans_with_their_class() -> None:
    labels = ("O", "B-Place", "I-Place", "B-Enterprise", "I-Enterprise")
    tagged = np.array([0, 1, 2, 3, 4, 2, 0, 2])  # O B-Place I-Place B-Ent I-Ent I-Place O I-Place
    assert labelled_runs(tagged, np.array([len(tagged)]), labels) == [[(1, 3, "Place"), (3, 5, "Enterprise")]]


def test_rule_labels_mark_the_rules_spans_and_nothing_outside_the_sentence() -> None:
    assert rule_labels(5, [(1, 3, "Place"), (4, 9, "Enterprise")]) == ["O", "B-Place", "I-Place", "O", "O"]


def test_each_character_is_read_with_its_neighbours_and_the_rules_labels() -> None:
    features = character_features("合肥市", ["B-Place", "I-Place", "I-Place"])
    assert len(features) == 3
    assert {"c0=肥", "c-1=合", "c1=市", "r0=I-Place", "r-1=B-Place"} <= set(features[1])
    assert "c-1=#" in features[0] and "c1=#" in features[2]  # past the sentence's edges


def test_the_tagger_reads_a_list_member_the_rules_miss() -> None:
    # 新能源 is no name of the gazetteer alone (it is also an adjective): the rules leave it
    found = _mentions("淮北市直指高端智能装备、新材料、新能源。")
    assert found["新能源"] == ("IndustryChain", TAGGER_SOURCE)
    assert found["新材料"][1] != TAGGER_SOURCE  # what a rule found stays the rule's


def test_switched_off_the_tagger_adds_nothing() -> None:
    with ablation.disabled("name-tagger"):
        found = _mentions("淮北市直指高端智能装备、新材料、新能源。")
    assert "新能源" not in found
    assert all(source != TAGGER_SOURCE for _, source in found.values())


def test_no_tagged_name_overlaps_a_rule_mention() -> None:
    sentence = "淮北市直指高端智能装备、新材料、新能源。"
    rules = [m for m in find_mentions(make_document(sentence)).mentions if m.source != TAGGER_SOURCE]
    taken = [(m.clean_start, m.clean_end) for m in rules]
    for start, end, _ in tagged_spans(sentence, rules):
        assert end - start >= 2
        assert not any(a < end and start < b for a, b in taken)


def test_the_training_script_names_a_missing_page_and_exits_2(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    line = '{"kind": "entity", "doc": "p1.txt", "type": "Place", "name": "合肥市", "aliases": []}\n'
    (gold / "p1.gold.jsonl").write_text(line, encoding="utf-8")
    command = [
        sys.executable,
        str(ROOT / "scripts" / "train-name-tagger"),
        "--out",
        str(tmp_path / "model.crfsuite"),
        "--pages",
        str(gold),
        str(tmp_path / "texts"),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "p1.txt" in done.stderr and "missing" in done.stderr
    assert not (tmp_path / "model.crfsuite").exists()
