"""Find a document's title: the most title-like line before the text begins."""

from __future__ import annotations

from loaders.read.blocks import TITLE_LIKE_LEVEL, Block
from loaders.read.line_kinds import byline_start

_LEAD_IN_LENGTH = 30


def document_title(blocks: list[Block]) -> str | None:
    """A level-1 markdown heading if the document opens with one, else the longest
    title-like line (no sentence-final punctuation, no dash subtitle) before the first
    paragraph; a byline on the title's line is cut off."""
    candidates: list[str] = []
    for block in blocks:
        if _is_body_text(block):
            break
        if block.kind == "heading" and block.heading_level == 1:
            return block.text
        if block.kind == "byline" and _without_byline(block):
            return _without_byline(block)  # a title sharing its line with the byline
        if _is_title_candidate(block):
            candidates.append(block.text)
    return max(candidates, key=len) if candidates else None


def _is_body_text(block: Block) -> bool:
    # Short lead-ins ("各位代表：") come before the text too; body text is long or has 。.
    return block.kind == "paragraph" and (len(block.text) > _LEAD_IN_LENGTH or "。" in block.text)


def _is_title_candidate(block: Block) -> bool:
    return block.kind == "heading" and not block.subtitle and block.heading_level <= TITLE_LIKE_LEVEL


def _without_byline(block: Block) -> str:
    cut = byline_start(block.text)
    if not cut:
        return ""
    # Drop a dateline between the title and the byline ("… 2025年05月16日 本报记者 …").
    words = block.text[:cut].split()
    while words and any(ch.isdigit() for ch in words[-1]):
        words.pop()
    return " ".join(words)
