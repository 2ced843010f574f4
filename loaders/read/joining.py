"""Rejoin paragraphs that PDF extraction broke mid-sentence.

A paragraph that does not end in sentence-final punctuation continues in a later block.
The continuation is found by two general signals: a word that straddles the break
("构建产" + "业集群" gives 产业, found by rjieba's segmentation), searched a little way
ahead because newspaper layouts put the rest of a paragraph further down; failing that,
the next paragraph when only short page furniture (captions, headers) lies between.

Text copied out of a PDF or a fixed-width page is often hard-wrapped: every line of a
paragraph but the last holds about the same number of characters. In such a document
(``wrap_width``) a full line that does not end a sentence goes on in the very next line,
whatever that line looks like; the search ahead would find a "word" across some other break.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import rjieba

from loaders.read.blocks import TITLE_LIKE_LEVEL, Block

# A line ending in one of these is complete.
_COMPLETE_END = "。！？；!?;…”’」』）)》:："
_COMPLETE_ENDINGS = tuple(_COMPLETE_END)
# A line ending in one of these stops inside a list or a clause: the next line goes on with it
# ("培育壮大软件信息、新能源、" / "高端装备、生物医药四大新兴产业"), whatever the layout.
_CLAUSE_ENDINGS = ("、", "，", ",")
_NUMERAL = "一二三四五六七八九十"
# A block opening like this starts a paragraph of its own; it never continues another.
_PARAGRAPH_OPENING = re.compile(
    rf"[{_NUMERAL}]+[、是]|[（(][{_NUMERAL}\d]+[）)]|第[{_NUMERAL}\d]+|\d+[.、]|——|[“\"]?[{_NUMERAL}]是"
)
_SEARCH_WINDOW = 20  # blocks looked at after a broken paragraph
_BODY_MIN_LENGTH = 30
_STRADDLE_CONTEXT = 4  # characters each side of the break given to the segmenter
# A document is hard-wrapped at width W when at least _WRAP_MIN_LINES unterminated lines,
# and at least half of those of _WRAP_MIN_WIDTH characters or more, hold W - _WRAP_SLACK to
# W characters (a PDF line holding digits or Latin letters fits a few characters more).
_WRAP_MIN_LINES = 4
_WRAP_MIN_WIDTH = 20
_WRAP_SLACK = 1
_WRAPPED_KINDS = ("paragraph", "heading")


@dataclass(slots=True)
class JoinResult:
    blocks: list[Block]
    # Short lines found between the two halves of a paragraph (page furniture).
    interrupting: list[Block] = field(default_factory=list)


def rejoin_broken_paragraphs(blocks: list[Block]) -> JoinResult:
    consumed: set[int] = set()
    result = JoinResult([])
    width = wrap_width(blocks)
    for index, block in enumerate(blocks):
        if index in consumed:
            continue
        current, last = block, index
        # Lines joined at a separator are a layout of short lines (a poster, a slide): what
        # they make is not searched for a continuation further down, as a broken body is.
        at_separator = False
        while True:
            found = _next_line(blocks, last, width)
            if found is None:
                found = _clause_goes_on(blocks, last)
                at_separator = at_separator or found is not None
            if found is None and _is_unterminated(current) and not at_separator:
                found = _find_continuation(blocks, last, current, consumed)
            if found is None:
                break
            between = [blocks[k] for k in range(last + 1, found) if k not in consumed]
            if all(b.kind != "paragraph" for b in between):
                result.interrupting.extend(between)
                consumed.update(range(last + 1, found))
            current = _merge(current, blocks[found])
            consumed.add(found)
            last = found
        result.blocks.append(current)
    interrupting_ids = {id(b) for b in result.interrupting}
    result.blocks = [b for b in result.blocks if id(b) not in interrupting_ids]
    return result


def wrap_width(blocks: list[Block]) -> int | None:
    """The width the document's lines are hard-wrapped at, or None when they are not."""
    # distinct lines: a page that repeats one broken line (a reprinted teaser) is not wrapped
    lines = {(b.text, _width(b)) for b in blocks if _is_unterminated(b) and _width(b) >= _WRAP_MIN_WIDTH}
    lengths = Counter(width for _, width in lines)
    if not lengths:
        return None
    width = max(lengths, key=lambda w: (sum(lengths[w - k] for k in range(_WRAP_SLACK + 1)), w))
    full = sum(lengths[width - k] for k in range(_WRAP_SLACK + 1))
    if full < _WRAP_MIN_LINES or 2 * full < lengths.total():
        return None
    return width


def _width(block: Block) -> int:
    """How many characters the line takes in the file (its indent, and marks and spaces the
    cleaning took out, included): what a fixed-width layout counts."""
    return block.end - block.start + block.indent


def _next_line(blocks: list[Block], last: int, width: int | None) -> int | None:
    """In a hard-wrapped document, the line after a full one that does not end a sentence."""
    if width is None or last + 1 >= len(blocks):
        return None
    line = blocks[last]
    if line.kind not in _WRAPPED_KINDS or line.text.endswith(_COMPLETE_ENDINGS) or not _full(line, width):
        return None
    return last + 1 if blocks[last + 1].kind in _WRAPPED_KINDS else None


def _clause_goes_on(blocks: list[Block], last: int) -> int | None:
    """The line after one that stops at a list or clause separator, when it can go on."""
    line = blocks[last]
    if last + 1 >= len(blocks) or line.kind != "paragraph" or not line.text.endswith(_CLAUSE_ENDINGS):
        return None
    return last + 1 if _can_continue(blocks[last + 1]) else None


def _full(line: Block, width: int) -> bool:
    return width - _WRAP_SLACK <= _width(line) <= width


def word_straddles(before: str, after: str) -> bool:
    """True when segmenting the text around the break yields a word across it."""
    left = before[-_STRADDLE_CONTEXT:]
    right = after[:_STRADDLE_CONTEXT]
    position = 0
    # Dictionary words only: the HMM would glue any two characters into a "word".
    for token in rjieba.cut(left + right, False):
        token_end = position + len(token)
        if position < len(left) < token_end:
            return True
        position = token_end
    return False


def _is_unterminated(block: Block) -> bool:
    joinable = block.kind == "paragraph" or (
        block.kind == "heading" and block.heading_level == TITLE_LIKE_LEVEL and not block.subtitle
    )
    return joinable and not block.text.endswith(_COMPLETE_ENDINGS)


def _is_body(block: Block) -> bool:
    return block.kind == "paragraph" and (
        len(block.text) >= _BODY_MIN_LENGTH or "，" in block.text or "。" in block.text
    )


def _can_continue(block: Block) -> bool:
    return (
        block.kind in ("paragraph", "heading")
        and not (block.bold_lead or block.subtitle or _PARAGRAPH_OPENING.match(block.text))
        and (block.kind == "paragraph" or block.heading_level == TITLE_LIKE_LEVEL)
    )


def _find_continuation(blocks: list[Block], last: int, current: Block, consumed: set[int]) -> int | None:
    body = _is_body(current)
    first_paragraph: int | None = None
    for k in range(last + 1, min(len(blocks), last + 1 + _SEARCH_WINDOW)):
        if k in consumed:
            continue
        candidate = blocks[k]
        if not body:  # a short title-like line only joins the block right after it
            straddles = _can_continue(candidate) and word_straddles(current.text, candidate.text)
            return k if straddles else None
        if candidate.kind == "heading" and candidate.heading_level < TITLE_LIKE_LEVEL:
            break  # a structural heading ends the search: the text beyond is elsewhere
        if _can_continue(candidate) and word_straddles(current.text, candidate.text):
            return k
        if first_paragraph is None and _is_body(candidate):
            first_paragraph = k
    if first_paragraph is not None and _can_continue(blocks[first_paragraph]):
        return first_paragraph
    return None


def _merge(first: Block, second: Block) -> Block:
    return Block(
        first.text + second.text,
        first.offsets + second.offsets,
        "paragraph",
        bold_lead=first.bold_lead,
    )
