"""Traditional Chinese to simplified, one character for one, so offsets still hold.

Rules, gazetteer and segmenter all speak simplified Chinese; pages reprinted from Taiwan or
Hong Kong, or encyclopedias, write 京東方 and 合肥高新區. OpenCC's conversion (Apache-2.0,
dictionaries inside the package) is applied to the whole text; where one of its
phrase rules changes a line's length, that line is converted character by character, so
``converted[i]`` is always the simplified form of ``text[i]``. Words of Taiwan and Hong Kong
are then read as the mainland words they stand for (``_mainland_words``); a mainland word
shorter than its regional one is padded with zero-width spaces, which cleaning drops.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from kg.errors import InputError

Script = Literal["simplified", "traditional", "mixed", "none"]

# A document with at least this share of its Han characters changed by the conversion is
# written in traditional script; one with fewer, but some, is simplified text quoting a few
# traditional forms (an encyclopedia's 武漢, a table copied from a Hong Kong page).
_TRADITIONAL_SHARE = 0.05
_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True, slots=True)
class ScriptConversion:
    text: str  # same length as the input, simplified
    script: Script
    changed: int  # characters changed


# OpenCC's configurations applied in turn: ``t2s``, then ``hk2s`` for the Hong Kong variant
# characters ``t2s`` leaves (衞 -> 卫), only on a text ``t2s`` changed: simplified text, most
# documents, is read once. (``tw2s`` was left out: it also turns simplified 显著 into 显着.)
_CONFIGURATIONS = ("t2s", "hk2s")


# Traditional script writes 著 for both 着 (随著, 著力, 沿著) and 著 (著名, 显著), and ``t2s``
# keeps it. In a text in traditional script, 著 is read as 着 except in the words where it is
# zhù; in simplified text it is never touched (mainland 显著 stays).
_ZHU_WORDS = (
    ("著名", "著作", "著称", "著述", "著录", "著者"),
    ("显著", "卓著", "昭著", "编著", "论著", "专著", "名著", "原著", "巨著", "合著", "译著", "土著", "遗著", "新著"),
)
_ZHE = re.compile(
    "(?<![" + "".join(w[0] for w in _ZHU_WORDS[1]) + "])著(?![" + "".join(w[1] for w in _ZHU_WORDS[0]) + "])"
)


@cache
def _converter(configuration: str):  # type: ignore[no-untyped-def]
    import opencc  # imported on first use: `kg --help` should not pay for it

    return opencc.OpenCC(configuration)


def to_simplified(text: str) -> ScriptConversion:
    """``text`` with traditional characters replaced by simplified ones, one for one."""
    converted = _convert(text, _CONFIGURATIONS[0])
    if converted == text:
        standard = _standard_characters(text)
        return ScriptConversion(standard, "simplified" if _HAN.search(text) else "none", _changed(text, standard))
    for configuration in _CONFIGURATIONS[1:]:
        converted = _convert(converted, configuration)
    han = len(_HAN.findall(text))
    script: Script = "traditional" if _changed(text, converted) >= _TRADITIONAL_SHARE * han else "mixed"
    if script == "traditional":
        converted = _ZHE.sub("着", converted)
        converted = _mainland_words(converted)
    converted = _standard_characters(converted)
    return ScriptConversion(converted, script, _changed(text, converted))


# Variant characters that pages write for a standard one and OpenCC leaves as they are:
# 陜 (U+965C, an old character for 狭) stands in print and on the web for 陝/陕 of 陕西
# (Shaanxi), in simplified and traditional pages alike; it has no use of its own today.
_VARIANT_CHARACTERS = str.maketrans({"陜": "陕"})


def _standard_characters(text: str) -> str:
    return text.translate(_VARIANT_CHARACTERS) if "陜" in text else text


# Pages from Taiwan and Hong Kong write their own words for what mainland texts name
# otherwise (积体电路 for 集成电路, 人工智慧, 奈米, 软体); gazetteer and rules know the mainland
# word, so a text in traditional script is read with it (``data/regional_words.tsv`` of
# loaders.lexicon). A mainland word shorter than the regional one is padded before its last
# character with zero-width spaces, which cleaning drops as it drops any invisible
# character: the word's first and last characters keep the offsets of the regional word's.
_PAD = "\u200b"
# A text writing this many distinct regional words of the table uses the vocabulary of
# Taiwan or Hong Kong: its words marked "regional" (资讯, 智慧) are read as mainland ones too.
_REGIONAL_VOCABULARY = 2


@dataclass(frozen=True, slots=True)
class _RegionalWords:
    table: dict[str, str]  # regional word -> mainland word, padded to the regional word's length
    plain: re.Pattern[str]  # the words read so in any text in traditional script
    every: re.Pattern[str]  # and those marked "regional"
    markers: frozenset[str]  # the unmarked regional words that are no mainland word


def _alternation(words: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


@cache
def _regional_words() -> _RegionalWords:
    data = resources.files("loaders.lexicon").joinpath("data/regional_words.tsv").read_text(encoding="utf-8")
    table: dict[str, str] = {}
    plain: list[str] = []
    for line in data.splitlines():
        if not line or line.startswith("#") or line.startswith("regional\t"):
            continue
        regional, mainland, *where = line.split("\t")
        if len(mainland) > len(regional):
            raise InputError(f"regional_words.tsv: {mainland} is longer than {regional}")
        table[regional] = mainland[:-1] + _PAD * (len(regional) - len(mainland)) + mainland[-1]
        if where != ["regional"]:
            plain.append(regional)
    markers = frozenset(w for w in plain if table[w] != w)
    return _RegionalWords(table, _alternation(plain), _alternation(list(table)), markers)


def _mainland_words(text: str) -> str:
    """``text`` with the regional words of ``regional_words.tsv`` replaced, one for one."""
    words = _regional_words()
    found = {m.group() for m in words.plain.finditer(text)} & words.markers
    pattern = words.every if len(found) >= _REGIONAL_VOCABULARY else words.plain
    return pattern.sub(lambda m: words.table[m.group()], text)


def _changed(text: str, converted: str) -> int:
    if len(text) != len(converted):
        raise ValueError("a conversion must keep the text's length")
    if text == converted:  # speed: most pages are simplified already
        return 0
    return sum(map(operator.ne, text, converted))


def _convert(text: str, configuration: str) -> str:
    """``text`` converted, one character for one (lines a phrase rule would lengthen or
    shorten are converted character by character)."""
    converted: str = _converter(configuration).convert(text)
    if len(converted) != len(text):
        converted = "\n".join(_convert_line(line, configuration) for line in text.split("\n"))
    return converted


def _convert_line(line: str, configuration: str) -> str:
    converted: str = _converter(configuration).convert(line)
    if len(converted) == len(line):
        return converted
    return "".join(_convert_char(ch, configuration) for ch in line)


def _convert_char(ch: str, configuration: str) -> str:
    converted = _converter(configuration).convert(ch)
    return converted if len(converted) == 1 else ch
