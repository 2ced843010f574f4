"""Word reader (python-docx, MIT).

The body in document order: one line per paragraph, one line per table row (cells
separated by tabs, the form the reading pipeline takes as a table row). Word keeps list
numbers out of the text (they live in numbering.xml), so they are rebuilt here, level by
level and in the list's own format: 一、 / （一） / 1. / （1） / ①, from the paragraph's own
numbering or its style's (headings numbered through their style); without them a policy
loses every heading the section tracker reads. Text boxes, headers, footers, comments,
footnotes and deleted revisions are not read; hidden text is left out.

Metadata: the title from the file's properties (core.xml) when it is a real title (has
Chinese, is not a file or template name); the date from the
text (the date under the signature, or a dateline at the top), else the file's creation
date; a publisher from a "来源：" line.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import InputError
from loaders.read.formats.base import SourceText, date_in_text, plausible_title, publisher_in_text

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W}


def _q(tag: str) -> str:
    return f"{{{_W}}}{tag}"


class DocxReader:
    def read(self, path: Path) -> SourceText:
        import docx  # imported on first use
        from docx.opc.exceptions import PackageNotFoundError

        try:
            document = docx.Document(str(path))
        except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError) as exc:
            # (lxml's XMLSyntaxError, for a damaged part, is a SyntaxError)
            raise InputError(f"{path}: cannot be read as a Word .docx file ({exc})") from exc
        numbering = _Numbering(document)
        lines = list(_body_lines(document.element.body, numbering))
        text = "\n".join(lines)
        core = document.core_properties
        created = core.created.date().isoformat() if core.created else None
        return SourceText(
            text=text,
            file_format="docx",
            title=plausible_title(core.title),
            date=date_in_text(text) or created,
            publisher=publisher_in_text(text),
        )


# --- body ---------------------------------------------------------------------------------


def _body_lines(container: Any, numbering: _Numbering) -> Iterator[str]:
    for child in container.iterchildren():
        if child.tag == _q("p"):
            yield numbering.label(child) + _paragraph_text(child)
        elif child.tag == _q("tbl"):
            yield from _table_rows(child)
        elif child.tag == _q("sdt"):
            content = child.find(_q("sdtContent"))
            if content is not None:
                yield from _body_lines(content, numbering)


def _paragraph_text(p: Any) -> str:
    parts: list[str] = []
    for el in p.iter(_q("r")):
        if _inside(el, p, {_q("txbxContent"), _q("del")}):
            continue
        rpr = el.find(_q("rPr"))
        if rpr is not None and rpr.find(_q("vanish")) is not None:
            continue
        for child in el.iterchildren():
            if child.tag == _q("t"):
                parts.append(child.text or "")
            elif child.tag in (_q("tab"), _q("ptab")):
                parts.append(" ")  # a tab would make the line read as a table row
            elif child.tag in (_q("br"), _q("cr")):
                parts.append("\n")
            elif child.tag == _q("noBreakHyphen"):
                parts.append("-")
    return "".join(parts)


def _inside(el: Any, top: Any, tags: set[str]) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not top:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def _table_rows(tbl: Any) -> Iterator[str]:
    for tr in tbl.iterchildren(_q("tr")):
        cells = [_cell_text(tc) for tc in tr.iterchildren(_q("tc"))]
        if any(cells):
            yield "\t".join(cells)


def _cell_text(tc: Any) -> str:
    parts: list[str] = []
    for child in tc.iterchildren():
        if child.tag == _q("p"):
            parts.append(_paragraph_text(child).replace("\n", " ").strip())
        elif child.tag == _q("tbl"):
            parts.extend(row.replace("\t", " ") for row in _table_rows(child))
    return " ".join(p for p in parts if p)


# --- list numbering ------------------------------------------------------------------------


@dataclass(slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    legal: bool = False  # isLgl: every level shown in decimal


@dataclass(slots=True)
class _List:
    levels: dict[int, _Level] = field(default_factory=dict)
    counters: dict[int, int] = field(default_factory=dict)


class _Numbering:
    """numbering.xml and styles.xml, and the running counters of every list."""

    def __init__(self, document: Any) -> None:
        self._abstract: dict[str, Any] = {}
        self._num: dict[str, Any] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            root = None
        if root is not None:
            for an in root.iterchildren(_q("abstractNum")):
                self._abstract[an.get(_q("abstractNumId"))] = an
            for num in root.iterchildren(_q("num")):
                self._num[num.get(_q("numId"))] = num
        self._styles: dict[str, Any] = {}
        try:
            for style in document.styles.element.iterchildren(_q("style")):
                self._styles[style.get(_q("styleId"))] = style
        except (KeyError, AttributeError):
            pass
        self._lists: dict[str, _List] = {}  # abstractNumId -> levels and counters
        self._seen_nums: set[str] = set()

    def label(self, p: Any) -> str:
        """The list number of paragraph ``p`` as Word shows it ("一、"), advancing the count."""
        found = self._num_pr(p)
        if found is None:
            return ""
        num_id, ilvl = found
        num = self._num.get(num_id)
        if num is None or num_id == "0":
            return ""
        abstract_id = _val(num.find(_q("abstractNumId")))
        the_list = self._list(abstract_id)
        if the_list is None:
            return ""
        if num_id not in self._seen_nums:  # a new list instance may restart its levels
            self._seen_nums.add(num_id)
            for override in num.iterchildren(_q("lvlOverride")):
                overridden = int(override.get(_q("ilvl"), "0"))
                start = override.find(_q("startOverride"))
                if start is not None:
                    the_list.counters.pop(overridden, None)
                    the_list.levels.setdefault(overridden, _Level()).start = int(_val(start) or "1")
        level = the_list.levels.get(ilvl, _Level())
        current = the_list.counters.get(ilvl)
        the_list.counters[ilvl] = level.start if current is None else current + 1
        for deeper in [k for k in the_list.counters if k > ilvl]:
            del the_list.counters[deeper]
        if level.fmt in ("bullet", "none") or not level.text:
            return ""
        shown = level.text
        for k in range(9):
            token = f"%{k + 1}"
            if token in shown:
                other = the_list.levels.get(k, _Level())
                value = the_list.counters.get(k, other.start)
                fmt = "decimal" if level.legal and k != ilvl else other.fmt
                shown = shown.replace(token, format_number(value, fmt))
        return shown if not shown or _is_wide(shown[-1]) else shown + " "

    def _num_pr(self, p: Any) -> tuple[str, int] | None:
        ppr = p.find(_q("pPr"))
        num_pr = ppr.find(_q("numPr")) if ppr is not None else None
        style_id = _val(ppr.find(_q("pStyle"))) if ppr is not None else None
        num_id = _val(num_pr.find(_q("numId"))) if num_pr is not None else None
        ilvl_text = _val(num_pr.find(_q("ilvl"))) if num_pr is not None else None
        seen = set()
        while (num_id is None or ilvl_text is None) and style_id and style_id not in seen:
            seen.add(style_id)
            style = self._styles.get(style_id)
            if style is None:
                break
            s_num = style.find(f"{_q('pPr')}/{_q('numPr')}")
            if s_num is not None:
                num_id = num_id or _val(s_num.find(_q("numId")))
                ilvl_text = ilvl_text or _val(s_num.find(_q("ilvl")))
            style_id = _val(style.find(_q("basedOn")))
        if num_id is None:
            return None
        return num_id, int(ilvl_text or "0")

    def _list(self, abstract_id: str | None, depth: int = 0) -> _List | None:
        if abstract_id is None or depth > 3:
            return None
        if abstract_id in self._lists:
            return self._lists[abstract_id]
        an = self._abstract.get(abstract_id)
        if an is None:
            return None
        link = _val(an.find(_q("numStyleLink")))
        if link:  # the definition lives with the numbering style the link names
            style = self._styles.get(link)
            s_num = style.find(f"{_q('pPr')}/{_q('numPr')}/{_q('numId')}") if style is not None else None
            num = self._num.get(_val(s_num) or "")
            if num is not None:
                linked = self._list(_val(num.find(_q("abstractNumId"))), depth + 1)
                if linked is not None:
                    self._lists[abstract_id] = linked
                    return linked
        the_list = _List()
        for lvl in an.iterchildren(_q("lvl")):
            the_list.levels[int(lvl.get(_q("ilvl"), "0"))] = _Level(
                start=int(_val(lvl.find(_q("start"))) or "1"),
                fmt=_val(lvl.find(_q("numFmt"))) or "decimal",
                text=_val(lvl.find(_q("lvlText"))) or "",
                legal=lvl.find(_q("isLgl")) is not None,
            )
        self._lists[abstract_id] = the_list
        return the_list


def _val(el: Any) -> str | None:
    return None if el is None else el.get(_q("val"))


def _is_wide(ch: str) -> bool:
    return ord(ch) >= 0x2E80


# --- number formats --------------------------------------------------------------------------

_CN = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_count(n: int, digits: str = _CN, units: str = "十百千") -> str:
    """1 -> 一, 10 -> 十, 21 -> 二十一, 105 -> 一百零五 (up to 9999)."""
    if n <= 0 or n > 9999:
        return str(n)
    parts: list[str] = []
    zero = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit = n // power % 10
        if digit == 0:
            zero = bool(parts)
            continue
        if zero:
            parts.append(digits[0] if digits is not _CN else "零")
            zero = False
        parts.append(digits[digit] + unit)
    out = "".join(parts)
    if 10 <= n < 20 and digits is _CN:
        out = out[1:]  # 十一, not 一十一
    return out


def _letters(n: int, upper: bool) -> str:
    letter = chr((ord("A") if upper else ord("a")) + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    out = []
    for value, numeral in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def format_number(n: int, fmt: str) -> str:
    """A list counter in one of Word's number formats (w:numFmt)."""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "japaneseCounting",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
        "ideographLegalTraditional",
    ):
        return chinese_count(n)
    if fmt == "chineseLegalSimplified":
        return chinese_count(n, _CN_LEGAL, "拾佰仟")
    if fmt in ("ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital"):
        return "".join(_CN[int(d)] for d in str(n))
    if fmt == "ideographTraditional" and 1 <= n <= len(_TIANGAN):
        return _TIANGAN[n - 1]
    if fmt == "ideographZodiac" and 1 <= n <= len(_DIZHI):
        return _DIZHI[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperLetter", "lowerLetter"):
        return _letters(n, fmt == "upperLetter")
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    return str(n)


READER = DocxReader()
