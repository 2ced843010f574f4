"""Tell what each cleaned line is: a heading, a table row, a byline or paragraph text."""

from __future__ import annotations

import re

from loaders.read.blocks import (
    BOLD_LEVEL,
    CHAPTER_LEVEL,
    NUMBERED_LEVEL,
    SECTION_LEVEL,
    SUBNUMBERED_LEVEL,
    SUBTITLE_LEVEL,
    TITLE_LIKE_LEVEL,
    Block,
)
from loaders.read.cleaning import CleanLine

_NUMERAL = "一二三四五六七八九十百零〇"
_CHAPTER = re.compile(rf"第[{_NUMERAL}\d]+[章篇部]")
_SECTION = re.compile(rf"第[{_NUMERAL}\d]+节|专栏")
_NUMBERED = re.compile(rf"[{_NUMERAL}]+、")
_SUBNUMBERED = re.compile(rf"[（(][{_NUMERAL}]+[）)]")
_BYLINE = re.compile(r"(?:本报记者|本报通讯员|特约记者|通讯员|记者|本报讯)[\s：:]*[\u4e00-\u9fff·]{2,4}")
_MAX_HEADING_LENGTH = 40
_DASHES = ("——", "--", "—")
_MAX_TITLE_LIKE_LENGTH = 30
_MAX_BYLINE_LENGTH = 60
# A line ending in one of these is a complete sentence or a lead-in, never a title.
SENTENCE_END = "。！？；!?;…"
_NOT_TITLE_END = SENTENCE_END + "，、：:,"


def block_from_line(line: CleanLine) -> Block:
    text = line.text
    if line.heading_level:
        return Block(text, line.offsets, "heading", heading_level=line.heading_level)
    if "\t" in text:
        return Block(text, line.offsets, "table-row")
    if is_byline(text):
        return Block(text, line.offsets, "byline")
    subtitle = text.startswith(_DASHES) and "。" not in text
    level = SUBTITLE_LEVEL if subtitle and len(text) <= _MAX_HEADING_LENGTH else 0
    level = level or _heading_level(text, line.bold)
    if level:
        return Block(text, line.offsets, "heading", heading_level=level, subtitle=subtitle)
    return Block(text, line.offsets, "paragraph", bold_lead=line.bold_lead)


def is_byline(text: str) -> bool:
    return len(text) <= _MAX_BYLINE_LENGTH and "。" not in text and bool(_BYLINE.search(text))


def byline_start(text: str) -> int | None:
    match = _BYLINE.search(text)
    return match.start() if match else None


def _heading_level(text: str, bold: bool) -> int:
    if len(text) > _MAX_HEADING_LENGTH or "。" in text[:-1]:
        return 0
    if _CHAPTER.match(text):
        return CHAPTER_LEVEL
    if _SECTION.match(text):
        return SECTION_LEVEL
    if text.endswith(tuple(SENTENCE_END)):
        return 0
    if _NUMBERED.match(text):
        return NUMBERED_LEVEL
    if _SUBNUMBERED.match(text):
        return SUBNUMBERED_LEVEL
    if bold:
        return BOLD_LEVEL
    if len(text) <= _MAX_TITLE_LIKE_LENGTH and not text.endswith(tuple(_NOT_TITLE_END)):
        return TITLE_LIKE_LEVEL
    return 0
