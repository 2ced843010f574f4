"""Give each block the nearest heading above it, the place a heading, a table-row label
or a paragraph lead puts it under ("庐江县", "（三）肥西县", "**蜀山区。**…", "南京生物医药谷",
"光谷生物城：…"), and, for a table row, the cells of its table's header row."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.lexicon.place_names import place_by_form
from loaders.read.blocks import Block

_NUMERAL = "一二三四五六七八九十百零〇"
_ENUMERATION = re.compile(
    rf"(?:第[{_NUMERAL}\d]+[章节篇部]|专栏[{_NUMERAL}\d]*|[{_NUMERAL}]+、|[（(][{_NUMERAL}\d]+[）)]"
    rf"|\d+[.、])\s*"
)
# "庐江县：围绕…" / "庐江县。围绕…": a short lead closed by a colon or full stop.
_LEAD = re.compile(r"([^\s：:。，,；;]{2,10})[：:。]")
# A park or zone a heading or a colon lead names ("南京生物医药谷", "光谷生物城："): a
# name-like stem and a park word. Only the form is checked here: the relation stage uses
# the name only when the article has a Place mention of that name.
_PARK_SUFFIXES = (
    "产业园区|产业园|科技园|工业园|创新园|软件园|园区|生物城|科技城|科学城|医药谷|谷|基地|"
    "经济开发区|开发区|高新区|小镇|集聚区|功能区|园"
)
# Words ending in 园 that name no industrial park.
_NOT_PARKS = ("公园", "校园", "家园", "花园", "乐园", "庄园", "田园", "果园", "菜园", "陵园")
_PARK_NAME = re.compile(rf"[\u4e00-\u9fffA-Za-z0-9]{{2,16}}?(?:{_PARK_SUFFIXES})")
_PARK_LEAD = re.compile(r"([^\s：:。，,；;、]{4,18})[：:]")
# Words that make a heading a task or theme ("建设科技园", "打造产业园区"), not a name.
_TASK_WORDS = re.compile(r"建设|打造|推进|加快|做强|做优|壮大|培育|发展|提升|优化|构建|布局|一批|若干")
# A row opening a table's caption ("专栏1\t2025年重点项目"), not its header.
_CAPTION = re.compile(rf"(?:专栏|表)[{_NUMERAL}\d]*$")


@dataclass(frozen=True, slots=True)
class SectionInfo:
    section: str | None
    section_place: str | None
    table_header: list[str] | None = None


class SectionTracker:
    """Walks the blocks in reading order, remembering the headings seen so far."""

    def __init__(self) -> None:
        self._heading: str | None = None
        self._place: str | None = None
        self._place_level = 0
        self._row_place: str | None = None
        self._tables = TableHeaders()

    def visit(self, block: Block) -> SectionInfo:
        header = self._tables.visit(block)
        if block.kind == "heading":
            return self._visit_heading(block)
        if block.kind == "table-row":
            place = self._table_row_place(block) or self._place
            return SectionInfo(self._heading, place, header)
        self._row_place = None
        return SectionInfo(self._heading, paragraph_lead_place(block) or self._place)

    def _visit_heading(self, block: Block) -> SectionInfo:
        self._heading = block.text
        self._row_place = None
        place = heading_place(block.text)
        if place is not None:
            self._place, self._place_level = place, block.heading_level
        elif block.heading_level <= self._place_level:
            self._place, self._place_level = None, 0
        return SectionInfo(self._heading, self._place)

    def _table_row_place(self, block: Block) -> str | None:
        first_cell = block.text.split("\t", 1)[0].strip()
        if first_cell:
            self._row_place = place_by_form(first_cell)
        # An empty first cell continues the row above (merged cells in the source).
        return self._row_place


class TableHeaders:
    """Remembers the header row of the table being read: the first row of a run of
    table rows, after a caption row if there is one."""

    def __init__(self) -> None:
        self._header: list[str] | None = None
        self._in_table = False

    def visit(self, block: Block) -> list[str] | None:
        """The header cells for a data row; None for a header, caption or other block."""
        if block.kind != "table-row":
            self._header, self._in_table = None, False
            return None
        cells = table_cells(block.text)
        if _CAPTION.match(cells[0]):
            self._header, self._in_table = None, False
            return None
        if not self._in_table:
            self._header, self._in_table = cells, True
            return None
        return list(self._header) if self._header is not None else None


def table_cells(text: str) -> list[str]:
    """A row's cells, stripped, empty ones kept so positions line up with the header."""
    return [cell.strip() for cell in text.split("\t")]


def heading_place(text: str) -> str | None:
    """The place a heading names: "庐江县", "（三）肥西县", "二、蜀山区：…", "南京生物医药谷"."""
    rest = _ENUMERATION.sub("", text, count=1).strip() if _ENUMERATION.match(text) else text
    rest = rest.rstrip("。：:")
    place = place_by_form(rest)
    if place is None:
        lead = _LEAD.match(rest)
        place = place_by_form(lead.group(1)) if lead else None
    if place is None:
        lead = _PARK_LEAD.match(rest)
        place = park_by_form(lead.group(1) if lead else rest)
    return place


def paragraph_lead_place(block: Block) -> str | None:
    if block.bold_lead:
        lead_text = block.bold_lead.rstrip("。：:")
        # "**美国硅谷。**围绕…开展合作": a park closed by a full stop often heads a topic
        # (a partner abroad); only a colon lead says the paragraph is about the park.
        park = park_by_form(lead_text) if block.bold_lead.endswith(("：", ":")) else None
        return place_by_form(lead_text) or park
    text = _ENUMERATION.sub("", block.text, count=1) if _ENUMERATION.match(block.text) else block.text
    lead = _LEAD.match(text)
    place = place_by_form(lead.group(1)) if lead else None
    if place is None:
        park_lead = _PARK_LEAD.match(text)
        place = park_by_form(park_lead.group(1)) if park_lead else None
    return place


def park_by_form(text: str) -> str | None:
    """``text`` itself is a park or zone name by its form ("光谷生物城", "南京江北新材料科技园")."""
    text = text.strip()
    if not _PARK_NAME.fullmatch(text) or _TASK_WORDS.search(text) or text.endswith(_NOT_PARKS):
        return None
    return text
