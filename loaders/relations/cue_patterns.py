"""Cue patterns as data: the regular expressions the rules of a group read, named, in one
TOML file beside them (``rules/<group>/cue_patterns.toml``), compiled once on import.

The file holds a table per module; its values are patterns, each a string or, when long,
a list of strings read as one. A module's ``parts`` table names pieces that its patterns
share, written ``{name}`` where they are used; its ``words`` table names word lists, each
also a part (``(?:a|b|c)``). Regular expressions never hold ``{`` + a lower-case name +
``}``, so the two cannot be confused.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any

DATA_FILE = "cue_patterns.toml"
_PART = re.compile(r"\{([a-z][a-z0-9_]*)\}")


class CuePatterns:
    """One module's patterns as attributes (``_CUES.gather_before.search(text)``): plain
    instance attributes, so a rule reads one as fast as a module constant."""

    _source: str
    _words: dict[str, tuple[str, ...]]
    _order: tuple[str, ...]

    def __init__(self, source: str, patterns: dict[str, re.Pattern[str]], words: dict[str, tuple[str, ...]]) -> None:
        self.__dict__["_source"] = source
        self.__dict__["_words"] = words
        self.__dict__["_order"] = tuple(patterns)
        self.__dict__.update(patterns)

    def __getattr__(self, name: str) -> re.Pattern[str]:
        raise AttributeError(f"{self._source} has no cue pattern {name!r}")

    def words(self, name: str) -> tuple[str, ...]:
        """A word list of the module's ``words`` table."""
        return self._words[name]

    def items(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        """Every pattern with its name, in the order of the file."""
        return tuple((name, getattr(self, name)) for name in self._order)


@cache
def group_file(package: str, name: str = DATA_FILE) -> dict[str, Any]:
    """The TOML data file ``name`` of a rule group's ``package``, read once."""
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    return tomllib.loads(text)


def _expand(pattern: str | list[str], parts: dict[str, str], where: str) -> str:
    def part(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in parts:
            raise KeyError(f"{where}: no part {name!r}")
        return parts[name]

    return _PART.sub(part, "".join(pattern))


def cue_patterns(module: str, table: str | None = None) -> CuePatterns:
    """The patterns of ``module`` (its ``__name__``), from its group's data file: the
    table named after the module, or ``table``."""
    package, _, name = module.rpartition(".")
    table = table or name
    where = f"{package}/{DATA_FILE} [{table}]"
    data: dict[str, Any] = group_file(package)[table]
    words = {key: tuple(value) for key, value in data.get("words", {}).items()}
    parts = {key: "(?:" + "|".join(value) + ")" for key, value in words.items()}
    parts |= {key: "".join(value) for key, value in data.get("parts", {}).items()}
    patterns = {
        key: re.compile(_expand(value, parts, where)) for key, value in data.items() if isinstance(value, (str, list))
    }
    return CuePatterns(where, patterns, words)
