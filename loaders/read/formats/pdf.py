"""PDF reader (pypdfium2: PDFium, BSD/Apache licensed).

Each page's text layer in reading order, lines as PDFium lays them out, pages one after
another; lines broken at the page's edge are rejoined later by the reading pipeline, and
page numbers and running heads are dropped (and reported) by its cleaning stage, as for
any other text. Spaces PDFium makes up next to Chinese characters (letter-spaced titles,
justified lines) are left out; spaces the PDF holds are kept. Radical look-alikes (⼈ for
人, ⺠ for 民) are folded to the ideographs they stand for (loaders.read.formats.radicals). A
scanned PDF has no text layer: it reads as empty and the build lists it as skipped (no
OCR is done).

Metadata: the title from the PDF's document information when it is a real title (has
Chinese, is not a file name); the date from the text (the date under the signature, or a
dateline at the top), else the PDF's creation date; a publisher from a "来源：" line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kg.errors import InputError
from loaders.read.formats.base import SourceText, date_in_text, plausible_title, publisher_in_text
from loaders.read.formats.radicals import fold_radicals

_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})(\d{2})")


class PdfReader:
    def read(self, path: Path) -> SourceText:
        import pypdfium2 as pdfium  # imported on first use: a text-only build never loads PDFium

        try:
            pdf = pdfium.PdfDocument(path)
        except pdfium.PdfiumError as exc:
            raise InputError(f"{path}: cannot be read as PDF ({exc})") from exc
        try:
            pages = []
            for index in range(len(pdf)):
                page = pdf[index]
                textpage = page.get_textpage()
                pages.append(_page_text(textpage))
                textpage.close()
                page.close()
            info = pdf.get_metadata_dict(skip_empty=True)
        finally:
            pdf.close()
        text = fold_radicals("\n".join(p.replace("\r\n", "\n").strip("\n") for p in pages))
        return SourceText(
            text=text,
            file_format="pdf",
            title=_title(info.get("Title", "")),
            date=date_in_text(text) or _info_date(info.get("CreationDate", "")),
            publisher=publisher_in_text(text),
        )


def _is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef"


def _page_text(textpage: Any) -> str:
    """The page's text without the spaces PDFium makes up next to Chinese characters.

    PDFium puts a space wherever the gap between two characters is wide, so letter-spaced
    titles and justified lines come out as "合 肥 市"; such a space is marked as generated
    (FPDFText_IsGenerated), unlike a space the PDF really holds, which is kept."""
    import pypdfium2.raw as pdfium_c

    text: str = textpage.get_text_range()
    if " " not in text or len(text) != textpage.count_chars():  # astral characters: indices differ
        return text
    out = []
    last = len(text) - 1
    for i, ch in enumerate(text):
        if (
            ch == " "
            and 0 < i < last
            and (_is_cjk(text[i - 1]) or _is_cjk(text[i + 1]))
            and pdfium_c.FPDFText_IsGenerated(textpage.raw, i) == 1
        ):
            continue
        out.append(ch)
    return "".join(out)


def _title(raw: str) -> str | None:
    return plausible_title(fold_radicals(raw))


def _info_date(raw: str) -> str | None:
    m = _PDF_DATE.match(raw.strip())
    if not m:
        return None
    year, month, day = (int(g) for g in m.groups())
    if 1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


READER = PdfReader()
