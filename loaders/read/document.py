"""Read one document: decode, clean, rejoin, deduplicate, split into sentences, and find
sections and articles. Entry point: ``read_document``."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from kg.model import Document, Dropped, Sentence
from loaders import ablation
from loaders.read.articles import find_articles
from loaders.read.blocks import Block
from loaders.read.boilerplate import noise_reason, trailing_credit_start
from loaders.read.cleaning import clean_line, normalise_width
from loaders.read.decoding import DecodedFile, read_text_file
from loaders.read.duplicates import SeenTexts
from loaders.read.formats.base import read_source
from loaders.read.joining import rejoin_broken_paragraphs
from loaders.read.line_kinds import block_from_line
from loaders.read.script import to_simplified
from loaders.read.sections import SectionTracker
from loaders.read.sentences import split_block
from loaders.read.titles import document_title

_STAGE = "clean"


def read_document(path: str | Path) -> Document:
    """Read a .txt or .md file into a Document of cleaned sentences with offsets; a PDF,
    Word or HTML file is first turned into text by its reader (loaders.read.formats), and the
    offsets point into that text."""
    path = Path(path)
    source = read_source(path)  # None for .txt/.md
    decoded = read_text_file(path) if source is None else DecodedFile(source.text, "utf-8")
    document = Document(path.name, str(path), decoded.encoding, decoded.text)
    if source is not None:
        source.describe(document)
    if not decoded.text.strip():
        document.dropped.append(Dropped(path.name, _STAGE, "empty-file", 0, len(decoded.text)))
        return document
    blocks = _line_blocks(document)
    joined = rejoin_broken_paragraphs(blocks)
    for block in joined.interrupting:
        document.dropped.append(_dropped(document, block, "interrupting-line"))
    kept = _without_duplicate_paragraphs(document, joined.blocks)
    document.title = document.title or document_title(kept)
    layout = find_articles(kept, document.title)
    document.articles = layout.articles
    _add_sentences(document, kept, layout.article_of_block)
    return document


def _line_blocks(document: Document) -> list[Block]:
    blocks: list[Block] = []
    line_start = 0
    # One for one, so positions in the normalised text are positions in Document.text.
    normalised = normalise_width(document.text)
    conversion = to_simplified(normalised) if ablation.enabled("script-conversion") else None
    if conversion is not None:
        document.script, normalised = conversion.script, conversion.text
    for line in normalised.split("\n"):
        cleaned = clean_line(line, line_start)
        this_line, line_start = line_start, line_start + len(line) + 1
        if cleaned is None:
            continue
        document.dropped.extend(
            Dropped(document.name, _STAGE, cut.reason, cut.start, cut.end, document.text[cut.start : cut.end])
            for cut in cleaned.removed
        )
        reason = noise_reason(cleaned.text)
        if reason is not None:
            document.dropped.append(
                Dropped(document.name, _STAGE, reason, cleaned.offsets[0], cleaned.offsets[-1] + 1, cleaned.text)
            )
            continue
        credit = trailing_credit_start(cleaned.text)
        if credit is not None:
            document.dropped.append(
                Dropped(
                    document.name,
                    _STAGE,
                    "photo-credit",
                    cleaned.offsets[credit],
                    cleaned.offsets[-1] + 1,
                    cleaned.text[credit:].strip(),
                )
            )
            cleaned.text, cleaned.offsets = cleaned.text[:credit], cleaned.offsets[:credit]
        blocks.append(dataclasses.replace(block_from_line(cleaned), indent=cleaned.offsets[0] - this_line))
    return blocks


def _without_duplicate_paragraphs(document: Document, blocks: list[Block]) -> list[Block]:
    seen = SeenTexts()
    kept: list[Block] = []
    for block in blocks:
        if block.kind != "heading" and seen.is_repeat(block.text):
            document.dropped.append(_dropped(document, block, "duplicate-paragraph"))
        else:
            kept.append(block)
    return kept


def _add_sentences(document: Document, blocks: list[Block], article_of_block: list[int]) -> None:
    seen = SeenTexts()
    sections = SectionTracker()
    for block, article in zip(blocks, article_of_block, strict=True):
        info = sections.visit(block)
        for piece in split_block(block):
            start, end = piece.offsets[0], piece.offsets[-1] + 1
            if block.kind != "heading" and seen.is_repeat(piece.text):
                document.dropped.append(Dropped(document.name, _STAGE, "duplicate-sentence", start, end, piece.text))
                continue
            document.sentences.append(
                Sentence(
                    document.name,
                    len(document.sentences),
                    start,
                    end,
                    piece.text,
                    piece.offsets,
                    article,
                    info.section,
                    info.section_place,
                    info.table_header,
                )
            )


def _dropped(document: Document, block: Block, reason: str) -> Dropped:
    return Dropped(document.name, _STAGE, reason, block.start, block.end, block.text)
