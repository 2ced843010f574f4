"""The entity rules' table: what each suffix rule names, read from data.

The rules differ only in data (their suffixes, class and word lists), so they are kept in
``entity_rules.toml`` beside this module, as spaCy keeps EntityRuler patterns in a file;
this module defines what a rule is and reads the file into a :class:`RuleRegistry`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from importlib import resources
from typing import Any

from kg.errors import InputError

MAX_NAME_CHARS = 24  # longest left context a name may take before its suffix
DATA_FILE = "entity_rules.toml"


@dataclass(frozen=True, slots=True)
class EntityRule:
    """Names ending in one of ``suffixes`` are of class ``type``."""

    name: str
    suffixes: tuple[str, ...]
    type: str
    subtype: str | None = None
    keep_suffix: bool = True  # False: the canonical name drops the suffix (产业)
    min_stem: int = 2  # characters a name needs before its suffix, after generic words
    max_stem: int = MAX_NAME_CHARS
    generic_stems: frozenset[str] = frozenset()  # whole stems that are category words
    # Whole stems shorter than min_stem that name one thing all the same (铜 of 铜产业)
    short_stems: frozenset[str] = frozenset()
    bad_next: str = ""  # a following character that shows the suffix is inside a word
    # Following words that make the suffix a modifier of a longer noun ("产业强市": a city
    # strong in industry, whatever verb stands before it)
    bad_next_words: tuple[str, ...] = ()
    generic_tails: tuple[str, ...] = ()  # stems ending so are common nouns (…基础设施)
    report_drops: bool = True  # False for suffixes so common (…区) that drops are noise
    needs_place_prefix: bool = False  # the name must start with a known place (合肥…示范区)
    # Words that may open such a name in place of a known place (国营 in "国营某某机械厂")
    place_or_openers: tuple[str, ...] = ()
    stem_needs: tuple[str, ...] = ()  # words of which the stem must hold one (a branch's parent)
    # A known owner's name before the suffix makes no kind word a name: the words after it
    # must name the unit on their own ("某某集团研发中心", "某某大学科技成果转化平台" describe
    # the owner's units; the owner is the mention)
    owner_words_must_name: bool = False
    # The generic tails make a common noun even after a known owner ("某市基础设施" is the
    # city's infrastructure, where "某大学科技成果转化中心" is the university's own centre).
    tails_after_owner: bool = False
    # A province's or city's name alone before the suffix names what that division
    # designates, not one body ("某省工程技术研究中心", "某省院士工作站").
    designated_by_division: bool = False


@dataclass(slots=True)
class RuleRegistry:
    """Named entity rules; suffixes map to the rule that owns them."""

    _rules: dict[str, EntityRule] = field(default_factory=dict)

    def register(self, rule: EntityRule) -> EntityRule:
        if rule.name in self._rules:
            raise ValueError(f"rule {rule.name!r} registered twice")
        self._rules[rule.name] = rule
        return rule

    def get(self, name: str) -> EntityRule:
        return self._rules[name]

    def __iter__(self) -> Iterator[EntityRule]:
        return iter(self._rules.values())

    def names(self) -> list[str]:
        return list(self._rules)

    def by_suffix(self) -> dict[str, EntityRule]:
        table: dict[str, EntityRule] = {}
        for rule in self._rules.values():
            for suffix in rule.suffixes:
                if suffix in table:
                    raise ValueError(f"suffix {suffix!r} claimed by two rules")
                table[suffix] = rule
        return table


_WORD_SETS = {"generic_stems", "short_stems"}
_WORD_TUPLES = {"suffixes", "bad_next_words", "generic_tails", "stem_needs", "place_or_openers"}
_FIELD_TYPES = {f.name: f.type for f in fields(EntityRule)}


@dataclass(frozen=True, slots=True)
class RuleTable:
    """The rules of a data file, with its named word lists (for the tests a rule's
    functions make beyond the fields of a rule)."""

    rules: RuleRegistry
    words: dict[str, tuple[str, ...]]


def _word_list(value: Any, words: dict[str, tuple[str, ...]], where: str) -> tuple[str, ...]:
    if not isinstance(value, str):
        raise InputError(f"{where}: a word list is one string of words, not {type(value).__name__}")
    out: list[str] = []
    for word in value.split():
        if word.startswith("@"):
            if word[1:] not in words:
                raise InputError(f"{where}: no word list {word[1:]!r} in [words]")
            out.extend(words[word[1:]])
        else:
            out.append(word)
    return tuple(out)


def _rule(entry: dict[str, Any], words: dict[str, tuple[str, ...]], where: str) -> EntityRule:
    unknown = set(entry) - set(_FIELD_TYPES)
    if unknown:
        raise InputError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    values: dict[str, Any] = {}
    for key, value in entry.items():
        if key in _WORD_TUPLES:
            values[key] = _word_list(value, words, f"{where} {key}")
        elif key in _WORD_SETS:
            values[key] = frozenset(_word_list(value, words, f"{where} {key}"))
        else:
            values[key] = value
    try:
        return EntityRule(**values)
    except TypeError as exc:
        raise InputError(f"{where}: {exc}") from exc


def parse_rule_table(text: str, source: str) -> RuleTable:
    """The rules of one TOML text; raises InputError naming ``source`` when it is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{source}: not TOML ({exc})") from exc
    words = {name: tuple(value.split()) for name, value in data.get("words", {}).items()}
    registry = RuleRegistry()
    for number, entry in enumerate(data.get("rule", []), 1):
        rule = _rule(entry, words, f"{source} rule {number} ({entry.get('name', '?')})")
        try:
            registry.register(rule)
        except ValueError as exc:
            raise InputError(f"{source}: {exc}") from exc
    return RuleTable(registry, words)


def packaged_rule_table() -> RuleTable:
    """The project's own rules (``loaders/mentions/entity_rules.toml``)."""
    text = resources.files("loaders.mentions").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return parse_rule_table(text, f"loaders/mentions/{DATA_FILE}")
