"""Reading the seed documents: properties that must hold whatever the details."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from kg.model import Document
from loaders.read.document import read_document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ADVERTISING = re.compile(r"https?://|www\.|公众号|客服|扫码|会员|下载")


def seed(prefix: str) -> Document:
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    return read_document(path)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_seed_reads_with_consistent_offsets(prefix: str) -> None:
    document = seed(prefix)
    assert document.encoding == "utf-8"
    assert document.sentences and document.articles and document.title
    assert [s.index for s in document.sentences] == list(range(len(document.sentences)))
    for sentence in document.sentences[::7]:
        assert len(sentence.offsets) == len(sentence.text)
        for i in range(0, len(sentence.text), 5):
            original, cleaned = document.text[sentence.offsets[i]], sentence.text[i]
            # Equal, or one of them is a full-width form replaced one for one.
            assert original == cleaned or max(ord(original), ord(cleaned)) >= 0x3000
        assert 0 <= sentence.article < len(document.articles)


def test_seed_000_keeps_no_sentence_twice() -> None:
    document = seed("000")
    counts = Counter(re.sub(r"\s", "", s.text) for s in document.sentences)
    repeated = [text for text, n in counts.items() if n > 1 and len(text) >= 8]
    assert repeated == []
    assert any(d.reason == "duplicate-paragraph" for d in document.dropped)
    # The paragraph broken at a page break reads as one sentence again.
    assert sum("构建产业集群梯次发展体系" in s.text for s in document.sentences) == 1


def test_seed_002_keeps_no_advertising() -> None:
    document = seed("002")
    # Advertising lines are short; long policy sentences may say 会员 (山姆会员店).
    short = [s.text for s in document.sentences if len(s.text) <= 80]
    assert not [text for text in short if ADVERTISING.search(text)]
    assert not [s.text for s in document.sentences if re.search(r"https?://|www\.", s.text)]
    assert any(d.reason == "advertising" for d in document.dropped)


def test_seed_003_table_rows_are_sentences() -> None:
    document = seed("003")
    rows = [line for line in document.text.split("\n") if line.count("\t") >= 2 and line.strip()]
    tab_sentences = [s for s in document.sentences if "\t" in s.text]
    assert len(tab_sentences) >= len(rows) * 0.9
    for sentence in tab_sentences:
        line_start = document.text.rfind("\n", 0, sentence.start) + 1
        line_end = document.text.find("\n", sentence.start)
        assert sentence.end <= line_end and sentence.start >= line_start  # one row each


def test_seed_003_county_column_puts_sentences_under_places() -> None:
    places = {s.section_place for s in seed("003").sentences if s.section_place}
    assert {p for p in places if p.endswith("县")}


def test_seed_001_has_several_articles_apart_from_hefei() -> None:
    document = seed("001")
    assert len(document.articles) > 1
    hefei = [a.index for a in document.articles if a.focus_place == "合肥市"]
    assert len(hefei) == 1
    foreign = re.compile(r"南京|栖霞|北京|顺义|朝阳区")
    in_hefei = [s.text for s in document.sentences if s.article == hefei[0]]
    assert not [text for text in in_hefei if foreign.search(text)]
    elsewhere = [s for s in document.sentences if foreign.search(s.text)]
    assert elsewhere and all(s.article != hefei[0] for s in elsewhere)
