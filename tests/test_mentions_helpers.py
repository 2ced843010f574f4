"""Build Documents by hand for extraction tests (plain text: offsets are the identity)."""

from __future__ import annotations

from kg.model import Article, Document, Mention, Sentence
from loaders.mentions.find import find_mentions


def make_document(*sentences: str, focus_place: str | None = None) -> Document:
    text = ""
    built = []
    for index, sentence in enumerate(sentences):
        start = len(text)
        text += sentence
        built.append(Sentence("t.txt", index, start, len(text), sentence, list(range(start, len(text)))))
    articles = [Article(0, "t", 0, len(text), focus_place)]
    return Document("t.txt", "t.txt", "utf-8", text, built, articles)


def mentions_by_text(*sentences: str) -> dict[str, Mention]:
    """The mentions found in the sentences, by the text each covers."""
    return {m.text: m for m in find_mentions(make_document(*sentences)).mentions}


def mentions_by_canonical(*sentences: str) -> dict[str, Mention]:
    """The mentions found in the sentences, by canonical name."""
    return {m.canonical: m for m in find_mentions(make_document(*sentences)).mentions}


def chain_names(*sentences: str) -> set[str]:
    """The canonical names of the chains found in the sentences (without 产业)."""
    return {m.canonical for m in find_mentions(make_document(*sentences)).mentions if m.type == "IndustryChain"}
