"""Build Documents by hand for extraction tests (plain text: offsets are the identity)."""

from __future__ import annotations

from kg.model import Article, Document, Sentence


def make_document(*sentences: str, focus_place: str | None = None) -> Document:
    text = ""
    built = []
    for index, sentence in enumerate(sentences):
        start = len(text)
        text += sentence
        built.append(Sentence("t.txt", index, start, len(text), sentence, list(range(start, len(text)))))
    articles = [Article(0, "t", 0, len(text), focus_place)]
    return Document("t.txt", "t.txt", "utf-8", text, built, articles)
