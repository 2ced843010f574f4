"""A news report's dateline names where it was filed ("新华社合肥5月6日电", "中新网北京11月10日电"):
that place is the report's byline, not a place the text speaks of, and is not annotated
(tests/real/README.md: bylines and source lines are not). Its mention is left out; a place
the report also names elsewhere keeps its other mentions.
"""

from __future__ import annotations

import re

from kg.model import Document, Dropped, Mention

STAGE = "mentions"
# The date and the wire word right after the place: "5月6日电", "11月10日讯".
_DATELINE_AFTER = re.compile(r"\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[电讯]")


def drop_dateline_places(doc: Document, mentions: list[Mention]) -> tuple[list[Mention], list[Dropped]]:
    """``mentions`` less each place that opens a dateline, with what was left out."""
    kept: list[Mention] = []
    dropped: list[Dropped] = []
    for mention in mentions:
        if _opens_a_dateline(doc, mention):
            dropped.append(Dropped(doc.name, STAGE, "dateline-place", mention.start, mention.end, mention.text))
        else:
            kept.append(mention)
    return kept, dropped


def _opens_a_dateline(doc: Document, mention: Mention) -> bool:
    if mention.type != "Place":
        return False
    text = doc.sentences[mention.sentence].text
    return _DATELINE_AFTER.match(text, mention.clean_end) is not None
