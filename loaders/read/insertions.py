"""Find what web pages insert into a line that is no part of its text.

- Pinyin annotations after a character: 科学(xué)城, 發(fa)布(bu), 西安(xīān)光学… —
  reading aids or anti-scraping noise that split names in two.
- Spam glued into a sentence: 《xx彩票》, ⛸在88xx彩票平台, ,云主机, — the run around a
  spam word (``data/spam_words.txt``).
- Pictographic symbols (⛸ ♍ ♌) scattered through a scraped article.

Each finder returns spans of the line to remove, with a reason; the caller removes them
without shifting offsets (characters are only taken out, never replaced).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import ahocorasick_rs

from loaders.read.pinyin import is_pinyin


@dataclass(frozen=True, slots=True)
class Insertion:
    start: int
    end: int
    reason: str  # "pinyin-annotation", "inline-spam" or "symbol"


_LATIN_TONED = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüv"
_CAPITAL_TONED = "A-ZĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ"
# A bracketed run of (toned) Latin letters, lowercase but for a capital opening a word,
# right after a Han character or after another such annotation: 產(chan)(chan)業, 南京(Nánjīng).
_ANNOTATION = re.compile(rf"(?<=[\u3400-\u9fff）)])[（(]((?:[{_CAPITAL_TONED}]?[{_LATIN_TONED}]+ ?){{1,8}})[)）]")
_SYMBOL_CANDIDATE = re.compile(r"[\u2600-\u27bf\U0001f300-\U0001faff]\ufe0f?")
# Around a spam word: the ASCII junk and a few Han characters that belong to it, inside
# one bracket or one comma-separated clause.
_SPAM_GLUE = r"[0-9A-Za-z_.\-]*[\u4e00-\u9fff]{0,4}"


def find_insertions(line: str) -> list[Insertion]:
    """Spans of ``line`` to remove, sorted and not overlapping."""
    found = _pinyin_annotations(line) + _spam_runs(line) + _symbols(line)
    return _without_overlaps(sorted(found, key=lambda i: (i.start, -i.end)))


def is_spam_line(text: str) -> bool:
    return _holds_spam_word(text)


def _pinyin_annotations(line: str) -> list[Insertion]:
    if "(" not in line and "（" not in line:
        return []
    return [
        Insertion(m.start(), m.end(), "pinyin-annotation") for m in _ANNOTATION.finditer(line) if is_pinyin(m.group(1))
    ]


def _spam_runs(line: str) -> list[Insertion]:
    if not _holds_spam_word(line):
        return []
    return [Insertion(m.start(), m.end(), "inline-spam") for m in _spam_run().finditer(line)]


def _symbols(line: str) -> list[Insertion]:
    return [
        Insertion(m.start(), m.end(), "symbol")
        for m in _SYMBOL_CANDIDATE.finditer(line)
        if unicodedata.category(m.group()[0]) == "So"
    ]


def _without_overlaps(spans: list[Insertion]) -> list[Insertion]:
    kept: list[Insertion] = []
    for span in spans:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


@cache
def spam_words() -> tuple[str, ...]:
    text = resources.files("loaders.lexicon").joinpath("data/spam_words.txt").read_text(encoding="utf-8")
    return tuple(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@cache
def _spam_word() -> ahocorasick_rs.AhoCorasick:
    return ahocorasick_rs.AhoCorasick(list(spam_words()))


def _holds_spam_word(text: str) -> bool:
    # (One automaton pass: several times faster than an alternation of the words.)
    return bool(_spam_word().find_matches_as_indexes(text))


@cache
def _spam_run() -> re.Pattern[str]:
    words = "|".join(map(re.escape, spam_words()))
    bracketed = rf"[《【\[（(]{_SPAM_GLUE}(?:{words}){_SPAM_GLUE}[》】\]）)]"
    # a clause that is nothing but the spam phrase: ",美国服务器租用," keeps one comma
    clause = rf"(?<=[，,、])[\u4e00-\u9fff]{{0,4}}(?:{words})[\u4e00-\u9fff]{{0,2}}[，,、]"
    glued = rf"[0-9A-Za-z_.\-]+[\u4e00-\u9fff]{{0,4}}(?:{words})"
    return re.compile(f"{bracketed}|{clause}|{glued}")
