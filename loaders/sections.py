"""Give each block the nearest heading above it and the place a heading, a table-row
label or a paragraph lead puts it under ("庐江县", "（三）肥西县", "**蜀山区。**…")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.blocks import Block
from loaders.places import place_by_form

_NUMERAL = "一二三四五六七八九十百零〇"
_ENUMERATION = re.compile(
    rf"(?:第[{_NUMERAL}\d]+[章节篇部]|专栏[{_NUMERAL}\d]*|[{_NUMERAL}]+、|[（(][{_NUMERAL}\d]+[）)]"
    rf"|\d+[.、])\s*"
)
# "庐江县：围绕…" / "庐江县。围绕…": a short lead closed by a colon or full stop.
_LEAD = re.compile(r"([^\s：:。，,；;]{2,10})[：:。]")


@dataclass(frozen=True, slots=True)
class SectionInfo:
    section: str | None
    section_place: str | None


class SectionTracker:
    """Walks the blocks in reading order, remembering the headings seen so far."""

    def __init__(self) -> None:
        self._heading: str | None = None
        self._place: str | None = None
        self._place_level = 0
        self._row_place: str | None = None

    def visit(self, block: Block) -> SectionInfo:
        if block.kind == "heading":
            return self._visit_heading(block)
        if block.kind == "table-row":
            return SectionInfo(self._heading, self._table_row_place(block) or self._place)
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


def heading_place(text: str) -> str | None:
    """The place a heading names: "庐江县", "（三）肥西县", "二、蜀山区：…"."""
    rest = _ENUMERATION.sub("", text, count=1).strip() if _ENUMERATION.match(text) else text
    rest = rest.rstrip("。：:")
    place = place_by_form(rest)
    if place is None:
        lead = _LEAD.match(rest)
        place = place_by_form(lead.group(1)) if lead else None
    return place


def paragraph_lead_place(block: Block) -> str | None:
    if block.bold_lead:
        return place_by_form(block.bold_lead.rstrip("。：:"))
    text = _ENUMERATION.sub("", block.text, count=1) if _ENUMERATION.match(block.text) else block.text
    lead = _LEAD.match(text)
    return place_by_form(lead.group(1)) if lead else None
