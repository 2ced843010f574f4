"""Every relation rule by its examples (Duckling's corpus per rule set): each registered rule
and each packaged pattern carries examples and counter-examples as data
(loaders/lexicon/data/rule_examples/*.jsonl, docs/rule-examples.md); one parametrised test runs
them all through the whole extractor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import cultivates_pack

from kg.errors import InputError
from loaders.lexicon.packs import using_packs
from loaders.relations.patterns import packaged_patterns
from loaders.relations.rule_examples import (
    RuleExample,
    check_example,
    load_examples,
    main,
    pack_examples,
    packaged_examples,
    rules_without_examples,
)
from loaders.relations.rules import registered_rules

EXAMPLES = packaged_examples()


def rule_names() -> list[str]:
    return [r.name for r in registered_rules()] + [f"pattern:{p.name}" for p in packaged_patterns()]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.id for e in EXAMPLES])
def test_rule_example(example: RuleExample) -> None:
    assert check_example(example) == []


def test_every_registered_rule_and_packaged_pattern_has_an_example() -> None:
    assert rules_without_examples(EXAMPLES, rule_names()) == []


def test_every_example_names_a_rule_that_exists() -> None:
    assert sorted({e.rule for e in EXAMPLES} - set(rule_names())) == []


def test_every_registered_rule_and_packaged_pattern_has_a_counter_example() -> None:
    with_counter = {e.rule for e in EXAMPLES if e.is_counter}
    assert [name for name in rule_names() if name not in with_counter] == []


def test_a_failing_example_is_reported_with_what_came_out(tmp_path: Path) -> None:
    path = tmp_path / "examples.jsonl"
    wrong = {
        "rule": "located-in-verb",
        "text": "武汉光电国家研究中心位于武汉东湖新技术开发区。",
        "expect": [["LOCATED_IN", "武汉东湖新技术开发区", "武汉光电国家研究中心"]],
    }
    path.write_text(json.dumps(wrong, ensure_ascii=False) + "\n", encoding="utf-8")
    (example,) = load_examples(path)
    problems = check_example(example)
    assert any("is not among the extractor's relations" in p for p in problems)
    assert any("LOCATED_IN(武汉光电国家研究中心 -> 武汉东湖新技术开发区) by located-in-verb" in p for p in problems)


def test_an_absence_of_names_that_are_not_read_proves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "examples.jsonl"
    vacuous = {"rule": "located-in-verb", "text": "某某研究中心位于某地。", "absent": [["LOCATED_IN", "某某", "某地"]]}
    path.write_text(json.dumps(vacuous, ensure_ascii=False) + "\n", encoding="utf-8")
    (example,) = load_examples(path)
    assert any("not read as entities" in p for p in check_example(example))


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"rule": "x", "text": "t"}', "needs expect"),
        ('{"rule": "x", "text": "t", "expect": [["LIKES", "a", "b"]]}', "is not one of"),
        ('{"rule": "x", "text": "t", "expect": [["LOCATED_IN", "a"]]}', "type, head, tail"),
        ('{"rule": "x", "text": "t", "expected": []}', "unknown keys"),
        ('{"text": "t", "expect": [["LOCATED_IN", "a", "b"]]}', "rule name"),
        ("not json", "not a JSON object"),
    ],
)
def test_a_malformed_example_is_refused_naming_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "examples.jsonl"
    path.write_text("// a comment\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"examples.jsonl:2: .*{message}"):
        load_examples(path)


def test_a_pack_carries_examples_for_its_own_pattern(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    pack = cultivates_pack(tmp_path / "pack")
    examples = [
        {
            "rule": "pattern:cultivates",
            "text": "成都高新区多年来在集成电路产业深耕耘。",
            "expect": [["FOCUSES_ON", "成都高新技术产业开发区", "集成电路"]],
        },
        {
            "rule": "pattern:cultivates",
            "text": "成都高新区多年来在集成电路产业深耕。",
            "absent": [["FOCUSES_ON", "成都高新技术产业开发区", "集成电路"]],
        },
    ]
    lines = [json.dumps(e, ensure_ascii=False) for e in examples]
    (pack / "examples.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = pack_examples(pack)
    assert [e.is_counter for e in found] == [False, True]
    with using_packs([pack]):
        assert [check_example(e) for e in found] == [[], []]
    assert "no rule named pattern:cultivates" in check_example(found[0])[0]  # the pack is gone
    assert main([str(pack)]) == 0
    assert "2 examples, 0 problems" in capsys.readouterr().out
    assert pack_examples(tmp_path) == []  # a folder without examples.jsonl has none
