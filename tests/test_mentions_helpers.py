"""Build Documents by hand for extraction tests (plain text: offsets are the identity)."""

from __future__ import annotations

from kg.model import Article, Document, Mention, Sentence
from loaders.mentions.find import find_mentions
from loaders.relations.rule_examples import extract_text


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


def names_of_class(sentence: str, cls: str, *, canonical: bool = False) -> set[str]:
    """The names of the mentions of class ``cls`` in one sentence: the text each covers, or
    its canonical name."""
    mentions = find_mentions(make_document(sentence)).mentions
    return {m.canonical if canonical else m.text for m in mentions if m.type == cls}


def relation_triples(text: str) -> set[tuple[str, str, str]]:
    """(type, head name, tail name) of every relation the whole pipeline finds in ``text``."""
    extraction = extract_text(text)
    names = {e.id: e.name for e in extraction.entities}
    return {(r.type, names[r.head], names[r.tail]) for r in extraction.relations}
