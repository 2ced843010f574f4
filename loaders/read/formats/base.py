"""One interface for every file format that is not plain text, and a registry by suffix.

A reader turns a file into ``SourceText``: the text that extraction reads (written by
``kg build`` to ``out/text/<name>.txt``, so every offset points into a file a user can
open) and what the file itself says about the document (title, date, publisher, URL).
Readers live in modules of their own (``pdf``, ``docx``, ``html``), each imported only
when a file of its type is read, so a build of plain text never loads PDFium, lxml or
trafilatura.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from kg.errors import InputError
from kg.model import Document

# The registry: suffix -> (format name, module holding a ``READER``). A new format is a
# module with a READER and a line here.
_READERS: dict[str, tuple[str, str]] = {
    ".pdf": ("pdf", "loaders.read.formats.pdf"),
    ".docx": ("docx", "loaders.read.formats.docx"),
    ".html": ("html", "loaders.read.formats.html"),
    ".htm": ("html", "loaders.read.formats.html"),
    ".xhtml": ("html", "loaders.read.formats.html"),
}

SUFFIXES: frozenset[str] = frozenset(_READERS)

# Characters no text layer should hand on: C0 controls other than tab and newline,
# DEL, C1 controls, and the non-characters PDFium uses for soft hyphens.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
_BLANK_RUNS = re.compile(r"\n{3,}")


@dataclass(slots=True)
class SourceText:
    """A file's text as extraction reads it, and the metadata the file carries."""

    text: str
    file_format: str  # "pdf", "docx", "html"
    title: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD)
    publisher: str | None = None
    source_url: str | None = None

    def describe(self, document: Document) -> None:
        """Put what the file says about itself on ``document`` (a manifest overrides it later)."""
        document.file_format = self.file_format
        document.title = self.title or document.title
        document.date = self.date or document.date
        document.publisher = self.publisher or document.publisher
        document.source_url = self.source_url or document.source_url


class Reader(Protocol):
    """What every format module provides as ``READER``."""

    def read(self, path: Path) -> SourceText:
        """Read ``path``; raise kg.errors.InputError naming the file when it cannot be read."""
        ...


def reader_for(path: str | Path) -> Reader | None:
    """The reader for ``path``'s suffix, or None (plain text, or a type nobody reads)."""
    entry = _READERS.get(Path(path).suffix.lower())
    if entry is None:
        return None
    module = importlib.import_module(entry[1])
    reader: Reader = module.READER
    return reader


def read_source(path: str | Path) -> SourceText | None:
    """The text and metadata of a PDF, Word or HTML file; None for any other suffix."""
    path = Path(path)
    reader = reader_for(path)
    if reader is None:
        return None
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if not path.is_file():
        raise InputError(f"{path}: not a regular file")
    source = reader.read(path)
    source.text = tidy_text(source.text)
    return source


def tidy_text(text: str) -> str:
    """Line ends as \\n, control characters out, no runs of more than one blank line,
    no trailing spaces, one final newline."""
    text = _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [line.rstrip() for line in text.split("\n")]
    text = _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")
    return text + "\n" if text else ""


_HAS_CJK = re.compile(r"[\u4e00-\u9fff]")
_NOT_A_TITLE = re.compile(r"\.(?:docx?|wps|pdf|txt|xlsx?)\b|microsoft|untitled|无标题|^\s*$", re.IGNORECASE)


def plausible_title(raw: str | None) -> str | None:
    """A title from a file's properties, or None where it is no title: without Chinese, or a
    file or template name ("Microsoft Word - 附件1.docx", "无标题")."""
    title = (raw or "").strip()
    if not _HAS_CJK.search(title) or _NOT_A_TITLE.search(title):
        return None
    return title


def text_file_name(document_name: str) -> str:
    """Where ``kg build`` writes a converted document's text, relative to the output folder."""
    return f"text/{document_name}.txt"


# --- metadata found in the text, for files whose own metadata is missing -----------------

_CN_DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "Ｏ": 0,
    "O": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_NUMERIC_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[年\-./／]\s*(\d{1,2})\s*[月\-./／]\s*(\d{1,2})(?!\d)\s*日?")
_CN_NUMERAL = "[一二三四五六七八九十]{1,3}"
_CN_DATE = re.compile(f"([〇○零Ｏ一二三四五六七八九]{{4}})年({_CN_NUMERAL})月({_CN_NUMERAL})日")


def _cn_small(numeral: str) -> int:
    """一..三十一 -> 1..31."""
    if "十" not in numeral:
        return _CN_DIGITS.get(numeral, 0) if len(numeral) == 1 else 0
    tens, _, ones = numeral.partition("十")
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


def _iso(year: int, month: int, day: int) -> str | None:
    if 1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def dates_in(text: str) -> list[tuple[int, str]]:
    """Every full date in ``text`` (2024年1月5日, 2024-01-05, 二〇二四年一月五日) with its offset."""
    found: list[tuple[int, str]] = []
    for m in _NUMERIC_DATE.finditer(text):
        iso = _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if iso:
            found.append((m.start(), iso))
    for m in _CN_DATE.finditer(text):
        year = int("".join(str(_CN_DIGITS[c]) for c in m.group(1)))
        iso = _iso(year, _cn_small(m.group(2)), _cn_small(m.group(3)))
        if iso:
            found.append((m.start(), iso))
    return sorted(found)


_HEAD_CHARS = 400
_TAIL_CHARS = 400


def date_in_text(text: str) -> str | None:
    """The document's date as its text states it: the date on a line of its own at the end
    (the date under a policy's signature), else the first date near the top (a news page's
    dateline), else None. Dates inside the body (deadlines, plans) are not taken."""
    tail_start = max(0, len(text) - _TAIL_CHARS)
    for line in reversed(text[tail_start:].split("\n")):
        line = line.strip()
        dates = dates_in(line)
        if dates and len(line) <= 24:
            return dates[-1][1]
    head = dates_in(text[:_HEAD_CHARS])
    return head[0][1] if head else None


_SOURCE_LINE = re.compile(r"(?:来源|发布机构|发文机关|发布单位)\s*[:：]\s*([^\s:：|｜]{2,30})")


def publisher_in_text(text: str) -> str | None:
    """A publisher named near the top of the text ("来源：合肥市人民政府"), or None."""
    m = _SOURCE_LINE.search(text[:_HEAD_CHARS])
    return m.group(1) if m else None
