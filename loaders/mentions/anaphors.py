"""Words that point back at a name given before: "该校和某所共建…", "公司与某院研发…".

Pages name a body once and then write 该公司, 该校, 该县 or, opening a clause, just 公司 or
研究所; what the page says of it there (where it lies, whom it works with, which industry it
serves) names it nowhere. Each such word becomes a mention of the nearest name before it of
a class the word can stand for (anaphors.toml), or, for the writer's own (我市, 本校), of the
fitting name the article names most often; relations are read through the word as through
the name. The mention keeps the word's own span and the name's canonical form, type
and subclass; its source is ``anaphor``.

The words come after resolution (they take a resolved name) and go to the relation stages
only: they are no surface form of the name, so they never become its aliases.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kg.errors import InputError
from kg.model import ENTITY_CLASSES, Document, Mention, Sentence, is_entity_class
from loaders import ablation
from loaders.lexicon.segmenter import segment
from loaders.mentions.candidates import BY_SPAN
from loaders.mentions.mention_records import sentence_mention

ANAPHOR_SOURCE = "anaphor"
ABLATION_PART = "anaphors"
DATA_FILE = "anaphors.toml"
# How many sentences back a word may point: further back, the nearest name of a class is
# less often the one meant than a name the page has moved on to.
MAX_SENTENCES_BACK = 3
# What may stand right before a word that opens a clause (besides the sentence's start).
_CLAUSE_MARKS = "，,；;：:。！？!?"
_WORD_WINDOW = 6  # characters after a word read to tell it is a word of its own there


@dataclass(frozen=True, slots=True)
class AnaphorGroup:
    words: tuple[str, ...]
    classes: frozenset[str]
    subtypes: frozenset[str] = frozenset()
    endings: tuple[str, ...] = ()
    opening: bool = False
    own: bool = False  # the writer's own body or place (我市, 本校): the one named most often

    def fits(self, name: Mention) -> bool:
        """Whether ``name`` is one this group's words may point back at."""
        return (
            name.type in self.classes
            and (not self.subtypes or name.subtype in self.subtypes)
            and (not self.endings or name.canonical.endswith(self.endings))
        )


@dataclass(frozen=True, slots=True)
class AnaphorTable:
    groups: dict[str, AnaphorGroup]  # by word
    pattern: re.Pattern[str]  # every word, longest first


def parse_anaphor_table(text: str, source: str) -> AnaphorTable:
    """The groups of one TOML text; raises InputError naming ``source`` when it is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{source}: not TOML ({exc})") from exc
    by_word: dict[str, AnaphorGroup] = {}
    for number, entry in enumerate(data.get("group", []), 1):
        group = _group(entry, f"{source} group {number}")
        for word in group.words:
            if word in by_word:
                raise InputError(f"{source} group {number}: the word {word!r} is in an earlier group too")
            by_word[word] = group
    words = sorted(by_word, key=len, reverse=True)
    return AnaphorTable(by_word, re.compile("|".join(map(re.escape, words)) if words else "(?!)"))


def _group(entry: dict[str, object], where: str) -> AnaphorGroup:
    unknown = set(entry) - {"words", "classes", "subtypes", "endings", "opening", "own"}
    if unknown:
        raise InputError(f"{where}: unknown keys {sorted(unknown)}")
    words, classes = entry.get("words"), entry.get("classes")
    if not isinstance(words, list) or not words or not isinstance(classes, list) or not classes:
        raise InputError(f"{where}: needs a list of words and a list of classes")
    unknown_classes = sorted(str(c) for c in classes if not is_entity_class(str(c)))
    if unknown_classes:
        raise InputError(
            f"{where}: no entity class {', '.join(unknown_classes)} (classes: {', '.join(ENTITY_CLASSES)})"
        )
    return AnaphorGroup(
        words=tuple(str(w) for w in words),
        classes=frozenset(str(c) for c in classes),
        subtypes=frozenset(str(s) for s in _list(entry, "subtypes", where)),
        endings=tuple(str(e) for e in _list(entry, "endings", where)),
        opening=bool(entry.get("opening", False)),
        own=bool(entry.get("own", False)),
    )


def _list(entry: dict[str, object], key: str, where: str) -> list[object]:
    value = entry.get(key, [])
    if not isinstance(value, list):
        raise InputError(f"{where}: {key} must be a list")
    return value


@cache
def packaged_anaphor_table() -> AnaphorTable:
    """The project's own words (``loaders/mentions/anaphors.toml``)."""
    text = resources.files("loaders.mentions").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return parse_anaphor_table(text, f"loaders/mentions/{DATA_FILE}")


def with_anaphors(doc: Document, mentions: list[Mention], table: AnaphorTable | None = None) -> list[Mention]:
    """``mentions`` (resolved, sorted by span) and a mention for each word that points back
    at one of them, sorted by span; ``mentions`` itself when there is none."""
    if not ablation.enabled(ABLATION_PART):
        return mentions
    table = table or packaged_anaphor_table()
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    added = [
        anaphor
        for sentence in doc.sentences
        if table.pattern.search(sentence.text)
        for anaphor in _sentence_anaphors(doc, sentence, by_sentence, table)
    ]
    return sorted([*mentions, *added], key=BY_SPAN) if added else mentions


def _sentence_anaphors(
    doc: Document, sentence: Sentence, by_sentence: dict[int, list[Mention]], table: AnaphorTable
) -> list[Mention]:
    own = by_sentence.get(sentence.index, [])
    found = []
    for match in table.pattern.finditer(sentence.text):
        start, end = match.span()
        group = table.groups[match.group()]
        if any(m.clean_start < end and start < m.clean_end for m in own):
            continue  # the word is part of a name found there (某某公司, 某某研究所)
        if group.opening and not _opens_clause(sentence.text, start, match.group()):
            continue
        name = _pointed_at(doc, sentence, start, by_sentence, group)
        if name is not None:
            found.append(_anaphor_mention(doc, sentence, start, end, name))
    return found


def _opens_clause(text: str, start: int, word: str) -> bool:
    """Whether ``word`` at ``start`` opens the sentence or a comma clause, as a word of its own."""
    before = text[:start].rstrip()
    if before and before[-1] not in _CLAUSE_MARKS:
        return False
    tokens = segment(text[start : start + len(word) + _WORD_WINDOW])
    return bool(tokens) and tokens[0] == word


def _pointed_at(
    doc: Document, sentence: Sentence, start: int, by_sentence: dict[int, list[Mention]], group: AnaphorGroup
) -> Mention | None:
    """The name ``group``'s word at ``start`` points back at: the nearest fitting name before
    it (earlier in the sentence, then in up to MAX_SENTENCES_BACK sentences before it, of the
    same article); for the writer's own (``group.own``), the fitting name the article has
    named most often up to the word, the later named of a tie."""
    reach = sentence.index if group.own else MAX_SENTENCES_BACK
    fitting = [m for m in _names_before(doc, sentence, start, by_sentence, reach) if group.fits(m)]
    if not fitting:
        return None
    if not group.own:
        return fitting[0]
    times = Counter(m.canonical for m in fitting)
    return max(fitting, key=lambda m: times[m.canonical])  # (max keeps the first: the nearest)


def _names_before(
    doc: Document, sentence: Sentence, start: int, by_sentence: dict[int, list[Mention]], reach: int
) -> list[Mention]:
    """The names before ``start``, nearest first: earlier in the sentence, then in up to
    ``reach`` sentences before it, while they are of the same article."""
    names = [m for m in reversed(by_sentence.get(sentence.index, [])) if m.clean_end <= start]
    for index in range(sentence.index - 1, max(sentence.index - reach, 0) - 1, -1):
        if doc.sentences[index].article != sentence.article:
            break
        names += reversed(by_sentence.get(index, []))
    return names


def _anaphor_mention(doc: Document, sentence: Sentence, start: int, end: int, name: Mention) -> Mention:
    return sentence_mention(doc, sentence, start, end, name.type, name.subtype, name.canonical, ANAPHOR_SOURCE)
