"""Split a block's cleaned text into sentences, carrying the offsets along."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.read.blocks import Block

# A sentence runs to 。！？ (and any closing quotes or brackets right after). ；
# does not end a sentence: the clauses it separates share their subject, and relation
# rules need that context.
_SENTENCE = re.compile(r"[^。！？]+(?:[。！？]+[”’」』）)\"']*)?|[。！？]+")
_EDGE_SPACES = " \t"
# str.isalnum, as one regex scan: \w is alphanumeric or "_" (identical on all of Unicode).
_ALNUM = re.compile(r"[^\W_]")


# No sentence is longer than this: a line with no sentence end (a tab-separated dump, a
# minified page) would otherwise be one sentence, and mention finding is quadratic in a
# sentence's length. Real sentences stay far below it (the longest in the seeds: 480).
MAX_SENTENCE_LENGTH = 1000
# Where a too-long sentence is cut: after the last of these before the limit.
_SOFT_BREAKS = "；，、;, \t"


@dataclass(slots=True)
class SentencePiece:
    text: str
    offsets: list[int]


def split_block(block: Block) -> list[SentencePiece]:
    """Headings and table rows are one sentence each; paragraphs split at 。！？; no piece
    is longer than MAX_SENTENCE_LENGTH."""
    if block.kind != "paragraph":
        return _bounded(SentencePiece(block.text, block.offsets))
    pieces: list[SentencePiece] = []
    for match in _SENTENCE.finditer(block.text):
        piece = _trimmed(block, match.start(), match.end())
        if piece is not None:
            pieces.extend(_bounded(piece))
    return pieces


def _bounded(piece: SentencePiece) -> list[SentencePiece]:
    if len(piece.text) <= MAX_SENTENCE_LENGTH:
        return [piece]
    pieces: list[SentencePiece] = []
    text, offsets = piece.text, piece.offsets
    start = 0  # walked forward, never sliced off: one pass over a line of any length
    while len(text) - start > MAX_SENTENCE_LENGTH:
        window = (start + MAX_SENTENCE_LENGTH // 2, start + MAX_SENTENCE_LENGTH)
        cut = max(text.rfind(ch, *window) for ch in _SOFT_BREAKS) + 1
        if cut <= 0:
            cut = start + MAX_SENTENCE_LENGTH
        pieces.append(SentencePiece(text[start:cut], offsets[start:cut]))
        start = cut
    if text[start:].strip():
        pieces.append(SentencePiece(text[start:], offsets[start:]))
    return pieces


def _trimmed(block: Block, start: int, end: int) -> SentencePiece | None:
    text = block.text[start:end]
    if text[0] not in _EDGE_SPACES and text[-1] not in _EDGE_SPACES:  # most sentences
        if not _ALNUM.search(text):
            return None
        return SentencePiece(text, block.offsets[start:end])
    left = len(text) - len(text.lstrip(_EDGE_SPACES))
    right = len(text.rstrip(_EDGE_SPACES))
    if left >= right or not _ALNUM.search(text):
        return None
    return SentencePiece(text[left:right], block.offsets[start + left : start + right])
