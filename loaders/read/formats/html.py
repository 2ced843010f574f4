"""HTML reader (trafilatura, Apache-2.0): a saved web page's main text, without navigation,
footers, share bars or comments, and what the page says about itself.

The text is the page's title (when the main text does not already open with it), then the
main text one paragraph per line; table rows become tab-separated lines (the form the
reading pipeline takes as a table row).

Metadata, first found wins:
- title: <meta name="ArticleTitle">, then trafilatura's (og:title, <h1>, <title>), without
  a site name after "_" or "|";
- date: <meta name="PubDate">/"publishdate"/article:published_time, then htmldate through
  trafilatura, then a date in the text;
- publisher: <meta name="ContentSource">, a "来源：" line anywhere on the page, then
  <meta name="SiteName"> / og:site_name (Chinese government pages carry these);
- source URL: the page's canonical or og:url address.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from kg.errors import InputError
from loaders.read.formats.base import SourceText, date_in_text, dates_in, publisher_in_text

_META_TITLE = ("articletitle", "og:title")
_META_DATE = ("pubdate", "publishdate", "article:published_time", "firstpublishedtime", "dc.date")
_META_PUBLISHER = ("contentsource", "source", "dc.publisher")
_META_SITE = ("sitename", "og:site_name")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_TABLE_ROW = re.compile(r"^\|(.*)\|\s*$")


class HtmlReader:
    def read(self, path: Path) -> SourceText:
        import trafilatura  # imported on first use
        from trafilatura.utils import load_html

        logging.getLogger("trafilatura").setLevel(logging.ERROR)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc
        if not data.strip():
            return SourceText(text="", file_format="html")
        tree = load_html(data)  # the page's own charset (GBK pages too), XML declarations allowed
        if tree is None:
            raise InputError(f"{path}: cannot be read as HTML")
        meta = _meta(tree)
        page_text = " ".join(tree.xpath("//body//text()"))  # before trafilatura prunes the tree
        found: Any = trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            include_tables=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            # htmldate's extensive search hands free text to dateparser, which compiles its
            # patterns for some 200 locales on first use (about 2 s); the text's own date is
            # looked for below instead
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
        body = _lines(found.text if found is not None and found.text else "")
        title = _first(meta, _META_TITLE) or (found.title if found is not None else None)
        title = _without_site_name(title) if title else None
        if title and body and not body[0].startswith(title[:20]):
            body.insert(0, title)
        text = "\n".join(body)
        return SourceText(
            text=text,
            file_format="html",
            title=title or None,
            date=_meta_date(meta) or (found.date if found is not None else None) or date_in_text(text),
            publisher=(
                _first(meta, _META_PUBLISHER)
                or publisher_in_text(text)
                or _source_anywhere(page_text)
                or _site_name(meta, found)
            ),
            source_url=(found.url if found is not None else None) or None,
        )


_TITLE_SEPARATORS = re.compile(r"\s*(?:_|\||｜| - | – | — )\s*")


def _without_site_name(title: str) -> str | None:
    """ "关于…的通知_合肥市人民政府" -> "关于…的通知": a <title> often ends with the site's
    name; the longest part is the article's title."""
    parts = [p for p in _TITLE_SEPARATORS.split(title.strip()) if p]
    return max(parts, key=len) if parts else None


def _meta(tree: Any) -> dict[str, str]:
    """<meta name=... content=...> and <meta property=...>, names lower-cased, first wins."""
    out: dict[str, str] = {}
    for el in tree.xpath("//meta[@content]"):
        key = (el.get("name") or el.get("property") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value and key not in out:
            out[key] = value
    return out


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if meta.get(key):
            return meta[key]
    return None


def _meta_date(meta: dict[str, str]) -> str | None:
    raw = _first(meta, _META_DATE)
    dates = dates_in(raw) if raw else []
    return dates[0][1] if dates else None


def _source_anywhere(page_text: str) -> str | None:
    m = re.search(r"来源\s*[:：]\s*([^\s:：|｜]{2,30})", page_text)
    return m.group(1) if m else None


def _site_name(meta: dict[str, str], found: Any) -> str | None:
    name = _first(meta, _META_SITE) or (found.sitename if found is not None else None)
    return name if name and _CJK.search(name) else None


def _lines(text: str) -> list[str]:
    out = []
    for line in text.split("\n"):
        row = _TABLE_ROW.match(line.strip())
        if row:
            line = "\t".join(cell.strip() for cell in row.group(1).split("|"))
        if line.strip():
            out.append(line.rstrip())
    return out


READER = HtmlReader()
