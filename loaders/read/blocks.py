"""The unit passed between the reading steps: one cleaned line or rejoined paragraph."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["paragraph", "heading", "table-row", "byline"]

# Heading levels for headings without markdown marks; markdown '#'..'######' use 1..6.
CHAPTER_LEVEL = 1  # 第X章
SECTION_LEVEL = 2  # 第X节, 专栏
NUMBERED_LEVEL = 3  # 一、…
SUBNUMBERED_LEVEL = 4  # （一）…
BOLD_LEVEL = 5  # a short line in bold
TITLE_LIKE_LEVEL = 6  # a short line without sentence-final punctuation
SUBTITLE_LEVEL = 6  # a short line opening with a dash under a title


@dataclass(slots=True)
class Block:
    text: str  # cleaned
    offsets: list[int]  # original offset of each character of text
    kind: BlockKind
    heading_level: int = 0  # 0 unless kind == "heading"
    bold_lead: str | None = None  # a bold run opening the paragraph ("庐江县。")
    subtitle: bool = False  # a heading opening with a dash ("——南京栖霞区政协…")
    # Characters of its line before the text (a paragraph's "　　" indent, a bullet): a
    # fixed-width layout counts them in the line's width.
    indent: int = 0

    @property
    def start(self) -> int:
        return self.offsets[0]

    @property
    def end(self) -> int:
        return self.offsets[-1] + 1
