"""Clean one line of a document: markdown marks and web insertions (pinyin annotations,
inline spam, pictographs) out, full-width forms to half width.

Every kept character keeps its original offset: characters are only removed (markdown
marks, surrounding spaces) or replaced one for one (width normalisation), never inserted,
so ``offsets[i]`` is always the original position of ``text[i]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders import ablation
from loaders.read.insertions import Insertion, find_insertions

# Chinese punctuation that relation rules rely on; it stays as is even where it is a
# full-width form of an ASCII character.
KEPT_FULL_WIDTH = "，；：（）！？"

_WIDTH_TABLE: dict[int, str] = {
    code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F) if chr(code) not in KEPT_FULL_WIDTH
}
_WIDTH_TABLE.update({0x3000: " ", 0x00A0: " "})
# Punctuation as Taiwan and Hong Kong pages (and some mainland ones) write it is read as the
# marks rules know: corner quotes 「」『』 as “”‘’, the dash of Big5 text (─, a box-drawing
# line) as —, the midline ellipsis ⋯ as …, the name separators ‧ and ・ as ·.
_WIDTH_TABLE.update({0x300C: "“", 0x300D: "”", 0x300E: "‘", 0x300F: "’"})
_WIDTH_TABLE.update({0x2500: "—", 0x22EF: "…", 0x2027: "·", 0x30FB: "·"})
# The small form variants (﹐﹑﹔﹕﹖﹗) some pages type for Chinese punctuation are read as the
# marks themselves, so clause rules see a "﹔" as the "；" it stands for.
_WIDTH_TABLE.update({0xFE50: "，", 0xFE51: "、", 0xFE54: "；", 0xFE55: "：", 0xFE56: "？", 0xFE57: "！"})

# ASCII punctuation written inside Chinese text (seed 004 style) becomes the Chinese
# form, one for one, so that rules splitting on "，" or "（" see it.
_ASCII_TO_CHINESE = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}
# Han characters, CJK punctuation (、。「」) and full-width forms (，：) count as Chinese.
_CJK = "\u3001-\u303f\u3400-\u9fff\uff01-\uff5e“”"
_CJK_CHAR = re.compile(rf"[{_CJK}]")
# Speed: a lookbehind tried at every character cost more than the rest of cleaning;
# scanning for the few ASCII marks and looking at their two neighbours is the same test.
_ASCII_PUNCT = re.compile(r"[,;:!?()]")
# Speed: str.translate with a dict looks up every character of a Chinese text in Python
# objects; a one-class regex visits only the few characters the table changes.
_WIDE_CHAR = re.compile("[" + "".join(map(re.escape, map(chr, sorted(_WIDTH_TABLE)))) + "]")
_NARROW_OF = {chr(code): narrow for code, narrow in _WIDTH_TABLE.items()}

_SPACES = " \r\u3000\xa0\ufeff\u200b\u200c\u200d\u2060"  # and the invisible ones (_INVISIBLE)
_SPACES_AND_TAB = _SPACES + "\t"
_MAX_CELL_LENGTH = 30
_LEADING_MARKS = re.compile(
    r"(?P<hashes>#{1,6})[ \t\u3000]*"  # markdown heading
    r"|[●•◆◇■□▪▲►]+[ \t\u3000]*"  # bullets used by newspapers and PDFs
    r"|[-*+>][ \t\u3000]+"  # markdown list item or quote
)
# A pair of marks may hold characters a reader never sees ("*\u200b*": pages insert them
# against copying): the pair is still a mark, so the text reads the same with or without them.
_UNSEEN = "\u200b-\u200d\u2060\ufeff\u00ad"
_BOLD_MARK = re.compile(rf"\*[{_UNSEEN}]*\*")
_INLINE_MARKS = re.compile(rf"{_BOLD_MARK.pattern}|_[{_UNSEEN}]*_|`")


@dataclass(slots=True)
class CleanLine:
    text: str
    offsets: list[int]
    heading_level: int  # count of leading '#', 0 when the line is no markdown heading
    bold: bool  # the whole line was wrapped in ** **
    bold_lead: str | None  # text of a bold run that opens the line ("**庐江县。**…")
    # what was taken out of the line as web insertions, with offsets into the document
    removed: list[Insertion] = field(default_factory=list)


def normalise_width(text: str) -> str:
    """Full-width ASCII letters, digits and punctuation to half width, one for one."""
    text = _WIDE_CHAR.sub(lambda m: _NARROW_OF[m.group()], text)
    return _ASCII_PUNCT.sub(lambda m: _chinese_if_by_cjk(text, m.start()), text)


def _chinese_if_by_cjk(text: str, at: int) -> str:
    """The Chinese form of the ASCII mark at ``at`` when a CJK character is next to it."""
    mark = text[at]
    if (at > 0 and _CJK_CHAR.match(text, at - 1)) or _CJK_CHAR.match(text, at + 1):
        return _ASCII_TO_CHINESE[mark]
    return mark


# Spaces beside Chinese punctuation inside a sentence, which spaces itself: typed after a
# comma as in English, or left by a page's layout ("，  重点发展"); rules read "，重点发展"
# either way. (After a sentence's end a space may open a photo credit, "。 李四 摄".)
_SPACE_BY_PUNCTUATION = re.compile(
    r"(?<=[，、；：”’）》」』])[ \u3000\u00a0]+|[ \u3000\u00a0]+(?=[，。、；：！？“‘（《「『])"
)


# Characters a reader never sees: zero-width spaces and joiners, soft hyphens and a BOM in
# the middle of a line (pages insert them inside names against copying), and the escaped
# spaces of HTML a page's text was cut from (&nbsp;).
_INVISIBLE = re.compile(
    rf"[{_UNSEEN}]+|&(?:nbsp|ensp|emsp|thinsp|zwnj|zwj|#160|#8203|#x200b|#xa0)[;；]?",
    re.IGNORECASE,
)
# The first character of anything _INVISIBLE matches. Searching for it alone is about eight
# times faster than the case-insensitive alternation, and most lines hold none.
_MAY_BE_INVISIBLE = re.compile(rf"[{_UNSEEN}&]")


def clean_line(line: str, base: int) -> CleanLine | None:
    """Clean ``line``, which starts at offset ``base`` of the document; None if blank.

    ``line`` comes from the width-normalised text (``normalise_width`` of the whole
    document, done once because per-line calls cost more than the rest of cleaning)."""
    start, end = _content_bounds(line)
    if start >= end:
        return None
    heading_level = 0
    lead = _LEADING_MARKS.match(line, start, end)
    if lead:
        heading_level = len(lead.group("hashes") or "")
        start = lead.end()
    insertions = find_insertions(line[start:end]) if ablation.enabled("insertions") else []
    runs = _runs_without_inline_marks(line, start, end)
    if insertions:
        runs = _runs_without(runs, [(start + i.start, start + i.end) for i in insertions])
    if _MAY_BE_INVISIBLE.search(line, start, end):
        invisible = [m.span() for m in _INVISIBLE.finditer(line, start, end)]
        runs = _runs_without(runs, invisible) if invisible else runs
    if " " in line or "\u3000" in line or "\xa0" in line:
        spaces = [m.span() for m in _SPACE_BY_PUNCTUATION.finditer(line, start, end)]
        runs = _runs_without(runs, spaces) if spaces else runs
    if not runs:
        return None
    offsets: list[int] = []
    for a, b in runs:
        offsets.extend(range(base + a, base + b))
    text = "".join([line[a:b] for a, b in runs])
    stripped = _strip_runs_edges(text, offsets)
    if stripped is None:
        return None
    text, offsets = stripped
    bold, bold_lead = _bold_shape(line, start, end)
    removed = [Insertion(base + start + i.start, base + start + i.end, i.reason) for i in insertions]
    return CleanLine(text, offsets, heading_level, bold, bold_lead, removed)


def _content_bounds(line: str) -> tuple[int, int]:
    end = len(line.rstrip(_SPACES_AND_TAB))
    start = len(line) - len(line.lstrip(_SPACES))
    if line.startswith("\t", start) and not _is_empty_first_cell(line[start:end]):
        start = len(line) - len(line.lstrip(_SPACES + "\t"))
    return start, end


def _is_empty_first_cell(content: str) -> bool:
    """A leading tab is an empty first table cell (kept) when more cells follow or the
    rest is a short cell; a tab before a long sentence is only indentation."""
    rest = content.lstrip("\t")
    return "\t" in rest or (len(rest) <= _MAX_CELL_LENGTH and "。" not in rest)


def _runs_without_inline_marks(line: str, start: int, end: int) -> list[tuple[int, int]]:
    if "*" not in line and "_" not in line and "`" not in line:
        return [(start, end)] if start < end else []  # most lines: no regex scan needed
    runs: list[tuple[int, int]] = []
    position = start
    for mark in _INLINE_MARKS.finditer(line, start, end):
        if mark.start() > position:
            runs.append((position, mark.start()))
        position = mark.end()
    if position < end:
        runs.append((position, end))
    return runs


def _runs_without(runs: list[tuple[int, int]], cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``runs`` less the sorted, disjoint spans ``cuts``."""
    kept: list[tuple[int, int]] = []
    for a, b in runs:
        for c, d in cuts:
            if d <= a or c >= b:
                continue
            if c > a:
                kept.append((a, c))
            a = max(a, d)
        if a < b:
            kept.append((a, b))
    return kept


def _strip_runs_edges(text: str, offsets: list[int]) -> tuple[str, list[int]] | None:
    # Removing inline marks can leave spaces at the edges ("** 标题 **").
    left = len(text) - len(text.lstrip(" "))
    right = len(text.rstrip(" "))
    if left >= right:
        return None
    if left == 0 and right == len(text):
        return text, offsets
    return text[left:right], offsets[left:right]


def _bold_shape(line: str, start: int, end: int) -> tuple[bool, str | None]:
    opening = _BOLD_MARK.match(line, start, end)
    if opening is None:
        return False, None
    closing = _BOLD_MARK.search(line, opening.end(), end)
    if closing is None:
        return False, None
    whole = closing.end() >= end
    lead = _INVISIBLE.sub("", line[opening.end() : closing.start()]).strip()
    return whole, (None if whole or not lead else lead)
