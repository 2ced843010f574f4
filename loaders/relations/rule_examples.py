"""Examples and counter-examples of the relation rules, written as data.

Like Duckling's corpus of examples per rule set, every relation rule (each registered
rule module and each pattern of ``loaders/lexicon/data/relation_patterns.jsonl``) carries short
texts with the relations it must produce, and counter-examples with relations that must
not come out. They live in ``loaders/lexicon/data/rule_examples/*.jsonl``; a pack may add its own
in ``examples.jsonl`` beside its ``patterns.jsonl`` (docs/rule-examples.md).

One JSON object a line (lines starting with ``//`` are comments)::

    {"rule": "located-in-verb", "text": "武汉光电国家研究中心位于武汉东湖新技术开发区。",
     "expect": [["LOCATED_IN", "武汉光电国家研究中心", "武汉东湖新技术开发区"]]}

- ``rule``: a registered rule's name, or ``pattern:NAME`` for a pattern written as data.
- ``text``: one short sentence, or a few lines when the rule reads context (a heading, a
  paragraph lead, the sentence before, a table's header row).
- ``expect``: relations ``[type, head, tail]`` by the entities' canonical names. Each must
  be produced by ``rule`` itself (run alone on the document, the relation records the
  rule's name) and be among the relations the whole extractor keeps. A fourth item names
  another rule that must produce it instead (``"*"``: any rule, in the whole extractor).
- ``absent``: relations that must not come out of the whole extractor (with a fourth item:
  that ``rule`` run alone must not produce). Their heads and tails must be entities of the
  document, so an absence never passes only because a name was not read.
- ``note``: what the example shows (optional).

A record with ``absent`` is a counter-example; it should still ``expect`` what the rule
does do with the same names, where there is such a thing.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.model import RELATION_TYPES, SYMMETRIC_RELATIONS, DocumentExtraction, Relation
from loaders import ablation
from loaders.lexicon.json_lines import file_lines, json_objects

EXAMPLES_FOLDER = "data/rule_examples"
PACK_EXAMPLES_FILE = "examples.jsonl"
ANY_RULE = "*"
_KEYS = frozenset({"rule", "text", "expect", "absent", "note"})


@dataclass(frozen=True, slots=True)
class Fact:
    """One relation by names; ``rule`` None: the example's own rule (or, for an absent
    fact, the whole extractor)."""

    type: str
    head: str
    tail: str
    rule: str | None = None

    def __str__(self) -> str:
        by = f" by {self.rule}" if self.rule else ""
        return f"{self.type}({self.head} -> {self.tail}){by}"


@dataclass(frozen=True, slots=True)
class RuleExample:
    rule: str
    text: str
    expect: tuple[Fact, ...]
    absent: tuple[Fact, ...]
    source: str  # file:line
    note: str = ""

    @property
    def is_counter(self) -> bool:
        return bool(self.absent)

    @property
    def id(self) -> str:
        kind = "counter" if self.is_counter else "example"
        return f"{self.rule}:{kind}:{self.source.rsplit('/', 1)[-1]}"


def _facts(obj: dict[str, Any], key: str, where: str) -> tuple[Fact, ...]:
    items = obj.get(key, [])
    if not isinstance(items, list):
        raise InputError(f"{where}: {key} must be a list of [type, head, tail] lists")
    facts = []
    for item in items:
        if (
            not isinstance(item, list)
            or len(item) not in (3, 4)
            or not all(isinstance(part, str) and part for part in item)
        ):
            raise InputError(f"{where}: {key} items must be [type, head, tail] or [type, head, tail, rule]")
        if item[0] not in RELATION_TYPES:
            raise InputError(f"{where}: {item[0]!r} is not one of {', '.join(RELATION_TYPES)}")
        facts.append(Fact(item[0], item[1], item[2], item[3] if len(item) == 4 else None))
    return tuple(facts)


def example_from(obj: object, where: str) -> RuleExample:
    """One example from its JSON object; InputError naming ``where`` when malformed."""
    if not isinstance(obj, dict):
        raise InputError(f"{where}: not a JSON object")
    unknown = set(obj) - _KEYS
    if unknown:
        raise InputError(f"{where}: unknown keys {sorted(unknown)}")
    rule, text = obj.get("rule"), obj.get("text")
    if not isinstance(rule, str) or not rule or not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: an example needs a rule name and a text")
    expect, absent = _facts(obj, "expect", where), _facts(obj, "absent", where)
    if not expect and not absent:
        raise InputError(f"{where}: an example needs expect (relations) or absent (counter-example)")
    return RuleExample(rule, text, expect, absent, where, str(obj.get("note", "")))


def read_examples(lines: Iterable[str], source: str) -> list[RuleExample]:
    return [example_from(obj, where) for obj, where in json_objects(lines, source)]


def load_examples(path: Path) -> list[RuleExample]:
    """Examples from a JSONL file (a pack's ``examples.jsonl``)."""
    return read_examples(file_lines(path, "example"), str(path))


def pack_examples(folder: Path) -> list[RuleExample]:
    """The examples a pack carries for its own patterns (none without ``examples.jsonl``)."""
    path = folder / PACK_EXAMPLES_FILE
    return load_examples(path) if path.exists() else []


def packaged_examples() -> list[RuleExample]:
    """Every example of the package, file by file in name order."""
    folder = resources.files("loaders.lexicon").joinpath(EXAMPLES_FOLDER)
    examples: list[RuleExample] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".jsonl"):
            lines = entry.read_text(encoding="utf-8").splitlines()
            examples += read_examples(lines, f"loaders/lexicon/{EXAMPLES_FOLDER}/{entry.name}")
    return examples


def _key(type_: str, head: str, tail: str) -> tuple[str, str, str]:
    if type_ in SYMMETRIC_RELATIONS and tail < head:
        head, tail = tail, head
    return type_, head, tail


def _named(relations: Sequence[Relation], names: dict[str, str]) -> dict[tuple[str, str, str], set[str]]:
    """(type, head name, tail name) -> the rules that recorded it."""
    found: dict[tuple[str, str, str], set[str]] = {}
    for r in relations:
        key = _key(r.type, names.get(r.head, r.head), names.get(r.tail, r.tail))
        found.setdefault(key, set()).add(r.rule)
    return found


def extract_text(text: str) -> DocumentExtraction:
    """The whole extractor (loaders.pipeline) on ``text`` as a UTF-8 .txt file."""
    from loaders.pipeline import extract_document

    with tempfile.TemporaryDirectory(prefix="innokg-example-") as folder:
        path = Path(folder) / "example.txt"
        path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        return extract_document(path)


def check_example(example: RuleExample) -> list[str]:
    """What is wrong with ``example`` on the current rules: an empty list when it holds.
    The rules are read alone: the learned stages, which guess beyond them, are switched off."""
    with ablation.rules_alone():
        return _check_example(example)


def _check_example(example: RuleExample) -> list[str]:
    from loaders.relations.engine import extract_relations
    from loaders.relations.rule_set import default_rules

    rules = {rule.name: rule for rule in default_rules()}
    wanted = {example.rule} | {f.rule for f in example.expect + example.absent if f.rule and f.rule != ANY_RULE}
    unknown = sorted(wanted - set(rules))
    if unknown:
        return [f"{example.source}: no rule named {', '.join(unknown)}"]
    extraction = extract_text(example.text)
    names = {e.id: e.name for e in extraction.entities}
    whole = _named(extraction.relations, names)
    alone_cache: dict[str, dict[tuple[str, str, str], set[str]]] = {}

    def alone(rule_name: str) -> dict[tuple[str, str, str], set[str]]:
        if rule_name not in alone_cache:
            result = extract_relations(extraction.document, extraction.mentions, rules=[rules[rule_name]])
            alone_cache[rule_name] = _named(result.relations, names)
        return alone_cache[rule_name]

    problems: list[str] = []
    for fact in example.expect:
        key = _key(fact.type, fact.head, fact.tail)
        rule = fact.rule or example.rule
        if key not in whole:
            problems.append(f"{example.source}: {fact} is not among the extractor's relations")
        if rule != ANY_RULE and rule not in alone(rule).get(key, set()):
            problems.append(f"{example.source}: rule {rule} alone does not produce {fact}")
    entity_names = set(names.values())
    for fact in example.absent:
        key = _key(fact.type, fact.head, fact.tail)
        missing = [name for name in (fact.head, fact.tail) if name not in entity_names]
        if missing:
            problems.append(
                f"{example.source}: {', '.join(missing)} not read as entities, so the absence of {fact} proves nothing"
            )
        elif fact.rule and fact.rule != ANY_RULE:
            if key in alone(fact.rule):
                problems.append(f"{example.source}: rule {fact.rule} produces {fact}, a counter-example")
        elif key in whole:
            problems.append(
                f"{example.source}: {fact} comes out (rules {', '.join(sorted(whole[key]))}), a counter-example"
            )
    if problems:
        got = sorted(f"{t}({h} -> {tl}) by {', '.join(sorted(rs))}" for (t, h, tl), rs in whole.items())
        problems.append(f"  text: {example.text!r}\n  relations: {got}\n  entities: {sorted(entity_names)}")
    return problems


def rules_without_examples(examples: Iterable[RuleExample], rule_names: Iterable[str]) -> list[str]:
    """The rules no (positive) example is written for."""
    covered = {e.rule for e in examples if e.expect and any(f.rule in (None, e.rule) for f in e.expect)}
    return [name for name in rule_names if name not in covered]


def main(argv: list[str] | None = None) -> int:
    """``python -m loaders.relations.rule_examples [PACK ...]``: check the package's examples, or each
    pack's examples with the pack added; print what fails; exit 1 if anything does."""
    from loaders.lexicon.packs import using_packs

    folders = [Path(a) for a in (sys.argv[1:] if argv is None else argv)]
    try:
        with using_packs(folders):
            examples = [e for f in folders for e in pack_examples(f)] if folders else packaged_examples()
            problems = [p for example in examples for p in check_example(example)]
    except InputError as exc:
        print(exc, file=sys.stderr)
        return 2
    for problem in problems:
        print(problem)
    print(f"{len(examples)} examples, {sum(1 for p in problems if not p.startswith('  '))} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
