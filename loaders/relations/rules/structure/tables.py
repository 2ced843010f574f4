"""Table rows: what a 专栏 table's header says each column holds relates the row's
entities to the row's subject.

A row "集成电路\t台积电\t研创园" under the header "产业链\t链主企业\t主要承载园区" states
that 台积电 is part of the 集成电路 chain and that 研创园 hosts (focuses on) it, though no
word of the row says so: the header row (Sentence.table_header, filled by the reader)
does. The subject is the entity of the row's leftmost entity-bearing cell, or, when that
cell holds none, the chain the section heading names.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from kg.model import Mention
from loaders.relations.cue_patterns import cue_patterns, group_file
from loaders.relations.registry import Found, found, relation_rule
from loaders.relations.view import SentenceView

# Column roles, by the words of the header cell (the table [table_columns] of
# cue_patterns.toml): the first role whose words match wins, so "合作企业" is a partner
# column, "依托企业" an operator column and "企业名称" a name column, not members.
OPERATOR = "operator"
PARTNER = "partner"
LOCATION = "location"
HOST = "host"
MEMBERS = "members"
FOCUS = "focus"
OTHER = "other"
_ROLE_WORDS = cue_patterns(__name__, "table_columns").items()
_CUES = cue_patterns(__name__)
_ITEM_EDGES = " \u3000“”\"'《》"
# Roles whose column can hold a row's subject (the thing the row is about): a name
# column (项目名称, 平台名称), a chain column (产业链) or a park column (园区名称).
_SUBJECT_ROLES = frozenset({OTHER, FOCUS, HOST})
# What each (subject kind, column role) states, and which unit kind the column must hold;
# True when the column's entity is the relation's head (table_statements.toml).
_STATEMENTS: dict[tuple[str, str], tuple[str, str, bool]] = {
    (row["subject"], row["column"]): (row["relation"], row["holds"], row["head"] == "column")
    for row in group_file(__name__.rpartition(".")[0], "table_statements.toml")["statements"]
}


def column_role(header_cell: str) -> str:
    """The role a header cell gives its column (OTHER when no role word occurs)."""
    for role, words in _ROLE_WORDS:
        if words.search(header_cell):
            return role
    return OTHER


@dataclass(frozen=True, slots=True)
class _Subject:
    members: tuple[Mention, ...]
    kind: str  # "chain", "place" or "org"
    column: int  # -1 when the subject is the section's chain


def _column_of(tabs: list[int], position: int) -> int:
    """Which cell (0-based) the cleaned offset ``position`` lies in."""
    return bisect_right(tabs, position)


@dataclass(frozen=True, slots=True)
class _Cell:
    units: tuple[int, ...]  # indexes into view.units
    # (start, end) of each item of the cell ("研创园、浦口经济开发区" has two): a mention
    # speaks for the cell only when it is a whole item, not part of a longer name.
    items: frozenset[tuple[int, int]]

    def whole(self, mention: Mention) -> bool:
        return (mention.clean_start, mention.clean_end) in self.items


def _cells(view: SentenceView) -> dict[int, _Cell]:
    """The entity-bearing cells of the row, by column."""
    tabs = [i for i, char in enumerate(view.text) if char == "\t"]
    columns: dict[int, list[int]] = {}
    for index, unit in enumerate(view.units):
        columns.setdefault(_column_of(tabs, unit.start), []).append(index)
    cells: dict[int, _Cell] = {}
    for column, units in columns.items():
        start = tabs[column - 1] + 1 if column > 0 else 0
        end = tabs[column] if column < len(tabs) else len(view.text)
        cells[column] = _Cell(tuple(units), _items(view.text, start, end))
    return cells


def _items(text: str, start: int, end: int) -> frozenset[tuple[int, int]]:
    spans: set[tuple[int, int]] = set()
    for match in _CUES.item.finditer(text, start, end):
        item_start, item_end = match.span()
        while item_start < item_end and text[item_start] in _ITEM_EDGES:
            item_start += 1
        while item_end > item_start and text[item_end - 1] in _ITEM_EDGES:
            item_end -= 1
        if item_start < item_end:
            spans.add((item_start, item_end))
    return frozenset(spans)


def _subject(view: SentenceView, header: list[str], cells: dict[int, _Cell]) -> _Subject | None:
    """The leftmost entity-bearing cell's entities (of its first entity's kind), when the
    header lets that column name the row's subject; else the section heading's chain."""
    if cells:
        first = min(cells)
        role = column_role(header[first]) if first < len(header) else OTHER
        cell = cells[first]
        kind = view.units[cell.units[0]].kind
        members = tuple(m for i in cell.units if view.units[i].kind == kind for m in view.units[i].members)
        # An organisation may stand inside a project's name ("奇瑞集团新能源整车智能工厂"
        # is 奇瑞集团's); a chain or place inside a longer name or an indicator
        # ("集成电路产业规模") is not what the row is about unless the header says so.
        whole = any(cell.whole(m) for m in members)
        if role in _SUBJECT_ROLES and (kind == "org" or whole or role != OTHER):
            return _Subject(members, kind, first)
    if view.section_chain is not None:
        return _Subject((view.section_chain,), "chain", -1)
    return None


def _column_mentions(view: SentenceView, cell: _Cell, kind: str) -> list[Mention]:
    """The cell's mentions of ``kind`` that are whole items ("南京" inside the park name
    "南京江北新材料科技园" is not one)."""
    return [m for i in cell.units if view.units[i].kind == kind for m in view.units[i].members if cell.whole(m)]


def _statements(view: SentenceView, subject: _Subject, header: list[str], cells: dict[int, _Cell]) -> Iterator[Found]:
    for column, cell in sorted(cells.items()):
        if column <= subject.column or column >= len(header):
            continue  # left of the subject, or a column the header does not name
        statement = _STATEMENTS.get((subject.kind, column_role(header[column])))
        if statement is None:
            continue
        rel_type, kind, column_is_head = statement
        for other in _column_mentions(view, cell, kind):
            for own in subject.members:
                yield found(rel_type, other, own) if column_is_head else found(rel_type, own, other)


def _segments_of_section_chain(view: SentenceView, subject: _Subject, header: list[str]) -> Iterator[Found]:
    """A 环节 column's chains are segments of the chain the section heading names."""
    chain = view.section_chain
    if chain is None or subject.kind != "chain" or subject.column < 0:
        return
    if subject.column < len(header) and _CUES.segment_header.search(header[subject.column]):
        for segment in subject.members:
            if segment.canonical != chain.canonical:
                yield found("PART_OF", segment, chain)


@relation_rule("table-header-columns", 0.7, min_mentions=1, cues="\t")
def table_header_columns(view: SentenceView) -> Iterator[Found]:
    """A table row: each column the header names (链主企业, 建设地点, 依托单位…) is related
    to the row's subject as the header says."""
    header = view.sentence.table_header
    if not header:
        return
    cells = _cells(view)
    subject = _subject(view, header, cells)
    if subject is None:
        return
    yield from _statements(view, subject, header, cells)


@relation_rule("table-segments-of-section-chain", 0.7, min_mentions=1, needs="section-chain", cues="\t")
def table_segments_of_section_chain(view: SentenceView) -> Iterator[Found]:
    """A row under a 环节 header, in a section about one chain: the row's segment is part
    of that chain."""
    header = view.sentence.table_header
    if not header:
        return
    subject = _subject(view, header, _cells(view))
    if subject is not None:
        yield from _segments_of_section_chain(view, subject, header)
