"""Traditional Chinese to simplified, one character for one, so offsets still hold.

Rules, gazetteer and segmenter all speak simplified Chinese; pages reprinted from Taiwan or
Hong Kong, or encyclopedias, write 京東方 and 合肥高新區. OpenCC's ``t2s`` conversion
(Apache-2.0, dictionaries inside the package) is applied to the whole text; where one of its
phrase rules changes a line's length, that line is converted character by character, so
``converted[i]`` is always the simplified form of ``text[i]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

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


@cache
def _converter():  # type: ignore[no-untyped-def]
    import opencc  # imported on first use: `kg --help` should not pay for it

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> ScriptConversion:
    """``text`` with traditional characters replaced by simplified ones, one for one."""
    converted = _converter().convert(text)
    if len(converted) != len(text):
        converted = "\n".join(_convert_line(line) for line in text.split("\n"))
    if converted == text:
        return ScriptConversion(text, "simplified" if _HAN.search(text) else "none", 0)
    changed = sum(a != b for a, b in zip(text, converted, strict=True))
    han = len(_HAN.findall(text))
    script: Script = "traditional" if changed >= _TRADITIONAL_SHARE * han else "mixed"
    return ScriptConversion(converted, script, changed)


def _convert_line(line: str) -> str:
    converted: str = _converter().convert(line)
    if len(converted) == len(line):
        return converted
    return "".join(_convert_char(ch) for ch in line)


def _convert_char(ch: str) -> str:
    converted = _converter().convert(ch)
    return converted if len(converted) == 1 else ch
